import type { TBlock, TDocument } from './document-blocks';
import { documentText } from './document-text';
import type { ReportData } from './report-data';
import { chairOf, membersTable, periodLine, titleBlocks } from './title-page';
import { writeDocx } from './write-docx';
import { writePdf } from './write-pdf';

/**
 * The plan of measures for determining the needs, which the executive committee approves
 * (Order No. 130-Н of 19.04.2023): the approval block (filled in once the decision is recorded,
 * blank lines to fill in by hand before), the working group, the measures and the signatures.
 */
export function planOfMeasures(data: ReportData): TDocument {
  const text = documentText(data);
  const { t } = text;
  const { assessment } = data;
  const approved = assessment.planApprovedOn !== null && assessment.planDecision !== null;

  const blocks: TBlock[] = [
    {
      kind: 'approval',
      lines: [
        t('documents.approval.approved'),
        t(`documents.approval.by.${data.territory.country}`),
        approved ? t('documents.approval.decision', { number: assessment.planDecision, date: text.date(assessment.planApprovedOn!) }) : t('documents.approval.blank'),
      ],
    },
    ...titleBlocks(text, data, { kind: t('documents.plan.kind'), title: t('documents.plan.title'), lines: [assessment.title, periodLine(text, data)] }),

    { kind: 'heading', level: 1, text: t('documents.plan.workingGroup') },
    { kind: 'paragraph', runs: [text.counted('members', data.members.length)] },
    membersTable(text, data),

    { kind: 'heading', level: 1, text: t('documents.plan.measures') },
    { kind: 'paragraph', runs: [text.counted('measures', data.measures.length)] },
    {
      kind: 'table',
      header: [t('documents.common.no'), t('documents.columns.activity'), t('documents.columns.responsible'), t('documents.columns.dueDate'), t('documents.columns.status')],
      widths: [1.3, 9, 5, 3.6, 3.2],
      align: ['right', 'left', 'left', 'left', 'left'],
      rows: data.measures.map((m, i) => [text.number(i + 1), m.activity, m.responsible, m.dueDate ? text.date(m.dueDate) : text.none, t(`documents.measureStatus.${m.status}`)]),
    },

    {
      kind: 'signatures',
      signatureLabel: t('documents.common.signature'),
      nameLabel: t('documents.common.fullName'),
      rows: [
        { role: t('documents.plan.signChair'), name: chairOf(data)?.name ?? null },
        { role: t('documents.plan.signSecretary'), name: null },
      ],
    },
  ];

  const kind = t('documents.plan.kind');
  return {
    language: data.language,
    title: `${kind} ${t('documents.plan.title')} — ${text.community}`,
    subject: assessment.title,
    pageLabel: text.pageLabel,
    runningHead: `${text.community} — ${kind}`,
    blocks,
  };
}

export const renderPlanDocx = (data: ReportData): Promise<Buffer> => writeDocx(planOfMeasures(data));
export const renderPlanPdf = (data: ReportData): Promise<Buffer> => writePdf(planOfMeasures(data));
