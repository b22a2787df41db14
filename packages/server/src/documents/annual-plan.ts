import type { TBlock } from '../reports/document-blocks';
import type { TOfficialWords } from './official-words';
import { fundingTable, proposalsTable, sitesTable } from './official-tables';
import type { TProposalRow, TSiteRow } from './sources';

export type TAnnualPlanData = {
  year: number;
  registry: { year: number; sites: TSiteRow[] } | null;
  /** The round's proposals of the municipality that start in the plan's year. */
  changes: TProposalRow[];
  round: { periodStart: number; periodEnd: number } | null;
  demo: boolean;
  today: string;
};

/**
 * A Bulgarian municipality's annual plan for social services: the services it delivers in the
 * year, site by site, with capacity in its unit; the changes the planning round agreed to start
 * that year; their yearly cost by source; and the lines for the council's decision and the
 * mayor's signature.
 */
export function annualPlan(w: TOfficialWords, data: TAnnualPlanData, unitOf: (type: string) => string): TBlock[] {
  const { t, own } = w;
  const blocks: TBlock[] = [
    ...w.cover([own('year', { year: data.year }), t('documents.common.preparedOn', { date: w.date(data.today) })], data.demo),
    { kind: 'approval', lines: [t('documents.approval.approved'), own('approvedBy'), t('documents.approval.blank')] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: own('services') },
  ];
  if (!data.registry || data.registry.sites.length === 0) blocks.push({ kind: 'paragraph', runs: [t('documents.common.noData')] });
  else {
    blocks.push({ kind: 'paragraph', runs: [own(data.registry.year === data.year ? 'servicesText' : 'servicesTextEarlier', { year: data.year, registry: data.registry.year })] });
    blocks.push(...sitesTable(w, data.registry.sites, unitOf));
  }
  blocks.push({ kind: 'heading', level: 1, text: own('changes') });
  if (!data.round) blocks.push({ kind: 'paragraph', runs: [own('noRound', { year: data.year })] });
  else if (data.changes.length === 0) blocks.push({ kind: 'paragraph', runs: [own('noChanges', { year: data.year, from: data.round.periodStart, to: data.round.periodEnd })] });
  else {
    blocks.push({ kind: 'paragraph', runs: [own('changesText', { year: data.year, from: data.round.periodStart, to: data.round.periodEnd })] });
    blocks.push(proposalsTable(w, data.changes), { kind: 'heading', level: 1, text: own('funding') }, ...fundingTable(w, data.changes));
  }
  blocks.push({ kind: 'paragraph', runs: [''] }, w.signatures([own('signMayor')]));
  return blocks;
}
