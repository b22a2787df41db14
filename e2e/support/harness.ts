import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { ADMIN_LOGIN, ADMIN_PASSWORD, launch, type RunningApp } from './harness-launch';

export { ADMIN_LOGIN, ADMIN_PASSWORD, type RunningApp };

/**
 * The real app, started the way a user starts it (`node packages/server/bin/start.js`), on a
 * fresh copy of the seeded demonstration database that global-setup.ts prepared once per run.
 */
export async function startApp(): Promise<RunningApp> {
  const template = inject('e2eTemplateDir');
  const dataDir = mkdtempSync(join(tmpdir(), 'potreby-e2e-'));
  cpSync(join(template, 'pglite'), join(dataDir, 'pglite'), { recursive: true });
  return launch(dataDir);
}

/** The longest a single wait for the page may take (playwright's own default is 30 s). */
const E2E_WAIT_MS = 90_000;

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser context (its own cookies) in the given UI language. */
export async function newPage(browser: Browser, app: RunningApp, language = 'en'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: app.url, locale: language, viewport: { width: 1360, height: 900 } });
  // On a busy machine (CI's two cores, or several runs at once) a wait that takes 5 s alone can
  // take well over 30 s. Waits are for things that do happen; the limit only ends a stuck test.
  context.setDefaultTimeout(E2E_WAIT_MS);
  const page = await context.newPage();
  return { context, page };
}

/** Sign in through the sign-in screen, as a person would. */
export async function signIn(page: Page, login = ADMIN_LOGIN, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/**
 * Wait until no CSS transition runs: a notification sliding in or a dialog fading in is drawn
 * half transparent for a moment, and axe would measure the contrast of that moment rather than
 * of what a person reads.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
}

/** No serious or critical WCAG 2.1 AA violations on the page once it has settled. */
export async function expectAccessible(page: Page): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * The app and a browser for the tests of one file: started before them, stopped after.
 * `newPage(language)` opens a fresh browser context (its own cookies) on the app.
 */
export function withAppAndBrowser(): { newPage(language?: string): ReturnType<typeof newPage>; url(): string } {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return { newPage: (language = 'en') => newPage(browser!, app!, language), url: () => app!.url };
}

/** Pick an option of a searchable select as a person does: click, type, choose. */
export async function choose(page: Page, testId: string, typed: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/**
 * Open Khmilnyk's needs assessment from the list of assessments. By name, not by place: the list
 * is ordered by year and territory, and the demonstration has more than one assessment (Niemce's
 * in Poland comes first).
 */
export async function openKhmilnykAssessment(page: Page): Promise<void> {
  await page.getByTestId('assessment-row').filter({ hasText: /Khmilnyts|Хмільниц/ }).getByTestId('open-assessment').click();
}
