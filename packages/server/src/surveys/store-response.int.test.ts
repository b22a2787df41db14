import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { formSecret, issueFormToken, MIN_SECONDS_TO_ANSWER } from './form-token';
import { storeResponse } from './store-response';

type Link = { id: number; token: string; respondentGroup: { id: number } | null };

/**
 * How answers are written (store-response.ts): answers arriving together share one statement
 * (group commit), yet each is stored once, audited once, with its own settlement, group and
 * channel — and an answer that fails in the database fails alone. Complements
 * collection.int.test.ts, which tests the public endpoint's rules one answer at a time.
 */
describe(`storing answers in bursts (${ENGINE})`, () => {
  let t: TestApp;
  let officer: Client;
  let assessmentId: number;
  let secret: Buffer;
  let village: { id: number; code: string };
  let elsewhere: string;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const send = (link: Link, submissionKey: string, answers: Record<string, unknown>) =>
    t.anonymous().post(`/api/v1/public/forms/${link.token}/responses`, { submissionKey, answers, formToken: issueFormToken(secret, link.token, Date.now() - (MIN_SECONDS_TO_ANSWER + 5) * 1000) });

  /** A questionnaire of Khmilnyk's assessment with a free-text settlement question, and a public link. */
  async function placeQuestionnaire(): Promise<{ id: number; link: Link }> {
    const q = await officer.post('/api/v1/questionnaires', {
      title: 'Де ви живете',
      assessmentId,
      definition: { elements: [{ type: 'text', name: 'place' }, { type: 'radiogroup', name: 'needs_help', choices: ['yes', 'no'] }] },
    });
    expect(q.status).toBe(201);
    expect((await officer.put(`/api/v1/questionnaires/${q.body.id}/tags`, { tags: [{ questionName: 'place', purpose: 'settlement' }] })).status).toBe(200);
    const link = await officer.post(`/api/v1/questionnaires/${q.body.id}/links`, { respondentGroupId: null });
    expect(link.status).toBe(201);
    return { id: q.body.id, link: link.body };
  }

  beforeAll(async () => {
    t = await startTestApp({ publicSubmissionLimit: 10_000 });
    officer = await t.as('municipal_officer', KHMILNYK);
    assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${await t.territoryId(KHMILNYK)}`)).body.items[0].id;
    secret = await formSecret(t.database.db);
    [village] = (await query<{ id: number; code: string }>(
      sql`select t.id, t.code from territory t join territory h on t.path like h.path || '%' where h.code = ${KHMILNYK} and t.level = 'settlement' and t.name <> 'Хмільник' order by t.code limit 1`,
    )) as [{ id: number; code: string }];
    // A settlement of Ukraine outside the hromada.
    [{ code: elsewhere }] = (await query<{ code: string }>(
      sql`select t.code from territory t, territory h where h.code = ${KHMILNYK} and t.country = 'UA' and t.level = 'settlement' and t.path not like h.path || '%' order by t.code limit 1`,
    )) as [{ code: string }];
  });
  afterAll(() => t.close());

  it('stores a burst of answers from many phones once each, each with its own audit entry and settlement', async () => {
    const { id, link } = await placeQuestionnaire();
    const places = [village.code, elsewhere, 12345, ''];
    const sent = await Promise.all(Array.from({ length: 120 }, (_, i) => send(link, `burst-${String(i).padStart(4, '0')}`, { place: places[i % 4], needs_help: i % 3 ? 'yes' : 'no' })));
    expect(sent.map((r) => r.status)).toEqual(Array(120).fill(201));

    const stored = await query<{ key: string; settlement: number | null; channel: string; version: number; help: string }>(
      sql`select submission_key as key, settlement_id as settlement, channel, version, answers ->> 'needs_help' as help from response where questionnaire_id = ${id} order by submission_key`,
    );
    expect(stored).toHaveLength(120);
    stored.forEach((row, i) => {
      // Only a code of a unit within the questionnaire's territory names the settlement.
      expect(row, row.key).toEqual({ key: `burst-${String(i).padStart(4, '0')}`, settlement: i % 4 === 0 ? village.id : null, channel: 'web', version: 1, help: i % 3 ? 'yes' : 'no' });
    });
    const audit = await query<{ entity_id: string; after: unknown }>(sql`select entity_id, after from audit_log where entity = 'response' and actor = ${`link:${link.id}`}`);
    expect(audit).toHaveLength(120);
    expect(new Set(audit.map((a) => a.entity_id)).size).toBe(120);
    expect(audit[0]!.after).toEqual({ questionnaireId: id, version: 1, channel: 'web', respondentGroupId: null });
  });

  it('stores once a key sent many times within a burst of other answers, and answers exactly one of its sends 201', async () => {
    const { id, link } = await placeQuestionnaire();
    const sends = Array.from({ length: 60 }, (_, i): [string, number] => [i % 3 === 0 ? 'same-key-0001' : `other-key-${String(i).padStart(4, '0')}`, i]);
    const results = await Promise.all(sends.map(([key, i]) => send(link, key, { needs_help: 'yes', place: String(i) }).then((r) => ({ key, status: r.status, duplicate: r.body.duplicate }))));
    const same = results.filter((r) => r.key === 'same-key-0001');
    expect(same.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(same.filter((r) => r.duplicate === false)).toHaveLength(1);
    expect(results.filter((r) => r.key !== 'same-key-0001').every((r) => r.status === 201)).toBe(true);
    const [counts] = await query<{ n: number; keys: number; audited: number }>(
      sql`select count(*)::int as n, count(distinct submission_key)::int as keys,
                 (select count(*)::int from audit_log where entity = 'response' and actor = ${`link:${link.id}`}) as audited
            from response where questionnaire_id = ${id}`,
    );
    expect(counts).toEqual({ n: 41, keys: 41, audited: 41 });
  });

  it('refuses the answers of a burst that break the form, each on its own, and stores the others once each', async () => {
    const { id, link } = await placeQuestionnaire();
    // Every third sends an "other" text to a question that offers none (the security review stored one).
    const sent = await Promise.all(
      Array.from({ length: 45 }, (_, i) => send(link, `mixed-${String(i).padStart(4, '0')}`, i % 3 === 0 ? { needs_help: 'yes', 'needs_help-Comment': 'x'.repeat(5000) } : { needs_help: 'no', place: String(i) })),
    );
    expect(sent.map((r) => r.status)).toEqual(Array.from({ length: 45 }, (_, i) => (i % 3 === 0 ? 400 : 201)));
    expect(sent[0]!.body.issues).toEqual([{ path: 'answers.needs_help-Comment', message: 'comment_not_allowed' }]);
    const [{ n, audited }] = (await query<{ n: number; audited: number }>(
      sql`select count(*)::int as n, (select count(*)::int from audit_log where entity = 'response' and actor = ${`link:${link.id}`}) as audited
            from response where questionnaire_id = ${id} and answers ->> 'needs_help' = 'no'`,
    )) as [{ n: number; audited: number }];
    expect([n, audited]).toEqual([30, 30]);
    const [{ total }] = (await query<{ total: number }>(sql`select count(*)::int as total from response where questionnaire_id = ${id}`)) as [{ total: number }];
    expect(total).toBe(30);
  });

  it('fails only the answer the database refuses, not the others sharing its statement', async () => {
    const { id } = await placeQuestionnaire();
    const author = { userId: null, actor: 'test' };
    const answer = (key: string, channel: string) =>
      storeResponse(t.database.db, author, { questionnaireId: id, version: 1, respondentGroupId: null, answers: { needs_help: 'no' }, channel: channel as 'paper', submissionKey: key, enteredBy: null });
    // A channel the table's check refuses, sent together with good answers.
    const results = await Promise.allSettled([answer('shared-0001', 'paper'), answer('shared-0002', 'carrier-pigeon'), answer('shared-0003', 'paper'), answer('shared-0004', 'web')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const keys = await query<{ key: string }>(sql`select submission_key as key from response where questionnaire_id = ${id} order by 1`);
    expect(keys.map((k) => k.key)).toEqual(['shared-0001', 'shared-0003', 'shared-0004']);
  });

  it('stores nothing for a questionnaire removed after its link was read, even by a cached link', async () => {
    const { id, link } = await placeQuestionnaire();
    expect((await send(link, 'removed-0001', { needs_help: 'yes' })).status).toBe(201);
    expect((await officer.delete(`/api/v1/questionnaires/${id}`)).status).toBe(204);
    const late = await send(link, 'removed-0002', { needs_help: 'yes' });
    expect([late.status, late.body.code]).toEqual([404, 'not_found']);
    // Not through a link either (a paper form typed in as it was removed).
    await expect(
      storeResponse(t.database.db, { userId: null, actor: 'test' }, { questionnaireId: id, version: 1, respondentGroupId: null, answers: {}, channel: 'paper', submissionKey: 'removed-0003', enteredBy: null }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${id}`)) as [{ n: number }];
    expect(n).toBe(0);
  });
});
