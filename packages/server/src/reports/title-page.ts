import type { TBlock } from './document-blocks';
import type { TDocumentText } from './document-text';
import type { ReportData } from './report-data';

/**
 * The top of every document: the demonstration mark when the figures are made up, where the
 * community lies, its name, what the document is, the period, and the law it is prepared under
 * (Ukraine: Order No. 130-Н and Law No. 2671-VIII; Bulgaria: the Ordinance of Decree No. 133;
 * Poland: the act of 19 July 2019).
 */
export function titleBlocks(text: TDocumentText, data: ReportData, document: { kind: string; title: string; lines?: string[]; basis?: string }): TBlock[] {
  const { t } = text;
  const blocks: TBlock[] = [];
  if (text.demo) blocks.push({ kind: 'notice', title: t('documents.common.demo'), text: t('documents.common.demoNote') });
  if (data.territory.parents.length > 0) blocks.push({ kind: 'subtitle', text: data.territory.parents.join(', ') });
  blocks.push({ kind: 'subtitle', text: text.community, size: 'large', bold: true });
  blocks.push({ kind: 'title', text: document.kind });
  blocks.push({ kind: 'subtitle', text: document.title, size: 'large' });
  for (const line of document.lines ?? []) blocks.push({ kind: 'subtitle', text: line });
  blocks.push({ kind: 'subtitle', text: document.basis ? text.t('documents.common.legalBasis', { basis: document.basis }) : text.legalBasis, size: 'small' });
  return blocks;
}

/** The period of the assessment, "Період: 1 бер. 2026 р. – 30 черв. 2026 р.". */
export const periodLine = (text: TDocumentText, data: ReportData): string =>
  text.t('documents.common.period', { from: text.date(data.assessment.periodFrom), to: text.date(data.assessment.periodTo) });

/** The working group with its chair first, as the lists and signatures show it. */
export const membersChairFirst = (data: ReportData): ReportData['members'] => [...data.members.filter((m) => m.chair), ...data.members.filter((m) => !m.chair)];

/** The working group as a table: No., name, organisation, role (the chair marked). */
export function membersTable(text: TDocumentText, data: ReportData): TBlock {
  const { t } = text;
  const chairMark = t('documents.common.chairMark');
  return {
    kind: 'table',
    header: [t('documents.common.no'), t('documents.columns.name'), t('documents.columns.organisation'), t('documents.columns.role')],
    widths: [1.3, 5, 6, 4],
    align: ['right', 'left', 'left', 'left'],
    rows: membersChairFirst(data).map((m, i) => [
      text.number(i + 1),
      m.chair ? { runs: [m.name], bold: true } : m.name,
      m.organisation,
      m.chair && !m.role.toLocaleLowerCase(text.language).includes(chairMark.toLocaleLowerCase(text.language)) ? `${m.role} (${chairMark})` : m.role,
    ]),
  };
}

export const chairOf = (data: ReportData) => data.members.find((m) => m.chair) ?? null;
