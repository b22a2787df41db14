import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { formSecret, issueFormToken, MIN_SECONDS_TO_ANSWER } from './form-token';

type Link = { id: number; token: string; path: string; respondentGroup: { id: number; key: string; name: string } | null; active: boolean; responses: number };

/** Answers one address may send through one link per minute in this file's app: low, to reach it. */
const LIMIT = 6;

/**
 * Answering from a public link, without an account (issue 3, item 4): the form, a submission
 * stored exactly once however often it is resent, and the defences against bulk spam — a signed
 * form token that must be some seconds old, a honeypot field, a rate limit.
 */
describe(`public collection (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let assessmentId: number;
  let questionnaireId: number;
  let groups: { id: number; key: string; name: string }[];
  let secret: Buffer;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const stored = async (key: string) => (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and submission_key = ${key}`))[0]!.n;
  const newLink = async (groupKey: string | null = 'older_people'): Promise<Link> => {
    const group = groupKey === null ? null : groups.find((g) => g.key === groupKey)!.id;
    const res = await officer.post(`/api/v1/questionnaires/${questionnaireId}/links`, { respondentGroupId: group });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** A form token as the server would have issued it `secondsAgo` before now (instead of waiting). */
  const tokenFrom = (link: Link, secondsAgo = MIN_SECONDS_TO_ANSWER + 7) => issueFormToken(secret, link.token, Date.now() - secondsAgo * 1000);
  const send = (link: Link, body: Record<string, unknown>) => t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { formToken: tokenFrom(link), answers: { needs_home_care: 'yes' }, ...body });

  beforeAll(async () => {
    t = await startTestApp({ publicSubmissionLimit: LIMIT });
    [admin, officer] = await Promise.all([t.as('admin'), t.as('municipal_officer', KHMILNYK)]);
    const khmilnyk = await t.territoryId(KHMILNYK);
    assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items[0].id;
    const assessment = (await officer.get(`/api/v1/assessments/${assessmentId}`)).body;
    questionnaireId = assessment.questionnaires[0].id;
    groups = assessment.groups;
    secret = await formSecret(t.database.db);
  });
  afterAll(() => t.close());

  describe('the form', () => {
    it('gives the current version, its languages and the group, with a fresh form token and nothing about anyone', async () => {
      const link = await newLink('idp');
      const res = await t.anonymous().get(`/api/v1/public/forms/${link.token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const detail = (await officer.get(`/api/v1/questionnaires/${questionnaireId}`)).body;
      expect(Object.keys(res.body).sort()).toEqual(['definition', 'formToken', 'group', 'languages', 'title']);
      expect(res.body).toMatchObject({ title: detail.title, definition: detail.definition, languages: ['uk', 'en'], group: groups.find((g) => g.key === 'idp')!.name });
      expect(res.body.formToken).toMatch(/^\d+\.[A-Za-z0-9_-]{20,}$/);
      expect(Math.abs(Number(res.body.formToken.split('.')[0]) - Date.now() / 1000)).toBeLessThan(30);
    });

    it('is not found for an unknown or closed link', async () => {
      expect((await t.anonymous().get('/api/v1/public/forms/no-such-link-token-at-all')).status).toBe(404);
      const link = await newLink();
      await officer.put(`/api/v1/questionnaires/${questionnaireId}/links/${link.id}`, { active: false });
      const closed = await t.anonymous().get(`/api/v1/public/forms/${link.token}`);
      expect([closed.status, closed.body.code]).toEqual([404, 'not_found']);
      const sent = await send(link, { submissionKey: 'closed-link-0001' });
      expect(sent.status).toBe(404);
      expect(await stored('closed-link-0001')).toBe(0);
    });
  });

  describe('sending answers', () => {
    it('stores an answer once: a replay of the same submission key is acknowledged, not stored again', async () => {
      const link = await newLink('adults_with_disability');
      const body = { submissionKey: 'web-replay-000001', answers: { age: 52, needs_escort: 'yes', information_sources: ['internet', 'neighbours'], main_problem: 'Немає пандуса' } };
      const first = await send(link, body);
      expect([first.status, first.body]).toEqual([201, { duplicate: false }]);
      const replay = await send(link, body);
      expect([replay.status, replay.body]).toEqual([200, { duplicate: true }]);
      expect(await stored(body.submissionKey)).toBe(1);
      const [row] = await query<{ channel: string; respondent_group_id: number; entered_by: number | null; version: number; answers: unknown; demo: boolean }>(
        sql`select channel, respondent_group_id, entered_by, version, answers, demo from response where submission_key = ${body.submissionKey}`,
      );
      expect(row).toEqual({ channel: 'web', respondent_group_id: link.respondentGroup!.id, entered_by: null, version: 1, answers: body.answers, demo: true });
      // The link counts it; the audit names the link, not a person, and not the answers.
      const links = (await officer.get(`/api/v1/questionnaires/${questionnaireId}`)).body.links as Link[];
      expect(links.find((l) => l.id === link.id)!.responses).toBeGreaterThan(0);
      const audit = ((await admin.get('/api/v1/audit?entity=response&pageSize=20')).body.items as { actor: string; userName: string | null; after: unknown }[]).filter((a) => a.actor === `link:${link.id}`);
      expect(audit).toHaveLength(1);
      expect(audit[0]!.userName).toBeNull();
      expect(JSON.stringify(audit[0])).not.toContain('пандуса');
    });

    it('stores an answer sent several times at once exactly once', async () => {
      const link = await newLink('families_with_children');
      const body = { submissionKey: 'web-parallel-000001', answers: { needs_counselling: 'yes' } };
      const results = await Promise.all(Array.from({ length: 5 }, () => send(link, body)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(results.filter((r) => r.body.duplicate === false)).toHaveLength(1);
      expect(await stored(body.submissionKey)).toBe(1);
    });

    it('counts the answer at once in the progress of its group', async () => {
      const before = (await officer.get(`/api/v1/assessments/${assessmentId}/progress`)).body as { groups: { id: number; responses: number }[]; total: number };
      const link = await newLink('idp');
      expect((await send(link, { submissionKey: 'web-progress-000001' })).status).toBe(201);
      const after = (await officer.get(`/api/v1/assessments/${assessmentId}/progress`)).body as typeof before;
      expect(after.total).toBe(before.total + 1);
      const idp = link.respondentGroup!.id;
      expect(after.groups.find((g) => g.id === idp)!.responses).toBe(before.groups.find((g) => g.id === idp)!.responses + 1);
    });

    it('applies a closed link and a new version to the very next answer', async () => {
      const q = await officer.post('/api/v1/questionnaires', { title: 'Коротка анкета', assessmentId, definition: { elements: [{ type: 'comment', name: 'wish' }] } });
      const link = (await officer.post(`/api/v1/questionnaires/${q.body.id}/links`, { respondentGroupId: null })).body as Link;
      const post = (key: string, answers: Record<string, unknown>) =>
        t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: key, formToken: tokenFrom(link), answers });
      const count = async () => (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${q.body.id}`))[0]!.n;
      expect((await post('next-answer-0001', { wish: 'Автобус' })).status).toBe(201);

      await officer.put(`/api/v1/questionnaires/${q.body.id}/links/${link.id}`, { active: false });
      expect((await post('next-answer-0002', { wish: 'Лікар' })).status).toBe(404);
      expect(await count()).toBe(1);
      await officer.put(`/api/v1/questionnaires/${q.body.id}/links/${link.id}`, { active: true });

      await officer.post(`/api/v1/questionnaires/${q.body.id}/versions`, { definition: { elements: [{ type: 'text', name: 'age', inputType: 'number' }] } });
      const stale = await post('next-answer-0003', { wish: 'Лікар' });
      expect([stale.status, stale.body.issues]).toEqual([400, [{ path: 'answers.wish', message: 'unknown_question' }]]);
      expect((await post('next-answer-0004', { age: 40 })).status).toBe(201);
      const stored = await query<{ submission_key: string; version: number }>(sql`select submission_key, version from response where questionnaire_id = ${q.body.id} order by submission_key`);
      expect(stored).toEqual([
        { submission_key: 'next-answer-0001', version: 1 },
        { submission_key: 'next-answer-0004', version: 2 },
      ]);
    });

    it('refuses answers that do not fit the questions, naming the question', async () => {
      const link = await newLink();
      const res = await send(link, { submissionKey: 'web-unfit-000001', answers: { needs_home_care: 'perhaps', age: 70 } });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'answers.needs_home_care', message: 'not_a_choice' }]]);
      expect(await stored('web-unfit-000001')).toBe(0);
    });
  });

  /**
   * Security review, finding 7: the public form stored −5, 999 and 1e308 for an age of 0–120,
   * 30 February, a date followed by 1.5 MB of text, a "-Comment" to a question without one — and
   * the statistics then showed a mean age of 2.8e305. Every answer now follows the version's own
   * rules, on the public form and on paper alike; a refused answer stores nothing.
   */
  describe("answers that break the questionnaire's rules", () => {
    /** A form with a date, and a question asked only of those who use home care. */
    const DATED = {
      elements: [
        { type: 'text', name: 'visit', inputType: 'date' },
        { type: 'radiogroup', name: 'uses_home_care', choices: ['yes', 'no'] },
        { type: 'radiogroup', name: 'satisfied', choices: ['yes', 'partly', 'no'], visibleIf: "{uses_home_care} = 'yes'" },
        { type: 'comment', name: 'wish' },
      ],
    };
    const count = async (id: number) => (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${id}`))[0]!.n;
    const BAD: [string, 'demo' | 'dated', Record<string, unknown>, { path: string; message: string }][] = [
      ['an age of −5 (0–120)', 'demo', { age: -5 }, { path: 'answers.age', message: 'below_min' }],
      ['an age of 999', 'demo', { age: 999 }, { path: 'answers.age', message: 'above_max' }],
      ['an age of 1e308', 'demo', { age: 1e308 }, { path: 'answers.age', message: 'above_max' }],
      ['a "-Comment" to a question without one', 'demo', { needs_home_care: 'yes', 'needs_home_care-Comment': 'anything at all' }, { path: 'answers.needs_home_care-Comment', message: 'comment_not_allowed' }],
      ['30 February', 'dated', { visit: '2025-02-30' }, { path: 'answers.visit', message: 'not_date' }],
      ['a date followed by 1.5 MB of text', 'dated', { visit: `2025-03-01${'x'.repeat(1_500_000)}` }, { path: 'answers.visit', message: 'not_date' }],
    ];
    let dated: number;

    beforeAll(async () => {
      const created = await officer.post('/api/v1/questionnaires', { title: 'Візит', assessmentId, definition: DATED });
      expect(created.status).toBe(201);
      dated = created.body.id;
    });

    it.each(BAD)('the public form refuses %s, naming the question, and stores nothing', async (_label, form, answers, issue) => {
      const id = form === 'demo' ? questionnaireId : dated;
      // A link of its own each time: the per-link limit of this file's app is low.
      const link = (await officer.post(`/api/v1/questionnaires/${id}/links`, { respondentGroupId: null })).body as Link;
      const before = await count(id);
      const res = await t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: `unfit-${Math.random().toString(36).slice(2, 10)}`, formToken: tokenFrom(link), answers });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [issue]]);
      expect(await count(id)).toBe(before);
    });

    it.each(BAD)('paper entry refuses %s too, and stores nothing', async (_label, form, answers, issue) => {
      const id = form === 'demo' ? questionnaireId : dated;
      const before = await count(id);
      const res = await officer.post(`/api/v1/questionnaires/${id}/responses`, { submissionKey: `paper-unfit-${Math.random().toString(36).slice(2, 10)}`, respondentGroupId: null, answers });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [issue]]);
      expect(await count(id)).toBe(before);
    });

    it('keeps the mean age what the answers make it', async () => {
      const stats = (await officer.get(`/api/v1/questionnaires/${questionnaireId}/stats`)).body as { questions: { name: string; numbers: { mean: number; max: number } | null }[] };
      const age = stats.questions.find((q) => q.name === 'age')!.numbers!;
      expect(age.max).toBeLessThanOrEqual(120);
      expect(age.mean).toBeGreaterThan(0);
      expect(age.mean).toBeLessThan(120);
    });

    it('leaves out of a public answer what the form does not ask, as SurveyJS does on completing; paper entry refuses it', async () => {
      const link = (await officer.post(`/api/v1/questionnaires/${dated}/links`, { respondentGroupId: null })).body as Link;
      const answers = { visit: '2025-02-28', uses_home_care: 'no', satisfied: 'yes', wish: 'Автобус' };
      const sent = await t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: 'web-not-asked-0001', formToken: tokenFrom(link), answers });
      expect(sent.status).toBe(201);
      const [row] = await query<{ answers: unknown }>(sql`select answers from response where submission_key = 'web-not-asked-0001'`);
      expect(row!.answers).toEqual({ visit: '2025-02-28', uses_home_care: 'no', wish: 'Автобус' });

      const before = await count(dated);
      const typed = await officer.post(`/api/v1/questionnaires/${dated}/responses`, { submissionKey: 'paper-not-asked-0001', respondentGroupId: null, answers });
      expect([typed.status, typed.body.issues]).toEqual([400, [{ path: 'answers.satisfied', message: 'not_asked' }]]);
      expect(await count(dated)).toBe(before);
      // Asked of someone who uses home care, the same answer is stored.
      const asked = await officer.post(`/api/v1/questionnaires/${dated}/responses`, { submissionKey: 'paper-asked-0001', respondentGroupId: null, answers: { ...answers, uses_home_care: 'yes' } });
      expect(asked.status).toBe(201);
    });

    it('cuts the name of an unknown question short in its refusal', async () => {
      const link = (await officer.post(`/api/v1/questionnaires/${dated}/links`, { respondentGroupId: null })).body as Link;
      const name = `<img src=x onerror=alert(1)>${'я'.repeat(150)}`;
      const res = await t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: 'web-long-name-0001', formToken: tokenFrom(link), answers: { wish: 'x', [name]: 1 } });
      expect(res.status).toBe(400);
      const [issue] = res.body.issues as { path: string; message: string }[];
      expect(issue!.message).toBe('unknown_question');
      expect([...issue!.path].length).toBeLessThanOrEqual('answers.'.length + 61);
    });
  });

  describe('defences against bulk spam', () => {
    it(`refuses a form sent sooner than ${MIN_SECONDS_TO_ANSWER} s after it was opened`, async () => {
      const link = await newLink();
      const form = (await t.anonymous().get(`/api/v1/public/forms/${link.token}`)).body;
      const res = await t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: 'web-fast-000001', formToken: form.formToken, answers: {} });
      expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'formToken', message: 'form_token_too_fast' }]]);
      expect(await stored('web-fast-000001')).toBe(0);
      // The same form a little later goes through.
      const later = await send(link, { submissionKey: 'web-fast-000001', formToken: tokenFrom(link, MIN_SECONDS_TO_ANSWER + 1) });
      expect(later.status).toBe(201);
    });

    it.each([
      ['a forged signature', (_link: Link) => `${Math.floor(Date.now() / 1000) - 60}.${'A'.repeat(43)}`, 'form_token_invalid'],
      ['a token of another link', (_link: Link, other: Link) => tokenFrom(other), 'form_token_invalid'],
      ['a token whose time was changed', (link: Link) => tokenFrom(link).replace(/^\d+/, (s) => String(Number(s) - 100)), 'form_token_invalid'],
      ['a token older than the form lives', (link: Link) => tokenFrom(link, 31 * 86_400), 'form_token_expired'],
      ['no token at all, just text', () => 'not-a-form-token', 'form_token_invalid'],
    ])('refuses %s', async (_label, token, message) => {
      const [link, other] = [await newLink(), await newLink()];
      const key = `web-token-${message}-${Math.random().toString(36).slice(2, 8)}`;
      const res = await t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey: key, formToken: token(link, other), answers: {} });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'formToken', message }]]);
      expect(await stored(key)).toBe(0);
    });

    it('refuses a form sent without a single answer, storing nothing', async () => {
      const link = await newLink();
      const res = await send(link, { submissionKey: 'web-empty-00001', answers: { main_problem: '', information_sources: [] } });
      expect([res.status, res.body.issues]).toEqual([400, [{ path: 'answers', message: 'no_answers' }]]);
      expect(await stored('web-empty-00001')).toBe(0);
    });

    it('refuses a submission whose invisible honeypot field is filled, storing nothing', async () => {
      const link = await newLink();
      const res = await send(link, { submissionKey: 'web-honeypot-0001', website: 'https://cheap-pills.example' });
      expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
      expect(res.body.issues).toEqual([expect.objectContaining({ path: 'website' })]);
      expect(await stored('web-honeypot-0001')).toBe(0);
      // Empty, as browsers send it, is fine.
      expect((await send(link, { submissionKey: 'web-honeypot-0002', website: '' })).status).toBe(201);
    });

    it(`answers 429 after ${LIMIT} submissions a minute from one address through one link, and stores no more`, async () => {
      const link = await newLink('older_people');
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 2; i++) statuses.push((await send(link, { submissionKey: `web-flood-${String(i).padStart(6, '0')}` })).status);
      expect(statuses).toEqual([...Array(LIMIT).fill(201), 429, 429]);
      const refused = await send(link, { submissionKey: 'web-flood-extra-01' });
      expect([refused.status, refused.body.code]).toEqual([429, 'auth.rate_limited']);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // The form's outbox keeps the answers and tries again after this many seconds.
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where submission_key like 'web-flood-%'`)) as [{ n: number }];
      expect(n).toBe(LIMIT);
      // Another link (another group's poster on the same wall) is counted on its own.
      expect((await send(await newLink('older_people'), { submissionKey: 'web-flood-other-01' })).status).toBe(201);
    });
  });
});
