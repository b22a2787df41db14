import type { GapRow } from '@potreby/domain';
import type { TBlock, TTableCell } from '../reports/document-blocks';
import type { TOfficialWords } from './official-words';
import type { TProposalRow, TSiteRow } from './sources';

/** The tables the planning proposal, the annual plan and the programme share. */

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
  const priced = rows.filter(([, r]) => r.priced > 0);
  // Money a year only: a source whose changes carry no cost has no bar rather than a bar of 0.
  const chart: TBlock[] =
    priced.length === 0
      ? []
      : [{ kind: 'chart', title: t('documents.proposals.costChart'), unit: t('documents.proposals.costUnit', { currency: w.currency }), bars: priced.map(([source, r]) => ({ label: t(`fundingSources.${source}`), value: Math.round(r.cost), text: w.money(r.cost) })) }];
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
    ...chart,
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

/** The registry's sites one by one: name (marked when illustrative), service, provider, place, capacity in its unit. */
export function sitesTable(w: TOfficialWords, sites: readonly TSiteRow[], unitOf: (type: string) => string): TBlock[] {
  const { t } = w;
  return [
    {
      kind: 'table',
      header: [t('documents.common.no'), t('documents.columns.service'), t('documents.columns.serviceType'), t('documents.columns.provider'), t('documents.columns.settlement'), t('documents.columns.unit'), t('documents.columns.capacity')],
      widths: [1, 4, 4, 3.6, 2.6, 2.2, 2],
      align: ['right', 'left', 'left', 'left', 'left', 'left', 'right'],
      size: 'small',
      rows: sites.map((s, i) => [w.number(i + 1), s.demo ? `${s.name} *` : s.name, w.typeName(s.serviceType), s.provider, w.placeName(s.settlementId), w.unit(unitOf(s.serviceType)), w.number(s.capacity)]),
    },
    ...(sites.some((s) => s.demo) ? [{ kind: 'paragraph', size: 'small', runs: [t('documents.common.demoRow')] } satisfies TBlock] : []),
  ];
}
