import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_CHECKS } from '@potreby/domain/planning/proposal';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

/**
 * The demonstration's planning round of Pazardzhik province (issue 8): its illustrative items,
 * standards, ceilings and envelope make every check the round's method can give fire at least
 * once, so the plan health page shows each kind of problem to someone trying the app.
 */
describe(`the demonstration planning round (${ENGINE})`, () => {
  let t: TestApp;
  let regional: Client;
  let round: { id: number; method: string; periodStart: number; periodEnd: number };

  beforeAll(async () => {
    t = await startTestApp();
    regional = await t.as('regional_officer', 'PAZ');
    const rounds = (await regional.get(`/api/v1/planning/rounds?territoryId=${await t.territoryId('PAZ')}`)).body.items;
    expect(rounds).toHaveLength(1);
    round = rounds[0];
  });
  afterAll(() => t.close());

  it('is the Bulgarian procedure for 2026–2030 on the normative method, with its stages scheduled', async () => {
    expect(round).toMatchObject({ method: 'normative', periodStart: 2026, periodEnd: 2030, templateKey: 'bg.npsu' });
    const stages = (await regional.get(`/api/v1/planning/rounds/${round.id}/stages`)).body.items as { key: string; dueDate: string | null }[];
    expect(stages.map((s) => s.key)).toContain('bg.mayors_agreement');
    // The 2023 round's dates, in 2026: the draft agreement at the regional discussion by
    // 17 February, the submission to the Agency by 30 March (both working days in 2026).
    expect(stages.find((s) => s.key === 'bg.regional_discussion')?.dueDate).toBe('2026-02-17');
    expect(stages.filter((s) => s.key === 'bg.submission_asp').map((s) => s.dueDate)).toContain('2026-03-30');
  });

  it('fires every check of the normative method at least once, each with a Bulgarian message', async () => {
    const { body } = await regional.get(`/api/v1/planning/rounds/${round.id}/checks?lang=bg`);
    const kinds = new Set((body.checks as { check: string }[]).map((c) => c.check));
    // uncertain_gap needs the survey method's interval: the normative round cannot give it.
    expect([...kinds].sort()).toEqual(PLAN_CHECKS.filter((k) => k !== 'uncertain_gap').sort());
    for (const c of body.checks as { message: string }[]) expect(c.message).toMatch(/[А-Яа-я]/);
  });

  it('has a budget priced by the items’ own costs and the illustrative standards', async () => {
    const { body } = await regional.get(`/api/v1/planning/rounds/${round.id}/budget`);
    const rows = body.rows as { municipality: string; fundingSource: string; year: number; cost: number | null }[];
    // Peshtera's home care: 180,000 a year from 2027.
    expect(rows.find((r) => r.municipality === 'PAZ21' && r.year === 2027)?.cost).toBe(180000);
    expect(rows.some((r) => r.municipality === 'PAZ21' && r.year === 2026)).toBe(false);
    // Pazardzhik's 20 day-care places at the standard of 6,200 a place, from 2027.
    expect(rows.find((r) => r.municipality === 'PAZ19' && r.fundingSource === 'state_delegated' && r.year === 2027)?.cost).toBe(20 * 6200 + 30 * 11800);
  });
});
