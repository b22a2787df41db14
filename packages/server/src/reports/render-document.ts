import { romanise } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { renderPassportDocx, renderPassportPdf } from './render-passport';
import { renderPlanDocx, renderPlanPdf } from './render-plan';
import { renderReportDocx, renderReportPdf } from './render-report';
import type { ReportData } from './report-data';

export const DOCUMENTS = ['plan', 'report', 'passport'] as const;
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type TReportDocument = (typeof DOCUMENTS)[number];
export type TDocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export const CONTENT_TYPES: Record<TDocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const RENDERERS: Record<TReportDocument, Record<TDocumentFormat, (data: ReportData) => Promise<Buffer>>> = {
  plan: { docx: renderPlanDocx, pdf: renderPlanPdf },
  report: { docx: renderReportDocx, pdf: renderReportPdf },
  passport: { docx: renderPassportDocx, pdf: renderPassportPdf },
};

const FILE_NAME_KEYS: Record<TReportDocument, string> = { plan: 'documents.plan.fileName', report: 'documents.report.fileName', passport: 'documents.passport.fileName' };

/** Lower-case ASCII words joined by hyphens: "Bełżyce" → "belzyce", "Хмільницька" → "khmilnytska". */
export const slug = (text: string): string =>
  text
    .replace(/[łŁ]/g, 'l')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The file's name in Latin letters, so that it survives every mail client and file system: the
 * document's name in its language, the territory's name romanised by its country's rules, the
 * year — `plan-zakhodiv-khmilnytska-2026.docx`.
 */
export function documentFileName(document: TReportDocument, format: TDocumentFormat, data: ReportData): string {
  const name = translator(data.language)(FILE_NAME_KEYS[document]);
  const place = slug(romanise(data.territory.name, data.territory.country)) || slug(data.territory.code);
  return `${[slug(name), place, String(data.assessment.year)].filter(Boolean).join('-')}.${format}`;
}

/** One of the assessment's documents, ready to send: its bytes, file name and media type. */
export async function renderDocument(document: TReportDocument, format: TDocumentFormat, data: ReportData): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const body = await RENDERERS[document][format](data);
  return { body, fileName: documentFileName(document, format, data), contentType: CONTENT_TYPES[format] };
}
