import type { GapRow } from '@potreby/domain';
import type { TBlock, TTableCell } from '../reports/document-blocks';
import type { TOfficialWords } from './official-words';
import type { TProposalRow, TSiteRow } from './sources';

export type TProposalData = {
  /** The year of the registry and need figures shown (the asked year's, else the newest registry before it). */
  year: number;
  round: { periodStart: number; periodEnd: number; method: string; territory: string };
  population: { year: number; total: number } | null;
  registry: { year: number; sites: TSiteRow[] } | null;
  gaps: GapRow[];
  items: TProposalRow[];
  demo: boolean;
  today: string;
};

/** Capacity of the sites by service type, in each type's unit: one row per type, never a grand total of places and persons. */
export function capacityByType(w: TOfficialWords, sites: readonly TSiteRow[], unitOf: (type: string) => string): TTableCell[][] {
  const byType = new Map<string, { sites: number; capacity: number; users: number | null; waiting: number | null }>();
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  for (const s of sites) {
    const row = byType.get(s.serviceType) ?? { sites: 0, capacity: 0, users: null, waiting: null };
    byType.set(s.serviceType, { sites: row.sites + 1, capacity: row.capacity + s.capacity, users: add(row.users, s.users), waiting: add(row.waiting, s.waitingList) });
  }
  return [...byType]
    .map(([type, r]) => ({ name: w.typeName(type), type, r }))
    .sort((a, b) => a.name.localeCompare(b.name, w.language))
    .map(({ name, type, r }) => [name, w.number(r.sites), w.unit(unitOf(type)), w.number(r.capacity), w.maybe(r.users), w.maybe(r.waiting)]);
}

/** The proposals as the table of the planning proposal and the annual plan: one row per change, money per year. */
export function proposalsTable(w: TOfficialWords, items: readonly TProposalRow[]): TBlock {
  const { t } = w;
  const served = (item: TProposalRow) => (item.served.length === 0 ? w.none : item.served.map((s) => `${w.placeName(s.municipalityId)} (${w.number(s.capacity)})`).join(', '));
  return {
    kind: 'table',
    header: [t('documents.common.no'), t('documents.proposals.action'), t('documents.columns.serviceType'), t('documents.proposals.change'), t('documents.columns.settlement'), t('documents.proposals.start'), t('documents.proposals.funding'), t('documents.proposals.cost'), t('documents.proposals.serves')],
    widths: [1, 2.2, 4, 2.4, 2.6, 1.6, 2.6, 2.4, 3],
    align: ['right', 'left', 'left', 'right', 'left', 'right', 'left', 'right', 'left'],
    size: 'small',
    rows: items.map((item, i) => [
      w.number(i + 1),
      t(`proposalActions.${item.action}`),
      w.typeName(item.serviceType),
      `${item.capacityChange > 0 ? '+' : ''}${w.number(item.capacityChange)} ${w.unit(item.unit)}`,
      w.placeName(item.settlementId),
      String(item.startYear),
      t(`fundingSources.${item.fundingSource}`),
      item.annualCost === null ? w.none : w.money(item.annualCost),
      served(item),
    ]),
  };
}

/** Yearly cost of the proposals by source of funding; proposals without a cost are counted apart, never as zero. */
export function fundingTable(w: TOfficialWords, items: readonly TProposalRow[]): TBlock[] {
  const { t } = w;
  const bySource = new Map<string, { cost: number; priced: number; unpriced: number }>();
  for (const item of items) {
    const row = bySource.get(item.fundingSource) ?? { cost: 0, priced: 0, unpriced: 0 };
    if (item.annualCost === null) row.unpriced += 1;
    else {
      row.cost += item.annualCost;
      row.priced += 1;
    }
    bySource.set(item.fundingSource, row);
  }
  if (bySource.size === 0) return [];
  const rows = [...bySource];
  const unpriced = rows.reduce((n, [, r]) => n + r.unpriced, 0);
  return [
    {
      kind: 'table',
      header: [t('documents.proposals.funding'), t('documents.proposals.priced'), t('documents.proposals.cost')],
      widths: [5, 3, 3],
      align: ['left', 'right', 'right'],
      rows: rows.map(([source, r]) => [t(`fundingSources.${source}`), w.number(r.priced), r.priced === 0 ? w.none : w.money(r.cost)]),
      total: [t('documents.common.total'), w.number(rows.reduce((n, [, r]) => n + r.priced, 0)), w.money(rows.reduce((n, [, r]) => n + r.cost, 0))],
    },
    ...(unpriced > 0 ? [{ kind: 'paragraph', size: 'small', runs: [t('documents.proposals.unpriced', { count: unpriced, n: w.number(unpriced) })] } satisfies TBlock] : []),
  ];
}

/** Need, capacity and gap by service type, by the round's method, in the capacity's unit; no estimate is said, never 0. */
export function gapTable(w: TOfficialWords, gaps: readonly GapRow[]): TBlock {
  const { t } = w;
  const rows = gaps
    .filter((g) => g.need !== null || g.capacity > 0)
    .map((g) => ({ g, name: w.typeName(g.serviceType) }))
    .sort((a, b) => a.name.localeCompare(b.name, w.language));
  return {
    kind: 'table',
    header: [t('documents.columns.serviceType'), t('documents.columns.unit'), t('documents.proposals.need'), t('documents.columns.capacity'), t('documents.proposals.gap')],
    widths: [6, 2.6, 2.4, 2.4, 2.4],
    align: ['left', 'left', 'right', 'right', 'right'],
    size: 'small',
    rows: rows.map(({ g, name }) => [
      name,
      w.unit(g.capacityUnit),
      g.need === null ? t('documents.proposals.noEstimate') : w.number(Math.round(g.need)),
      w.number(g.capacity),
      g.gap === null ? (g.comparable ? w.none : t('documents.common.notComparable')) : w.number(Math.round(g.gap)),
    ]),
  };
}

/**
 * A Bulgarian municipality's planning proposal (Ordinance on planning social services): the
 * municipality and the round, its services now, need against capacity by the round's method,
 * the services it proposes to open, expand, reduce, close or transform, with the other
 * municipalities they serve and their yearly cost by source, signed by the mayor.
 */
export function planningProposal(w: TOfficialWords, data: TProposalData, unitOf: (type: string) => string): TBlock[] {
  const { t, own } = w;
  const blocks: TBlock[] = [
    ...w.cover([own('period', { from: data.round.periodStart, to: data.round.periodEnd }), t('documents.common.preparedOn', { date: w.date(data.today) })], data.demo),
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: own('general') },
    { kind: 'paragraph', align: 'justify', runs: [own('intro', { round: data.round.territory, from: data.round.periodStart, to: data.round.periodEnd })] },
    { kind: 'paragraph', runs: [data.population ? own('population', { year: data.population.year, total: w.number(data.population.total) }) : t('documents.report.noPopulation')] },
    { kind: 'heading', level: 1, text: own('services') },
  ];
  if (!data.registry || data.registry.sites.length === 0) blocks.push({ kind: 'paragraph', runs: [t('documents.common.noData')] });
  else {
    blocks.push({ kind: 'paragraph', runs: [own('servicesText', { year: data.registry.year })] });
    blocks.push({
      kind: 'table',
      header: [t('documents.columns.serviceType'), own('sites'), t('documents.columns.unit'), t('documents.columns.capacity'), t('documents.columns.users'), t('documents.columns.waitingList')],
      widths: [6, 2, 2.6, 2.4, 2.4, 2.4],
      align: ['left', 'right', 'left', 'right', 'right', 'right'],
      size: 'small',
      rows: capacityByType(w, data.registry.sites, unitOf),
    });
  }
  blocks.push(
    { kind: 'heading', level: 1, text: own('needs') },
    { kind: 'paragraph', align: 'justify', runs: [own('needsText', { method: t(`documents.gapMethod.${data.round.method}`), year: data.year })] },
    data.gaps.length === 0 ? { kind: 'paragraph', runs: [t('documents.common.noData')] } : gapTable(w, data.gaps),
    { kind: 'heading', level: 1, text: own('proposals') },
  );
  if (data.items.length === 0) blocks.push({ kind: 'paragraph', runs: [own('noProposals')] });
  else {
    blocks.push(proposalsTable(w, data.items));
    for (const item of data.items.filter((i) => i.explanation.trim() !== '')) {
      blocks.push({ kind: 'paragraph', size: 'small', runs: [{ text: `${w.typeName(item.serviceType)} (${t(`proposalActions.${item.action}`)}): `, bold: true }, item.explanation] });
    }
    blocks.push({ kind: 'heading', level: 1, text: own('funding') }, ...fundingTable(w, data.items));
  }
  blocks.push({ kind: 'paragraph', runs: [''] }, w.signatures([own('signMayor')]));
  return blocks;
}
