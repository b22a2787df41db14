import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK, KHMILNYK_GROUPS, KHMILNYK_MEASURES, KHMILNYK_MEMBERS } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Group = { id: number; key: string; name: string; targetRespondents: number; population: number | null; responses: number };
type Measure = { id: number; activity: string; dueDate: string | null; status: string; overdue: boolean };
type Detail = {
  id: number;
  territory: { id: number; code: string };
  title: string;
  year: number;
  status: string;
  demo: boolean;
  responses: number;
  planApprovedOn: string | null;
  planDecision: string | null;
  members: { id: number; name: string; chair: boolean }[];
  measures: Measure[];
  methods: { id: number; method: string }[];
  groups: Group[];
  findings: { id: number; respondentGroupId: number | null; serviceTypes: string[] }[];
  questionnaires: { id: number; title: string; currentVersion: number; responses: number }[];
  editable: boolean;
};
type ByGroup = { groupId: number; population: number | null; answered: number; positive: number; prevalence: number; low: number; high: number; need: number | null; needLow: number | null; needHigh: number | null };
type Estimate = {
  serviceType: string;
  questionnaireId: number;
  questionName: string;
  need: number;
  needLow: number;
  needHigh: number;
  prevalence: number;
  low: number;
  high: number;
  effectiveN: number;
  respondents: number;
  coveredPopulation: number;
  uncoveredGroups: number[];
  byGroup: ByGroup[];
};
type Share = { count: number; of: number; share: number; low: number; high: number };

/**
 * Wilson's score interval written out here from the formula (Wilson 1927; Newcombe 1998, method 3),
 * independently of the domain's implementation, to check the figures the server reports.
 */
function wilson(positive: number, n: number): { low: number; high: number } {
  const z = 1.959963984540054;
  const p = positive / n;
  const centre = (2 * n * p + z * z) / (2 * (n + z * z));
  const half = (z * Math.sqrt(z * z + 4 * n * p * (1 - p))) / (2 * (n + z * z));
  return { low: p === 0 ? 0 : centre - half, high: p === 1 ? 1 : centre + half };
}

const body = (territoryId: number, extra: Record<string, unknown> = {}) => ({
  territoryId,
  title: 'Визначення потреб у соціальних послугах 2027',
  periodFrom: '2027-01-10',
  periodTo: '2027-05-31',
  year: 2027,
  language: 'uk',
  ...extra,
});

/** Needs assessments (issue 3, items 1, 2, 6, 7, 8): the demo of Khmilnyk hromada and a new one made from scratch. */
describe(`needs assessments (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let viewer: Client;
  let stranger: Client;
  let khmilnyk: number;
  let demoId: number;
  let demo: Detail;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);
  const auditOf = async (entity: string, entityId: number) =>
    ((await admin.get(`/api/v1/audit?entity=${entity}&pageSize=200`)).body.items as { action: string; entityId: string; territory: { id: number } | null; before: any; after: any }[]).filter(
      (a) => a.entityId === String(entityId),
    );
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    khmilnyk = await t.territoryId(KHMILNYK);
    [admin, officer, viewer, stranger] = await Promise.all([t.as('admin'), t.as('municipal_officer', KHMILNYK), t.as('viewer', KHMILNYK), t.as('municipal_officer', 'PAZ19')]);
    const list = await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    demoId = list.body.items[0].id;
    demo = (await officer.get(`/api/v1/assessments/${demoId}`)).body;
  });
  afterAll(() => t.close());

  describe('the demonstration of Khmilnyk hromada', () => {
    it('is listed for the hromada, with the responses counted in the database', async () => {
      const n = (await query<{ n: number }>(sql`select count(*)::int as n from response r join questionnaire q on q.id = r.questionnaire_id where q.assessment_id = ${demoId}`))[0]!.n;
      expect(n).toBe(355);
      const list = (await officer.get('/api/v1/assessments')).body.items;
      expect(list).toEqual([
        expect.objectContaining({ id: demoId, territory: expect.objectContaining({ id: khmilnyk, code: KHMILNYK }), year: 2026, language: 'uk', status: 'analysing', demo: true, responses: n }),
      ]);
      // An administrator sees it among all; a Bulgarian municipality's officer does not.
      expect((await admin.get('/api/v1/assessments')).body.items.map((a: { id: number }) => a.id)).toContain(demoId);
      expect((await stranger.get('/api/v1/assessments')).body.items.map((a: { id: number }) => a.id)).not.toContain(demoId);
      expect((await stranger.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).status).toBe(403);
    });

    it('shows its working group, plan, methods, groups, findings and questionnaire', async () => {
      expect(demo).toMatchObject({ id: demoId, planApprovedOn: '2026-01-28', planDecision: expect.stringContaining('27'), editable: true, demo: true });
      expect(demo.members).toHaveLength(KHMILNYK_MEMBERS.length);
      // The chair is listed first, and there is one.
      expect(demo.members.filter((m) => m.chair)).toHaveLength(1);
      expect(demo.members[0]!.chair).toBe(true);
      expect(demo.measures.map((m) => m.activity)).toEqual(KHMILNYK_MEASURES.map((m) => m.activity));
      expect(demo.methods.map((m) => m.method)).toEqual(['questionnaire', 'focus_group', 'administrative_data']);
      expect(demo.groups.map((g) => [g.key, g.targetRespondents, g.population])).toEqual(KHMILNYK_GROUPS.map((g) => [g.key, g.targetRespondents, g.population]));
      expect(demo.findings).toHaveLength(3);
      expect(demo.findings.filter((f) => f.respondentGroupId !== null).every((f) => demo.groups.some((g) => g.id === f.respondentGroupId))).toBe(true);
      expect(demo.questionnaires).toEqual([expect.objectContaining({ currentVersion: 1, responses: 355 })]);
      const counts = await query<{ group: number; n: number }>(
        sql`select r.respondent_group_id as group, count(*)::int as n from response r join questionnaire q on q.id = r.questionnaire_id where q.assessment_id = ${demoId} group by 1`,
      );
      for (const g of demo.groups) expect(g.responses, g.key).toBe(counts.find((c) => c.group === g.id)?.n ?? 0);
    });

    it('marks as overdue the measures due before today that are neither done nor cancelled', () => {
      for (const m of demo.measures) expect(m.overdue, m.activity).toBe(m.dueDate !== null && m.dueDate < today() && m.status !== 'done' && m.status !== 'cancelled');
      expect(demo.measures.some((m) => m.status === 'done' && !m.overdue)).toBe(true);
    });

    it('counts responses per respondent group against the targets, live', async () => {
      const progress = (await officer.get(`/api/v1/assessments/${demoId}/progress`)).body as { groups: { id: number; name: string; target: number; responses: number }[]; total: number };
      expect(progress.total).toBe(355);
      expect(progress.groups.map((g) => [g.id, g.target, g.responses])).toEqual(demo.groups.map((g) => [g.id, g.targetRespondents, g.responses]));
      expect(progress.groups.reduce((s, g) => s + g.responses, 0)).toBe(355);

      // A paper questionnaire typed in counts at once, for its group.
      const older = demo.groups.find((g) => g.key === 'older_people')!;
      const typed = await officer.post(`/api/v1/questionnaires/${demo.questionnaires[0]!.id}/responses`, { submissionKey: 'progress-paper-0001', respondentGroupId: older.id, answers: { age: 81, needs_home_care: 'yes' } });
      expect(typed.status).toBe(201);
      const after = (await officer.get(`/api/v1/assessments/${demoId}/progress`)).body as typeof progress;
      expect(after.total).toBe(356);
      expect(after.groups.find((g) => g.id === older.id)!.responses).toBe(older.responses + 1);
      expect((await officer.get(`/api/v1/assessments/${demoId}`)).body.groups.find((g: Group) => g.id === older.id).responses).toBe(older.responses + 1);
      await query(sql`delete from response where submission_key = 'progress-paper-0001'`);
    });

    it('estimates the need per tagged service type with a 95 % interval inside the population', async () => {
      const res = await officer.get(`/api/v1/assessments/${demoId}/estimates`);
      expect(res.status).toBe(200);
      const items = res.body.items as Estimate[];
      expect(res.body).toMatchObject({ assessmentId: demoId, year: 2026 });
      expect(items.map((i) => i.serviceType).sort()).toEqual(['ua.counselling', 'ua.day_care', 'ua.home_care', 'ua.in_kind_aid', 'ua.physical_escort']);
      const population = KHMILNYK_GROUPS.reduce((s, g) => s + g.population, 0);
      for (const e of items) {
        expect(e.coveredPopulation, e.serviceType).toBe(population);
        expect(e.uncoveredGroups).toEqual([]);
        expect(e.needLow).toBeGreaterThanOrEqual(0);
        expect(e.needLow).toBeLessThan(e.need);
        expect(e.need).toBeLessThan(e.needHigh);
        expect(e.needHigh).toBeLessThanOrEqual(population);
        expect(e.low).toBeLessThanOrEqual(e.prevalence);
        expect(e.prevalence).toBeLessThanOrEqual(e.high);
        expect(e.need).toBeCloseTo(e.prevalence * population, 6);
        // Every group's tallies together are the answered responses of that question.
        const [{ answered, positive }] = (await query<{ answered: number; positive: number }>(
          sql`select count(*)::int as answered, count(*) filter (where answers ->> ${e.questionName} = 'yes')::int as positive
              from response where questionnaire_id = ${e.questionnaireId} and respondent_group_id is not null and coalesce(answers ->> ${e.questionName}, '') <> ''`,
        )) as [{ answered: number; positive: number }];
        expect(e.byGroup.reduce((s, g) => s + g.answered, 0)).toBe(answered);
        expect(e.respondents).toBe(answered);
        expect(e.byGroup.reduce((s, g) => s + g.positive, 0)).toBe(positive);
        expect(e.byGroup.reduce((s, g) => s + (g.need ?? 0), 0)).toBeCloseTo(e.need, 6);
        // The effective sample of a design that over-samples small groups is smaller than the sample.
        expect(e.effectiveN).toBeGreaterThan(0);
        expect(e.effectiveN).toBeLessThanOrEqual(e.respondents + 1e-9);
      }
      // Sorted by need, the largest first.
      expect(items.map((i) => i.need)).toEqual([...items.map((i) => i.need)].sort((a, b) => b - a));
    });

    it('computes the interval of a group and of the whole from the raw answers (Wilson, design weights)', async () => {
      const homeCare = ((await officer.get(`/api/v1/assessments/${demoId}/estimates`)).body.items as Estimate[]).find((i) => i.serviceType === 'ua.home_care')!;
      expect(homeCare.questionName).toBe('needs_home_care');
      const raw = await query<{ group: number; answered: number; positive: number }>(
        sql`select respondent_group_id as group, count(*)::int as answered, count(*) filter (where answers ->> 'needs_home_care' = 'yes')::int as positive
            from response where questionnaire_id = ${homeCare.questionnaireId} and answers ? 'needs_home_care' group by 1`,
      );
      const older = demo.groups.find((g) => g.key === 'older_people')!;
      const olderRaw = raw.find((r) => r.group === older.id)!;
      const olderEstimate = homeCare.byGroup.find((g) => g.groupId === older.id)!;
      const expected = wilson(olderRaw.positive, olderRaw.answered);
      expect(olderEstimate).toMatchObject({ answered: olderRaw.answered, positive: olderRaw.positive, population: 8600 });
      expect(olderEstimate.prevalence).toBeCloseTo(olderRaw.positive / olderRaw.answered, 12);
      expect(olderEstimate.low).toBeCloseTo(expected.low, 12);
      expect(olderEstimate.high).toBeCloseTo(expected.high, 12);
      expect(olderEstimate.needLow!).toBeCloseTo(expected.low * 8600, 6);
      expect(olderEstimate.needHigh!).toBeCloseTo(expected.high * 8600, 6);

      // The whole: groups weighted by population, Kish's effective sample size, Wilson at the weighted share.
      const total = demo.groups.reduce((s, g) => s + g.population!, 0);
      let p = 0;
      let v = 0;
      for (const g of demo.groups) {
        const r = raw.find((x) => x.group === g.id)!;
        const w = g.population! / total;
        p += (w * r.positive) / r.answered;
        v += (w * w) / r.answered;
      }
      const nEff = 1 / v;
      const whole = wilson(p * nEff, nEff);
      expect(homeCare.prevalence).toBeCloseTo(p, 12);
      expect(homeCare.effectiveN).toBeCloseTo(nEff, 9);
      expect(homeCare.needLow).toBeCloseTo(whole.low * total, 6);
      expect(homeCare.needHigh).toBeCloseTo(whole.high * total, 6);
      // Plausible for the illustrative answers: about a fifth of the groups' people.
      expect(homeCare.need / total).toBeGreaterThan(0.1);
      expect(homeCare.need / total).toBeLessThan(0.35);
    });

    it("compares potential recipients' need with current recipients' satisfaction", async () => {
      const res = await officer.get(`/api/v1/assessments/${demoId}/recipients`);
      expect(res.status).toBe(200);
      const items = res.body.items as { serviceType: string; potentialNeed: Share | null; currentSatisfaction: Share | null }[];
      // Only home care has a question on current use.
      expect(items.map((i) => i.serviceType)).toEqual(['ua.home_care']);
      const [counted] = await query<{ non_users: number; needing: number; users: number; satisfied: number }>(
        sql`select count(*) filter (where answers ->> 'uses_home_care' = 'no' and coalesce(answers ->> 'needs_home_care', '') <> '')::int as non_users,
                   count(*) filter (where answers ->> 'uses_home_care' = 'no' and answers ->> 'needs_home_care' = 'yes')::int as needing,
                   count(*) filter (where answers ->> 'uses_home_care' = 'yes' and coalesce(answers ->> 'satisfied_home_care', '') <> '')::int as users,
                   count(*) filter (where answers ->> 'uses_home_care' = 'yes' and answers ->> 'satisfied_home_care' = 'satisfied')::int as satisfied
            from response where questionnaire_id = ${demo.questionnaires[0]!.id}`,
      );
      const { potentialNeed, currentSatisfaction } = items[0]!;
      expect(potentialNeed).toMatchObject({ count: counted!.needing, of: counted!.non_users });
      expect(currentSatisfaction).toMatchObject({ count: counted!.satisfied, of: counted!.users });
      expect(counted!.users).toBeGreaterThan(0);
      for (const s of [potentialNeed!, currentSatisfaction!]) {
        expect(s.share).toBeCloseTo(s.count / s.of, 12);
        const w = wilson(s.count, s.of);
        expect(s.low).toBeCloseTo(w.low, 12);
        expect(s.high).toBeCloseTo(w.high, 12);
      }
    });
  });

  describe('a new assessment, from start to end', () => {
    let id: number;

    it('is started by the hromada officer, and audited', async () => {
      const res = await officer.post('/api/v1/assessments', body(khmilnyk));
      expect(res.status).toBe(201);
      id = res.body.id;
      expect(res.body).toMatchObject({
        territory: { id: khmilnyk },
        status: 'planning',
        suppressionThreshold: 5,
        planApprovedOn: null,
        planDecision: null,
        demo: false,
        responses: 0,
        members: [],
        measures: [],
        groups: [],
        questionnaires: [],
        editable: true,
      });
      expect((await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items.map((a: { id: number }) => a.id)).toEqual(expect.arrayContaining([id, demoId]));
      expect(await auditOf('assessment', id)).toEqual([expect.objectContaining({ action: 'create', territory: expect.objectContaining({ id: khmilnyk }) })]);
    });

    it.each([
      ['a period that ends before it starts', { periodTo: '2026-12-31' }, 'periodTo', 'period_order'],
      ['an approval date without the decision number', { planApprovedOn: '2027-01-20' }, 'planDecision', 'decision_incomplete'],
      ['an unknown language', { language: 'de' }, 'language', null],
      ['an empty title', { title: '  ' }, 'title', null],
    ])('refuses %s', async (_label, extra, path, message) => {
      const res = await officer.post('/api/v1/assessments', body(khmilnyk, extra));
      expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
      expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, ...(message ? { message } : {}) })]));
    });

    it('refuses a settlement (below the planning level) and an unknown territory', async () => {
      const [settlement] = await query<{ id: number }>(sql`select s.id from territory s join territory h on s.path like h.path || '%' where h.code = ${KHMILNYK} and s.level = 'settlement' limit 1`);
      const below = await officer.post('/api/v1/assessments', body(settlement!.id));
      expect([below.status, below.body.issues]).toEqual([400, [{ path: 'territoryId', message: 'below_planning_level' }]]);
      const unknown = await officer.post('/api/v1/assessments', body(999_999));
      expect([unknown.status, unknown.body.issues]).toEqual([400, [{ path: 'territoryId', message: 'unknown_territory' }]]);
    });

    it('records the approval of the plan: date and decision number', async () => {
      const res = await officer.put(`/api/v1/assessments/${id}`, body(khmilnyk, { status: 'collecting', planApprovedOn: '2027-01-20', planDecision: '№ 14', rulesOfWork: 'Засідання щопонеділка.' }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, status: 'collecting', planApprovedOn: '2027-01-20', planDecision: '№ 14', rulesOfWork: 'Засідання щопонеділка.' });
      expect((await officer.get(`/api/v1/assessments/${id}`)).body).toMatchObject({ planApprovedOn: '2027-01-20', planDecision: '№ 14' });
      const update = (await auditOf('assessment', id)).find((a) => a.action === 'update')!;
      expect(update.before).toMatchObject({ planApprovedOn: null, planDecision: null, status: 'planning' });
      expect(update.after).toMatchObject({ planApprovedOn: '2027-01-20', planDecision: '№ 14', status: 'collecting' });
      // Withdrawing half of the decision is refused.
      const half = await officer.put(`/api/v1/assessments/${id}`, body(khmilnyk, { planApprovedOn: null, planDecision: '№ 14' }));
      expect([half.status, half.body.code]).toEqual([400, 'validation.invalid']);
    });

    it('keeps a working group with one chair', async () => {
      const first = await officer.post(`/api/v1/assessments/${id}/members`, { name: 'Марія Савчук', organisation: 'Міська рада', role: 'Голова', chair: true });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ name: 'Марія Савчук', chair: true });
      const second = await officer.post(`/api/v1/assessments/${id}/members`, { name: 'Петро Гнатюк', organisation: 'ЦНСП', role: 'Член групи' });
      expect(second.body.chair).toBe(false);
      // A new chair makes the previous one an ordinary member.
      const promoted = await officer.put(`/api/v1/assessments/${id}/members/${second.body.id}`, { name: 'Петро Гнатюк', organisation: 'ЦНСП', role: 'Голова', chair: true });
      expect(promoted.status).toBe(200);
      const members = (await officer.get(`/api/v1/assessments/${id}`)).body.members as { id: number; chair: boolean }[];
      expect(members.map((m) => [m.id, m.chair])).toEqual([
        [second.body.id, true],
        [first.body.id, false],
      ]);
      expect((await officer.delete(`/api/v1/assessments/${id}/members/${first.body.id}`)).status).toBe(204);
      expect((await officer.get(`/api/v1/assessments/${id}`)).body.members).toHaveLength(1);
      const audit = await auditOf('working_group_member', first.body.id);
      expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete', 'update']);
    });

    it('keeps a plan of measures, overdue when late', async () => {
      const late = await officer.post(`/api/v1/assessments/${id}/measures`, { activity: 'Сформувати робочу групу', responsible: 'Виконком', dueDate: '2020-01-15' });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ status: 'planned', overdue: true });
      const future = await officer.post(`/api/v1/assessments/${id}/measures`, { activity: 'Оприлюднити звіт', responsible: 'Відділ', dueDate: '2099-06-01' });
      expect(future.body.overdue).toBe(false);
      const undated = await officer.post(`/api/v1/assessments/${id}/measures`, { activity: 'Провести фокус-групи', responsible: 'ЦНСП' });
      expect(undated.body).toMatchObject({ dueDate: null, overdue: false });
      const done = await officer.put(`/api/v1/assessments/${id}/measures/${late.body.id}`, { activity: 'Сформувати робочу групу', responsible: 'Виконком', dueDate: '2020-01-15', status: 'done' });
      expect(done.body).toMatchObject({ status: 'done', overdue: false });
      const bad = await officer.post(`/api/v1/assessments/${id}/measures`, { activity: 'X', responsible: 'Y', dueDate: '15.01.2027' });
      expect([bad.status, bad.body.issues?.[0]?.path]).toEqual([400, 'dueDate']);
      expect((await officer.get(`/api/v1/assessments/${id}`)).body.measures.map((m: Measure) => m.overdue)).toEqual([false, false, false]);
      expect((await officer.delete(`/api/v1/assessments/${id}/measures/${undated.body.id}`)).status).toBe(204);
      expect(await auditOf('plan_measure', late.body.id)).toHaveLength(2);
    });

    it('keeps methods, respondent groups with unique keys, and findings linked to its own groups', async () => {
      const method = await officer.post(`/api/v1/assessments/${id}/methods`, { method: 'focus_group', description: 'Дві групи' });
      expect(method.status).toBe(201);
      expect((await officer.put(`/api/v1/assessments/${id}/methods/${method.body.id}`, { method: 'interview', description: null })).body).toMatchObject({ method: 'interview', description: null });
      expect((await officer.post(`/api/v1/assessments/${id}/methods`, { method: 'telepathy' })).status).toBe(400);

      const group = await officer.post(`/api/v1/assessments/${id}/groups`, { key: 'older_people', name: 'Люди похилого віку', targetRespondents: 120, population: 9000, populationSource: 'Оцінка' });
      expect(group.status).toBe(201);
      expect(group.body).toMatchObject({ key: 'older_people', targetRespondents: 120, population: 9000, responses: 0 });
      const clash = await officer.post(`/api/v1/assessments/${id}/groups`, { key: 'older_people', name: 'Ще раз' });
      expect([clash.status, clash.body.code]).toEqual([409, 'conflict.duplicate']);
      expect((await officer.post(`/api/v1/assessments/${id}/groups`, { key: 'Older People', name: 'X' })).status).toBe(400);
      const renamed = await officer.put(`/api/v1/assessments/${id}/groups/${group.body.id}`, { key: 'older_people', name: 'Люди 65+', targetRespondents: 150, population: 9000 });
      expect(renamed.body).toMatchObject({ name: 'Люди 65+', targetRespondents: 150 });

      const finding = await officer.post(`/api/v1/assessments/${id}/findings`, { method: 'interview', topic: 'Транспорт', respondentGroupId: group.body.id, text: 'Автобус раз на день.', serviceTypes: ['ua.physical_escort'] });
      expect(finding.status).toBe(201);
      expect(finding.body).toMatchObject({ respondentGroupId: group.body.id, serviceTypes: ['ua.physical_escort'], quote: null });
      // A respondent group of another assessment does not belong here.
      const foreign = await officer.post(`/api/v1/assessments/${id}/findings`, { method: 'interview', topic: 'Транспорт', respondentGroupId: demo.groups[0]!.id, text: 'X' });
      expect([foreign.status, foreign.body.issues]).toEqual([400, [{ path: 'respondentGroupId', message: 'not_in_assessment' }]]);
      const edited = await officer.put(`/api/v1/assessments/${id}/findings/${finding.body.id}`, { method: 'interview', topic: 'Транспорт', respondentGroupId: null, text: 'Автобус раз на день.', quote: '«Їду з сусідом»' });
      expect(edited.body).toMatchObject({ respondentGroupId: null, quote: '«Їду з сусідом»', serviceTypes: [] });

      const detail = (await officer.get(`/api/v1/assessments/${id}`)).body as Detail;
      expect(detail.methods).toHaveLength(1);
      expect(detail.groups.map((g) => g.key)).toEqual(['older_people']);
      expect(detail.findings).toHaveLength(1);
      for (const [entity, entityId] of [
        ['assessment_method', method.body.id],
        ['respondent_group', group.body.id],
        ['finding', finding.body.id],
      ] as const) {
        expect((await auditOf(entity, entityId)).map((a) => a.action).sort(), entity).toEqual(['create', 'update']);
      }
    });

    it('dates every change of a part as a change of the assessment', async () => {
      const before = (await officer.get(`/api/v1/assessments/${id}`)).body.updatedAt as string;
      await new Promise((r) => setTimeout(r, 5));
      const method = await officer.post(`/api/v1/assessments/${id}/methods`, { method: 'administrative_data' });
      const added = (await officer.get(`/api/v1/assessments/${id}`)).body.updatedAt as string;
      expect(added > before).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      expect((await officer.delete(`/api/v1/assessments/${id}/methods/${method.body.id}`)).status).toBe(204);
      expect((await officer.get(`/api/v1/assessments/${id}`)).body.updatedAt > added).toBe(true);
    });

    it("refuses to change another assessment's part through this one", async () => {
      const demoMember = demo.members[1]!;
      const res = await officer.put(`/api/v1/assessments/${id}/members/${demoMember.id}`, { name: 'Підміна', organisation: 'X', role: 'Y' });
      expect(res.status).toBe(404);
      expect((await officer.delete(`/api/v1/assessments/${id}/measures/${demo.measures[0]!.id}`)).status).toBe(404);
      expect((await officer.get(`/api/v1/assessments/${demoId}`)).body.members.find((m: { id: number }) => m.id === demoMember.id).name).toBe(demoMember.name);
    });

    it('is removed with all its parts', async () => {
      const definition = { pages: [{ name: 'p1', elements: [{ type: 'comment', name: 'remarks', title: 'Зауваження' }] }] };
      const questionnaire = await officer.post('/api/v1/questionnaires', { title: 'Анкета', assessmentId: id, definition });
      expect(questionnaire.status, questionnaire.text).toBe(201);
      const typed = await officer.post(`/api/v1/questionnaires/${questionnaire.body.id}/responses`, { submissionKey: 'removed-with-assessment', respondentGroupId: null, answers: { remarks: 'Немає транспорту' } });
      expect(typed.status).toBe(201);
      expect((await officer.delete(`/api/v1/assessments/${id}`)).status).toBe(204);
      expect((await officer.get(`/api/v1/assessments/${id}`)).status).toBe(404);
      expect((await officer.get(`/api/v1/questionnaires/${questionnaire.body.id}`)).status).toBe(404);
      expect((await officer.delete(`/api/v1/assessments/${id}`)).status).toBe(404);
      const [left] = await query<{ parts: number; responses: number }>(
        sql`select (select count(*) from working_group_member where assessment_id = ${id}) + (select count(*) from plan_measure where assessment_id = ${id})
                 + (select count(*) from respondent_group where assessment_id = ${id}) + (select count(*) from finding where assessment_id = ${id}) as parts,
                   (select count(*)::int from response where questionnaire_id = ${questionnaire.body.id}) as responses`,
      );
      expect(Number(left!.parts)).toBe(0);
      // The answers go with it: nothing anyone said stays behind without its questionnaire.
      expect(left!.responses).toBe(0);
      expect((await auditOf('assessment', id)).map((a) => a.action)).toContain('delete');
    });
  });

  describe('respondent groups that have answers', () => {
    it('keep their count when changed, and cannot be removed while answers refer to them', async () => {
      const older = demo.groups.find((g) => g.key === 'older_people')!;
      expect(older.responses).toBeGreaterThan(0);
      const { id: _id, responses: _r, ...input } = older;
      const changed = await officer.put(`/api/v1/assessments/${demoId}/groups/${older.id}`, { ...input, targetRespondents: 160 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ id: older.id, targetRespondents: 160, responses: older.responses });
      const removed = await officer.delete(`/api/v1/assessments/${demoId}/groups/${older.id}`);
      expect([removed.status, removed.body.code]).toEqual([409, 'conflict.in_use']);
      expect((await officer.get(`/api/v1/assessments/${demoId}/progress`)).body.total).toBe(355);
      await officer.put(`/api/v1/assessments/${demoId}/groups/${older.id}`, input);
    });
  });

  describe('an assessment moved to another territory', () => {
    it('takes its questionnaires along: the old territory no longer reaches them', async () => {
      const [other] = await query<{ id: number; code: string }>(
        sql`select o.id, o.code from territory o join territory k on k.code = ${KHMILNYK} where o.level = k.level and o.country = k.country and o.id <> k.id order by o.code limit 1`,
      );
      const created = await admin.post('/api/v1/assessments', body(khmilnyk, { title: 'Переїзд' }));
      const q = await admin.post('/api/v1/questionnaires', { title: 'Анкета', assessmentId: created.body.id });
      expect((await officer.get(`/api/v1/questionnaires/${q.body.id}`)).status).toBe(200);
      const moved = await admin.put(`/api/v1/assessments/${created.body.id}`, body(other!.id, { title: 'Переїзд' }));
      expect(moved.body.territory.code).toBe(other!.code);
      expect((await officer.get(`/api/v1/assessments/${created.body.id}`)).status).toBe(404);
      expect((await officer.get(`/api/v1/questionnaires/${q.body.id}`)).status).toBe(404);
      const otherOfficer = await t.as('municipal_officer', other!.code);
      expect((await otherOfficer.get(`/api/v1/questionnaires/${q.body.id}`)).body).toMatchObject({ id: q.body.id, territoryId: other!.id, editable: true });
      expect((await admin.delete(`/api/v1/assessments/${created.body.id}`)).status).toBe(204);
    });
  });

  describe('denials', () => {
    it("hides Khmilnyk's assessment from a Bulgarian municipality's officer (404)", async () => {
      const part = demo.members[0]!.id;
      for (const [method, path, payload] of [
        ['GET', `/api/v1/assessments/${demoId}`],
        ['GET', `/api/v1/assessments/${demoId}/progress`],
        ['GET', `/api/v1/assessments/${demoId}/estimates`],
        ['GET', `/api/v1/assessments/${demoId}/recipients`],
        ['PUT', `/api/v1/assessments/${demoId}`, body(khmilnyk)],
        ['DELETE', `/api/v1/assessments/${demoId}`],
        ['POST', `/api/v1/assessments/${demoId}/members`, { name: 'X', organisation: 'Y', role: 'Z' }],
        ['PUT', `/api/v1/assessments/${demoId}/members/${part}`, { name: 'X', organisation: 'Y', role: 'Z' }],
        ['DELETE', `/api/v1/assessments/${demoId}/members/${part}`],
      ] as const) {
        const res = await stranger.request(method, path, payload);
        expect([res.status, res.body.code], `${method} ${path}`).toEqual([404, 'not_found']);
      }
      const created = await stranger.post('/api/v1/assessments', body(khmilnyk));
      expect([created.status, created.body.code]).toEqual([403, 'auth.forbidden']);
    });

    it("lets a viewer of Khmilnyk read the assessment but change nothing (403)", async () => {
      const read = await viewer.get(`/api/v1/assessments/${demoId}`);
      expect(read.status).toBe(200);
      expect(read.body.editable).toBe(false);
      for (const path of ['progress', 'estimates', 'recipients']) expect((await viewer.get(`/api/v1/assessments/${demoId}/${path}`)).status, path).toBe(200);
      const part = demo.measures[0]!.id;
      for (const [method, path, payload] of [
        ['POST', '/api/v1/assessments', body(khmilnyk)],
        ['PUT', `/api/v1/assessments/${demoId}`, body(khmilnyk)],
        ['DELETE', `/api/v1/assessments/${demoId}`],
        ['POST', `/api/v1/assessments/${demoId}/measures`, { activity: 'X', responsible: 'Y' }],
        ['PUT', `/api/v1/assessments/${demoId}/measures/${part}`, { activity: 'X', responsible: 'Y' }],
        ['DELETE', `/api/v1/assessments/${demoId}/measures/${part}`],
      ] as const) {
        const res = await viewer.request(method, path, payload);
        expect([res.status, res.body.code], `${method} ${path}`).toEqual([403, 'auth.forbidden']);
      }
      expect((await officer.get(`/api/v1/assessments/${demoId}`)).body.measures).toHaveLength(KHMILNYK_MEASURES.length);
    });
  });
});
