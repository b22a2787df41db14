import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK, KHMILNYK_TAGS } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Link = { id: number; token: string; path: string; respondentGroup: { id: number; name: string; key: string } | null; active: boolean; responses: number };
type Detail = {
  id: number;
  title: string;
  assessmentId: number | null;
  territoryId: number | null;
  currentVersion: number;
  definition: Record<string, unknown>;
  languages: string[];
  versions: { version: number; source: string; languages: string[]; responses: number }[];
  tags: { questionName: string; purpose: string; serviceType: string | null; targetGroup: string | null; positiveValues: string[] }[];
  links: Link[];
  responses: number;
  demo: boolean;
  editable: boolean;
};

const yesNo = (name: string, uk: string, en: string) => ({
  type: 'radiogroup',
  name,
  title: { default: uk, uk, en },
  choices: [
    { value: 'yes', text: { default: 'Так', uk: 'Так', en: 'Yes' } },
    { value: 'no', text: { default: 'Ні', uk: 'Ні', en: 'No' } },
  ],
});
const FIRST = { locale: 'uk', pages: [{ name: 'p1', elements: [yesNo('needs_transport', 'Чи потрібен вам транспорт?', 'Do you need transport?'), { type: 'comment', name: 'remarks', title: 'Зауваження' }] }] };
const SECOND = {
  locale: 'uk',
  pages: [
    {
      name: 'p1',
      elements: [
        yesNo('needs_transport', 'Чи потрібен вам соціальний транспорт?', 'Do you need social transport?'),
        { type: 'text', name: 'household', inputType: 'number', step: 1, title: { default: 'Скільки людей у домогосподарстві?', uk: 'Скільки людей у домогосподарстві?', en: 'How many people live in your household?' } },
      ],
    },
  ],
};

/** Questionnaires (issue 3, items 3 and 4): content in versions, tags, public links and their QR codes, paper entry. */
describe(`questionnaires (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let viewer: Client;
  let stranger: Client;
  let khmilnyk: number;
  let assessmentId: number;
  let demoId: number;
  let groups: { id: number; key: string; name: string }[];
  let otherAssessmentGroup: number;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const auditOf = async (entity: string, entityId: number) =>
    ((await admin.get(`/api/v1/audit?entity=${entity}&pageSize=200`)).body.items as { action: string; entityId: string; actor: string; territory: { id: number } | null; before: any; after: any }[]).filter(
      (a) => a.entityId === String(entityId),
    );
  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await officer.post('/api/v1/questionnaires', { title: 'Анкета для людей похилого віку', assessmentId, definition: FIRST, ...extra });
    expect(res.status, res.text).toBe(201);
    return res.body as Detail;
  };

  beforeAll(async () => {
    t = await startTestApp();
    khmilnyk = await t.territoryId(KHMILNYK);
    [admin, officer, viewer, stranger] = await Promise.all([t.as('admin'), t.as('municipal_officer', KHMILNYK), t.as('viewer', KHMILNYK), t.as('municipal_officer', 'PAZ19')]);
    assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items[0].id;
    const assessment = (await officer.get(`/api/v1/assessments/${assessmentId}`)).body;
    demoId = assessment.questionnaires[0].id;
    groups = assessment.groups;
    // A second assessment of the same hromada, with a group of its own.
    const other = await officer.post('/api/v1/assessments', { territoryId: khmilnyk, title: 'Інше', periodFrom: '2027-01-01', periodTo: '2027-03-01', year: 2027, language: 'uk' });
    otherAssessmentGroup = (await officer.post(`/api/v1/assessments/${other.body.id}/groups`, { key: 'idp', name: 'ВПО' })).body.id;
  });
  afterAll(() => t.close());

  describe('the demonstration questionnaire', () => {
    it('is listed with its assessment and shows its content, versions, tags and links', async () => {
      const list = await officer.get(`/api/v1/questionnaires?assessmentId=${assessmentId}`);
      expect(list.body.items).toEqual([{ id: demoId, title: expect.any(String), assessmentId, currentVersion: 1, responses: 355 }]);
      const detail = (await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail;
      expect(detail).toMatchObject({ assessmentId, territoryId: khmilnyk, currentVersion: 1, languages: ['uk', 'en'], responses: 355, demo: true, editable: true });
      expect(detail.versions).toEqual([expect.objectContaining({ version: 1, source: 'editor', responses: 355 })]);
      expect(detail.tags.map(({ questionName, purpose, serviceType, targetGroup, positiveValues }) => ({ questionName, purpose, serviceType, targetGroup, positiveValues }))).toEqual(KHMILNYK_TAGS);
      expect(detail.links.map((l) => l.respondentGroup?.id)).toEqual(groups.map((g) => g.id));
      const web = await query<{ group: number; n: number }>(sql`select respondent_group_id as group, count(*)::int as n from response where questionnaire_id = ${demoId} and channel = 'web' group by 1`);
      for (const link of detail.links) {
        expect(link).toMatchObject({ path: `/f/${link.token}`, active: true });
        expect(link.token.length).toBeGreaterThanOrEqual(20);
        expect(link.responses).toBe(web.find((w) => w.group === link.respondentGroup!.id)!.n);
      }
    });
  });

  it('asks for the assessment whose questionnaires to list, rather than reporting NaN', async () => {
    for (const [q, message] of [['', 'received undefined'], ['?assessmentId=abc', 'received "abc"']] as const) {
      const res = await officer.get(`/api/v1/questionnaires${q}`);
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([{ path: 'assessmentId', message: `Invalid input: expected number, ${message}` }]);
    }
  });

  describe('making one', () => {
    it('creates it for an assessment, in the assessment’s territory, and audits it', async () => {
      const q = await create();
      expect(q).toMatchObject({ assessmentId, territoryId: khmilnyk, currentVersion: 1, definition: FIRST, languages: ['uk', 'en'], tags: [], links: [], responses: 0, demo: false, editable: true });
      expect(q.versions).toEqual([expect.objectContaining({ version: 1, responses: 0, source: 'editor' })]);
      expect((await officer.get(`/api/v1/questionnaires?assessmentId=${assessmentId}`)).body.items.map((i: { id: number }) => i.id)).toEqual([demoId, q.id]);
      expect(await auditOf('questionnaire', q.id)).toEqual([expect.objectContaining({ action: 'create', territory: expect.objectContaining({ id: khmilnyk }) })]);
    });

    it('starts a stand-alone questionnaire from a territory, with an empty form', async () => {
      const res = await officer.post('/api/v1/questionnaires', { title: 'Окрема анкета', territoryId: khmilnyk });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ assessmentId: null, territoryId: khmilnyk, definition: { pages: [{ name: 'page1', elements: [] }] }, languages: [] });
    });

    it.each([
      ['neither an assessment nor a territory', { assessmentId: null }, 'territoryId', 'territory_required'],
      ['an empty title', { title: ' ' }, 'title', undefined],
      ['an unknown assessment', { assessmentId: 999_999 }, 'assessmentId', 'unknown_assessment'],
      ['a question without a usable name', { definition: { pages: [{ name: 'p', elements: [{ type: 'text', name: 'what is your age' }] }] } }, 'definition', 'question_name'],
      ['two questions of one name', { definition: { pages: [{ name: 'p', elements: [yesNo('q', 'А', 'A'), { type: 'text', name: 'q' }] }] } }, 'definition', 'duplicate_question_name'],
    ])('refuses %s', async (_label, extra, path, message) => {
      const res = await officer.post('/api/v1/questionnaires', { title: 'Анкета', assessmentId, ...extra });
      expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
      expect(res.body.issues).toEqual([expect.objectContaining({ path, ...(message ? { message } : {}) })]);
    });

    it('renames it, audited', async () => {
      const q = await create();
      const res = await officer.put(`/api/v1/questionnaires/${q.id}`, { title: 'Анкета 2027' });
      expect([res.status, res.body.title]).toEqual([200, 'Анкета 2027']);
      const update = (await auditOf('questionnaire', q.id)).find((a) => a.action === 'update')!;
      expect([update.before, update.after]).toEqual([{ title: q.title }, { title: 'Анкета 2027' }]);
      expect((await officer.put(`/api/v1/questionnaires/${q.id}`, { title: '' })).status).toBe(400);
    });
  });

  describe('versions', () => {
    it('makes a new version current; answers keep the version they answered', async () => {
      const q = await create();
      const first = await officer.post(`/api/v1/questionnaires/${q.id}/responses`, { submissionKey: 'version-one-0001', respondentGroupId: null, answers: { needs_transport: 'yes', remarks: 'Далеко' } });
      expect(first.status).toBe(201);
      const res = await officer.post(`/api/v1/questionnaires/${q.id}/versions`, { definition: SECOND });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ currentVersion: 2, definition: SECOND, languages: ['uk', 'en'] });
      const second = await officer.post(`/api/v1/questionnaires/${q.id}/responses`, { submissionKey: 'version-two-0001', respondentGroupId: null, answers: { needs_transport: 'no', household: 3 } });
      expect(second.status).toBe(201);
      // The new version no longer asks for remarks: an answer to it is refused.
      const stale = await officer.post(`/api/v1/questionnaires/${q.id}/responses`, { submissionKey: 'version-two-0002', respondentGroupId: null, answers: { remarks: 'X' } });
      expect([stale.status, stale.body.issues]).toEqual([400, [{ path: 'answers.remarks', message: 'unknown_question' }]]);
      const detail = (await officer.get(`/api/v1/questionnaires/${q.id}`)).body as Detail;
      expect(detail.versions.map((v) => [v.version, v.responses])).toEqual([
        [2, 1],
        [1, 1],
      ]);
      expect(detail.responses).toBe(2);
      const stored = await query<{ submission_key: string; version: number }>(sql`select submission_key, version from response where questionnaire_id = ${q.id} order by submission_key`);
      expect(stored).toEqual([
        { submission_key: 'version-one-0001', version: 1 },
        { submission_key: 'version-two-0001', version: 2 },
      ]);
      expect((await auditOf('questionnaire', q.id)).find((a) => a.action === 'update')).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
    });

    it.each([
      ['a question name with spaces', { pages: [{ name: 'p', elements: [{ type: 'text', name: 'how old' }] }] }, 'question_name'],
      ['a question name starting with a digit', { elements: [{ type: 'text', name: '1age' }] }, 'question_name'],
      ['one name twice, across pages', { pages: [{ name: 'a', elements: [{ type: 'text', name: 'age' }] }, { name: 'b', elements: [{ type: 'comment', name: 'age' }] }] }, 'duplicate_question_name'],
      ['one name twice, inside a panel', { elements: [{ type: 'text', name: 'age' }, { type: 'panel', name: 'more', elements: [{ type: 'text', name: 'age' }] }] }, 'duplicate_question_name'],
    ])('refuses a definition with %s, keeping the current version', async (_label, definition, message) => {
      const q = await create();
      const res = await officer.post(`/api/v1/questionnaires/${q.id}/versions`, { definition });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'definition', message }]]);
      expect((await officer.get(`/api/v1/questionnaires/${q.id}`)).body.currentVersion).toBe(1);
    });
  });

  describe('tags', () => {
    it('replaces all tags at once, audited', async () => {
      const q = await create();
      const two = [
        { questionName: 'needs_transport', purpose: 'need', serviceType: 'ua.physical_escort', targetGroup: 'older_people', positiveValues: ['yes'] },
        { questionName: 'remarks', purpose: 'information' },
      ];
      const res = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: two });
      expect(res.status).toBe(200);
      expect(res.body.tags).toEqual([
        expect.objectContaining({ questionName: 'needs_transport', purpose: 'need', serviceType: 'ua.physical_escort', targetGroup: 'older_people', positiveValues: ['yes'] }),
        expect.objectContaining({ questionName: 'remarks', purpose: 'information', serviceType: null, targetGroup: null, positiveValues: [] }),
      ]);
      const one = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'needs_transport', purpose: 'current_use', serviceType: 'ua.physical_escort', positiveValues: ['yes'] }] });
      expect(one.body.tags).toEqual([expect.objectContaining({ questionName: 'needs_transport', purpose: 'current_use' })]);
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from question_tag where questionnaire_id = ${q.id}`)) as [{ n: number }];
      expect(n).toBe(1);
      const audit = await auditOf('question_tags', q.id);
      expect(audit).toHaveLength(2);
      expect(audit[0]!.after).toEqual([expect.objectContaining({ purpose: 'current_use' })]);
      expect((await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [] })).body.tags).toEqual([]);
    });

    it.each([
      ['the same question and purpose twice', [{ questionName: 'remarks', purpose: 'information' }, { questionName: 'remarks', purpose: 'information' }], 'tags.1.questionName', 'duplicate_tag'],
      ['a need without its service type', [{ questionName: 'needs_transport', purpose: 'need', positiveValues: ['yes'] }], 'tags.0.serviceType', 'required'],
      ['a question the questionnaire does not ask', [{ questionName: 'needs_transport', purpose: 'information' }, { questionName: 'shoe_size', purpose: 'information' }], 'tags.1.questionName', 'unknown_question'],
    ])('refuses %s', async (_label, tags, path, message) => {
      const q = await create();
      await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags: [{ questionName: 'remarks', purpose: 'information' }] });
      const res = await officer.put(`/api/v1/questionnaires/${q.id}/tags`, { tags });
      expect([res.status, res.body.issues]).toEqual([400, [{ path, message }]]);
      expect((await officer.get(`/api/v1/questionnaires/${q.id}`)).body.tags).toEqual([expect.objectContaining({ questionName: 'remarks' })]);
    });
  });

  describe('public links and QR codes', () => {
    it('opens a link per respondent group, closes and reopens it', async () => {
      const q = await create();
      const group = groups.find((g) => g.key === 'idp')!;
      const res = await officer.post(`/api/v1/questionnaires/${q.id}/links`, { respondentGroupId: group.id });
      expect(res.status).toBe(201);
      const link = res.body as Link;
      expect(link).toMatchObject({ path: `/f/${link.token}`, respondentGroup: { id: group.id, name: group.name, key: 'idp' }, active: true, responses: 0 });
      const open = await t.anonymous().get(`/api/v1/public/forms/${link.token}`);
      expect(open.status).toBe(200);
      expect(open.body).toMatchObject({ title: q.title, group: group.name, definition: FIRST });

      const closed = await officer.put(`/api/v1/questionnaires/${q.id}/links/${link.id}`, { active: false });
      expect([closed.status, closed.body.active]).toEqual([200, false]);
      expect((await t.anonymous().get(`/api/v1/public/forms/${link.token}`)).status).toBe(404);
      const reopened = await officer.put(`/api/v1/questionnaires/${q.id}/links/${link.id}`, { active: true });
      expect(reopened.body.active).toBe(true);
      expect((await t.anonymous().get(`/api/v1/public/forms/${link.token}`)).status).toBe(200);

      // One without a group; a second link of a group gets a token of its own.
      const ungrouped = await officer.post(`/api/v1/questionnaires/${q.id}/links`, { respondentGroupId: null });
      expect(ungrouped.body).toMatchObject({ respondentGroup: null, active: true });
      const again = await officer.post(`/api/v1/questionnaires/${q.id}/links`, { respondentGroupId: group.id });
      expect(again.body.token).not.toBe(link.token);
      expect((await officer.get(`/api/v1/questionnaires/${q.id}`)).body.links).toHaveLength(3);
      expect((await auditOf('collection_link', link.id)).map((a) => a.action)).toEqual(['update', 'update', 'create']);
    });

    it("refuses a group of another assessment, and a link of another questionnaire", async () => {
      const q = await create();
      const res = await officer.post(`/api/v1/questionnaires/${q.id}/links`, { respondentGroupId: otherAssessmentGroup });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'respondentGroupId', message: 'not_in_assessment' }]]);
      const demoLink = ((await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail).links[0]!;
      expect((await officer.put(`/api/v1/questionnaires/${q.id}/links/${demoLink.id}`, { active: false })).status).toBe(404);
      expect((await officer.get(`/api/v1/questionnaires/${q.id}/links/${demoLink.id}/qr.svg`)).status).toBe(404);
      expect(((await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail).links[0]!.active).toBe(true);
    });

    it('draws the QR code of the public address as SVG, for the origin the browser gives', async () => {
      const link = ((await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail).links[0]!;
      const qr = (origin?: string) => officer.get(`/api/v1/questionnaires/${demoId}/links/${link.id}/qr.svg${origin ? `?origin=${encodeURIComponent(origin)}` : ''}`);
      const a = await qr('https://potreby.khmilnyk.example');
      expect(a.status).toBe(200);
      expect(a.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(a.text).toContain('<svg');
      expect(a.text).toContain('</svg>');
      const b = await qr('https://another.example');
      expect(b.status).toBe(200);
      expect(b.text).not.toBe(a.text);
      // The same address gives the same picture; a trailing slash changes nothing.
      expect((await qr('https://potreby.khmilnyk.example/')).text).toBe(a.text);
      expect((await qr()).status).toBe(200);
      expect((await qr('not an address')).status).toBe(400);
    });
  });

  describe('paper entry', () => {
    const older = () => groups.find((g) => g.key === 'older_people')!;
    const countKey = async (key: string) => (await query<{ n: number }>(sql`select count(*)::int as n from response where submission_key = ${key}`))[0]!.n;

    it('stores a typed-in questionnaire once, however often it is sent', async () => {
      const [town] = await query<{ id: number; code: string }>(sql`select id, code from territory where name = 'Хмільник' and level = 'settlement'`);
      const answers = { settlement: town!.code, age: 74, lives_alone: 'yes', needs_home_care: 'yes', information_sources: ['starosta'], main_problem: 'Далеко до лікарні' };
      const sent = { submissionKey: 'paper-khm-000001', respondentGroupId: older().id, answers };
      const first = await officer.post(`/api/v1/questionnaires/${demoId}/responses`, sent);
      expect([first.status, first.body]).toEqual([201, { duplicate: false }]);
      const again = await officer.post(`/api/v1/questionnaires/${demoId}/responses`, sent);
      expect([again.status, again.body]).toEqual([200, { duplicate: true }]);
      expect(await countKey('paper-khm-000001')).toBe(1);
      const me = (await officer.get('/api/v1/session')).body.user.id as number;
      const [stored] = await query<{ channel: string; entered_by: number; respondent_group_id: number; settlement_id: number; version: number; answers: unknown }>(
        sql`select channel, entered_by, respondent_group_id, settlement_id, version, answers from response where submission_key = 'paper-khm-000001'`,
      );
      expect(stored).toEqual({ channel: 'paper', entered_by: me, respondent_group_id: older().id, settlement_id: town!.id, version: 1, answers });
      expect((await officer.get(`/api/v1/questionnaires/${demoId}`)).body.responses).toBe(356);
      // The audit says an answer came, never what it says.
      const entries = (await admin.get('/api/v1/audit?entity=response&pageSize=5')).body.items as { action: string; after: Record<string, unknown> }[];
      expect(entries[0]).toMatchObject({ action: 'create', after: { questionnaireId: demoId, channel: 'paper', respondentGroupId: older().id } });
      expect(JSON.stringify(entries[0])).not.toContain('Далеко');
      expect(entries.filter((e) => e.action === 'create' && e.after.questionnaireId === demoId)).toHaveLength(1);
    });

    it('refuses a respondent group of another assessment', async () => {
      const res = await officer.post(`/api/v1/questionnaires/${demoId}/responses`, { submissionKey: 'paper-khm-000002', respondentGroupId: otherAssessmentGroup, answers: { age: 70 } });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'respondentGroupId', message: 'not_in_assessment' }]]);
      expect(await countKey('paper-khm-000002')).toBe(0);
    });

    it.each([
      ['a word for a number', { age: 'сімдесят' }, 'answers.age', 'wrong_type'],
      ['an answer not offered', { needs_home_care: 'maybe' }, 'answers.needs_home_care', 'not_a_choice'],
      ['a single choice for a multiple one', { information_sources: 'internet' }, 'answers.information_sources', 'wrong_type'],
      ['a question that is not asked', { shoe_size: 42 }, 'answers.shoe_size', 'unknown_question'],
    ])('refuses %s, naming the question', async (_label, answers, path, message) => {
      const res = await officer.post(`/api/v1/questionnaires/${demoId}/responses`, { submissionKey: 'paper-khm-000003', respondentGroupId: older().id, answers: { lives_alone: 'no', ...answers } });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [{ path, message }]]);
      expect(await countKey('paper-khm-000003')).toBe(0);
    });

    it('refuses a malformed submission key', async () => {
      const res = await officer.post(`/api/v1/questionnaires/${demoId}/responses`, { submissionKey: 'short', respondentGroupId: null, answers: {} });
      expect([res.status, res.body.issues?.[0]?.path]).toEqual([400, 'submissionKey']);
    });
  });

  describe('removing one', () => {
    it('removes its answers and their tags with it, audited', async () => {
      const q = await create();
      await officer.post(`/api/v1/questionnaires/${q.id}/responses`, { submissionKey: 'removed-0001', respondentGroupId: null, answers: { remarks: 'Немає транспорту' } });
      const [{ id: responseId }] = (await query<{ id: number }>(sql`select id from response where questionnaire_id = ${q.id}`)) as [{ id: number }];
      expect((await officer.put(`/api/v1/questionnaires/${q.id}/free-text/tags`, { responseId: Number(responseId), question: 'remarks', tags: ['транспорт'] })).status).toBe(204);
      // An export holds a copy of the answers: it goes with them.
      expect((await officer.post(`/api/v1/questionnaires/${q.id}/exports`, { what: 'responses', format: 'csv' })).status).toBe(202);
      expect((await officer.delete(`/api/v1/questionnaires/${q.id}`)).status).toBe(204);
      expect((await officer.get(`/api/v1/questionnaires/${q.id}`)).status).toBe(404);
      expect((await officer.delete(`/api/v1/questionnaires/${q.id}`)).status).toBe(404);
      const [left] = await query<{ responses: number; tags: number; exports: number }>(
        sql`select (select count(*)::int from response where questionnaire_id = ${q.id}) as responses, (select count(*)::int from free_text_tag where response_id = ${responseId}) as tags, (select count(*)::int from export_file where questionnaire_id = ${q.id}) as exports`,
      );
      expect(left).toEqual({ responses: 0, tags: 0, exports: 0 });
      expect((await auditOf('questionnaire', q.id)).map((a) => a.action)).toEqual(['delete', 'create']);
    });
  });

  describe('denials', () => {
    it("hides Khmilnyk's questionnaire from a Bulgarian municipality's officer (404)", async () => {
      const link = ((await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail).links[0]!;
      for (const [method, path, payload] of [
        ['GET', `/api/v1/questionnaires/${demoId}`],
        ['GET', `/api/v1/questionnaires?assessmentId=${assessmentId}`],
        ['PUT', `/api/v1/questionnaires/${demoId}`, { title: 'X' }],
        ['DELETE', `/api/v1/questionnaires/${demoId}`],
        ['POST', `/api/v1/questionnaires/${demoId}/versions`, { definition: SECOND }],
        ['PUT', `/api/v1/questionnaires/${demoId}/tags`, { tags: [] }],
        ['POST', `/api/v1/questionnaires/${demoId}/links`, { respondentGroupId: null }],
        ['PUT', `/api/v1/questionnaires/${demoId}/links/${link.id}`, { active: false }],
        ['GET', `/api/v1/questionnaires/${demoId}/links/${link.id}/qr.svg`],
        ['POST', `/api/v1/questionnaires/${demoId}/responses`, { submissionKey: 'stranger-0001', respondentGroupId: null, answers: {} }],
      ] as const) {
        const res = await stranger.request(method, path, payload);
        expect([res.status, res.body?.code], `${method} ${path}`).toEqual([404, 'not_found']);
      }
      // Nor can a questionnaire be made for it; the hromada itself is out of reach.
      const forAssessment = await stranger.post('/api/v1/questionnaires', { title: 'X', assessmentId });
      expect([forAssessment.status, forAssessment.body.issues]).toEqual([400, [{ path: 'assessmentId', message: 'unknown_assessment' }]]);
      expect((await stranger.post('/api/v1/questionnaires', { title: 'X', territoryId: khmilnyk })).status).toBe(403);
      expect(((await officer.get(`/api/v1/questionnaires/${demoId}`)).body as Detail).tags).toHaveLength(KHMILNYK_TAGS.length);
    });

    it('lets a viewer of Khmilnyk read it but change nothing (403)', async () => {
      const read = await viewer.get(`/api/v1/questionnaires/${demoId}`);
      expect([read.status, read.body.editable]).toEqual([200, false]);
      const link = (read.body as Detail).links[0]!;
      expect((await viewer.get(`/api/v1/questionnaires/${demoId}/links/${link.id}/qr.svg`)).status).toBe(200);
      for (const [method, path, payload] of [
        ['POST', '/api/v1/questionnaires', { title: 'X', assessmentId }],
        ['PUT', `/api/v1/questionnaires/${demoId}`, { title: 'X' }],
        ['DELETE', `/api/v1/questionnaires/${demoId}`],
        ['POST', `/api/v1/questionnaires/${demoId}/versions`, { definition: SECOND }],
        ['PUT', `/api/v1/questionnaires/${demoId}/tags`, { tags: [] }],
        ['POST', `/api/v1/questionnaires/${demoId}/links`, { respondentGroupId: null }],
        ['PUT', `/api/v1/questionnaires/${demoId}/links/${link.id}`, { active: false }],
        ['POST', `/api/v1/questionnaires/${demoId}/responses`, { submissionKey: 'viewer-0001', respondentGroupId: null, answers: {} }],
      ] as const) {
        const res = await viewer.request(method, path, payload);
        expect([res.status, res.body?.code], `${method} ${path}`).toEqual([403, 'auth.forbidden']);
      }
      expect((await officer.get(`/api/v1/questionnaires/${demoId}`)).body).toMatchObject({ currentVersion: 1, title: read.body.title });
    });
  });
});
