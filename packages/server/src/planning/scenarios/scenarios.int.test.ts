import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../testing/test-database';
import { auditOf, openPazardzhikRound, type RoundPeople, roundPeople, territoryIds } from '../../testing/round-people';
import { startTestApp, type TestApp } from '../../testing/test-app';

type Evaluation = {
  year: number;
  checkedYear: number;
  targets: string[];
  gaps: { municipalityId: number; serviceType: string; need: number | null; gapAfter: number | null; change: number }[];
  checks: { check: string; municipality: string | null; item: number | null; message: string }[];
  budget: { years: { year: number; cost: number | null }[]; rows: { municipality: string }[] };
};

/** Scenarios and peers of a planning round (issue 8, items 9 and 10), with every role's denials and the audit rows. */
describe(`planning scenarios and peers (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  const ids: Record<string, number> = {};
  let roundId: number;
  let itemId: number;
  let scenarioId: number;
  const audit = (n = 1) => auditOf(() => admin)('plan_scenario', n);

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(ids, await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20', 'SML']));
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    roundId = await openPazardzhikRound(regional, ids.PAZ!);
    const item = await officer19.post(`/api/v1/planning/rounds/${roundId}/items`, {
      municipalityId: ids.PAZ19,
      action: 'open',
      serviceType: 'bg.day_care_adults_disability',
      capacityChange: 15,
      startYear: 2027,
      fundingSource: 'state_delegated',
      annualCost: 120000,
      explanation: 'Нова услуга',
    });
    expect(item.status, item.text).toBe(201);
    itemId = item.body.id;
    const envelopes = await regional.put(`/api/v1/planning/rounds/${roundId}/envelopes`, { items: [{ municipalityId: ids.PAZ19, fundingSource: null, annualLimit: 100000 }] });
    expect(envelopes.status, envelopes.text).toBe(200);
  });
  afterAll(() => t.close());

  it('the OpenAPI document describes the scenario and peer routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['/api/v1/planning/rounds/{id}/scenarios', '/api/v1/planning/rounds/{id}/scenarios/compare', '/api/v1/planning/scenarios/{id}', '/api/v1/planning/scenarios/{id}/evaluation', '/api/v1/planning/rounds/{id}/peers'])
      expect(doc.paths[path], path).toBeDefined();
  });

  it("only the region's officers and administrators make a scenario; it starts as the round's proposals unchanged, audited", async () => {
    const body = { name: 'Без промени' };
    expect((await t.anonymous().post(`/api/v1/planning/rounds/${roundId}/scenarios`, body)).status).toBe(401);
    for (const client of [officer19, officer20, provider, viewer]) expect((await client.post(`/api/v1/planning/rounds/${roundId}/scenarios`, body)).status).toBe(403);
    expect((await otherRegional.post(`/api/v1/planning/rounds/${roundId}/scenarios`, body)).status).toBe(404);
    expect((await regional.post(`/api/v1/planning/rounds/${roundId}/scenarios`, { name: '' })).status).toBe(400);
    const created = await regional.post(`/api/v1/planning/rounds/${roundId}/scenarios`, body);
    expect(created.status, created.text).toBe(201);
    scenarioId = created.body.id;
    expect(created.body).toMatchObject({ roundId, name: 'Без промени', items: [], population: [] });
    expect((await audit())[0]).toMatchObject({ action: 'create', entityId: String(scenarioId), after: { name: 'Без промени' } });
    // Unchanged, it is judged exactly as the round is.
    const same = await regional.get(`/api/v1/planning/rounds/${roundId}/scenarios/compare?a=round&b=${scenarioId}`);
    expect(same.status, same.text).toBe(200);
    for (const c of same.body.checks) expect(c.a).toBe(c.b);
    for (const g of same.body.gaps) expect(g.a).toBe(g.b);
  });

  it('everyone who reads the round reads its scenarios; outsiders do not', async () => {
    for (const client of [admin, regional, officer19, officer20, provider, viewer]) {
      expect((await client.get(`/api/v1/planning/rounds/${roundId}/scenarios`)).body.items.map((s: { id: number }) => s.id)).toContain(scenarioId);
      expect((await client.get(`/api/v1/planning/scenarios/${scenarioId}`)).status).toBe(200);
      expect((await client.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation`)).status).toBe(200);
      expect((await client.get(`/api/v1/planning/rounds/${roundId}/scenarios/compare?a=round&b=${scenarioId}`)).status).toBe(200);
    }
    for (const path of [`/api/v1/planning/rounds/${roundId}/scenarios`, `/api/v1/planning/scenarios/${scenarioId}`, `/api/v1/planning/scenarios/${scenarioId}/evaluation`, `/api/v1/planning/rounds/${roundId}/scenarios/compare?a=round&b=${scenarioId}`]) {
      expect((await otherRegional.get(path)).status, path).toBe(404);
      expect((await t.anonymous().get(path)).status, path).toBe(401);
    }
  });

  it("changing an item's cost in a scenario clears its over_budget at once, and the round stays as it is", async () => {
    const before = (await regional.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation?lang=bg`)).body as Evaluation;
    expect(before.checks.some((c) => c.check === 'over_budget' && c.municipality === 'PAZ19')).toBe(true);
    const changed = await regional.put(`/api/v1/planning/scenarios/${scenarioId}`, { name: 'По-евтино', items: [{ itemId, annualCost: 60000, capacityChange: 30 }], population: [] });
    expect(changed.status, changed.text).toBe(200);
    expect((await audit())[0]).toMatchObject({ action: 'update', before: { name: 'Без промени', itemChanges: [] }, after: { name: 'По-евтино', itemChanges: [{ itemId, annualCost: 60000 }] } });
    const after = (await regional.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation?lang=bg`)).body as Evaluation;
    expect(after.checks.some((c) => c.check === 'over_budget' && c.municipality === 'PAZ19')).toBe(false);
    expect(after.budget.years.find((y) => y.year === 2028)?.cost).toBe(60000);
    const cell = after.gaps.find((g) => g.municipalityId === ids.PAZ19 && g.serviceType === 'bg.day_care_adults_disability')!;
    expect(cell.change).toBe(30);
    // The round itself is unchanged: its checks still find the item over budget.
    const round = (await regional.get(`/api/v1/planning/rounds/${roundId}/checks`)).body.checks as { check: string; municipality: string }[];
    expect(round.some((c) => c.check === 'over_budget' && c.municipality === 'PAZ19')).toBe(true);
    const compared = (await regional.get(`/api/v1/planning/rounds/${roundId}/scenarios/compare?a=round&b=${scenarioId}`)).body;
    expect(compared.checks.find((c: { check: string }) => c.check === 'over_budget')).toMatchObject({ a: 1, b: 0 });
    expect(compared.budget.find((y: { year: number }) => y.year === 2028)).toMatchObject({ a: 120000, b: 60000 });
  });

  it('a population change per age band scales the needs it aims at, compounded from the gap table year', async () => {
    const base = (await regional.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation`)).body as Evaluation;
    expect(base.targets.length).toBeGreaterThan(0);
    const target = base.targets.includes('p:T:65:') ? 'p:T:65:' : base.targets[0]!;
    const res = await regional.put(`/api/v1/planning/scenarios/${scenarioId}`, { name: 'Застаряване', items: [], population: [{ municipalityId: null, target, percentPerYear: 10 }] });
    expect(res.status, res.text).toBe(200);
    const grown = (await regional.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation`)).body as Evaluation;
    const factor = 1.1 ** (grown.checkedYear - grown.year);
    const rowsBefore = new Map(base.gaps.map((g) => [`${g.municipalityId}/${g.serviceType}`, g.need]));
    let scaled = 0;
    for (const g of grown.gaps) {
      const was = rowsBefore.get(`${g.municipalityId}/${g.serviceType}`);
      if (was === null || was === undefined || g.need === null || g.need === was) continue;
      expect(g.need).toBeCloseTo(was * factor, 6);
      scaled += 1;
    }
    if (grown.checkedYear > grown.year) expect(scaled).toBeGreaterThan(0);
    // Only age bands, only the round's municipalities and items.
    for (const bad of [
      { name: 'x', population: [{ municipalityId: null, target: 'i:poverty', percentPerYear: 1 }] },
      { name: 'x', population: [{ municipalityId: ids.SML, target: null, percentPerYear: 1 }] },
      { name: 'x', items: [{ itemId: 999999, capacityChange: 1 }] },
      { name: 'x', population: [{ municipalityId: null, target: null, percentPerYear: 500 }] },
    ])
      expect((await regional.put(`/api/v1/planning/scenarios/${scenarioId}`, bad)).status).toBe(400);
  });

  it("a municipal reader sees only its municipality's lines of a scenario", async () => {
    const own = (await officer20.get(`/api/v1/planning/scenarios/${scenarioId}/evaluation`)).body as Evaluation;
    expect(own.gaps.every((g) => g.municipalityId === ids.PAZ20)).toBe(true);
    expect(own.checks.every((c) => c.municipality === 'PAZ20' || c.municipality === null)).toBe(true);
    expect(own.checks.some((c) => c.municipality === null)).toBe(false);
    expect(own.budget.rows.every((r) => r.municipality === 'PAZ20')).toBe(true);
    const compared = (await officer20.get(`/api/v1/planning/rounds/${roundId}/scenarios/compare?a=round&b=${scenarioId}`)).body;
    expect(compared.gaps.every((g: { municipalityId: number }) => g.municipalityId === ids.PAZ20)).toBe(true);
    // PAZ19's costs are not PAZ20's to see, not even as the year's total.
    expect(compared.budget.every((y: { a: number | null }) => y.a === null)).toBe(true);
  });

  it('only the region changes and removes a scenario; a scenario of another round is not there', async () => {
    const body = { name: 'Опит', items: [], population: [] };
    for (const client of [officer19, provider, viewer]) {
      expect((await client.put(`/api/v1/planning/scenarios/${scenarioId}`, body)).status).toBe(403);
      expect((await client.delete(`/api/v1/planning/scenarios/${scenarioId}`)).status).toBe(403);
    }
    expect((await otherRegional.put(`/api/v1/planning/scenarios/${scenarioId}`, body)).status).toBe(404);
    expect((await otherRegional.delete(`/api/v1/planning/scenarios/${scenarioId}`)).status).toBe(404);
    const other = await admin.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, method: 'normative' });
    expect((await regional.get(`/api/v1/planning/rounds/${other.body.id}/scenarios/compare?a=round&b=${scenarioId}`)).status).toBe(404);
    const removed = await regional.delete(`/api/v1/planning/scenarios/${scenarioId}`);
    expect(removed.status).toBe(204);
    expect((await audit())[0]).toMatchObject({ action: 'delete', entityId: String(scenarioId), before: { name: 'Застаряване' } });
    expect((await regional.get(`/api/v1/planning/scenarios/${scenarioId}`)).status).toBe(404);
  });

  it("a municipality's coverage beside its most similar municipalities of the country, for its readers only", async () => {
    const res = await officer19.get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.PAZ19}&lang=en`);
    expect(res.status, res.text).toBe(200);
    const peers = res.body;
    expect(peers).toMatchObject({ round: roundId, country: 'BG', features: ['population', 'shareAged65'], unknownFeatures: ['urbanShare'], municipality: { municipalityId: ids.PAZ19, code: 'PAZ19', distance: null } });
    expect(peers.peers.length).toBeGreaterThan(0);
    expect(peers.peers.length).toBeLessThanOrEqual(5);
    expect(peers.peers.map((p: { municipalityId: number }) => p.municipalityId)).not.toContain(ids.PAZ19);
    const distances = peers.peers.map((p: { distance: number }) => p.distance);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // Names in the reader's language: Latin letters in English.
    expect(peers.municipality.name).not.toMatch(/[А-я]/);
    for (const row of peers.rows) expect(row.peers.length).toBe(peers.peers.length);
    expect((await officer19.get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.PAZ20}`)).status).toBe(404);
    expect((await regional.get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.SML}`)).status).toBe(404);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.PAZ19}`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.PAZ19}`)).status).toBe(401);
    for (const client of [regional, provider, viewer, admin]) expect((await client.get(`/api/v1/planning/rounds/${roundId}/peers?municipalityId=${ids.PAZ19}`)).status).toBe(200);
  });
});
