import { LANGUAGES } from '@potreby/i18n';
import { describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from './read-document-text';
import { documentFileName, renderDocument } from './render-document';
import type { ReportData } from './report-data';
import { khmilnykReport, velingradReport } from './report-fixtures';

describe('renderDocument', () => {
  it('names files in Latin letters after the document, the territory and the year', () => {
    expect(documentFileName('plan', 'docx', khmilnykReport())).toBe('plan-zakhodiv-khmilnytska-2026.docx');
    expect(documentFileName('report', 'pdf', khmilnykReport())).toBe('zvit-khmilnytska-2026.pdf');
    expect(documentFileName('passport', 'pdf', velingradReport())).toBe('sotsialen-pasport-velingrad-2026.pdf');
    const polish: ReportData = { ...velingradReport(), language: 'pl', territory: { code: '0602042', name: 'Bełżyce', nameEn: null, level: 'municipality', country: 'PL', parents: ['lubelskie', 'lubelski'] } };
    expect(documentFileName('plan', 'pdf', polish)).toBe('plan-dzialan-belzyce-2026.pdf');
    expect(documentFileName('report', 'docx', { ...khmilnykReport(), language: 'en' })).toBe('assessment-report-khmilnytska-2026.docx');
  });

  it('returns the bytes with their media type', async () => {
    const docx = await renderDocument('plan', 'docx', khmilnykReport());
    expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
    expect(docx.fileName).toBe('plan-zakhodiv-khmilnytska-2026.docx');
    const pdf = await renderDocument('passport', 'pdf', khmilnykReport());
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
  }, 30_000);

  // Every key a document uses exists in every language: a missing one would print as "documents.…".
  it.each(LANGUAGES)('writes every document in %s without a missing translation', async (language) => {
    for (const fixture of [khmilnykReport(), velingradReport()]) {
      const data: ReportData = { ...fixture, language };
      for (const document of ['plan', 'report', 'passport'] as const) {
        const text = flatten(readDocx((await renderDocument(document, 'docx', data)).body).text);
        expect(text, `${language} ${document}`).not.toMatch(/documents\.|serviceTypes\.|indicators\.|populationHow\.|levelsByCountry\.|\{\{/);
      }
    }
    const pdf = flatten(readPdf((await renderDocument('report', 'pdf', { ...khmilnykReport(), language })).body).text);
    expect(pdf).not.toMatch(/documents\.|\uFFFD/);
  }, 60_000);

  it('cites the law of the territory\'s country on the title page', async () => {
    const polish: ReportData = { ...velingradReport(), language: 'pl', territory: { code: '0602042', name: 'Bełżyce', nameEn: null, level: 'municipality', country: 'PL', parents: ['lubelskie', 'lubelski'] } };
    const text = flatten(readDocx((await renderDocument('plan', 'docx', polish)).body).text);
    expect(text).toContain('Ustawa z dnia 19 lipca 2019 r. o realizowaniu usług społecznych przez centrum usług społecznych');
    expect(text).toContain('Gmina Bełżyce');
    expect(text).toContain('zarządzeniem wójta');
  });
});
