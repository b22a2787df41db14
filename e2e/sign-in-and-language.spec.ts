import { describe, expect, it } from 'vitest';
import bgServer from '../packages/i18n/src/locales/bg/server.json';
import bgUi from '../packages/i18n/src/locales/bg/ui.json';
import enUi from '../packages/i18n/src/locales/en/ui.json';
import plUi from '../packages/i18n/src/locales/pl/ui.json';
import ukUi from '../packages/i18n/src/locales/uk/ui.json';
import { ADMIN_LOGIN, ADMIN_PASSWORD, expectAccessible, withAppAndBrowser } from './support/harness';

const UI = { bg: bgUi, uk: ukUi, pl: plUi, en: enUi } as const;

/** An officer signs in (after mistyping the password), works in each of the four languages, signs out. */
describe('signing in and choosing the language', () => {
  const session = withAppAndBrowser();

  it('explains a wrong password in the browser language, then follows the chosen language everywhere', async () => {
    // A Bulgarian browser: the sign-in screen speaks Bulgarian from the start.
    const { page, context } = await session.newPage('bg');
    await page.goto('/gaps');
    await page.waitForURL(/\/sign-in/);
    expect(await page.locator('html').getAttribute('lang')).toBe('bg');
    await page.getByRole('heading', { name: bgUi.signIn.title }).waitFor();
    await expectAccessible(page);

    await page.getByTestId('sign-in-login').fill(ADMIN_LOGIN);
    await page.getByTestId('sign-in-password').fill('not-the-password');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('error-alert').getByText(bgServer.errors.auth.invalid_credentials).waitFor();
    await expectAccessible(page);

    // The right password; back to where the user was going, in the account's language (the
    // administrator's is English; the browser's Bulgarian was only a default).
    await page.getByTestId('sign-in-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((u) => u.pathname.startsWith('/gaps'));
    await page.getByTestId('nav-territories').getByText(enUi.nav.territories).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Each language in turn: navigation, the screen's heading and html[lang] follow.
    await page.goto('/territories');
    for (const language of ['uk', 'pl', 'en', 'bg'] as const) {
      await page.getByTestId('language-switch').selectOption(language);
      const ui = UI[language];
      await page.getByTestId('page-title').getByText(ui.territories.title, { exact: true }).waitFor();
      for (const key of ['gaps', 'territories', 'services', 'norms', 'imports', 'users', 'audit'] as const) {
        expect((await page.getByTestId(`nav-${key}`).textContent())?.trim()).toBe(ui.nav[key]);
      }
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      await page.getByRole('navigation', { name: ui.nav.label }).waitFor();
      await expectAccessible(page);
    }

    // Polish last: remembered in this browser across a reload…
    await page.getByTestId('language-switch').selectOption('pl');
    await page.getByTestId('page-title').getByText(plUi.territories.title, { exact: true }).waitFor();
    await page.reload();
    await page.getByTestId('page-title').getByText(plUi.territories.title, { exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('pl');

    // …and on the account: signing out, then in from an English browser, brings Polish back.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    await page.getByTestId('sign-in-submit').waitFor();
    await page.goto('/territories');
    await page.waitForURL(/\/sign-in/);
    await context.close();

    const other = await session.newPage('en');
    await other.page.goto('/sign-in');
    await other.page.getByRole('heading', { name: enUi.signIn.title }).waitFor();
    await other.page.getByTestId('sign-in-login').fill(ADMIN_LOGIN);
    await other.page.getByTestId('sign-in-password').fill(ADMIN_PASSWORD);
    await other.page.getByTestId('sign-in-submit').click();
    await other.page.getByTestId('nav-territories').getByText(plUi.nav.territories).waitFor();
    expect(await other.page.locator('html').getAttribute('lang')).toBe('pl');
    await other.context.close();
  });
});
