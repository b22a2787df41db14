import { formatDate } from '@potreby/i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from './read-document-text';
import { renderPlanDocx, renderPlanPdf } from './render-plan';
import { khmilnykReport, velingradReport } from './report-fixtures';

type Texts = { docx: string; pdf: string };

async function render(data: ReturnType<typeof khmilnykReport>): Promise<Texts> {
  const [docx, pdf] = await Promise.all([renderPlanDocx(data), renderPlanPdf(data)]);
  return { docx: flatten(readDocx(docx).text), pdf: flatten(readPdf(pdf).text) };
}

describe('plan of measures', () => {
  let uk: Texts;
  let bg: Texts;
  beforeAll(async () => {
    [uk, bg] = await Promise.all([render(khmilnykReport()), render(velingradReport())]);
  }, 60_000);

  it.each(['docx', 'pdf'] as const)('in Ukrainian (%s): approved by the executive committee, group, measures, signatures', (format) => {
    const text = uk[format];
    expect(text).toContain('ПЛАН ЗАХОДІВ');
    expect(text).toContain('з визначення потреб населення у соціальних послугах');
    expect(text).toContain('Хмільницька територіальна громада');
    expect(text).toContain('ЗАТВЕРДЖЕНО');
    expect(text).toContain(`рішенням виконавчого комітету від ${formatDate('uk', '2026-03-12')} № 145`);
    // No line break inside the order's number: a no-break space after № and a non-breaking hyphen.
    expect(text).toContain('наказом Міністерства соціальної політики України від 19.04.2023 №\u00a0130\u2011Н');
    expect(text).toContain('Закон України «Про соціальні послуги» №\u00a02671\u2011VIII');
    expect(text).toContain('Демонстраційні дані — ілюстративні цифри');
    expect(text).toContain('4 особи');
    expect(text).toContain('4 заходи');
    expect(text).toContain('Провести анкетування та ґендерний аналіз відповідей');
    expect(text).toContain(formatDate('uk', '2026-05-31'));
    expect(text).toContain('виконується');
    expect(text).toContain('Голова робочої групи');
    // The chair comes first in the list, marked.
    expect(text.indexOf('Олена Ковальчук')).toBeLessThan(text.indexOf('Тетяна Мельник'));
    expect(text).toContain('(голова)');
  });

  it.each(['docx', 'pdf'] as const)('in Bulgarian (%s): blank lines for the approval, no demonstration mark', (format) => {
    const text = bg[format];
    expect(text).toContain('ПЛАН ЗА ДЕЙСТВИЕ');
    expect(text).toContain('УТВЪРДЕН');
    expect(text).toContain('със заповед на кмета на общината № ________ от ________________');
    expect(text).toContain('Постановление №\u00a0133 на Министерския съвет от 06.04.2021 г.');
    expect(text).toContain('Община Велинград');
    expect(text).toContain('Мария Петрова');
    expect(text).toContain('Събиране на административни данни от Агенцията за социално подпомагане');
    expect(text).toContain('1 мярка');
    expect(text).toContain('2 членове');
    expect(text).toContain('изпълнена');
    expect(text).not.toContain('Демонстрационни данни');
  });
});
