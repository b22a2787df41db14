import type { TBlock } from '../reports/document-blocks';
import { paragraphsOf } from '../reports/document-text';
import type { ReportData } from '../reports/report-data';
import type { TOfficialWords } from './official-words';
import { fundingTable, proposalsTable, sitesTable } from './official-tables';
import type { TProposalRow, TSiteRow } from './sources';

export type TProgrammeData = {
  year: number;
  /** The diagnosis the programme rests on (the newest needs assessment up to the year). */
  diagnosis: Pick<ReportData, 'assessment' | 'gaps'>;
  registry: { year: number; sites: TSiteRow[] } | null;
  changes: TProposalRow[];
  /** Project fiches the gmina has taken on (shortlisted, in the plan, funded). */
  fiches: { title: string; status: string; totalCost: number; peopleReached: number | null; serviceTypes: string[] }[];
  demo: boolean;
  today: string;
};

/**
 * A Polish gmina's programme of social services (Act of 19 July 2019): what the diagnosis
 * found, the services the gmina provides, those it will develop (the planning round's changes
 * and the project fiches it has taken on), how residents reach them and how the programme is
 * monitored, its cost, and the lines for the council's resolution.
 */
export function programme(w: TOfficialWords, data: TProgrammeData, unitOf: (type: string) => string): TBlock[] {
  const { t, own } = w;
  const a = data.diagnosis.assessment;
  const written = (value: string | null): TBlock[] => {
    const parts = paragraphsOf(value);
    return parts.length === 0 ? [{ kind: 'paragraph', runs: [{ text: t('documents.common.notWritten'), italic: true }] }] : parts.map((p): TBlock => ({ kind: 'paragraph', align: 'justify', runs: [p] }));
  };
  const blocks: TBlock[] = [
    ...w.cover([own('year', { year: data.year }), t('documents.common.preparedOn', { date: w.date(data.today) })], data.demo),
    { kind: 'approval', lines: [t('documents.approval.approved'), own('approvedBy'), t('documents.approval.blank')] },
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: own('introduction') },
    { kind: 'paragraph', align: 'justify', runs: [own('intro', { diagnosis: a.title, from: w.date(a.periodFrom), to: w.date(a.periodTo) })] },
    { kind: 'heading', level: 1, text: own('diagnosis') },
    { kind: 'heading', level: 2, text: own('conclusions') },
    ...written(a.conclusions),
    { kind: 'heading', level: 2, text: own('shortages') },
  ];
  const short = data.diagnosis.gaps.filter((g) => g.comparable && g.gap !== null && g.gap > 0);
  if (short.length === 0) blocks.push({ kind: 'paragraph', runs: [own('noShortages')] });
  else
    blocks.push({
      kind: 'table',
      header: [t('documents.columns.serviceType'), t('documents.columns.method'), t('documents.columns.unit'), t('documents.columns.capacity'), own('shortage')],
      widths: [6, 3, 2.6, 2.4, 2.4],
      align: ['left', 'left', 'left', 'right', 'right'],
      size: 'small',
      rows: short.map((g) => [w.typeName(g.serviceType), t(`documents.gapMethod.${g.method}`), w.unit(g.unit), w.number(g.capacity), w.number(Math.round(g.gap ?? 0))]),
    });

  blocks.push({ kind: 'heading', level: 1, text: own('services') });
  if (!data.registry || data.registry.sites.length === 0) blocks.push({ kind: 'paragraph', runs: [t('documents.common.noData')] });
  else
    blocks.push({ kind: 'paragraph', runs: [own('servicesText', { registry: data.registry.year })] }, ...sitesTable(w, data.registry.sites, unitOf));

  blocks.push({ kind: 'heading', level: 1, text: own('development') });
  if (data.changes.length === 0 && data.fiches.length === 0) blocks.push({ kind: 'paragraph', runs: [own('noDevelopment')] });
  if (data.changes.length > 0) blocks.push({ kind: 'heading', level: 2, text: own('changes') }, proposalsTable(w, data.changes));
  if (data.fiches.length > 0)
    blocks.push({ kind: 'heading', level: 2, text: own('fiches') }, {
      kind: 'table',
      header: [t('documents.common.no'), own('ficheTitle'), t('documents.columns.serviceType'), own('ficheStatus'), own('fichePeople'), own('ficheCost')],
      widths: [1, 6, 4, 2.4, 2.2, 2.6],
      align: ['right', 'left', 'left', 'left', 'right', 'right'],
      size: 'small',
      rows: data.fiches.map((f, i) => [w.number(i + 1), f.title, f.serviceTypes.map((s) => w.typeName(s)).join(', ') || w.none, t(`fiches.statuses.${f.status}`), w.maybe(f.peopleReached), w.money(f.totalCost)]),
    });

  blocks.push(
    { kind: 'heading', level: 1, text: own('access') },
    { kind: 'paragraph', align: 'justify', runs: [own('accessText')] },
    { kind: 'heading', level: 1, text: own('monitoring') },
    { kind: 'paragraph', align: 'justify', runs: [own('monitoringText')] },
  );
  if (data.changes.length > 0) blocks.push({ kind: 'heading', level: 1, text: own('funding') }, ...fundingTable(w, data.changes));
  blocks.push({ kind: 'paragraph', runs: [''] }, w.signatures([own('signDirector')]));
  return blocks;
}
