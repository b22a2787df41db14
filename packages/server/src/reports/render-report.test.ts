import { formatNumber, translator } from '@potreby/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from './read-document-text';
import type { ReportData } from './report-data';
import { khmilnykReport, velingradReport } from './report-fixtures';
import { assessmentReport, renderReportDocx, renderReportPdf } from './render-report';

type Texts = { docx: string; pdf: string; docxFiles: Record<string, string>; pdfFonts: { name: string; embedded: boolean }[] };

async function render(data: ReportData): Promise<Texts> {
  const [docx, pdf] = await Promise.all([renderReportDocx(data), renderReportPdf(data)]);
  const d = readDocx(docx);
  const p = readPdf(pdf);
  return { docx: flatten(d.text), pdf: flatten(p.text), docxFiles: d.files, pdfFonts: p.fonts };
}

/** Khmilnyk with three key questions answered by 1, 3 and 5 people, to see every plural form. */
function withSmallQuestions(): ReportData {
  const data = khmilnykReport();
  data.questions = [1, 3, 5].map((respondents) => ({ title: `Питання для ${respondents}`, respondents, items: [{ text: 'Так', count: null, share: null }] }));
  return data;
}

describe('assessment report', () => {
  let uk: Texts;
  let bg: Texts;
  let plurals: Texts;
  beforeAll(async () => {
    [uk, bg, plurals] = await Promise.all([render(khmilnykReport()), render(velingradReport()), render(withSmallQuestions())]);
  }, 60_000);

  it.each(['docx', 'pdf'] as const)('in Ukrainian (%s) follows the procedure: profile, services, needs, findings, conclusions, annex', (format) => {
    const text = uk[format];
    expect(text).toContain('ЗВІТ');
    expect(text).toContain('про результати визначення потреб населення у соціальних послугах (з висновками)');
    expect(text).toContain('Демонстраційні дані — ілюстративні цифри');
    expect(text).toContain('№\u00a0130\u2011Н');
    for (const heading of ['1. Загальна інформація', '2. Соціально-демографічний профіль громади', '3. Наявні соціальні послуги', '4. Потреби за групами респондентів і видами соціальних послуг', '5. Якісні результати', '6. Висновки та рекомендації', 'Додаток. Склад робочої групи']) {
      expect(text).toContain(heading);
    }
    // Numbers grouped as Ukrainian writes them (a no-break space), and how the population was obtained.
    expect(formatNumber('uk', 42994)).toBe('42\u00a0994');
    expect(text).toContain('Чисельність населення у 2022 році: 42\u00a0994 (з власної таблиці населення одиниці).');
    expect(text).toContain('У громаді 42 населені пункти.');
    expect(text).toContain('Усього опитано: 212 респондентів.');
    expect(text).toContain('Анкетування — Анкета для мешканців, онлайн і на папері');
    expect(text).toContain('Внутрішньо переміщені особи');
    // Services in their official Ukrainian names; synthetic sites marked.
    expect(text).toContain('Догляд вдома');
    expect(text).toContain('Відділення соціальної допомоги вдома *');
    expect(text).toContain('* демонстраційні дані — ілюстративні цифри');
    // Places and persons a year summed apart: 25 places and 300 persons a year, never "325".
    expect(text).toContain('Зареєстровано: 3 місця надання послуг; загальна потужність — місця: 25; осіб на рік: 300; отримувачів — 290.');
    expect(text).not.toContain('325');
    // The estimate with its interval, and the method in two sentences.
    expect(text).toContain('3\u00a0523 (2\u00a0790 – 4\u00a0380)');
    expect(text).toContain('інтервали Вілсона');
    expect(text).toContain('40 з 174');
    // Small cells withheld, with the footnote.
    expect(text).toContain('<5');
    expect(text).toContain('<5: менше ніж 5 респондентів: не показано, щоб нікого не можна було впізнати.');
    expect(text).toContain('Чи потребуєте ви допомоги вдома? (212 респондентів)');
    expect(text).toContain('3\u00a0343');
    expect(text).toContain('опитування');
    // A survey's 2,974 persons for day care beside 25 places: each unit named, no gap or coverage
    // pretending they compare, and how to read them.
    expect(text).toContain('2\u00a0974 (2\u00a0410 – 3\u00a0600)');
    expect(text).toContain('потреба: особи; потужність: місця');
    // After the 25 places: "not comparable" for gap and coverage, not "−2 949" and "1 %".
    expect(text).toMatch(/3\u00a0600\)\s*25\s*не порівнюєть\s?ся\s*не порівнюєть\s?ся/);
    expect(text).toContain('Для таких послуг ці величини не порівнюються один до одного');
    // Findings with their quotes; the working group's own text.
    expect(text).toContain('Доступність послуг у віддалених селах');
    expect(text).toContain('«До Хмільника їздить один автобус на тиждень, а допомога потрібна щодня.»');
    expect(text).toContain('(Фокус-група; Люди похилого віку)');
    expect(text).toContain('Створити мобільну бригаду для сіл, віддалених від Хмільника понад 15 км.');
    expect(text).toContain('Юрій Ґудзь');
    expect(text).toContain('ГО «Єдність заради майбутнього»');
  });

  it.each(['docx', 'pdf'] as const)('writes "1 респондент / 3 респонденти / 5 респондентів" (%s)', (format) => {
    const text = plurals[format];
    expect(text).toContain('Питання для 1 (1 респондент)');
    expect(text).toContain('Питання для 3 (3 респонденти)');
    expect(text).toContain('Питання для 5 (5 респондентів)');
  });

  it.each(['docx', 'pdf'] as const)('in Bulgarian (%s)', (format) => {
    const text = bg[format];
    expect(text).toContain('ДОКЛАД');
    expect(text).toContain('за определяне на потребностите на населението от социални услуги, с изводи');
    expect(text).toContain('Постановление №\u00a0133');
    expect(text).toContain(`Население през 2021 г.: ${formatNumber('bg', 31828)} (сбор от съставните ѝ части).`);
    expect(formatNumber('bg', 31828)).toBe('31\u00a0828');
    expect(text).toContain('В общината има 21 населени места.');
    expect(text).toContain('Общо анкетирани: 61 респонденти.');
    expect(text).toContain('Домашна грижа / домашен социален патронаж');
    expect(text).toContain('Дневна грижа за възрастни хора');
    expect(text).toContain('<5: по-малко от 5 респонденти: не е показано, за да не може никой да бъде разпознат.');
    expect(text).toContain('Работната група все още не е подготвила този раздел.');
    // A method without an estimate says so and why, instead of a row of zeros.
    expect(text).toContain('нормативен: няма оценка — за тези видове услуги тук няма определени нормативи.');
    expect(text).not.toContain('Демонстрационни данни');
  });

  it('has page numbers and a table of contents in DOCX', () => {
    const footers = Object.entries(uk.docxFiles).filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml).join('');
    expect(footers).toContain('Сторінка ');
    expect(footers).toMatch(/PAGE/);
    expect(footers).toMatch(/NUMPAGES/);
    const body = uk.docxFiles['word/document.xml']!;
    expect(body).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;/);
    expect(uk.docx).toContain('Зміст');
    expect(uk.docxFiles['word/settings.xml']).toContain('updateFields');
  });

  it('has page numbers and a table of contents in PDF', () => {
    expect(uk.pdf).toMatch(/Сторінка 2 з \d+/);
    expect(uk.pdf).toMatch(/Зміст 1\. Загальна інформація ?\d/);
  });

  it('embeds Roboto in the PDF, and Cyrillic survives it (ї, є, ґ, ъ)', () => {
    for (const texts of [uk, bg]) {
      expect(texts.pdfFonts.length).toBeGreaterThan(0);
      for (const font of texts.pdfFonts) {
        expect(font.name).toMatch(/Roboto/);
        expect(font.embedded).toBe(true);
      }
    }
    for (const letters of ['ї', 'є', 'ґ', 'Ґ', 'Є', 'і']) expect(uk.pdf).toContain(letters);
    expect(bg.pdf).toContain('ъ');
  });

  it('names service types in the reader\'s language when it is not the country\'s', async () => {
    const data = velingradReport();
    data.language = 'uk';
    const text = flatten(readPdf(await renderReportPdf(data)).text);
    const ukName = translator('uk')('serviceTypes.bg.day_care_elderly');
    expect(ukName).not.toBe('serviceTypes.bg.day_care_elderly');
    expect(text).toContain(ukName);
    expect(text).not.toContain('Дневна грижа за възрастни хора');
    expect(text).toContain('Община Велинград');
  }, 30_000);

  it("charts the Bulgarian analysis's shortages one unit to a chart, never a place beside a person a year", () => {
    const data = velingradReport();
    data.gaps = [
      ...data.gaps,
      { serviceType: 'bg.day_care_elderly', serviceTypeName: 'Дневна грижа за възрастни хора', unit: 'places', needUnit: 'places', comparable: true, method: 'normative', need: 42, needLow: null, needHigh: null, capacity: 30, gap: 12, coverage: 0.71 },
      // Survey persons against places: no shortage can be read, so no bar.
      { serviceType: 'bg.day_care_elderly', serviceTypeName: 'Дневна грижа за възрастни хора', unit: 'places', needUnit: 'persons', comparable: false, method: 'survey', need: 300, needLow: null, needHigh: null, capacity: 30, gap: null, coverage: null },
    ];
    const charts = assessmentReport(data, 'needsAnalysis').blocks.flatMap((b) => (b.kind === 'chart' && b.title === 'Недостиг по вид услуга' ? [b] : []));
    expect(charts.map((c) => c.unit).sort()).toEqual(['лица годишно', 'места'].sort());
    expect(charts.find((c) => c.unit === 'места')!.bars).toEqual([{ label: 'Дневна грижа за възрастни хора', value: 12, text: '12' }]);
    expect(charts.find((c) => c.unit === 'лица годишно')!.bars).toEqual([{ label: 'Домашна грижа / домашен социален патронаж', value: 13, text: '13' }]);
    // The Ukrainian report has no shortages section, so no such chart.
    expect(assessmentReport(data, 'report').blocks.some((b) => b.kind === 'chart' && b.title === 'Недостиг по вид услуга')).toBe(false);
  });

  it('charts the population by age group in persons, one bar per band of the table', () => {
    const data = khmilnykReport();
    const [chart, ...more] = assessmentReport(data).blocks.flatMap((b) => (b.kind === 'chart' ? [b] : []));
    expect(more).toEqual([]);
    expect(chart).toMatchObject({ title: 'Населення за віковими групами', unit: 'особи' });
    const bars = chart!.bars;
    expect(bars.map((b) => b.value)).toEqual(data.profile.ageBands.map((b) => b.female + b.male));
    expect(bars[0]!.text).toBe(formatNumber('uk', data.profile.ageBands[0]!.female + data.profile.ageBands[0]!.male));
  });
});
