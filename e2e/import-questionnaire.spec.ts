import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import plAssessments from '../packages/i18n/src/locales/pl/assessments.json';
import plSurveys from '../packages/i18n/src/locales/pl/surveys.json';
import { expectAccessible, signIn, withAppAndBrowser, openKhmilnykAssessment } from './support/harness';

const pl = { ...plAssessments, ...plSurveys };
const DEMO = 'Анкета: потреби у соціальних послугах (демонстрація)';
const FAMILIES = "Сім'ї з дітьми";

/** An XLSForm workbook (survey, choices, settings sheets) as ODK and KoboToolbox users write them. */
async function xlsForm(
  survey: unknown[][],
  choices: unknown[][],
  settings: unknown[][] = [
    ['form_title', 'default_language'],
    ['Транспорт у громаді', 'Українська (uk)'],
  ],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('survey').addRows(survey);
  workbook.addWorksheet('choices').addRows(choices);
  workbook.addWorksheet('settings').addRows(settings);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function attach(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  await page.getByRole('dialog').locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

async function openQuestionnairesOfKhmilnyk(page: Page): Promise<void> {
  await page.goto('/assessments');
  await openKhmilnykAssessment(page);
  await page.getByTestId('tab-questionnaires').click();
  await page.getByTestId('questionnaire-row').first().waitFor();
}

/**
 * An officer in Poland's UI brings in work done elsewhere: a questionnaire written as an XLSForm
 * (ODK, KoboToolbox) and answers collected on paper and typed into a spreadsheet. A bad file is
 * refused row by row and changes nothing; a good one comes in once.
 */
describe('importing questionnaires and responses', () => {
  const session = withAppAndBrowser();

  it('imports an XLSForm with its translations, lists what it could not convert, and refuses an invalid one', async () => {
    const { page } = await session.newPage('pl');
    await signIn(page);
    await page.getByTestId('language-switch').selectOption('pl');
    await openQuestionnairesOfKhmilnyk(page);
    await page.getByTestId('import-xlsform').click();
    await page.getByRole('dialog', { name: pl.xlsform.title }).waitFor();

    // A form with a list that does not exist and a question without a name: refused, row by row.
    const invalid = await xlsForm(
      [
        ['type', 'name', 'label'],
        ['select_one colours', 'colour', 'Colour?'],
        ['text', '', 'No name'],
      ],
      [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
    );
    await attach(page, 'invalid.xlsx', XLSX, invalid);
    await page.getByTestId('xlsform-import').click();
    await page.getByTestId('import-rejected').waitFor();
    const errors = page.getByTestId('import-error-row');
    await expect.poll(() => errors.count()).toBe(2);
    expect(await errors.first().textContent()).toContain('colours');
    await expectAccessible(page);

    // A good one: in Ukrainian and English, a follow-up shown only after "yes", a device field and a map point it cannot take.
    const good = await xlsForm(
      [
        ['type', 'name', 'label::Українська (uk)', 'label::English (en)', 'relevant', 'constraint'],
        ['start', 'start', '', '', '', ''],
        ['select_one yn', 'uses_transport', 'Чи користуєтеся ви громадським транспортом?', 'Do you use public transport?', '', ''],
        ['integer', 'trips', 'Скільки поїздок на тиждень?', 'How many trips a week?', "${uses_transport} = 'yes'", '. >= 0 and . <= 50'],
        ['geopoint', 'home', 'Де ви живете?', 'Where do you live?', '', ''],
      ],
      [
        ['list_name', 'name', 'label::Українська (uk)', 'label::English (en)'],
        ['yn', 'yes', 'Так', 'Yes'],
        ['yn', 'no', 'Ні', 'No'],
      ],
    );
    await attach(page, 'transport.xlsx', XLSX, good);
    await page.getByTestId('xlsform-import').click();
    const result = page.getByTestId('xlsform-result');
    await result.waitFor();
    expect(await page.getByTestId('xlsform-converted').textContent()).toBe(
      `${pl.xlsform.converted_few.replace('{{formatted}}', '2')} ${pl.xlsform.languages.replace('{{languages}}', 'Ukraiński, Angielski')}`,
    );
    expect(await page.getByTestId('xlsform-unconverted-count').textContent()).toBe(pl.xlsform.unconverted_few.replace('{{formatted}}', '2'));
    const unconverted = page.getByTestId('xlsform-unconverted-row');
    expect(await unconverted.evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent, r.children[2]!.textContent]))).toEqual([
      ['2', 'start', 'start'],
      ['5', 'home', 'geopoint'],
    ]);
    await expectAccessible(page);

    // On to the questionnaire: its questions, the condition and both languages came along.
    await page.getByTestId('xlsform-open').click();
    await page.waitForURL(/\/questionnaires\/\d+$/);
    await page.getByTestId('page-title').getByText('Транспорт у громаді').waitFor();
    await page.getByTestId('language-uk').waitFor();
    await page.getByTestId('language-en').waitFor();
    const trips = page.locator('[data-testid="designer-element"][data-name="trips"]');
    await trips.getByTestId('has-condition').waitFor();
    expect(await page.getByTestId('designer-element').count()).toBe(2);
    expect(await page.getByTestId('element-untranslated').count()).toBe(0);
  });

  it('takes the language of a plain label column from the officer when the form does not say it', async () => {
    const { page } = await session.newPage('pl');
    await signIn(page);
    await page.getByTestId('language-switch').selectOption('pl');
    await openQuestionnairesOfKhmilnyk(page);
    await page.getByTestId('import-xlsform').click();
    await page.getByRole('dialog', { name: pl.xlsform.title }).waitFor();
    // English text in a plain `label` column and no default_language: a Ukrainian hromada's form, but not in Ukrainian.
    const english = await xlsForm([['type', 'name', 'label'], ['text', 'remarks', 'Any remarks?']], [['list_name', 'name', 'label']], [['form_title'], ['Remarks']]);
    await attach(page, 'remarks.xlsx', XLSX, english);
    await page.getByTestId('xlsform-language').click();
    await page.getByRole('listbox').getByRole('option', { name: 'Angielski' }).click();
    await page.getByTestId('xlsform-import').click();
    await page.getByTestId('xlsform-result').waitFor();
    expect(await page.getByTestId('xlsform-converted').textContent()).toBe(
      `${pl.xlsform.converted_one.replace('{{formatted}}', '1')} ${pl.xlsform.languages.replace('{{languages}}', 'Angielski')}`,
    );
    await expectAccessible(page);
  });

  it('imports responses from a spreadsheet all or nothing, and leaves out those stored before', async () => {
    const { page } = await session.newPage('pl');
    await signIn(page);
    await page.getByTestId('language-switch').selectOption('pl');
    await page.goto('/assessments');
    await openKhmilnykAssessment(page);
    await page.getByTestId('tab-methods').click();
    const families = page.getByTestId('group-row').filter({ hasText: FAMILIES }).getByTestId('progress-figures');
    await expect.poll(() => families.textContent()).toBe('104 z 100');

    await page.getByTestId('tab-questionnaires').click();
    await page.getByTestId('import-responses').click();
    const dialog = page.getByRole('dialog', { name: pl.assessments.questionnaires.importResponsesTitle });
    await dialog.waitFor();
    await page.getByTestId('import-responses-questionnaire').click();
    await page.getByRole('listbox').getByRole('option', { name: DEMO }).click();
    await page.getByTestId('import-responses-group').click();
    await page.getByRole('listbox').getByRole('option', { name: FAMILIES }).click();

    // A whole number that is not one, an answer that is not on the list: nothing is imported.
    await attach(page, 'papier.csv', 'text/csv', Buffer.from('age,lives_alone\nabc,no\n41,maybe\n', 'utf8'));
    await page.getByTestId('import-responses-submit').click();
    await dialog.getByTestId('import-rejected').waitFor();
    await expect.poll(() => dialog.getByTestId('import-error-row').count()).toBe(2);
    const cells = await dialog.getByTestId('import-error-row').evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]));
    expect(cells).toEqual([
      ['2', 'age'],
      ['3', 'lives_alone'],
    ]);
    await expectAccessible(page);

    // The corrected file: two responses, each with its submission key (as Kobo exports have).
    const corrected = Buffer.from(
      ['age,lives_alone,needs_home_care,information_sources,main_problem,_uuid', '34,no,no,internet social_worker,Немає дитсадка,e2e-0001', '41,yes,no,starosta,,e2e-0002', ''].join('\n'),
      'utf8',
    );
    await attach(page, 'papier.csv', 'text/csv', corrected);
    await page.getByTestId('import-responses-submit').click();
    await dialog.getByTestId('import-responses-done').getByText(pl.assessments.questionnaires.imported_few.replace('{{formatted}}', '2')).waitFor();
    await expectAccessible(page);

    // The same file once more: nothing new, and the officer is told why.
    await attach(page, 'papier-znowu.csv', 'text/csv', corrected);
    await page.getByTestId('import-responses-submit').click();
    await dialog.getByTestId('import-responses-duplicates').getByText(pl.assessments.questionnaires.duplicatesLeftOut_few.replace('{{formatted}}', '2')).waitFor();
    // Nothing new: said so, and no empty dataset is written (survey-imports.int.test.ts checks the database).
    expect(await dialog.getByTestId('import-responses-done').textContent()).toContain(pl.assessments.questionnaires.nothingNew);
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-methods').click();
    await expect.poll(() => families.textContent()).toBe('106 z 100');
  });
});
