import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

/**
 * Security review, issue 6: stored script injection. Finding 1 — a questionnaire's HTML ran in
 * the administrator's preview and in the respondents' form; finding 3 — a tag's service type
 * was any text, and HTML in it ran in the needs chart. Each reproduced as it was found.
 */

/** The payload of the review: read the CSRF token, then create an administrator. */
const PAYLOAD =
  '<img src=x onerror="fetch(\'/api/v1/session\').then(r=>r.json()).then(s=>fetch(\'/api/v1/users\',{method:\'POST\',headers:{\'content-type\':\'application/json\',\'x-csrf-token\':s.csrfToken},body:JSON.stringify({login:\'owned\',role:\'admin\'})}))">';

const yesNo = { type: 'radiogroup', name: 'needs_transport', title: { uk: 'Чи потрібен вам транспорт?', en: 'Do you need transport?' }, choices: ['yes', 'no'] };

/** A definition an officer saves: safe formatting, and scripts in every place that holds HTML. */
const MALICIOUS = {
  locale: 'uk',
  title: { uk: 'Анкета <img src=x onerror=alert(1)>', en: 'Survey' },
  completedHtml: { uk: `<h3>Дякуємо!</h3>${PAYLOAD}`, en: '<p>Thank you</p><script>alert(1)</script>' },
  loadingHtml: '<svg onload=alert(1)></svg>…',
  navigateToUrl: 'javascript:alert(1)',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'html',
          name: 'intro',
          html: {
            uk: `<p><strong>Анкета</strong> <em>анонімна</em>.</p><ul><li>10 хвилин</li></ul><a href="https://example.org/privacy">Конфіденційність</a> <a href="javascript:fetch('/api/v1/users')">клік</a>${PAYLOAD}`,
            en: `<p><b>Anonymous</b></p>${PAYLOAD}<iframe src="javascript:alert(1)"></iframe>`,
          },
        },
        yesNo,
      ],
    },
  ],
};

/** What is stored of it: the formatting, the text, the https link; no script anywhere. */
const CLEAN = {
  ...MALICIOUS,
  completedHtml: { uk: '<h3>Дякуємо!</h3>', en: '<p>Thank you</p>' },
  loadingHtml: '…',
  navigateToUrl: undefined,
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'html',
          name: 'intro',
          html: {
            uk: '<p><strong>Анкета</strong> <em>анонімна</em>.</p><ul><li>10 хвилин</li></ul><a href="https://example.org/privacy" target="_blank" rel="noopener noreferrer">Конфіденційність</a> <a target="_blank" rel="noopener noreferrer">клік</a>',
            en: '<p><b>Anonymous</b></p>',
          },
        },
        yesNo,
      ],
    },
  ],
};
const { navigateToUrl: _dropped, ...CLEAN_DEFINITION } = CLEAN;

/** No tag with an event attribute, no script, no javascript: address in the JSON (titles are text: left out). */
function expectNoScript(value: unknown) {
  const json = JSON.stringify(value, (key, v: unknown) => (key === 'title' ? undefined : v));
  expect(json).not.toMatch(/onerror|onload|<script|<iframe|<svg|javascript:/i);
}

describe(`script injection through questionnaires and tags (${ENGINE})`, () => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;
  let assessmentId: number;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const create = async (definition: Record<string, unknown> = { locale: 'uk', pages: [{ name: 'p1', elements: [yesNo, { type: 'comment', name: 'remarks', title: 'Зауваження' }] }] }) => {
    const res = await officer.post('/api/v1/questionnaires', { title: 'Анкета', assessmentId, definition });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: number; definition: Record<string, unknown> };
  };
  const stored = async (id: number) => (await query<{ version: number; definition: unknown }>(sql`select version, definition from questionnaire_version where questionnaire_id = ${id} order by version`)).map((r) => r.definition);
  const publicForm = async (id: number) => {
    const link = await officer.post(`/api/v1/questionnaires/${id}/links`, { respondentGroupId: null });
    expect(link.status, link.text).toBe(201);
    const res = await t.anonymous().get(`/api/v1/public/forms/${link.body.token}`);
    expect(res.status).toBe(200);
    return res.body as { title: string; definition: Record<string, unknown> };
  };

  beforeAll(async () => {
    t = await startTestApp();
    [officer, admin] = await Promise.all([t.as('municipal_officer', KHMILNYK), t.as('admin')]);
    assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${await t.territoryId(KHMILNYK)}`)).body.items[0].id;
  });
  afterAll(() => t.close());

  describe('HTML in a questionnaire (finding 1)', () => {
    it('stores a new version without the script, keeping bold, lists and https links', async () => {
      const q = await create();
      const res = await officer.post(`/api/v1/questionnaires/${q.id}/versions`, { definition: MALICIOUS });
      expect(res.status, res.text).toBe(200);
      expect(res.body.definition).toEqual(CLEAN_DEFINITION);
      // Stored clean, not only answered clean.
      expect((await stored(q.id))[1]).toEqual(CLEAN_DEFINITION);
      expectNoScript(await stored(q.id));
      // What the administrator's preview and the anonymous respondent get.
      expect((await admin.get(`/api/v1/questionnaires/${q.id}`)).body.definition).toEqual(CLEAN_DEFINITION);
      expect((await publicForm(q.id)).definition).toEqual(CLEAN_DEFINITION);
      // Titles are text and shown as text: kept as typed.
      expect(res.body.definition.title).toEqual(MALICIOUS.title);
      expect(res.body.languages).toEqual(['uk', 'en']);
    });

    it('stores a new questionnaire without the script', async () => {
      const q = await create(MALICIOUS);
      expect(q.definition).toEqual(CLEAN_DEFINITION);
      expect(await stored(q.id)).toEqual([CLEAN_DEFINITION]);
    });

    it('sends a version stored before the fix without its script', async () => {
      const q = await create();
      // As the review found it: the script in the database, stored by the old code.
      await query(sql`update questionnaire_version set definition = ${JSON.stringify(MALICIOUS)}::jsonb where questionnaire_id = ${q.id}`);
      expect((await admin.get(`/api/v1/questionnaires/${q.id}`)).body.definition).toEqual(CLEAN_DEFINITION);
      expect((await publicForm(q.id)).definition).toEqual(CLEAN_DEFINITION);
    });

    it('keeps an XLSForm note with HTML as text', async () => {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('survey').addRows([
        ['type', 'name', 'label::Українська (uk)', 'label::English (en)'],
        ['note', 'intro', `Увага ${PAYLOAD}`, '<script>alert(1)</script><b>Note</b>'],
        ['text', 'q', 'Що вам потрібно?', 'What do you need?'],
      ]);
      const form = new FormData();
      form.append('assessmentId', String(assessmentId));
      form.append('file', new Blob([new Uint8Array(await workbook.xlsx.writeBuffer())]), 'notes.xlsx');
      const res = await officer.post('/api/v1/questionnaires/import-xlsform', form);
      expect(res.status, res.text).toBe(201);
      const [definition] = await stored(res.body.questionnaireId);
      const note = (definition as { pages: { elements: { name: string; html: Record<string, string> }[] }[] }).pages[0]!.elements.find((e) => e.name === 'intro')!;
      // The respondent reads the label as written, with no element made of it.
      expect(note.html.en).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;Note&lt;/b&gt;');
      expect(note.html.uk).toMatch(/^Увага &lt;img src=x onerror=/);
      expect(JSON.stringify(definition)).not.toMatch(/<img|<script|<b>/);
    });

    it('refuses a definition nested thousands of levels deep with a 400, storing nothing', async () => {
      const q = await create();
      // Written as text: JSON.stringify itself cannot go that deep.
      const deep = `${'{"type":"panel","name":"p","elements":['.repeat(5000)}{"type":"html","name":"n","html":"x"}${']}'.repeat(5000)}`;
      const res = await fetch(`${officer.baseUrl}/api/v1/questionnaires/${q.id}/versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: officer.cookie!, 'x-csrf-token': officer.csrf! },
        body: `{"definition":{"pages":[{"name":"p","elements":[${deep}]}]}}`,
      });
      expect(res.status).toBe(400);
      expect(await stored(q.id)).toHaveLength(1);
    });
  });

  describe('service types of tags (finding 3)', () => {
    const tagsOf = async (id: number) => (await officer.get(`/api/v1/questionnaires/${id}`)).body.tags as { serviceType: string | null }[];
    const auditCount = async (id: number) =>
      ((await query<{ n: number }>(sql`select count(*)::int as n from audit_log where entity = 'question_tags' and entity_id = ${String(id)}`)) as [{ n: number }])[0].n;

    it.each([
      ['a service type the catalogue does not have', 'ua.shoe_shine', 'unknown_service_type'],
      ['HTML for a service type, as the review sent it', '<img src=x onerror="window.__pwned=1">', 'unknown_service_type'],
      ["another country's service type", 'bg.information_consulting', 'unknown_service_type'],
    ])('refuses %s with a 400 naming it, and stores nothing', async (_label, serviceType, message) => {
      const q = await create();
      expect((await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'need', serviceType: 'ua.home_care', positiveValues: ['yes'] }] })).status).toBe(200);
      const audits = await auditCount(q.id);
      const res = await officer.request('PUT', `/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'need', serviceType, positiveValues: ['yes'] }] }, { 'x-potreby-language': 'uk' });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'tags.0.serviceType', message }]]);
      expect(res.body.detail).toBe(`Невідомий вид послуги «${serviceType}»: використовуйте ключ із класифікатора країни.`);
      expect(await tagsOf(q.id)).toEqual([expect.objectContaining({ serviceType: 'ua.home_care' })]);
      expect(await auditCount(q.id)).toBe(audits);
    });

    it('refuses a target group the catalogue does not name', async () => {
      const q = await create();
      const res = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'need', serviceType: 'ua.home_care', targetGroup: '<b>x</b>', positiveValues: ['yes'] }] });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'tags.0.targetGroup', message: 'unknown_target_group' }]]);
      expect(await tagsOf(q.id)).toEqual([]);
    });

    it('refuses a service type longer than any key before looking it up', async () => {
      const q = await create();
      const res = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'need', serviceType: `ua.${'x'.repeat(200)}`, positiveValues: ['yes'] }] });
      expect([res.status, res.body.issues?.[0]?.path]).toEqual([400, 'tags.0.serviceType']);
    });

    it('takes the country’s own service types and target groups', async () => {
      const q = await create();
      const res = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'need', serviceType: 'ua.physical_escort', targetGroup: 'older_people', positiveValues: ['yes'] }] });
      expect(res.status, res.text).toBe(200);
      expect(res.body.tags).toEqual([expect.objectContaining({ serviceType: 'ua.physical_escort', targetGroup: 'older_people' })]);
    });
  });

  describe('ids beyond the database’s integers (finding 10, in these routes)', () => {
    it.each([
      ['GET', '/api/v1/questionnaires/2147483648'],
      ['GET', '/api/v1/questionnaires?assessmentId=2147483648'],
      ['GET', '/api/v1/questionnaires/1/stats?respondentGroupId=2147483648'],
      ['GET', '/api/v1/questionnaires/1/links/2147483648/qr.svg'],
    ])('%s %s is a 400', async (method, path) => {
      expect((await officer.request(method, path)).status).toBe(400);
    });

    it('refuses them in bodies too', async () => {
      const q = await create();
      expect((await officer.post(`/api/v1/questionnaires/${q.id}/links`, { respondentGroupId: 2147483648 })).status).toBe(400);
      expect((await officer.post('/api/v1/questionnaires', { title: 'Анкета', territoryId: 2147483648 })).status).toBe(400);
      expect((await officer.put(`/api/v1/questionnaires/${q.id}/free-text/tags`, { responseId: 2147483648, question: 'remarks', tags: [] })).status).toBe(400);
    });
  });
});
