import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_LOGIN, ADMIN_PASSWORD, expectAccessible, settled, withAppAndBrowser } from './support/harness';
import { openScreen, quiet, screensOf, trackRequests, widthOf } from './support/screens';

/**
 * On a small phone (360 × 740 CSS pixels) no screen scrolls sideways, in any of the four
 * languages (Bulgarian, Ukrainian and Polish words are longer than English ones): the header
 * folds into a menu, tables scroll inside their own box, charts take the width they are given,
 * long words wrap. Every screen of the app is visited, each of its tabs opened, as the
 * administrator and as a municipal officer, with the sign-in page, the password change and the
 * public questionnaire.
 */

type Language = 'bg' | 'uk' | 'pl' | 'en';
const LANGUAGES: Language[] = ['bg', 'uk', 'pl', 'en'];
const PHONE = { width: 360, height: 740 };
/** A walk through every screen and its tabs takes a minute on a busy machine. */
const WALK_TIMEOUT = 300_000;
/** The header's button that opens the navigation on a phone. */
const BURGER = 'header .mantine-Burger-root';

/** Fails naming the screen, the language and what is too wide. */
async function expectFits(page: Page, where: string, problems: string[]): Promise<void> {
  const { scrollWidth, innerWidth, culprits } = await widthOf(page);
  if (scrollWidth > innerWidth) problems.push(`${where}: ${scrollWidth} px wide in a ${innerWidth} px window; beyond the edge: ${culprits.join('; ') || '(none found)'}`);
}

/** The screen as drawn, then each of its tabs (the assessment's parts, the questionnaire's panels). */
async function checkScreen(page: Page, where: string, requests: { pending: number }, problems: string[]): Promise<void> {
  await expectFits(page, where, problems);
  const tabs = page.locator('main [role="tab"]');
  const count = await tabs.count();
  for (let i = 0; i < count; i++) {
    const tab = tabs.nth(i);
    if (!(await tab.isVisible()) || (await tab.getAttribute('aria-selected')) === 'true') continue;
    const name = (await tab.textContent())?.trim();
    await tab.click();
    await quiet(page, requests);
    await expectFits(page, `${where} (tab "${name}")`, problems);
  }
}

async function phone(session: ReturnType<typeof withAppAndBrowser>, language: Language) {
  const { context, page } = await session.newPage(language);
  await page.setViewportSize(PHONE);
  return { context, page, requests: trackRequests(page) };
}

async function signInAs(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Wait until the navigation has slid into the window, or out of it. */
async function navigation(page: Page, open: boolean): Promise<void> {
  await page.waitForFunction((open) => {
    const nav = document.querySelector('[data-testid="nav-gaps"]')?.getBoundingClientRect();
    return !!nav && (open ? nav.left >= 0 : nav.right <= 0);
  }, open);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Switch the language through the phone's menu, as a person does. */
async function chooseLanguage(page: Page, language: Language): Promise<void> {
  await page.locator(BURGER).click();
  await navigation(page, true);
  const switcher = page.getByTestId('language-switch');
  await switcher.waitFor();
  await switcher.selectOption(language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
  // The menu closes when a screen is chosen, or with the burger.
  await page.locator(BURGER).click();
  await navigation(page, false);
}

describe('every screen on a phone', () => {
  const session = withAppAndBrowser();

  for (const language of LANGUAGES) {
    it(`fits 360 px as the administrator, in ${language}`, async () => {
      const { page, requests } = await phone(session, language);
      const problems: string[] = [];

      await page.goto('/sign-in');
      await page.getByTestId('sign-in-login').waitFor();
      await expectFits(page, `/sign-in in ${language}`, problems);

      await signInAs(page, ADMIN_LOGIN, ADMIN_PASSWORD);
      await chooseLanguage(page, language);

      for (const screen of await screensOf(page)) {
        await openScreen(page, screen, requests);
        expect(await page.locator('html').getAttribute('lang')).toBe(language);
        await checkScreen(page, `${screen} in ${language}`, requests, problems);
      }

      // The explanation of a gap, in its drawer: nothing in it wider than the phone either.
      await openScreen(page, '/gaps', requests);
      await page.locator('main .gaps-figure').first().click();
      const drawer = page.locator('.mantine-Drawer-content');
      await drawer.waitFor();
      await quiet(page, requests);
      await settled(page);
      await expectFits(page, `/gaps in ${language} (explanation open)`, problems);
      const inDrawer = await drawer.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      if (inDrawer.scrollWidth > inDrawer.clientWidth) problems.push(`/gaps in ${language}: the explanation's drawer scrolls sideways (${inDrawer.scrollWidth} px in ${inDrawer.clientWidth} px)`);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // The menu and the user's menu, open.
      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').waitFor();
      await expectFits(page, `/gaps in ${language} (user menu open)`, problems);
      await page.keyboard.press('Escape');
      await page.locator(BURGER).click();
      await navigation(page, true);
      await expectFits(page, `/gaps in ${language} (navigation open)`, problems);

      // The public questionnaire, from the first link of the first questionnaire.
      const link = await page.evaluate(async () => {
        const assessments = (await (await fetch('/api/v1/assessments')).json()) as { items: { id: number }[] };
        for (const a of assessments.items) {
          const detail = (await (await fetch(`/api/v1/assessments/${a.id}`)).json()) as { questionnaires: { id: number }[] };
          for (const q of detail.questionnaires) {
            const links = ((await (await fetch(`/api/v1/questionnaires/${q.id}`)).json()) as { links: { path: string; active: boolean }[] }).links;
            const open = links.find((l) => l.active);
            if (open) return open.path;
          }
        }
        return null;
      });
      expect(link).not.toBeNull();
      await page.goto(link!);
      await page.getByTestId('public-form').waitFor();
      await quiet(page, requests);
      await expectFits(page, `public questionnaire ${link} in ${language}`, problems);

      expect(problems).toEqual([]);
    }, WALK_TIMEOUT);
  }

  it('fits 360 px as a municipal officer of Pazardzhik, in bg and pl, password change included', async () => {
    const admin = await phone(session, 'en');
    await signInAs(admin.page, ADMIN_LOGIN, ADMIN_PASSWORD);
    const oneTimePassword = await admin.page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const found = (await (await fetch('/api/v1/territories?q=PAZ19')).json()) as { items: { id: number; code: string }[] };
      const territoryId = found.items.find((t) => t.code === 'PAZ19')!.id;
      const res = await fetch('/api/v1/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ login: 'phone.officer', name: 'Мария Иванова-Петрова', role: 'municipal_officer', territoryId, organisation: 'Община Пазарджик', language: 'bg' }),
      });
      return ((await res.json()) as { oneTimePassword: string }).oneTimePassword;
    });

    const { page, requests } = await phone(session, 'bg');
    const problems: string[] = [];
    await signInAs(page, 'phone.officer', oneTimePassword);
    await page.waitForURL(/\/change-password/);
    await page.getByTestId('current-password').waitFor();
    await expectFits(page, '/change-password in bg', problems);
    await expectAccessible(page);
    const password = 'зелена река камък лампа';
    await page.getByTestId('current-password').fill(oneTimePassword);
    await page.getByTestId('new-password').fill(password);
    await page.getByTestId('repeat-password').fill(password);
    await page.getByTestId('change-password-submit').click();
    await page.waitForURL(/\/gaps/);

    for (const language of ['bg', 'pl'] as const) {
      if (language !== 'bg') await chooseLanguage(page, language);
      for (const screen of await screensOf(page, { admin: false })) {
        await openScreen(page, screen, requests);
        await checkScreen(page, `${screen} in ${language} (municipal officer)`, requests, problems);
      }
    }
    expect(problems).toEqual([]);
  }, WALK_TIMEOUT);

  it('passes the accessibility checks on a phone: the gap dashboard, an assessment, the open navigation', async () => {
    const { page, requests } = await phone(session, 'uk');
    await signInAs(page, ADMIN_LOGIN, ADMIN_PASSWORD);
    await chooseLanguage(page, 'uk');
    const screens = await screensOf(page);
    for (const screen of ['/gaps', screens.find((s) => /^\/assessments\/\d+$/.test(s))!]) {
      await openScreen(page, screen, requests);
      await expectAccessible(page);
    }
    // The navigation open over the screen.
    await page.locator(BURGER).click();
    await navigation(page, true);
    await expectAccessible(page);
  });
});
