/**
 * Page weight and time to use on a slow mobile connection (issue 7: "Phones and slow
 * connections"). The app on the demonstration database (PGlite), the built UI, and Debian's
 * Chromium throttled through the DevTools protocol to the "Slow 4G": 400 ms round trip,
 * 400 kbit/s down. Each page is opened in a fresh browser context (nothing cached), once as the
 * app serves it and once with compression turned off (the before/after of compression):
 *
 * - the public questionnaire (an open collection link of the demonstration): until its first
 *   question can be answered;
 * - the sign-in page: until its form is there;
 * - the gap dashboard (signed in): until its figures are there.
 *
 * Reported per page: bytes transferred (compressed size on the wire, headers included), requests
 * and milliseconds from the start of navigation until ready. Run alone with
 * `node --import tsx bench/page-load.ts`.
 */
import { sql } from 'drizzle-orm';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createUser } from '../packages/server/src/accounts/users';
import { migrate, openDatabase, type Database } from '../packages/server/src/db/database';
import { WEB_DIST } from '../packages/server/src/config';
import { buildApp, type AppOptions } from '../packages/server/src/http/app';
import { SEED_AUTHOR, seedDemo } from '../packages/server/src/seed/seed-demo';
import { buildWeb, webBuildIsStale } from '../packages/server/src/web-build';

/** The issue's "Slow 4G": DevTools' throughput is in bytes per second. */
export const SLOW_4G = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

type TPageFigures = { bytes: number; requests: number; readyMs: number; then?: { bytes: number; requests: number; readyMs: number } };

const LOGIN = 'bench-pages';
const PASSWORD = 'bench-pages-password-1';

/**
 * Open `path` throttled in a new context and wait until an element of `ready` is drawn; then, if
 * `then` is given (a condition on the page, as a JavaScript expression), also until it holds:
 * the figures at that later moment too.
 */
export async function measure(browser: Browser, base: string, path: string, ready: string, cookie?: string, then?: string): Promise<TPageFigures> {
  const context = await browser.newContext({ baseURL: base, locale: 'bg', viewport: { width: 390, height: 844 } });
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: base }]);
  }
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  let bytes = 0;
  let requests = 0;
  let counting = true;
  cdp.on('Network.requestWillBeSent', () => {
    if (counting) requests++;
  });
  // BENCH_WATERFALL=1: each request's start and end (ms from navigation), to see what waits for what.
  const waterfall = process.env.BENCH_WATERFALL === '1';
  const started = Date.now();
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
    urls.set(event.requestId, event.request.url.replace(base, ''));
    if (waterfall) console.log(`  ${Date.now() - started} ms  start ${event.request.url.replace(base, '')}`);
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    if (waterfall) console.log(`  ${Date.now() - started} ms    end ${urls.get(event.requestId)} (${event.encodedDataLength} B)`);
    if (counting) bytes += event.encodedDataLength;
  });
  await page.goto(path, { waitUntil: 'commit', timeout: 300_000 });
  // Recorded by the page itself, from the start of navigation, the moment the condition holds.
  // A string, not a function: tsx's name helpers do not exist in the page.
  const ms = (await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + 240000;
    const tick = () => {
      if (performance.now() > deadline) return reject(new Error('not ready after 240 s: ' + ${JSON.stringify(ready)}));
      const ok = [...document.querySelectorAll(${JSON.stringify(ready)})].some((e) => !e.disabled && e.getBoundingClientRect().height > 0);
      if (ok) resolve(performance.now());
      else setTimeout(tick, 20);
    };
    tick();
  })`)) as number;
  const first = { bytes, requests, readyMs: ms };
  if (!then) {
    counting = false;
    await context.close();
    return first;
  }
  const thenMs = (await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + 240000;
    const tick = () => {
      if (performance.now() > deadline) return reject(new Error('not there after 240 s: ' + ${JSON.stringify(then)}));
      if (${then}) resolve(performance.now());
      else setTimeout(tick, 20);
    };
    tick();
  })`)) as number;
  // The browser tells of a finished download just after the page sees it.
  await page.waitForTimeout(1000);
  counting = false;
  await context.close();
  return { ...first, then: { bytes, requests, readyMs: thenMs } };
}

/** A visible, enabled answer field inside the public form. */
/** Ready when an element of the selector is drawn (and, for a field, not disabled). */
const QUESTION_ANSWERABLE = '[data-testid="public-form"] :is(input:not([type=hidden]), textarea, select, [role=radio], [role=checkbox], [role=combobox])';
const SIGN_IN_READY = '[data-testid="sign-in-login"]';
const DASHBOARD_READY = '[data-testid^="gap-row-"]';
/**
 * SurveyJS has arrived (its code and styles are the public form's `survey-model` files): the page
 * has everything it needs for the questions after the first page.
 */
const SURVEYJS_THERE = `(() => { const names = performance.getEntriesByType('resource').map((e) => e.name); return ['.js', '.css'].every((ext) => names.some((n) => /\\/assets\\/survey-model-[^/]*$/.test(n) && n.endsWith(ext))); })()`;

async function openLink(database: Database): Promise<string> {
  const result = (await database.db.execute(
    sql`select l.token from collection_link l join questionnaire_version v on v.questionnaire_id = l.questionnaire_id where l.active order by l.id limit 1`,
  )) as unknown as { rows: { token: string }[] };
  const token = result.rows[0]?.token;
  if (!token) throw new Error('the demonstration has no open collection link');
  return `/f/${token}`;
}

async function startApp(database: Database, options: Partial<AppOptions>): Promise<{ base: string; close(): Promise<void> }> {
  // Passed as a value: an option the app does not know (the code before compression) is ignored.
  const all = { database, webDist: WEB_DIST, signInLimit: 1_000_000, ...options } as AppOptions;
  const app = await buildApp(all);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export async function pageLoadBench(report: (line: string) => void): Promise<void> {
  if (webBuildIsStale()) await buildWeb();
  const database = await openDatabase({ dataDir: null });
  await migrate(database);
  await seedDemo(database);
  await createUser(database.db, SEED_AUTHOR, { login: LOGIN, name: 'Bench', role: 'admin', territoryId: null, organisation: null, language: 'bg' }, { password: PASSWORD, mustChangePassword: false });
  const form = await openLink(database);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  try {
    // BENCH_QUICK=1: compressed only (a run while working on it).
    for (const compress of process.env.BENCH_QUICK === '1' ? [true] : [true, false]) {
      const app = await startApp(database, { compress } as Partial<AppOptions>);
      try {
        const signIn = await fetch(`${app.base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: LOGIN, password: PASSWORD }) });
        const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
        const label = compress ? 'compressed' : 'compression off';
        const pages: [string, string, string, string | undefined, string?][] = [
          ['public questionnaire, until the first question can be answered', form, QUESTION_ANSWERABLE, undefined, SURVEYJS_THERE],
          ['sign-in page, until the form is there', '/sign-in', SIGN_IN_READY, undefined],
          ['gap dashboard (signed in), until its figures are there', '/gaps', DASHBOARD_READY, cookie],
        ];
        for (const [name, path, ready, withCookie, then] of pages) {
          const f = await measure(browser, app.base, path, ready, withCookie, then);
          const after = f.then ? `; with SurveyJS (in the background, for the next pages): ${kb(f.then.bytes)} in ${f.then.requests} requests, after ${s(f.then.readyMs)}` : '';
          report(`page load, Slow 4G (400 ms, 400 kbit/s), ${label}: ${name}: ${kb(f.bytes)} in ${f.requests} requests, ready after ${s(f.readyMs)}${after}`);
        }
      } finally {
        await app.close();
      }
    }
  } finally {
    await browser.close();
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await pageLoadBench((line) => console.log(line));
}
