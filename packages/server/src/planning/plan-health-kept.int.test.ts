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

  it('answers not found for a round that does not exist, again and again', async () => {
    for (let i = 0; i < 2; i++) expect((await regional.get('/api/v1/planning/rounds/987654/checks')).status).toBe(404);
  });
});
