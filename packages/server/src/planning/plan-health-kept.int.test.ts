import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Check = { check: string; municipality: string };

/**
 * The plan-health page keeps the round, its checks and its budget between requests (routes.ts
 * keptRound, keptPerRevision). What is kept must never widen what a reader sees: access is
 * judged on every request, and each reach gets its own answer.
 */
describe(`plan health kept between requests (${ENGINE})`, () => {
  let t: TestApp;
  let regional: Client;
  let otherRegional: Client;
  let officer19: Client;
  let roundId: number;

  beforeAll(async () => {
    t = await startTestApp();
    regional = await t.as('regional_officer', 'PAZ');
    otherRegional = await t.as('regional_officer', 'SML');
    officer19 = await t.as('municipal_officer', 'PAZ19');
    const opened = await regional.post('/api/v1/planning/rounds', { territoryId: await t.territoryId('PAZ'), templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, method: 'normative' });
    expect(opened.status).toBe(201);
    roundId = opened.body.id;
  });
  afterAll(() => t.close());

  it('refuses a reader outside the round after an allowed reader has had it kept, and gives a municipality only its own lines', async () => {
    for (const part of ['checks', 'budget']) {
      const first = await regional.get(`/api/v1/planning/rounds/${roundId}/${part}`);
      expect(first.status, part).toBe(200);
      // The second read is served from what the first kept: the same answer, byte for byte.
      expect((await regional.get(`/api/v1/planning/rounds/${roundId}/${part}`)).text, part).toBe(first.text);
      expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/${part}`)).status, part).toBe(404);
      expect((await t.anonymous().get(`/api/v1/planning/rounds/${roundId}/${part}`)).status, part).toBe(401);
    }
    const all = (await regional.get(`/api/v1/planning/rounds/${roundId}/checks`)).body.checks as Check[];
    const own = (await officer19.get(`/api/v1/planning/rounds/${roundId}/checks`)).body.checks as Check[];
    expect(new Set(all.map((c) => c.municipality)).size).toBeGreaterThan(1);
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c) => c.municipality))).toEqual(new Set(['PAZ19']));
  });

  it('gives the gap each item answers, before and after the plan, for the lines the reader sees', async () => {
    const officer20 = await t.as('municipal_officer', 'PAZ20');
    const item = { municipalityId: await t.territoryId('PAZ19'), action: 'open', serviceType: 'bg.day_care_elderly', capacityChange: 8, startYear: 2027, fundingSource: 'municipal', annualCost: null, explanation: '' };
    expect((await regional.post(`/api/v1/planning/rounds/${roundId}/items`, item)).status).toBe(201);
    type Gap = { municipalityId: number; serviceType: string; unit: string; gapBefore: number | null; gapAfter: number | null };
    const gaps = (await regional.get(`/api/v1/planning/rounds/${roundId}/checks`)).body.gaps as Gap[];
    const cell = gaps.find((g) => g.municipalityId === item.municipalityId && g.serviceType === item.serviceType);
    expect(cell).toMatchObject({ unit: 'places' });
    expect(cell!.gapBefore).not.toBeNull();
    expect(cell!.gapBefore! - cell!.gapAfter!).toBeCloseTo(8, 5);
    // Only cells that items change, and another municipality's officer sees none of PAZ19's.
    expect(gaps.every((g) => g.municipalityId === item.municipalityId)).toBe(true);
    expect((await officer20.get(`/api/v1/planning/rounds/${roundId}/checks`)).body.gaps).toEqual([]);
  });

  it('answers not found for a round that does not exist, again and again', async () => {
    for (let i = 0; i < 2; i++) expect((await regional.get('/api/v1/planning/rounds/987654/checks')).status).toBe(404);
  });
});
