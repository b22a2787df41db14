import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK, KHMILNYK_PROBLEMS } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type QuestionStats = {
  name: string;
  type: string;
  title: Record<string, string>;
  n: number;
  missing: number;
  frequencies: { value: string; text: Record<string, string>; count: number; share: number }[] | null;
  numbers: { mean: number | null; median: number | null; min: number | null; max: number | null } | null;
};
type Stats = { questionnaireId: number; respondents: number; questions: QuestionStats[] };
type CrossTab = { question: string; by: string; rows: { key: string; label: string }[]; columns: { value: string; text: Record<string, string> }[]; counts: number[][] };
type FreeText = { question: string; total: number; answers: { responseId: number; text: string; group: string | null; tags: string[] }[]; tags: { tag: string; count: number }[] };

/**
 * The analysis of the Khmilnyk demonstration's 355 answers (issue 3, item 5): every figure the
 * server reports is checked against a count made here directly in the database.
 */
describe(`analysis of answers (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let viewer: Client;
  let stranger: Client;
  let questionnaireId: number;
  let groups: { id: number; key: string; name: string }[];
  let town: { id: number; code: string };

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const stats = async (filter = ''): Promise<Stats> => {
    const res = await officer.get(`/api/v1/questionnaires/${questionnaireId}/stats${filter}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };
  const question = (s: Stats, name: string) => s.questions.find((q) => q.name === name)!;
  const freeText = async (params: string): Promise<FreeText> => {
    const res = await officer.get(`/api/v1/questionnaires/${questionnaireId}/free-text?question=main_problem&${params}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [admin, officer, viewer, stranger] = await Promise.all([t.as('admin'), t.as('municipal_officer', KHMILNYK), t.as('viewer', KHMILNYK), t.as('municipal_officer', 'PAZ19')]);
    const khmilnyk = await t.territoryId(KHMILNYK);
    const assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items[0].id;
    const assessment = (await officer.get(`/api/v1/assessments/${assessmentId}`)).body;
    questionnaireId = assessment.questionnaires[0].id;
    groups = assessment.groups;
    [town] = (await query<{ id: number; code: string }>(sql`select id, code from territory where name = 'Хмільник' and level = 'settlement'`)) as [{ id: number; code: string }];
  });
  afterAll(() => t.close());

  describe('frequencies, shares and numbers', () => {
    it('counts every answer of a single-choice question: frequencies sum to n, n and missing to the respondents', async () => {
      const s = await stats();
      expect(s).toMatchObject({ questionnaireId, respondents: 355 });
      const counted = await query<{ value: string; n: number }>(sql`select answers ->> 'needs_home_care' as value, count(*)::int as n from response where questionnaire_id = ${questionnaireId} group by 1`);
      const q = question(s, 'needs_home_care');
      expect(q).toMatchObject({ type: 'single', title: expect.objectContaining({ en: 'Do you or a family member need help at home (home care)?' }) });
      expect(q.frequencies!.map((f) => [f.value, f.count])).toEqual([
        ['yes', counted.find((c) => c.value === 'yes')!.n],
        ['no', counted.find((c) => c.value === 'no')!.n],
      ]);
      expect(q.frequencies!.reduce((sum, f) => sum + f.count, 0)).toBe(q.n);
      expect(q.n + q.missing).toBe(355);
      expect(q.missing).toBe(counted.filter((c) => c.value === null).reduce((sum, c) => sum + c.n, 0));
      for (const f of q.frequencies!) expect(f.share).toBeCloseTo(f.count / q.n, 12);
      expect(q.frequencies![0]!.text).toEqual({ default: 'Так', uk: 'Так', en: 'Yes' });
      expect(q.numbers).toBeNull();
    });

    it('counts a question asked only of some (satisfaction of those who use home care) out of those who answered it', async () => {
      const q = question(await stats(), 'satisfied_home_care');
      const [{ answered }] = (await query<{ answered: number }>(sql`select count(*)::int as answered from response where questionnaire_id = ${questionnaireId} and answers ? 'satisfied_home_care'`)) as [{ answered: number }];
      expect(answered).toBeGreaterThan(0);
      expect([q.n, q.missing]).toEqual([answered, 355 - answered]);
      expect(q.frequencies!.map((f) => f.value)).toEqual(['satisfied', 'partly', 'not_satisfied']);
      expect(q.frequencies!.reduce((sum, f) => sum + f.share, 0)).toBeCloseTo(1, 12);
    });

    it('counts each option of a multiple choice among those who chose any', async () => {
      const q = question(await stats(), 'information_sources');
      const [{ chose }] = (await query<{ chose: number }>(sql`select count(*)::int as chose from response where questionnaire_id = ${questionnaireId} and jsonb_array_length(answers -> 'information_sources') > 0`)) as [{ chose: number }];
      expect(q).toMatchObject({ type: 'multiple', n: chose, missing: 355 - chose });
      for (const option of ['starosta', 'social_worker', 'internet', 'neighbours']) {
        const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and answers -> 'information_sources' ? ${option}`)) as [{ n: number }];
        const f = q.frequencies!.find((x) => x.value === option)!;
        expect(f.count, option).toBe(n);
        expect(f.share).toBeCloseTo(n / chose, 12);
      }
    });

    it('gives the mean, median and range of a number as the database computes them', async () => {
      const q = question(await stats(), 'age');
      const [expected] = await query<{ n: number; mean: string; median: string; min: string; max: string }>(
        sql`select count(*)::int as n, avg((answers ->> 'age')::numeric) as mean,
                   percentile_cont(0.5) within group (order by (answers ->> 'age')::numeric) as median,
                   min((answers ->> 'age')::numeric) as min, max((answers ->> 'age')::numeric) as max
            from response where questionnaire_id = ${questionnaireId} and jsonb_typeof(answers -> 'age') = 'number'`,
      );
      expect(q).toMatchObject({ type: 'number', n: expected!.n, missing: 355 - expected!.n, frequencies: null });
      expect(q.numbers!.mean).toBeCloseTo(Number(expected!.mean), 9);
      expect(q.numbers!.median).toBe(Number(expected!.median));
      expect([q.numbers!.min, q.numbers!.max]).toEqual([Number(expected!.min), Number(expected!.max)]);
    });

    it('counts written answers without listing them', async () => {
      const q = question(await stats(), 'main_problem');
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and coalesce(answers ->> 'main_problem', '') <> ''`)) as [{ n: number }];
      expect(q).toMatchObject({ type: 'comment', n, missing: 355 - n, frequencies: null, numbers: null });
    });

    it('filters by respondent group and by settlement', async () => {
      const idp = groups.find((g) => g.key === 'idp')!;
      const byGroup = await stats(`?respondentGroupId=${idp.id}`);
      const [{ n: inGroup, yes }] = (await query<{ n: number; yes: number }>(
        sql`select count(*)::int as n, count(*) filter (where answers ->> 'needs_in_kind' = 'yes')::int as yes from response where questionnaire_id = ${questionnaireId} and respondent_group_id = ${idp.id}`,
      )) as [{ n: number; yes: number }];
      expect(byGroup.respondents).toBe(inGroup);
      expect(question(byGroup, 'needs_in_kind').frequencies!.find((f) => f.value === 'yes')!.count).toBe(yes);

      const bySettlement = await stats(`?settlementId=${town.id}`);
      const [{ n: inTown }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and settlement_id = ${town.id}`)) as [{ n: number }];
      expect(inTown).toBeGreaterThan(100);
      expect(bySettlement.respondents).toBe(inTown);
      expect(question(bySettlement, 'settlement').frequencies!.find((f) => f.value === town.code)!.count).toBe(inTown);

      const both = await stats(`?respondentGroupId=${idp.id}&settlementId=${town.id}`);
      expect(both.respondents).toBeLessThanOrEqual(Math.min(inGroup, inTown));
      expect((await stats('?respondentGroupId=999999')).respondents).toBe(0);
    });
  });

  describe('cross-tables', () => {
    it('tabulates a question by respondent group, each cell as counted in the database', async () => {
      const res = await officer.get(`/api/v1/questionnaires/${questionnaireId}/crosstab?question=needs_counselling&by=group`);
      expect(res.status).toBe(200);
      const table = res.body as CrossTab;
      expect(table).toMatchObject({ question: 'needs_counselling', by: 'group' });
      expect(table.columns.map((c) => c.value)).toEqual(['yes', 'no']);
      expect(table.rows.map((r) => r.label).sort()).toEqual(groups.map((g) => g.name).sort());
      const cells = await query<{ group: number; value: string; n: number }>(
        sql`select respondent_group_id as group, answers ->> 'needs_counselling' as value, count(*)::int as n from response where questionnaire_id = ${questionnaireId} group by 1, 2`,
      );
      table.rows.forEach((row, i) => {
        table.columns.forEach((column, j) => {
          expect(table.counts[i]![j], `${row.label} × ${column.value}`).toBe(cells.find((c) => String(c.group) === row.key && c.value === column.value)?.n ?? 0);
        });
      });
      expect(table.counts.flat().reduce((a, b) => a + b, 0)).toBe(cells.filter((c) => c.value !== null).reduce((a, c) => a + c.n, 0));
    });

    it('tabulates by settlement, with the settlements named', async () => {
      const table = (await officer.get(`/api/v1/questionnaires/${questionnaireId}/crosstab?question=needs_escort&by=settlement`)).body as CrossTab;
      const townRow = table.rows.findIndex((r) => r.key === String(town.id));
      expect(table.rows[townRow]!.label).toBe('Хмільник');
      const [{ yes, no }] = (await query<{ yes: number; no: number }>(
        sql`select count(*) filter (where answers ->> 'needs_escort' = 'yes')::int as yes, count(*) filter (where answers ->> 'needs_escort' = 'no')::int as no
            from response where questionnaire_id = ${questionnaireId} and settlement_id = ${town.id}`,
      )) as [{ yes: number; no: number }];
      expect(table.counts[townRow]).toEqual([yes, no]);
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and answers ? 'needs_escort'`)) as [{ n: number }];
      expect(table.counts.flat().reduce((a, b) => a + b, 0)).toBe(n);
    });

    it('counts each option of a multiple choice in its cell, and filters like the frequencies', async () => {
      const older = groups.find((g) => g.key === 'older_people')!;
      const table = (await officer.get(`/api/v1/questionnaires/${questionnaireId}/crosstab?question=information_sources&by=group&respondentGroupId=${older.id}`)).body as CrossTab;
      expect(table.rows.map((r) => r.key)).toEqual([String(older.id)]);
      const frequencies = question(await stats(`?respondentGroupId=${older.id}`), 'information_sources').frequencies!;
      expect(table.counts[0]).toEqual(table.columns.map((c) => frequencies.find((f) => f.value === c.value)!.count));
    });

    it.each([
      ['an unknown question', 'question=shoe_size&by=group', 'question'],
      ['an unknown dimension', 'question=needs_escort&by=age', 'by'],
      ['no question', 'by=group', 'question'],
    ])('refuses %s (400)', async (_label, params, path) => {
      const res = await officer.get(`/api/v1/questionnaires/${questionnaireId}/crosstab?${params}`);
      expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
      expect(res.body.issues[0].path).toBe(path);
    });
  });

  describe('free-text answers', () => {
    it('lists the written answers a page at a time, with their group', async () => {
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and coalesce(answers ->> 'main_problem', '') <> ''`)) as [{ n: number }];
      const first = await freeText('page=1&pageSize=20');
      expect(first).toMatchObject({ question: 'main_problem', total: n, tags: [] });
      expect(first.answers).toHaveLength(20);
      for (const a of first.answers) {
        expect(KHMILNYK_PROBLEMS).toContain(a.text);
        expect(groups.map((g) => g.name)).toContain(a.group);
        expect(a.tags).toEqual([]);
      }
      const last = await freeText(`page=${Math.ceil(n / 20)}&pageSize=20`);
      expect(last.answers).toHaveLength(n - 20 * (Math.ceil(n / 20) - 1));
      const all = await freeText('pageSize=500');
      expect(new Set(all.answers.map((a) => a.responseId)).size).toBe(n);
      expect(all.answers.map((a) => a.responseId)).toEqual(expect.arrayContaining([...first.answers, ...last.answers].map((a) => a.responseId)));
      expect((await officer.get(`/api/v1/questionnaires/${questionnaireId}/free-text?question=main_problem&pageSize=501`)).status).toBe(400);
    });

    it('lists the written answers of one respondent group only, like the other tables filter', async () => {
      const group = groups[0]!;
      const [{ n }] = (await query<{ n: number }>(
        sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId} and respondent_group_id = ${group.id} and coalesce(answers ->> 'main_problem', '') <> ''`,
      )) as [{ n: number }];
      const filtered = await freeText(`respondentGroupId=${group.id}&pageSize=500`);
      expect(filtered.total).toBe(n);
      expect(filtered.answers.every((a) => a.group === group.name)).toBe(true);
    });

    it('tags answers, lists the tags with their counts, filters by tag, and audits each change', async () => {
      const all = (await freeText('pageSize=500')).answers;
      const transport = all.filter((a) => /транспорт|автобус/i.test(a.text)).slice(0, 3);
      const lonely = all.find((a) => /Самотність/.test(a.text))!;
      expect(transport.length).toBeGreaterThan(1);
      for (const a of transport) {
        const res = await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: a.responseId, question: 'main_problem', tags: ['транспорт', 'село', 'транспорт'] });
        expect(res.status).toBe(204);
      }
      await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: lonely.responseId, question: 'main_problem', tags: ['самотність'] });

      const listed = await freeText('pageSize=500');
      expect(listed.tags).toEqual([
        { tag: 'село', count: transport.length },
        { tag: 'транспорт', count: transport.length },
        { tag: 'самотність', count: 1 },
      ]);
      expect(listed.answers.find((a) => a.responseId === transport[0]!.responseId)!.tags).toEqual(['село', 'транспорт']);
      const filtered = await freeText(`tag=${encodeURIComponent('транспорт')}`);
      expect([filtered.total, filtered.answers.map((a) => a.responseId).sort()]).toEqual([transport.length, transport.map((a) => a.responseId).sort()]);

      // Tags are replaced, not added to; an empty list removes them.
      await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: transport[0]!.responseId, question: 'main_problem', tags: ['транспорт'] });
      await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: lonely.responseId, question: 'main_problem', tags: [] });
      expect((await freeText('pageSize=1')).tags).toEqual([
        { tag: 'транспорт', count: transport.length },
        { tag: 'село', count: transport.length - 1 },
      ]);
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from free_text_tag where response_id = ${lonely.responseId}`)) as [{ n: number }];
      expect(n).toBe(0);

      const audit = ((await admin.get('/api/v1/audit?entity=free_text_tag&pageSize=50')).body.items as { action: string; entityId: string; territory: { code: string } | null; before: any; after: any }[]).filter(
        (a) => a.entityId === String(transport[0]!.responseId),
      );
      expect(audit.map((a) => [a.before.tags, a.after.tags])).toEqual([
        [['село', 'транспорт'], ['транспорт']],
        [[], ['транспорт', 'село']],
      ]);
      expect(audit[0]).toMatchObject({ action: 'update', territory: { code: KHMILNYK }, after: { question: 'main_problem' } });
    });

    it("refuses to tag an answer of another questionnaire (404) or a question not asked (400)", async () => {
      const other = await officer.post('/api/v1/questionnaires', { title: 'Інша', territoryId: await t.territoryId(KHMILNYK), definition: { elements: [{ type: 'comment', name: 'main_problem' }] } });
      const [{ id: responseId }] = (await query<{ id: number }>(sql`select id from response where questionnaire_id = ${questionnaireId} and coalesce(answers ->> 'main_problem', '') <> '' order by id limit 1`)) as [{ id: number }];
      const foreign = await officer.put(`/api/v1/questionnaires/${other.body.id}/free-text/tags`, { responseId: Number(responseId), question: 'main_problem', tags: ['x'] });
      expect([foreign.status, foreign.body.code]).toEqual([404, 'not_found']);
      const missing = await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: 9_999_999, question: 'main_problem', tags: ['x'] });
      expect(missing.status).toBe(404);
      const unknown = await officer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: Number(responseId), question: 'shoe_size', tags: ['x'] });
      expect([unknown.status, unknown.body.issues]).toEqual([400, [{ path: 'question', message: 'unknown_question' }]]);
      expect((await officer.get(`/api/v1/questionnaires/${questionnaireId}/free-text?question=shoe_size`)).status).toBe(400);
      const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from free_text_tag where tag = 'x'`)) as [{ n: number }];
      expect(n).toBe(0);
    });
  });

  describe('denials', () => {
    it("hides the analysis of Khmilnyk's questionnaire from a Bulgarian municipality's officer (404)", async () => {
      for (const [method, path, payload] of [
        ['GET', `/api/v1/questionnaires/${questionnaireId}/stats`],
        ['GET', `/api/v1/questionnaires/${questionnaireId}/crosstab?question=needs_escort&by=group`],
        ['GET', `/api/v1/questionnaires/${questionnaireId}/free-text?question=main_problem`],
        ['PUT', `/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: 1, question: 'main_problem', tags: ['x'] }],
      ] as const) {
        const res = await stranger.request(method, path, payload);
        expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
      }
    });

    it('lets a viewer of Khmilnyk read the analysis but not tag answers (403)', async () => {
      expect((await viewer.get(`/api/v1/questionnaires/${questionnaireId}/stats`)).body.respondents).toBe(355);
      expect((await viewer.get(`/api/v1/questionnaires/${questionnaireId}/crosstab?question=needs_escort&by=settlement`)).status).toBe(200);
      const listed = await viewer.get(`/api/v1/questionnaires/${questionnaireId}/free-text?question=main_problem&pageSize=1`);
      expect(listed.status).toBe(200);
      const res = await viewer.put(`/api/v1/questionnaires/${questionnaireId}/free-text/tags`, { responseId: listed.body.answers[0].responseId, question: 'main_problem', tags: ['x'] });
      expect([res.status, res.body.code]).toEqual([403, 'auth.forbidden']);
    });
  });
});
