import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../packages/i18n/src/locales/en/surveys.json';
import { expectAccessible, signIn, withAppAndBrowser, openKhmilnykAssessment } from './support/harness';

const GROUP = 'Особи з інвалідністю';

/** "Entered in this session: 1 questionnaire" and the like, in English. */
const entered = (n: number) => (n === 1 ? en.collection.paper.entered_one : en.collection.paper.entered_other).replace('{{formatted}}', String(n));
const total = (n: number) => en.collection.paper.total_other.replace('{{formatted}}', n.toLocaleString('en-GB'));

/** Answers from one paper questionnaire, typed in as they are written on it (the form is in Ukrainian). */
async function typeIn(page: Page, age: string, problem: string): Promise<void> {
  const form = page.getByTestId('paper-form');
  await form.getByRole('spinbutton', { name: 'Скільки вам років?' }).fill(age);
  await form.getByRole('radiogroup', { name: 'Ви живете самі?' }).getByText('Ні', { exact: true }).click();
  await form.getByRole('button', { name: 'Далі' }).click();
  await form.getByRole('radiogroup', { name: /супровід/ }).getByText('Так', { exact: true }).click();
  await form.getByRole('textbox', { name: /ускладнює вам отримання допомоги/ }).fill(problem);
}

/** Responses of the group as the assessment counts them ("71 of 80"). */
async function groupCount(page: Page, assessmentUrl: string): Promise<string> {
  await page.goto(`${assessmentUrl}?tab=methods`);
  return (await page.getByTestId('group-row').filter({ hasText: GROUP }).getByTestId('progress-figures').textContent())!;
}

/**
 * Staff of the social services centre type in questionnaires people filled in on paper, with the
 * same form, for the respondent group they came from. A double click, or a reply lost on the
 * way and the form sent again, stores a questionnaire once.
 */
describe('typing in paper questionnaires', () => {
  const session = withAppAndBrowser();

  it('stores each paper questionnaire once for the chosen group, however often it is sent', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/assessments');
    await openKhmilnykAssessment(page);
    await page.waitForURL(/\/assessments\/\d+$/);
    const assessmentUrl = new URL(page.url()).pathname;
    expect(await groupCount(page, assessmentUrl)).toBe('71 of 80');
    await page.getByTestId('tab-questionnaires').click();
    await page.getByTestId('design-questionnaire').first().click();
    await page.waitForURL(/\/questionnaires\/\d+$/);
    const questionnaireUrl = new URL(page.url()).pathname;

    // The group first: without it there is no form.
    await page.getByTestId('tab-paper').click();
    await page.getByTestId('paper-pick-group').getByText(en.collection.paper.pickGroupFirst).waitFor();
    expect(await page.getByTestId('paper-total').textContent()).toBe(total(355));
    await expectAccessible(page);
    await page.getByTestId('paper-group').click();
    await page.getByRole('listbox').getByRole('option', { name: GROUP }).click();
    await page.getByTestId('paper-form').getByText('Скільки вам років?').waitFor();
    expect(await page.getByTestId('paper-form-number').textContent()).toBe(en.collection.paper.formNumber.replace('{{n}}', '1'));
    await expectAccessible(page);

    // The first questionnaire, sent with an impatient double click: stored once.
    await typeIn(page, '46', 'Немає пандуса біля амбулаторії');
    const posts: number[] = [];
    page.on('response', (r) => r.url().endsWith('/responses') && r.request().method() === 'POST' && posts.push(r.status()));
    await page.getByTestId('paper-form').getByRole('button', { name: 'Завершити' }).dblclick();
    await page.getByTestId('paper-entered').getByText(entered(1)).waitFor();
    await page.getByTestId('paper-total').getByText(total(356)).waitFor();
    expect(await page.getByTestId('paper-form-number').textContent()).toBe(en.collection.paper.formNumber.replace('{{n}}', '2'));
    // An empty form for the next questionnaire, the group kept.
    expect(await page.getByTestId('paper-form').getByRole('spinbutton', { name: 'Скільки вам років?' }).inputValue()).toBe('');
    expect(await page.getByTestId('paper-group').inputValue()).toBe(GROUP);
    expect(posts.filter((s) => s === 201)).toHaveLength(1);
    await expectAccessible(page);

    // The second: the server stores it, but its reply is lost on the way. The form says it was
    // not stored; sent again with the same key, it is stored once.
    await typeIn(page, '63', 'Соціальний працівник приходить рідко');
    await page.route(
      '**/api/v1/questionnaires/*/responses',
      async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      },
      { times: 1 },
    );
    await page.getByTestId('paper-form').getByRole('button', { name: 'Завершити' }).click();
    await page.getByText(en.collection.paper.notStored).waitFor();
    await expectAccessible(page);
    await page.getByTestId('paper-retry').click();
    await page.getByTestId('paper-entered').getByText(entered(2)).waitFor();
    await page.getByTestId('paper-total').getByText(total(357)).waitFor();
    expect(await page.getByTestId('paper-retry').count()).toBe(0);
    expect(posts).toEqual([201, 200]);

    // Two paper questionnaires, two more answers for the group.
    expect(await groupCount(page, assessmentUrl)).toBe('73 of 80');
    const stats = await page.evaluate(async (url) => (await fetch(`/api/v1${url}/stats`)).json(), questionnaireUrl);
    expect(stats.respondents).toBe(357);
  });
});
