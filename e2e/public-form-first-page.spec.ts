import { describe, expect, it } from 'vitest';
import uk from '../packages/i18n/src/locales/uk/surveys.json';
import { ADMIN_LOGIN, ADMIN_PASSWORD, expectAccessible, withAppAndBrowser } from './support/harness';

const OUTBOX = 'potreby.publicForm.outbox';

/**
 * Issue 7: the first page of the public questionnaire is drawn without SurveyJS (too heavy for a
 * village network before the first question); SurveyJS arrives in the background and takes over
 * at "Next" with the answers given. A respondent in Ukrainian on a 360 px phone.
 */
describe('the public questionnaire’s first page, before SurveyJS', () => {
  const session = withAppAndBrowser();

  it('is answered before SurveyJS arrives, keeps what is typed when it does, and hands the answers over at “Next”', async () => {
    const officer = await session.newPage('en');
    expect((await officer.context.request.post('/api/v1/session', { data: { login: ADMIN_LOGIN, password: ADMIN_PASSWORD } })).status()).toBe(200);
    const questionnaire = (await (await officer.context.request.get('/api/v1/questionnaires/1')).json()) as { links: { path: string; active: boolean; group?: string }[] };
    const link = questionnaire.links.find((l) => l.active)!.path;
    await officer.context.close();

    const context = await session.newPage('uk').then(async ({ context: c }) => {
      await c.close();
      return c.browser()!.newContext({ baseURL: session.url(), locale: 'uk', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    });
    const page = await context.newPage();
    // SurveyJS held back until the test lets it through.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/survey-model-[^/]+$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(link);
    const form = page.getByTestId('public-form');
    const age = form.getByRole('spinbutton', { name: 'Скільки вам років?' });
    await age.waitFor();
    // The light page, not SurveyJS's.
    expect(await form.getByTestId('light-page').count()).toBe(1);
    expect(await page.locator('.sd-root-modern').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);

    // Its own cheap checks, with the translation files' words.
    await age.fill('150');
    await form.getByRole('button', { name: uk.publicForm.light.next }).tap();
    await form.getByRole('alert').getByText(uk.publicForm.light.max.replace('{{max}}', '120')).waitFor();
    expect(await age.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    // SurveyJS arrives while the respondent is typing: the light page stays, with the answers.
    await age.fill('78');
    release();
    await page.waitForResponse(/\/assets\/survey-model-[^/]+\.js$/);
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/assets\/survey-model-[^/]+\.js$/.test(e.name)));
    expect(await form.getByTestId('light-page').count()).toBe(1);
    expect(await age.inputValue()).toBe('78');
    await form.getByRole('radiogroup', { name: 'Ви живете самі?' }).getByText('Так', { exact: true }).tap();
    // Kept on the device as typed.
    const draft = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith('.draft'))?.[1]);
    expect(JSON.parse(draft!)).toMatchObject({ page: 0, answers: { age: 78, lives_alone: 'yes' } });

    // "Next": SurveyJS checks page 1 and shows page 2.
    await form.getByRole('button', { name: uk.publicForm.light.next }).tap();
    await form.getByRole('radiogroup', { name: /допомога вдома \(догляд вдома\)/ }).waitFor();
    expect(await page.locator('.sd-root-modern').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Back to page 1, now SurveyJS's: the answers are there.
    await form.getByRole('button', { name: 'Назад' }).tap();
    expect(await form.getByRole('spinbutton', { name: 'Скільки вам років?' }).inputValue()).toBe('78');
    expect(await form.getByRole('radiogroup', { name: 'Ви живете самі?' }).getByRole('radio', { name: 'Так' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Далі' }).tap();
    await form.getByRole('radiogroup', { name: /допомога вдома \(догляд вдома\)/ }).getByText('Ні', { exact: true }).tap();
    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/responses'));
    await form.getByRole('button', { name: 'Завершити' }).tap();
    expect(((await sent).postDataJSON() as { answers: Record<string, unknown> }).answers).toMatchObject({ age: 78, lives_alone: 'yes', needs_home_care: 'no' });

    // Sent, with the first page's answers.
    await page.getByTestId('public-sent').getByText(uk.publicForm.sentTitle).waitFor({ timeout: 30_000 });
    expect(await page.evaluate((key) => localStorage.getItem(key), OUTBOX)).toBe('[]');
    await expectAccessible(page);
    await context.close();
  });
});
