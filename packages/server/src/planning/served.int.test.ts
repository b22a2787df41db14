import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { openPazardzhikRound, roundPeople, territoryIds, type RoundPeople } from '../testing/round-people';
import { startTestApp, type TestApp } from '../testing/test-app';

/**
 * The municipalities an item serves (issue 8, item 11): the same rule (domain planning/served.ts)
 * through the item route and through a proposals file, and the round's municipalities, which a
 * municipality's officer needs to name its neighbours.
 */
describe(`the municipalities an item serves (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, provider, viewer } = {} as RoundPeople;
  let ids: Record<string, number> = {};
  let roundId: number;

  const item = (served: { municipalityId: number; capacity: number }[], capacityChange = 10) => ({
    municipalityId: ids.PAZ19,
    action: 'open',
    serviceType: 'bg.day_care_adults_disability',
    capacityChange,
    startYear: 2027,
    fundingSource: 'municipal',
    annualCost: null,
    explanation: '',
    served,
  });
  const items = async () => (await admin.get(`/api/v1/planning/rounds/${roundId}/items`)).body.items as unknown[];
  const upload = (rows: string) => {
    const form = new FormData();
    form.append('file', new Blob([`municipality_code,action,service_type,capacity_change,start_year,funding_source,served_codes\n${rows}`]), 'proposals.csv');
    return officer19.request('POST', `/api/v1/planning/rounds/${roundId}/imports/proposals`, form);
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, regional, otherRegional, officer19, provider, viewer } = await roundPeople(t));
    ids = await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20', 'PAZ21', 'SML31']);
    roundId = await openPazardzhikRound(regional, ids.PAZ!);
  });
  afterAll(() => t.close());

  it("gives every reader of the round its municipalities, a municipality's officer too; no one outside it", async () => {
    for (const client of [regional, officer19, provider, viewer, admin]) {
      const res = await client.get(`/api/v1/planning/rounds/${roundId}/municipalities`);
      expect(res.status).toBe(200);
      const codes = (res.body.items as { code: string; level: string; name: string }[]).map((m) => m.code);
      expect(codes).toHaveLength(12);
      expect(codes).toEqual(expect.arrayContaining(['PAZ19', 'PAZ20', 'PAZ21']));
      expect(codes.every((c) => c.startsWith('PAZ'))).toBe(true);
    }
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/municipalities`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/planning/rounds/${roundId}/municipalities`)).status).toBe(401);
  });

  it('refuses through the item route what the form refuses, naming the entry, and stores nothing', async () => {
    const before = (await items()).length;
    for (const [served, path, code] of [
      [[{ municipalityId: ids.SML31!, capacity: 1 }], 'served.0.municipalityId', 'not_in_round'],
      [[{ municipalityId: ids.PAZ19!, capacity: 1 }], 'served.0.municipalityId', 'served_own_municipality'],
      [[{ municipalityId: ids.PAZ20!, capacity: 1 }, { municipalityId: ids.PAZ20!, capacity: 2 }], 'served.1.municipalityId', 'served_twice'],
      [[{ municipalityId: ids.PAZ20!, capacity: 6 }, { municipalityId: ids.PAZ21!, capacity: 5 }], 'served.1.capacity', 'served_over_capacity'],
    ] as const) {
      const res = await officer19.post(`/api/v1/planning/rounds/${roundId}/items`, item([...served]));
      expect(res.status, code).toBe(400);
      expect(res.body.issues, code).toEqual([{ path, message: code }]);
    }
    expect((await items()).length).toBe(before);
    // Within the change, and a neighbour named without places (served, its share not stated).
    const ok = await officer19.post(`/api/v1/planning/rounds/${roundId}/items`, item([{ municipalityId: ids.PAZ20!, capacity: 6 }, { municipalityId: ids.PAZ21!, capacity: 0 }]));
    expect(ok.status, ok.text).toBe(201);
    // A change that leaves too few places for those already named is refused too.
    const smaller = await officer19.put(`/api/v1/planning/items/${ok.body.id}`, item(ok.body.served, 5));
    expect(smaller.status).toBe(400);
    expect(smaller.body.issues).toEqual([{ path: 'served.0.capacity', message: 'served_over_capacity' }]);
  });

  it('refuses the same through a proposals file, a line of the report each, and imports nothing', async () => {
    const before = (await items()).length;
    const report = await upload(['PAZ19,open,bg.day_care_adults_disability,10,2027,municipal,PAZ19:2', 'PAZ19,open,bg.day_care_adults_disability,10,2027,municipal,PAZ20:2;PAZ20:1', 'PAZ19,open,bg.day_care_adults_disability,10,2027,municipal,PAZ20:6;PAZ21:5', 'PAZ19,open,bg.day_care_adults_disability,10,2027,municipal,PAZ20:4'].join('\n'));
    expect(report.status, report.text).toBe(422);
    expect(report.body.errors.map((e: { row: number; column: string; value: string; code: string }) => [e.row, e.column, e.value, e.code])).toEqual([
      [2, 'served_codes', 'PAZ19:2', 'served_own_municipality'],
      [3, 'served_codes', 'PAZ20:1', 'served_twice'],
      [4, 'served_codes', 'PAZ21:5', 'served_over_capacity'],
    ]);
    // Each said in the reader's language, with the item's change.
    expect(report.body.errors[2].message).toContain('10');
    expect((await items()).length).toBe(before);
  });
});
