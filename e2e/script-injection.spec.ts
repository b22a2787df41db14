import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ADMIN_LOGIN, ADMIN_PASSWORD, expectAccessible, newPage, openBrowser, signIn, type RunningApp } from './support/harness';
import { launch } from './support/harness-launch';
import { apiAs } from './support/api';

const KHMILNYK = 'UA05120170000013778';
/** Sets a mark on the page if it ever runs: the test reads the mark. */
const payload = (mark: string) => `<img src=x onerror="window.__pwned='${mark}'">`;
/** A service type as the review stored it through the tags route (now refused there). */
const TAG_PAYLOAD = '<img src=x onerror="window.__pwned=\'tag\'">';

/**
 * No script of the payloads ran, and none could still run: an image of the same address as the
 * payloads' fails first (its handler runs), then the page has no mark and no event attribute.
 */
async function expectNothingRan(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = document.createElement('img');
    probe.addEventListener('error', () => ((window as unknown as { __probe: boolean }).__probe = true));
    probe.src = 'x';
  });
  await page.waitForFunction(() => (window as unknown as { __probe?: boolean }).__probe === true);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload], [onclick], [onmouseover], script:not([src])').length)).toBe(0);
}

/**
 * Security review, issue 6, findings 1 and 3: an officer's questionnaire and tags must not run a
 * script in the administrator's browser or the respondent's. Old data too: the app starts on a
 * database where a tag's service type and a version's note hold a script, written there
 * directly as the old code let them in.
 */
describe('script in questionnaires and tags', () => {
  let app: RunningApp;
  let browser: Browser;
  let ids: { territory: number; assessment: number; demo: number; demoToken: string };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'potreby-e2e-'));
    cpSync(join(inject('e2eTemplateDir'), 'pglite'), join(dataDir, 'pglite'), { recursive: true });
    const db = await PGlite.create(join(dataDir, 'pglite'));
    try {
      const found = await db.query<{ territory: number; assessment: number; demo: number; token: string }>(
        `select t.id as territory, q.assessment_id as assessment, q.id as demo, (select token from collection_link l where l.questionnaire_id = q.id order by l.id limit 1) as token
         from questionnaire q join territory t on t.id = q.territory_id where q.demo and t.code = $1`,
        [KHMILNYK],
      );
      const row = found.rows[0]!;
      ids = { territory: row.territory, assessment: row.assessment, demo: row.demo, demoToken: row.token };
      // Old data: a need tag whose service type is HTML, and a note with a script in the form.
      await db.query(`update question_tag set service_type = $1 where questionnaire_id = $2 and question_name = 'needs_home_care'`, [TAG_PAYLOAD, ids.demo]);
      const note = { type: 'html', name: 'old_note', html: { uk: `<p>Стара примітка</p>${payload('old-note')}`, en: `<p>Old note</p>${payload('old-note')}` } };
      await db.query(`update questionnaire_version set definition = jsonb_set(definition, '{pages,0,elements}', jsonb_build_array($1::jsonb) || (definition #> '{pages,0,elements}')) where questionnaire_id = $2`, [
        JSON.stringify(note),
        ids.demo,
      ]);
    } finally {
      await db.close();
    }
    app = await launch(dataDir);
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  /** The officer's questionnaire, saved through the API, and its public link. */
  let officers: { id: number; linkPath: string };

  it('takes an officer’s questionnaire with HTML and scripts through the API', async () => {
    // The administrator makes a municipal officer of Khmilnyk; the officer uses the API directly.
    const admin = await apiAs(app.url, ADMIN_LOGIN, ADMIN_PASSWORD);
    const created = await admin('POST', '/api/v1/users', { login: 'khm.officer', name: 'Officer of Khmilnyk', role: 'municipal_officer', territoryId: ids.territory, language: 'en' });
    expect(created.status).toBe(201);
    const first = await apiAs(app.url, 'khm.officer', created.body.oneTimePassword);
    expect((await first('POST', '/api/v1/session/password', { currentPassword: created.body.oneTimePassword, newPassword: 'Kestrel-harbour-violet-2931' })).status).toBe(204);
    const officer = await apiAs(app.url, 'khm.officer', 'Kestrel-harbour-violet-2931');

    const definition = {
      locale: 'en',
      title: { en: `Survey ${payload('survey-title')}` },
      completedHtml: { en: `<h3>Thank you</h3>${payload('completed')}` },
      pages: [
        {
          name: 'p1',
          elements: [
            { type: 'html', name: 'intro', html: { en: `<p><strong>Welcome</strong> to the survey.</p>${payload('note')}<script>window.__pwned='script'</script>` } },
            { type: 'text', name: 'who', title: { en: `Your name ${payload('title')}` }, defaultValue: payload('default-value') },
            // SurveyJS puts the answer into the note's HTML in the browser, where only the browser can clean it.
            { type: 'html', name: 'greeting', html: { en: '<p>Hello, <em>{who}</em>!</p>' } },
          ],
        },
      ],
    };
    const q = await officer('POST', '/api/v1/questionnaires', { title: 'Injection', assessmentId: ids.assessment, definition: { pages: [{ name: 'p1', elements: [] }] } });
    expect(q.status).toBe(201);
    const saved = await officer('POST', `/api/v1/questionnaires/${q.body.id}/versions`, { definition });
    expect(saved.status).toBe(200);
    // Stored clean; the default value is not HTML and stays as typed (the browser handles it).
    expect(saved.body.definition.pages[0].elements[0].html).toEqual({ en: '<p><strong>Welcome</strong> to the survey.</p>' });
    const link = await officer('POST', `/api/v1/questionnaires/${q.body.id}/links`, { respondentGroupId: null });
    expect(link.status).toBe(201);
    officers = { id: q.body.id, linkPath: link.body.path };
  });

  it('shows it in the administrator’s preview, up to its completed page, with scripts as text or gone', async () => {
    const { page, context } = await newPage(browser, app, 'en');
    await signIn(page);
    await page.goto(`/questionnaires/${officers.id}`);
    await page.getByTestId('tab-preview').click();
    const preview = page.getByTestId('preview-form');
    await preview.getByText('to the survey.').waitFor();
    expect(await preview.locator('strong').getByText('Welcome').count()).toBe(1);
    // A title is text, shown as typed.
    await preview.getByText(`Your name ${payload('title')}`).waitFor();
    await preview.getByText('Hello, !').waitFor();
    await expectNothingRan(page);
    await expectAccessible(page);
    await preview.getByRole('button', { name: 'Complete' }).click();
    await preview.getByRole('heading', { name: 'Thank you' }).waitFor();
    await expectNothingRan(page);
    await context.close();
  });

  it('shows it in the designer and in paper entry without running a script', async () => {
    const { page, context } = await newPage(browser, app, 'en');
    await signIn(page);
    await page.goto(`/questionnaires/${officers.id}`);
    await page.getByTestId('tab-design').click();
    await page.getByTestId('designer-element').first().waitFor();
    await expectNothingRan(page);
    await page.getByTestId('tab-paper').click();
    await page.getByTestId('paper-group').click();
    await page.getByRole('listbox').getByRole('option').first().click();
    await page.getByTestId('paper-form').getByText('to the survey.').waitFor();
    await page.getByTestId('paper-form').getByText(`Your name ${payload('title')}`).waitFor();
    await expectNothingRan(page);
    await context.close();
  });

  it('shows it to an anonymous respondent on the public form without running a script', async () => {
    const { page, context } = await newPage(browser, app, 'en');
    await page.goto(officers.linkPath);
    const form = page.getByTestId('public-form');
    await form.getByText('to the survey.').waitFor();
    await form.getByText(`Your name ${payload('title')}`).waitFor();
    await expectNothingRan(page);
    await expectAccessible(page);
    await context.close();
  });

  it('shows a note stored with a script before the fix without it, on the public form', async () => {
    const respondent = await newPage(browser, app, 'uk');
    await respondent.page.goto(`/f/${ids.demoToken}`);
    const form = respondent.page.getByTestId('public-form');
    await form.getByText('Стара примітка').waitFor();
    await form.getByText('Скільки вам років?').waitFor();
    await expectNothingRan(respondent.page);
    await respondent.context.close();
  });

  it('shows a service type stored with HTML before the fix as text in the needs chart’s tooltip and table', async () => {
    const { page, context } = await newPage(browser, app, 'en');
    await signIn(page);
    await page.goto(`/assessments/${ids.assessment}?tab=needs`);
    const chart = page.getByTestId('needs-chart');
    await chart.waitFor();
    const rows = page.getByTestId('need-row');
    await rows.first().waitFor();
    const names = await rows.allTextContents();
    const index = names.findIndex((n) => n.includes(TAG_PAYLOAD));
    expect(index).toBeGreaterThanOrEqual(0);

    // Hover along the row of that service type until its tooltip shows (the chart is a canvas:
    // rows are evenly spaced between the plot's top, 8 px, and bottom, 24 px from the edge).
    const box = (await chart.boundingBox())!;
    const band = (box.height - 8 - 24) / names.length;
    const y = box.y + 8 + band * (index + 0.5);
    const tooltip = chart.locator('div').filter({ hasText: TAG_PAYLOAD });
    for (let x = box.x + 40; x < box.x + box.width - 8 && (await tooltip.count()) === 0; x += 3) await page.mouse.move(x, y);
    await tooltip.last().waitFor();
    expect(await tooltip.last().textContent()).toContain(TAG_PAYLOAD);
    await expectNothingRan(page);
    await expectAccessible(page);
    await context.close();
  });
});
