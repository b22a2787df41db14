import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, WEB_DIST } from '../packages/server/src/config';
import { ADMIN_LOGIN, ADMIN_PASSWORD, withAppAndBrowser } from './support/harness';

type TManifestChunk = { file: string; src?: string; isEntry?: boolean; isDynamicEntry?: boolean; imports?: string[]; css?: string[] };

/** What Vite says each screen loads (build.manifest in vite.config.ts). */
const manifest = () => JSON.parse(readFileSync(join(WEB_DIST, '.vite/manifest.json'), 'utf8')) as Record<string, TManifestChunk>;

/** The files a chunk loads with it: its own, its static imports' (transitively) and their styles. */
function filesOf(chunks: Record<string, TManifestChunk>, key: string, into = new Set<string>()): Set<string> {
  const chunk = chunks[key]!;
  if (into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const css of chunk.css ?? []) into.add(css);
  for (const imported of chunk.imports ?? []) filesOf(chunks, imported, into);
  return into;
}

/** ECharts' own mark on every chart it draws: in its code, and in nothing else. */
const ECHARTS_MARK = '_echarts_instance_';
/** The questionnaire designer's element (DesignEditor.tsx), however the minifier quotes it. */
const DESIGNER_MARK = /"data-testid":\s*[`"']designer[`"']/;
const code = (file: string) => readFileSync(join(WEB_DIST, file), 'utf8');
/** What a file weighs on the wire: its Brotli copy, which the server sends to every browser that takes it. */
const brotliBytes = (file: string) => readFileSync(join(WEB_DIST, existsSync(join(WEB_DIST, `${file}.br`)) ? `${file}.br` : file)).length;
/** A translation file as the build ships it (the name has no language in it: its content tells). */
const sameTranslations = (file: string, language: string, name: string) =>
  JSON.stringify(JSON.parse(code(file))) === JSON.stringify(JSON.parse(readFileSync(join(ROOT, `packages/i18n/src/locales/${language}/${name}.json`), 'utf8')));
/**
 * The public form's download until its first question can be answered, Brotli-compressed: 615 KB
 * when every language's words came with the app's code and all of Mantine's styles with its first
 * screen, 505 KB with SurveyJS drawing the first page, about 145 KB now that the first page is
 * drawn without SurveyJS, Mantine, the router and react-query (collection/first-page.ts,
 * main.tsx). Issue 7's target is 400 KB; this budget keeps what has been won.
 */
const BUDGET_BYTES = 160 * 1024;
/** SurveyJS's code and styles: the public form's `survey-model` files. */
const SURVEYJS = /^assets\/survey-model-[^/]+$/;

/**
 * Issue 7: the public questionnaire, opened on phones on village networks, downloaded 3.4 MB —
 * the whole app. It must load only the app's entry and its own screen: no chart library (ECharts),
 * no questionnaire designer, no other screen, no app shell. (How long it takes on a slow network
 * is measured by `npm run bench`, bench/page-load.ts; no timings here.)
 */
describe('the public questionnaire loads only what it needs', () => {
  const session = withAppAndBrowser();

  it('requests only the entry, the public form’s chunks and its words in the reader’s language, within the budget, none with ECharts, the designer or another screen', async () => {
    const chunks = manifest();
    const entry = Object.keys(chunks).find((k) => chunks[k]!.isEntry)!;
    const publicForm = Object.keys(chunks).find((k) => chunks[k]!.src === 'src/collection/PublicFormPage.tsx')!;
    expect(publicForm).toBeDefined();
    const allowed = filesOf(chunks, publicForm, filesOf(chunks, entry));
    // SurveyJS, fetched by the form in the background once its first question is drawn.
    const surveyPart = Object.keys(chunks).find((k) => chunks[k]!.src === 'src/collection/survey-part.ts')!;
    const later = filesOf(chunks, surveyPart);
    expect([...later].filter((f) => SURVEYJS.test(f))).toHaveLength(2);
    expect([...allowed].filter((f) => SURVEYJS.test(f))).toEqual([]);
    // Every other screen, the app's shell (menus, sign-in) and the designer are chunks of their own.
    const otherScreens = Object.entries(chunks).filter(([key, c]) => c.isDynamicEntry && key !== publicForm && key !== surveyPart);
    for (const src of ['src/gaps/GapDashboardPage.tsx', 'src/questionnaires/QuestionnairePage.tsx', 'src/analysis/AnalysisPage.tsx', 'src/app/AppLayout.tsx', 'src/auth/SignInPage.tsx']) {
      expect(otherScreens.map(([, c]) => c.src)).toContain(src);
    }

    const { context, page } = await session.newPage('bg');
    // The officer's link for a respondent group, from the API as the collection tab shows it.
    const signedIn = await context.request.post('/api/v1/session', { data: { login: ADMIN_LOGIN, password: ADMIN_PASSWORD } });
    expect(signedIn.status()).toBe(200);
    const questionnaire = (await (await context.request.get('/api/v1/questionnaires/1')).json()) as { links: { path: string; active: boolean }[] };
    const link = questionnaire.links.find((l) => l.active)!.path;
    await context.clearCookies();

    const requested: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/')) requested.push(url.pathname.slice(1));
    });
    const loaded: string[] = [];
    page.on('requestfinished', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/assets/')) loaded.push(url.pathname.slice(1));
    });
    // SurveyJS held back until the first question can be answered: drawn without it.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/survey-model-[^/]+$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(link);
    // The first question can be answered.
    await page.getByTestId('public-form').locator('input:not([type=hidden]), textarea, [role=radio], [role=combobox]').first().waitFor();
    const beforeFirstQuestion = [...requested];
    const loadedBeforeFirstQuestion = [...loaded];
    release();
    // …and then SurveyJS arrives, for the pages after the first.
    await page.waitForResponse(/\/assets\/survey-model-[^/]+\.js$/);
    await page.waitForLoadState('networkidle');

    expect(beforeFirstQuestion.length).toBeGreaterThan(0);
    // Drawn while SurveyJS was held back: none of its files had arrived (its small loader may have,
    // asked for as the question was drawn).
    expect(loadedBeforeFirstQuestion.filter((f) => SURVEYJS.test(f))).toEqual([]);
    expect(requested.filter((f) => SURVEYJS.test(f))).toHaveLength(2);
    // The words: only the file the form uses, in the reader's language (and in the form's, when
    // it is shown in another), never all the app's files in all four languages.
    const words = requested.filter((f) => f.endsWith('.json'));
    const which = words.map((f) => ['bg', 'uk', 'pl', 'en'].flatMap((language) => ['ui', 'surveys'].filter((name) => sameTranslations(f, language, name)).map((name) => `${language}/${name}`))[0]);
    expect(which).toContain('bg/surveys');
    expect(which.filter((w) => !w || !/\/surveys$/.test(w))).toEqual([]);
    expect(words.length).toBeLessThanOrEqual(2);
    expect(requested.filter((f) => !allowed.has(f) && !later.has(f) && !words.includes(f))).toEqual([]);
    const toFirstQuestion = beforeFirstQuestion.filter((f) => !later.has(f) || allowed.has(f));
    expect(toFirstQuestion.reduce((sum, f) => sum + brotliBytes(f), 0)).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(requested.filter((f) => otherScreens.some(([, c]) => c.file === f))).toEqual([]);
    const scripts = requested.filter((f) => f.endsWith('.js'));
    expect(scripts.filter((f) => code(f).includes(ECHARTS_MARK))).toEqual([]);
    expect(scripts.filter((f) => DESIGNER_MARK.test(code(f)))).toEqual([]);
    // The marks are right: the build has ECharts and the designer, elsewhere.
    const everyScript = Object.values(chunks).map((c) => c.file);
    expect(everyScript.some((f) => code(f).includes(ECHARTS_MARK))).toBe(true);
    expect(everyScript.some((f) => DESIGNER_MARK.test(code(f)))).toBe(true);
    await context.close();
  });
});
