import { formatNumber } from '@potreby/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from './read-document-text';
import { broadAgeBands, renderPassportDocx, renderPassportPdf } from './render-passport';
import type { ReportData } from './report-data';
import { khmilnykReport, velingradReport } from './report-fixtures';

type Texts = { docx: string; pdf: string; pages: number };

async function render(data: ReportData): Promise<Texts> {
  const [docx, pdf] = await Promise.all([renderPassportDocx(data), renderPassportPdf(data)]);
  const pdfText = readPdf(pdf).text;
  return { docx: flatten(readDocx(docx).text), pdf: flatten(pdfText), pages: Number(/ з (\d+)\s*$/.exec(pdfText)?.[1] ?? /от (\d+)\s*$/.exec(pdfText)?.[1] ?? 1) };
}

describe('social passport', () => {
  let uk: Texts;
  let bg: Texts;
  beforeAll(async () => {
    [uk, bg] = await Promise.all([render(khmilnykReport()), render(velingradReport())]);
  }, 60_000);

  it.each(['docx', 'pdf'] as const)('of Khmilnyk hromada (%s): identification, people, services, needs, chair', (format) => {
    const text = uk[format];
    expect(text).toContain('СОЦІАЛЬНИЙ ПАСПОРТ');
    expect(text).toContain('Демонстраційні дані — ілюстративні цифри');
    expect(text).toContain('Код КАТОТТГ');
    expect(text).toContain('UA05120170000013778');
    expect(text).toContain('Вінницька');
    expect(text).toContain('Хмільницький');
    expect(text).toContain('42 населені пункти');
    expect(text).toContain(`Чисельність населення у 2022 році: ${formatNumber('uk', 42994)}`);
    // Ten-year bands merged into broad groups.
    expect(text).toContain('0–19');
    expect(text).toContain('80+');
    expect(text).toContain('Особи з інвалідністю');
    expect(text).toContain('Догляд вдома');
    expect(text).toContain('3\u00a0523 (2\u00a0790 – 4\u00a0380)');
    expect(text).toContain('Найбільші розриви між потребою і потужністю');
    // Capacity summed per unit (25 places, 300 persons a year), never added into one "325".
    expect(text).toContain('місця: 25; осіб на рік: 300');
    expect(text).not.toContain('325');
    // The survey's persons named as persons beside a capacity in persons a year.
    expect(text).toContain('потреба: особи; потужність: осіб на рік');
    expect(text).toContain('Голова робочої групи');
    expect(text).toContain('Олена Ковальчук');
  });

  it('fits in two or three pages', () => {
    expect(uk.pages).toBeGreaterThanOrEqual(1);
    expect(uk.pages).toBeLessThanOrEqual(3);
  });

  it.each(['docx', 'pdf'] as const)('of a Bulgarian municipality (%s)', (format) => {
    const text = bg[format];
    expect(text).toContain('СОЦИАЛЕН ПАСПОРТ');
    expect(text).toContain('Код по ЕКАТТЕ');
    expect(text).toContain('PAZ08');
    expect(text).toContain('21 населени места');
    expect(text).toContain(formatNumber('bg', 31828));
    expect(text).toContain('Домашна грижа / домашен социален патронаж');
    expect(text).toContain('Мария Петрова');
    expect(text).not.toContain('Демонстрационни данни');
  });

  it('merges age bands only into groups their ages fall in', () => {
    const bands = khmilnykReport().profile.ageBands;
    expect(broadAgeBands(bands).map((b) => [b.ageFrom, b.ageTo])).toEqual([
      [0, 19],
      [20, 39],
      [40, 59],
      [60, 79],
      [80, null],
    ]);
    const merged = broadAgeBands(bands);
    expect(merged.reduce((a, b) => a + b.female + b.male, 0)).toBe(42994);
    // Few bands are shown as they are.
    const few = velingradReport().profile.ageBands;
    expect(broadAgeBands(few)).toEqual(few);
  });
});
