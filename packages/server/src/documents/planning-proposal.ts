import type { GapRow } from '@potreby/domain';
import type { TBlock } from '../reports/document-blocks';
import type { TOfficialWords } from './official-words';
import { capacityByType, fundingTable, gapTable, proposalsTable } from './official-tables';
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
