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
  const places = [await territory('UA05120170000013778'), await territory('BG'), await territory('PAZ19')];
  const [khmilnyk, bulgaria, pazardzhik] = places;
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
  await page.locator(`main[data-path="${path}"]`).waitFor();
  await page.getByTestId('page-title').first().waitFor();
  await quiet(page, requests);
}
