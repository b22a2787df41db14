import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import en from '../packages/i18n/src/locales/en/surveys.json';
import { expectAccessible, signIn, withAppAndBrowser, openKhmilnykAssessment } from './support/harness';

/** One question of the designer, by its name (identifier). */
const element = (page: Page, name: string): Locator => page.locator(`[data-testid="designer-element"][data-name="${name}"]`);

/** An option of the open dropdown list (not of the language switch, a native select). */
const option = (page: Page, by: { name: string | RegExp; exact?: boolean }): Locator => page.getByRole('listbox').getByRole('option', by);

/**
 * Add a question of a kind at the end of the first page (it opens in the editor under a name
 * like q1) and give it a name as a person does: type it and leave the field.
 */
async function addQuestion(page: Page, kind: string, name: string): Promise<Locator> {
  await page.getByTestId('designer-page').first().getByTestId('add-question').last().click();
  await page.getByTestId(`add-question-${kind}`).click();
  const added = element(page, 'q1');
  await added.getByTestId('element-editor').waitFor();
  await added.getByTestId('element-name').fill(name);
  await added.getByTestId('element-name').press('Tab');
  const named = element(page, name);
  await named.getByTestId('element-editor').waitFor();
  return named;
}

/**
 * An officer designs a questionnaire for Khmilnyk's assessment in the browser: a choice question,
 * a number, a follow-up shown only after "yes", an English translation; saves it as a version,
 * previews it, tags what it tells, and opens a public link with a QR code for one group.
 */
describe('designing a questionnaire', () => {
  const session = withAppAndBrowser();

  it('designs, translates, saves, previews, tags a questionnaire and opens a link with a QR code', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/assessments');
    await openKhmilnykAssessment(page);
    await page.getByTestId('tab-questionnaires').click();
    await page.getByTestId('questionnaire-row').first().waitFor();

    // A new questionnaire opens in the designer, in the assessment's language (Ukrainian).
    await page.getByTestId('add-questionnaire').click();
    await page.getByTestId('new-questionnaire-title').fill('Потреби ветеранів');
    await page.getByTestId('new-questionnaire-create').click();
    await page.waitForURL(/\/questionnaires\/\d+$/);
    await page.getByTestId('designer').waitFor();
    await page.getByTestId('language-uk').waitFor();
    await page.getByTestId('form-title-uk').fill('Анкета для ветеранів');

    // A single-choice question with three answers. Saved before its texts are written, the designer
    // says what is missing: the question's text and those of its two answers.
    const rehab = await addQuestion(page, 'single', 'needs_rehab');
    await page.getByTestId('save-version').click();
    await page.getByTestId('design-problems').getByText(en.designer.fixFirst_other.replace('{{count}}', '3')).waitFor();
    await rehab.getByTestId('element-problem').waitFor();
    await expectAccessible(page);
    await rehab.getByTestId('element-title-uk').fill('Чи потрібна вам реабілітація?');
    await rehab.getByTestId('add-choice').click();
    const answers = [
      ['yes', 'Так'],
      ['no', 'Ні'],
      ['dont_know', 'Не знаю'],
    ] as const;
    for (const [i, [value, text]] of answers.entries()) {
      await rehab.getByTestId(`choice-value-${i}`).fill(value);
      await rehab.getByTestId(`choice-text-${i}-uk`).fill(text);
    }
    expect(await rehab.getByTestId('element-label').textContent()).toBe('Чи потрібна вам реабілітація?');
    await page.getByTestId('design-problems').waitFor({ state: 'detached' });

    // A number with limits.
    const age = await addQuestion(page, 'number', 'age');
    await age.getByTestId('element-title-uk').fill('Скільки вам років?');
    await age.getByTestId('number-min').fill('18');
    await age.getByTestId('number-max').fill('110');

    // A follow-up shown only to those who answered "yes".
    const kind = await addQuestion(page, 'longText', 'rehab_kind');
    await kind.getByTestId('element-title-uk').fill('Яка саме допомога вам потрібна?');
    await kind.getByTestId('condition-question').click();
    await option(page, { name: 'Чи потрібна вам реабілітація? (needs_rehab)' }).click();
    await kind.getByTestId('condition-value').click();
    await option(page, { name: 'Так', exact: true }).click();
    await kind.getByTestId('has-condition').getByText(en.designer.hasCondition).waitFor();
    expect(await kind.getByTestId('condition-operator').textContent()).toBe(en.designer.condition.is);
    await expectAccessible(page);

    // English as a second language: what is not translated yet is counted, then translated.
    await page.getByTestId('add-language-select').click();
    await option(page, { name: 'English' }).click();
    await page.getByTestId('add-language').click();
    await page.getByTestId('language-en').waitFor();
    // Form title, three question texts, three answers.
    await page.getByTestId('untranslated-summary').getByText(en.designer.untranslatedIn_other.replace('{{count}}', '7').replace('{{language}}', 'English')).waitFor();
    expect(await rehab.getByTestId('element-untranslated').textContent()).toBe(en.designer.untranslatedCount_other.replace('{{count}}', '4'));
    await expectAccessible(page);
    await page.getByTestId('form-title-en').fill('Questionnaire for veterans');
    await rehab.getByTestId('element-title-en').fill('Do you need rehabilitation?');
    for (const [i, text] of ['Yes', 'No', "Don't know"].entries()) await rehab.getByTestId(`choice-text-${i}-en`).fill(text);
    await age.getByTestId('element-title-en').fill('How old are you?');
    await kind.getByTestId('element-title-en').fill('What help do you need?');
    await page.getByTestId('untranslated-summary').waitFor({ state: 'detached' });
    expect(await page.getByTestId('element-untranslated').count()).toBe(0);

    // Saved as a new version.
    await page.getByTestId('unsaved').waitFor();
    await page.getByTestId('save-version').click();
    await page.getByTestId('unsaved').waitFor({ state: 'detached' });
    const version = (await page.getByTestId('questionnaire-summary').textContent())?.match(/Version (\d+)/)?.[1];
    expect(Number(version)).toBeGreaterThanOrEqual(1);
    await page.getByText(en.designer.savedVersion.replace('{{version}}', version!)).waitFor();
    // Its languages, named in the reader's language.
    expect(await page.getByTestId('questionnaire-summary').textContent()).toContain('Ukrainian, English');

    // The preview: as a respondent sees it; the follow-up appears after "yes"; in English too.
    await page.getByTestId('tab-preview').click();
    const preview = page.getByTestId('preview-form');
    await preview.getByText('Чи потрібна вам реабілітація?').waitFor();
    await preview.getByText('Скільки вам років?').waitFor();
    expect(await preview.getByText('Яка саме допомога вам потрібна?').count()).toBe(0);
    await expectAccessible(page);
    await preview.getByText('Так', { exact: true }).click();
    await preview.getByText('Яка саме допомога вам потрібна?').waitFor();
    await page.getByTestId('preview-language').selectOption('en');
    await preview.getByText('Do you need rehabilitation?').waitFor();
    await preview.getByText("Don't know").waitFor();

    // What the question tells: the need for a service, "yes" counting as yes.
    await page.getByTestId('tab-tags').click();
    const tagRow = page.locator('[data-testid="tag-row"][data-name="needs_rehab"]');
    await tagRow.waitFor();
    await tagRow.getByTestId('tag-purpose').click();
    await option(page, { name: en.tags.purposes.need }).click();
    await tagRow.getByTestId('tag-service-type').click();
    await tagRow.getByTestId('tag-service-type').fill('Social adapt');
    await option(page, { name: /Social adaptation/ }).click();
    // The pills' box covers the input of a multiple select: a person clicks the box.
    await tagRow.getByTestId('tag-positive').click({ force: true });
    await option(page, { name: 'Так' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('tags-unsaved').waitFor();
    await expectAccessible(page);
    await page.getByTestId('save-tags').click();
    await page.getByTestId('tags-unsaved').waitFor({ state: 'detached' });
    expect(await tagRow.getByTestId('tag-badge').textContent()).toBe(en.tags.purposes.need);
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await page.evaluate(async (qid) => (await fetch(`/api/v1/questionnaires/${qid}`)).json(), id);
    expect(saved.tags).toEqual([expect.objectContaining({ questionName: 'needs_rehab', purpose: 'need', serviceType: 'ua.social_adaptation', positiveValues: ['yes'] })]);

    // A public link for people with disabilities, and its QR code.
    await page.getByTestId('tab-collection').click();
    await page.getByTestId('links-empty').waitFor();
    await page.getByTestId('link-group').click();
    await option(page, { name: 'Особи з інвалідністю' }).click();
    await page.getByTestId('create-link').click();
    const link = page.getByTestId('link-row').filter({ hasText: 'Особи з інвалідністю' });
    await link.waitFor();
    const url = (await link.getByTestId('link-url').textContent())!;
    expect(url).toMatch(/\/f\/[A-Za-z0-9_-]+$/);
    expect(await link.getByTestId('link-responses').textContent()).toBe('0');
    await expectAccessible(page);
    await link.getByTestId('show-qr').click();
    const qr = page.getByTestId('qr-image');
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await page.getByTestId('qr-dialog').getByText(url).waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');

    // The link opens the saved version for a respondent, without signing in.
    const respondent = await session.newPage('uk');
    await respondent.page.goto(new URL(url).pathname);
    await respondent.page.getByTestId('public-title').getByText('Анкета для ветеранів').waitFor();
    await respondent.page.getByTestId('public-form').getByText('Чи потрібна вам реабілітація?').waitFor();
    await respondent.context.close();
  });
});
