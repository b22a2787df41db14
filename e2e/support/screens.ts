import type { Page } from 'playwright-core';

/**
 * The screens of the app behind sign-in (packages/web/src/App.tsx), one of each kind, on the
 * demonstration's data of both countries: walked by the tests that check every screen (the
 * language of every screen, phones). `/change-password`, `/sign-in` and the public form
 * `/f/:token` are outside the app's shell and are opened by those tests themselves.
 */
export async function screensOf(page: Page, options: { admin: boolean } = { admin: true }): Promise<string[]> {
  const api = async (path: string) => page.evaluate(async (p) => (await (await fetch(`/api/v1${p}`)).json()) as any, path);
  const territory = async (code: string) => ((await api(`/territories?q=${code}`)).items as { id: number; code: string }[] | undefined)?.find((t) => t.code === code)?.id;
  const [assessment] = ((await api('/assessments')).items ?? []) as { id: number }[];
  const [questionnaire] = (assessment ? (await api(`/assessments/${assessment.id}`)).questionnaires : []) as { id: number }[];
  const [round] = ((await api('/planning/rounds')).items ?? []) as { id: number }[];
  const places = [await territory('UA05120170000013778'), await territory('BG'), await territory('PAZ19'), await territory('0609112')];
  const [khmilnyk, bulgaria, pazardzhik, niemce] = places;
  const screens = [
    '/gaps',
    khmilnyk ? `/gaps/${khmilnyk}` : null,
    pazardzhik ? `/gaps/${pazardzhik}` : null,
    bulgaria ? `/territories/${bulgaria}` : null,
    pazardzhik ? `/territories/${pazardzhik}` : null,
    '/services',
    '/norms',
    '/imports',
    '/service-types',
    '/assessments',
    assessment ? `/assessments/${assessment.id}` : null,
    questionnaire ? `/questionnaires/${questionnaire.id}` : null,
    questionnaire ? `/questionnaires/${questionnaire.id}/analysis` : null,
    pazardzhik ? `/services-review?municipalityId=${pazardzhik}` : null,
    pazardzhik ? `/publication?territoryId=${pazardzhik}` : null,
    niemce ? `/ozps?municipalityId=${niemce}&year=2025` : null,
    '/planning',
    ...(round ? ['stages', 'proposals', 'health', 'budget'].map((tab) => `/planning/${round.id}?tab=${tab}`) : []),
    ...(options.admin ? ['/users', '/audit'] : []),
  ];
  return screens.filter((s): s is string => s !== null);
}

/** Counts the page's requests under way, so a test can wait until the screen has its data. */
export function trackRequests(page: Page): { pending: number } {
  const requests = { pending: 0 };
  page.on('request', () => requests.pending++);
  page.on('requestfinished', () => requests.pending--);
  page.on('requestfailed', () => requests.pending--);
  return requests;
}

/** Wait until no request has been under way for a moment and nothing shows a loader. */
export async function quiet(page: Page, requests: { pending: number }): Promise<void> {
  for (let quietSince = Date.now(); Date.now() - quietSince < 300; ) {
    if (requests.pending > 0) quietSince = Date.now();
    await page.waitForTimeout(50);
  }
  await page.waitForFunction(() => ![...document.querySelectorAll('.mantine-Loader-root')].some((l) => (l as HTMLElement).checkVisibility()));
}

/**
 * Open a screen as a click on a link does (the app is loaded once, the router draws the
 * screen), then wait until it has drawn its data: the router has drawn the screen
 * (main[data-path]), its title is there, no request is under way for a moment, nothing shows a
 * loader.
 */
export async function openScreen(page: Page, path: string, requests: { pending: number }): Promise<void> {
  await page.evaluate((p) => {
    history.pushState(null, '', p);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  // data-path is the address's path: a query (a tab, a municipality) is drawn on the same screen.
  await page.locator(`main[data-path="${path.split('?')[0]}"]`).waitFor();
  await page.getByTestId('page-title').first().waitFor();
  await quiet(page, requests);
}

/**
 * How wide the page is, and what makes it wider than the window: the outermost elements whose
 * right edge is beyond it (not those inside a box that scrolls or clips its content).
 */
export async function widthOf(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const limit = window.innerWidth;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.closest('[data-testid]')?.getAttribute('data-testid');
      const cls = [...el.classList].find((c) => c.startsWith('mantine-')) ?? el.classList[0];
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''}${id ? ` in [data-testid=${id}]` : ''}> "${text}"`;
    };
    const clips = (el: Element) => {
      const s = getComputedStyle(el);
      return s.overflowX !== 'visible' || s.position === 'fixed';
    };
    const beyond = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.right + window.scrollX > limit + 0.5;
    };
    const culprits: string[] = [];
    const walk = (el: Element) => {
      for (const child of el.children) {
        if (!(child as HTMLElement).checkVisibility?.({ visibilityProperty: true })) continue;
        if (beyond(child)) {
          // The outermost element beyond the edge whose own children are not all beyond it too.
          const r = child.getBoundingClientRect();
          culprits.push(`${describe(child)} right=${Math.round(r.right + window.scrollX)}`);
          continue;
        }
        if (!clips(child)) walk(child);
      }
    };
    walk(document.body);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: limit, culprits: culprits.slice(0, 5) };
  });
}
