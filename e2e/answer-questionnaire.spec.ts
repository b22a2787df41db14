import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../packages/i18n/src/locales/en/assessments.json';
import uk from '../packages/i18n/src/locales/uk/surveys.json';
import { expectAccessible, signIn, withAppAndBrowser, openKhmilnykAssessment } from './support/harness';

const OUTBOX = 'potreby.publicForm.outbox';
type TEntry = { token: string; submissionKey: string; answers: Record<string, unknown>; formToken: string; website: string; state: string };

/** The officer's view of the older people's answers: "142 of 150" in the assessment, and the respondents counted by the analysis. */
async function officerCounts(page: Page, assessmentUrl: string, analysisUrl: string): Promise<{ group: string; respondents: string }> {
  await page.goto(`${assessmentUrl}?tab=methods`);
  const group = (await page.getByTestId('group-row').filter({ hasText: 'Люди похилого віку (65+)' }).getByTestId('progress-figures').textContent())!;
  await page.goto(analysisUrl);
  const respondents = page.getByTestId('analysis-respondents');
  await respondents.getByText(/\d/).waitFor();
  return { group, respondents: (await respondents.textContent())! };
}

const respondentsText = (n: number) => en.analysis.respondents_other.replace('{{formatted}}', String(n));

/**
 * A respondent answers Khmilnyk's questionnaire from the link on a phone, loses the connection
 * before sending, reloads the page without a connection, and is back online: the answers arrive
 * once. The officer sees exactly one more answer; the same submission sent again changes nothing.
 */
describe('answering a questionnaire from its public link', () => {
  const session = withAppAndBrowser();

  it('keeps the answers on a phone without a connection and sends them exactly once', async () => {
    // The officer: the link for older people, and the counts before.
    const officer = await session.newPage('en');
    await signIn(officer.page);
    await officer.page.goto('/assessments');
    await openKhmilnykAssessment(officer.page);
    await officer.page.waitForURL(/\/assessments\/\d+$/);
    const assessmentUrl = new URL(officer.page.url()).pathname;
    await officer.page.getByTestId('tab-questionnaires').click();
    await officer.page.getByTestId('design-questionnaire').first().click();
    await officer.page.waitForURL(/\/questionnaires\/\d+$/);
    const questionnaireUrl = new URL(officer.page.url()).pathname;
    await officer.page.getByTestId('tab-collection').click();
    const linkUrl = (await officer.page.locator('[data-testid="link-row"][data-group="older_people"]').getByTestId('link-url').textContent())!;
    const linkPath = new URL(linkUrl).pathname;
    const before = await officerCounts(officer.page, assessmentUrl, `${questionnaireUrl}/analysis`);
    expect(before).toEqual({ group: '142 of 150', respondents: respondentsText(355) });

    // The respondent, on a narrow phone, without an account.
    const context = await officer.context.browser()!.newContext({
      baseURL: new URL(linkUrl).origin,
      locale: 'uk',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(linkPath);
    const form = page.getByTestId('public-form');
    await form.getByText('Скільки вам років?').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    expect(await page.getByTestId('public-group').textContent()).toBe(uk.publicForm.forGroup.replace('{{group}}', 'Люди похилого віку (65+)'));
    await page.getByTestId('public-anonymous').getByText(uk.publicForm.anonymous).waitFor();
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    // The page is kept on the phone for later, without a connection.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0]!)).match('/f/')) !== undefined)).toBe(true);

    // Answers, as a person gives them. The server takes answers only 3 seconds after the form was
    // opened; this respondent sends them much later, after the connection is back.
    await form.getByRole('spinbutton', { name: 'Скільки вам років?' }).fill('78');
    await form.getByRole('radiogroup', { name: 'Ви живете самі?' }).getByText('Так', { exact: true }).tap();
    await form.getByRole('button', { name: 'Далі' }).tap();
    await form.getByRole('radiogroup', { name: /допомога вдома \(догляд вдома\)/ }).getByText('Так', { exact: true }).tap();
    await form.getByRole('radiogroup', { name: /отримуєте ви зараз послугу догляду/ }).getByText('Ні', { exact: true }).tap();
    await form.getByRole('radiogroup', { name: /супровід/ }).getByText('Так', { exact: true }).tap();
    await form.getByText('Від старости', { exact: true }).tap();
    await form.getByRole('textbox', { name: /ускладнює вам отримання допомоги/ }).fill('Автобус до Хмільника ходить раз на день');

    // The connection drops just before "Complete".
    await context.setOffline(true);
    await form.getByRole('button', { name: 'Завершити' }).tap();
    const status = page.getByTestId('public-status');
    await page.getByTestId('public-saved').getByText(uk.publicForm.savedOffline).waitFor();
    expect(await status.getAttribute('data-status')).toBe('saved');
    await page.getByTestId('public-saved').getByText(uk.publicForm.savedTitle, { exact: true }).waitFor();
    await expectAccessible(page);
    const outbox = (await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), OUTBOX)) as TEntry[];
    expect(outbox).toHaveLength(1);
    const entry = outbox[0]!;
    expect(entry).toMatchObject({ state: 'waiting', website: '', answers: { age: 78, lives_alone: 'yes', needs_home_care: 'yes', needs_escort: 'yes', information_sources: ['starosta'] } });

    // Reloaded, still offline: the page opens from the phone and the answers still wait there.
    await page.reload();
    await page.getByTestId('public-saved').getByText(uk.publicForm.savedOffline).waitFor();
    await page.getByTestId('public-title').waitFor();
    expect((await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), OUTBOX)).map((e: TEntry) => e.submissionKey)).toEqual([entry.submissionKey]);

    // Back online: sent, and gone from the phone. (A phone tells the page with an "online" event;
    // Chromium's offline emulation does not tell a page loaded while offline that it was, so it
    // fires none when the connection returns: the test fires it as the phone would.)
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.getByTestId('public-sent').getByText(uk.publicForm.sentTitle).waitFor();
    expect(await status.getAttribute('data-status')).toBe('sent');
    expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), OUTBOX)).toEqual([]);
    await expectAccessible(page);

    // The officer sees exactly one more answer from older people.
    const after = await officerCounts(officer.page, assessmentUrl, `${questionnaireUrl}/analysis`);
    expect(after).toEqual({ group: '143 of 150', respondents: respondentsText(356) });

    // The same submission again — a reply lost on the way, a second tab — is stored once.
    const replay = await page.evaluate(
      async ({ path, body }) => {
        const res = await fetch(`/api/v1/public/forms/${path.split('/').pop()}/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: res.status, body: await res.json() };
      },
      { path: linkPath, body: { submissionKey: entry.submissionKey, answers: entry.answers, formToken: entry.formToken, website: '' } },
    );
    expect(replay).toEqual({ status: 200, body: { duplicate: true } });
    // And through the page: the entry put back in the phone's outbox is sent again on the next visit.
    await page.evaluate(({ key, e }) => localStorage.setItem(key, JSON.stringify([{ ...e, attempts: 0, state: 'waiting' }])), { key: OUTBOX, e: entry });
    await page.reload();
    await page.getByTestId('public-sent').waitFor();
    await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), OUTBOX)).toBe('[]');
    expect(await officerCounts(officer.page, assessmentUrl, `${questionnaireUrl}/analysis`)).toEqual(after);
    await context.close();
  });
});
