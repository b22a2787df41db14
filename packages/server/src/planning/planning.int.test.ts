import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { auditOf, type RoundPeople, roundPeople, territoryIds } from '../testing/round-people';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Round = { id: number; status: string; method: string; territory: { code: string } };

const TEMPLATE = 'bg.npsu';
const upload = (client: Client, path: string, fileName: string, content: string, fields: Record<string, string> = {}) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([content]), fileName);
  return client.request('POST', path, form);
};

/** The planning round's API (issue 8): rounds, items, envelopes, checks, budget and imports, with every role's denials. */
describe(`planning round (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  const ids: Record<string, number> = {};
  let round: Round;

  const item = (municipality: string, extra: Record<string, unknown> = {}) => ({
    municipalityId: ids[municipality],
    action: 'open',
    serviceType: 'bg.day_care_adults_disability',
    capacityChange: 15,
    startYear: 2027,
    fundingSource: 'state_delegated',
    annualCost: null,
    explanation: 'Нова услуга',
    ...extra,
  });
  const audit = auditOf(() => admin);
  const itemCount = async () => (await admin.get(`/api/v1/planning/rounds/${round.id}/items`)).body.items.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(ids, await territoryIds(t, ['BG', 'PAZ', 'PAZ19', 'PAZ20', 'SML']));
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
  });
  afterAll(() => t.close());

  it('the OpenAPI document describes the planning routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['/api/v1/planning/rounds', '/api/v1/planning/rounds/{id}', '/api/v1/planning/rounds/{id}/items', '/api/v1/planning/items/{id}', '/api/v1/planning/rounds/{id}/checks', '/api/v1/planning/rounds/{id}/budget'])
      expect(doc.paths[path], path).toBeDefined();
  });

  it("only the region's officers and administrators open a round of the region", async () => {
    const body = { territoryId: ids.PAZ, templateKey: TEMPLATE, periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' };
    expect((await t.anonymous().post('/api/v1/planning/rounds', body)).status).toBe(401);
    for (const client of [otherRegional, officer19, provider, viewer]) expect((await client.post('/api/v1/planning/rounds', body)).status).toBe(403);
    const bad = await regional.post('/api/v1/planning/rounds', { ...body, periodEnd: 2025 });
    expect(bad.status).toBe(400);
    const res = await regional.post('/api/v1/planning/rounds', body);
    expect(res.status, res.text).toBe(201);
    round = res.body;
    expect(round).toMatchObject({ status: 'open', method: 'normative', territory: { code: 'PAZ' }, checkSettings: { gapThreshold: 5, diversityTarget: 5 } });
    const [entry] = await audit('planning_round');
    expect(entry).toMatchObject({ action: 'create', entityId: String(round.id) });
  });

  it('the round is read by everyone whose reach meets the province, and by no one else', async () => {
    for (const client of [admin, regional, officer19, provider, viewer]) {
      expect((await client.get(`/api/v1/planning/rounds/${round.id}`)).status).toBe(200);
      expect((await client.get('/api/v1/planning/rounds')).body.items.map((r: Round) => r.id)).toContain(round.id);
      expect((await client.get(`/api/v1/planning/rounds/${round.id}/stages`)).status).toBe(200);
    }
    expect((await officer19.get(`/api/v1/planning/rounds?territoryId=${ids.PAZ19}`)).body.items.map((r: Round) => r.id)).toContain(round.id);
    // Stages from the Bulgarian template, with due dates; a municipality's stage for each municipality.
    const stages = (await regional.get(`/api/v1/planning/rounds/${round.id}/stages`)).body.items as { key: string; ownerTerritoryId: number | null; dueDate: string }[];
    expect(stages.length).toBeGreaterThan(5);
    for (const s of stages) expect(s.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stages.some((s) => s.ownerTerritoryId === ids.PAZ19)).toBe(true);
    expect(stages.some((s) => s.ownerTerritoryId === ids.PAZ)).toBe(true);
    expect((await regional.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'ua.order_130', periodStart: 2026, periodEnd: 2030 })).status).toBe(400);
    const templates = (await officer19.get('/api/v1/planning/templates?country=BG')).body.items as { key: string }[];
    expect(templates.map((x) => x.key)).toEqual(['bg.npsu']);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${round.id}`)).status).toBe(404);
    expect((await otherRegional.get('/api/v1/planning/rounds')).body.items.map((r: Round) => r.id)).not.toContain(round.id);
    expect((await t.anonymous().get(`/api/v1/planning/rounds/${round.id}`)).status).toBe(401);
  });

  it("a municipal officer adds, changes and removes only their municipality's items; the region reads them all", async () => {
    const created = await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19'));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ municipalityCode: 'PAZ19', unit: expect.any(String), capacityChange: 15 });
    const id = created.body.id as number;
    expect((await audit('proposal_item'))[0]).toMatchObject({ action: 'create', entityId: String(id) });

    expect((await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ20'))).status).toBe(403);
    for (const client of [provider, viewer, otherRegional]) expect([403, 404]).toContain((await client.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19'))).status);
    expect([403, 404]).toContain((await officer20.put(`/api/v1/planning/items/${id}`, item('PAZ19', { capacityChange: 1 }))).status);
    expect([403, 404]).toContain((await officer20.delete(`/api/v1/planning/items/${id}`)).status);
    // Nobody moves another municipality's item into theirs: for them it is not there.
    expect((await officer20.put(`/api/v1/planning/items/${id}`, item('PAZ20'))).status).toBe(404);
    expect((await officer20.get(`/api/v1/planning/items/${id}`)).status).toBe(404);
    expect((await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('SML', { municipalityId: ids.SML }))).status).toBe(400);
    expect((await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19', { serviceType: 'ua.day_care' }))).status).toBe(400);
    const against = await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19', { action: 'close', capacityChange: 3 }));
    expect(against.body.issues).toContainEqual(expect.objectContaining({ path: 'capacityChange', message: 'against_action' }));

    const changed = await officer19.put(`/api/v1/planning/items/${id}`, item('PAZ19', { capacityChange: 20, annualCost: 120000 }));
    expect(changed.status, changed.text).toBe(200);
    expect((await audit('proposal_item'))[0]).toMatchObject({ action: 'update', before: { capacityChange: 15 }, after: { capacityChange: 20 } });

    expect((await regional.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ20', { action: 'expand', capacityChange: 5 }))).status).toBe(201);
    for (const client of [regional, provider, viewer]) expect((await client.get(`/api/v1/planning/rounds/${round.id}/items`)).body.items.length).toBe(2);
    // A municipality's officer sees its own items of the province's round, not its neighbours'.
    expect((await officer20.get(`/api/v1/planning/rounds/${round.id}/items`)).body.items.map((i: { municipalityCode: string }) => i.municipalityCode)).toEqual(['PAZ20']);
    expect((await officer20.get(`/api/v1/planning/rounds/${round.id}/items?municipalityId=${ids.PAZ19}`)).body.items).toEqual([]);
    expect((await regional.get(`/api/v1/planning/rounds/${round.id}/items?municipalityId=${ids.PAZ19}`)).body.items).toHaveLength(1);
    expect((await provider.get(`/api/v1/planning/items/${id}`)).status).toBe(200);
    expect((await otherRegional.get(`/api/v1/planning/items/${id}`)).status).toBe(404);

    const extra = await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19', { action: 'reduce', capacityChange: -2 }));
    expect((await officer19.delete(`/api/v1/planning/items/${extra.body.id}`)).status).toBe(204);
    expect((await audit('proposal_item'))[0]).toMatchObject({ action: 'delete', entityId: String(extra.body.id) });
  });

  it('envelopes are set by the region only, and read by every reader of the round', async () => {
    const body = { items: [{ municipalityId: ids.PAZ19, fundingSource: null, annualLimit: 100000 }, { municipalityId: null, fundingSource: 'state_delegated', annualLimit: 500000 }] };
    for (const client of [officer19, provider, viewer]) expect((await client.put(`/api/v1/planning/rounds/${round.id}/envelopes`, body)).status).toBe(403);
    expect((await otherRegional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, body)).status).toBe(404);
    const res = await regional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, body);
    expect(res.status, res.text).toBe(200);
    expect((await officer19.get(`/api/v1/planning/rounds/${round.id}/envelopes`)).body.items).toEqual(body.items);
    expect((await audit('envelope'))[0]).toMatchObject({ action: 'update', entityId: String(round.id) });
    // A neighbour's limit is the neighbour's: Peshtera's officer reads its own and the round-wide ones.
    const neighbour = { municipalityId: ids.PAZ20, fundingSource: null, annualLimit: 70000 };
    expect((await regional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, { items: [...body.items, neighbour] })).status).toBe(200);
    expect((await officer19.get(`/api/v1/planning/rounds/${round.id}/envelopes`)).body.items).toEqual(body.items);
    expect((await regional.get(`/api/v1/planning/rounds/${round.id}/envelopes`)).body.items).toEqual([...body.items, neighbour]);
    expect((await regional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, body)).status).toBe(200);
  });

  it('plan checks and budget answer every reader of the round in the shape the command line prints', async () => {
    for (const client of [regional, officer19, provider]) {
      const checks = await client.get(`/api/v1/planning/rounds/${round.id}/checks?lang=bg`);
      expect(checks.status, checks.text).toBe(200);
      expect(checks.body).toMatchObject({ round: round.id, territory: 'PAZ', method: 'normative', checks: expect.any(Array) });
      const budget = await client.get(`/api/v1/planning/rounds/${round.id}/budget`);
      expect(budget.status, budget.text).toBe(200);
      expect(budget.body).toMatchObject({ round: round.id, rows: expect.any(Array) });
    }
    // The PAZ19 item costs 120 000 a year against PAZ19's envelope of 100 000: over budget, in the reader's language.
    const bg = (await regional.get(`/api/v1/planning/rounds/${round.id}/checks?lang=bg`)).body;
    const over = bg.checks.find((c: { check: string; municipality: string }) => c.check === 'over_budget' && c.municipality === 'PAZ19');
    expect(over).toMatchObject({ value: 120000, limit: 100000, item: null });
    expect(over.message).toMatch(/120/);
    expect(over.message).not.toMatch(/over_budget|planChecks/);
    // Every stage's due date has passed by the test's today, none is done: overdue.
    expect(bg.checks.some((c: { check: string }) => c.check === 'overdue')).toBe(true);
    // A municipality's officer gets its own lines only.
    const own = (await officer20.get(`/api/v1/planning/rounds/${round.id}/checks`)).body.checks as { municipality: string | null }[];
    expect(own.every((c) => c.municipality === 'PAZ20')).toBe(true);
    const budget = (await regional.get(`/api/v1/planning/rounds/${round.id}/budget`)).body.rows as { municipality: string; fundingSource: string; year: number; cost: number | null }[];
    expect(budget).toContainEqual(expect.objectContaining({ municipality: 'PAZ19', fundingSource: 'state_delegated', year: 2027, cost: 120000 }));
    expect(budget.filter((r) => r.municipality === 'PAZ19').map((r) => r.year)).toEqual([2027, 2028, 2029, 2030]);
    expect((await officer20.get(`/api/v1/planning/rounds/${round.id}/budget`)).body.rows.every((r: { municipality: string }) => r.municipality === 'PAZ20')).toBe(true);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${round.id}/checks`)).status).toBe(404);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${round.id}/budget`)).status).toBe(404);

    // The answers are kept between requests (routes.ts): a change clears a check at once all the same.
    const overBudget = async () => ((await regional.get(`/api/v1/planning/rounds/${round.id}/checks?lang=bg`)).body.checks as { check: string; municipality: string }[]).some((c) => c.check === 'over_budget' && c.municipality === 'PAZ19');
    expect(await overBudget()).toBe(true);
    const envelopes = (await regional.get(`/api/v1/planning/rounds/${round.id}/envelopes`)).body.items as { municipalityId: number | null; annualLimit: number }[];
    const raised = envelopes.map((e) => (e.municipalityId === ids.PAZ19 ? { ...e, annualLimit: 200000 } : e));
    expect((await regional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, { items: raised })).status).toBe(200);
    expect(await overBudget()).toBe(false);
    expect((await regional.put(`/api/v1/planning/rounds/${round.id}/envelopes`, { items: envelopes })).status).toBe(200);
    expect(await overBudget()).toBe(true);
  });

  describe('imports', () => {
    const HEADER = 'municipality_code,action,service_type,capacity_change,start_year,funding_source,annual_cost,explanation';
    const path = () => `/api/v1/planning/rounds/${round.id}/imports/proposals`;

    it("a municipal officer imports their municipality's items; a row of another municipality refuses the whole file", async () => {
      const before = await itemCount();
      const mixed = `${HEADER}\nPAZ19,expand,bg.day_care_adults_disability,4,2027,municipal,,\nPAZ20,open,bg.day_care_adults_disability,6,2028,eu_project,50000,Проект\n`;
      const refused = await upload(officer19, path(), 'mixed.csv', mixed);
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'municipality_code', code: 'outside_scope' })]);
      expect(await itemCount()).toBe(before);

      const bad = `${HEADER}\nPAZ19,grow,bg.day_care_adults_disability,4,2027,municipal,,\nPAZ19,open,bg.no_such_type,x,2027,municipal,,\n`;
      const report = await upload(officer19, path(), 'bad.csv', bad);
      expect(report.status).toBe(422);
      expect(report.body.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
        [2, 'action'],
        [3, 'capacity_change'],
      ]);
      expect(await itemCount()).toBe(before);

      // Headers in Bulgarian, as the columns are named in the reader's language.
      const bg = 'Код на общината,Действие,Вид услуга,Промяна на капацитета,Начална година,Източник на финансиране\nPAZ19,expand,bg.day_care_adults_disability,4,2027,municipal\n';
      const ok = await upload(officer19, path(), 'bg.csv', bg);
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body).toMatchObject({ kind: 'proposals', rows: 1 });
      expect(await itemCount()).toBe(before + 1);
      expect((await audit('proposal_item'))[0]).toMatchObject({ action: 'import', after: { rows: 1, round: round.id } });
      for (const client of [provider, viewer]) expect((await upload(client, path(), 'bg.csv', bg)).status).toBe(403);
      // Another municipality's officer: refused row by row, nothing written.
      const other = await upload(officer20, path(), 'bg.csv', bg);
      expect(other.status).toBe(422);
      expect(other.body.errors).toEqual([expect.objectContaining({ row: 2, code: 'outside_scope' })]);
      expect(await itemCount()).toBe(before + 1);
      expect((await upload(otherRegional, path(), 'bg.csv', bg)).status).toBe(404);
    });

    it('unit costs and ceilings are national: administrators (and the agency) import them, all or nothing', async () => {
      const costs = 'service_type,cost\nbg.day_care_adults_disability,9800\n';
      for (const client of [regional, officer19, provider]) expect((await upload(client, '/api/v1/planning/imports/unit-costs', 'c.csv', costs, { country: 'BG', year: '2027' })).status).toBe(403);
      const res = await upload(admin, '/api/v1/planning/imports/unit-costs', 'c.csv', costs, { country: 'BG', year: '2027' });
      expect(res.status, res.text).toBe(200);
      const dup = `${costs}bg.day_care_adults_disability,9900\n`;
      const refused = await upload(admin, '/api/v1/planning/imports/unit-costs', 'd.csv', dup, { country: 'BG', year: '2027' });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ row: 3, code: 'duplicate_row' })]);

      const ceilings = 'municipality_code,service_type,max_users\nPAZ19,bg.day_care_adults_disability,30\nPAZ20,bg.day_care_adults_disability,10\n';
      for (const client of [regional, officer19, provider]) expect((await upload(client, '/api/v1/planning/imports/ceilings', 'm.csv', ceilings, { country: 'BG', year: '2027' })).status).toBe(403);
      const ok = await upload(admin, '/api/v1/planning/imports/ceilings', 'm.csv', ceilings, { country: 'BG', year: '2027' });
      expect(ok.status, ok.text).toBe(200);
      expect(ok.body).toMatchObject({ kind: 'ceilings', rows: 2 });
      const wrong = await upload(admin, '/api/v1/planning/imports/ceilings', 'w.csv', 'municipality_code,service_type,max_users\nPAZ,bg.day_care_adults_disability,30\nNOPE,bg.day_care_adults_disability,-1\n', { country: 'BG', year: '2027' });
      expect(wrong.status).toBe(422);
      expect(wrong.body.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
        [2, 'not_planning_area'],
        [3, 'negative'],
      ]);
      expect((await audit('ceiling'))[0]).toMatchObject({ action: 'import', after: { rows: 2, year: 2027 } });
      expect((await audit('unit_cost'))[0]).toMatchObject({ action: 'import', after: { rows: 1, year: 2027 } });
    });
  });

  it("a municipality's stage is marked done by its own officer; the region's by the region", async () => {
    const stages = (await regional.get(`/api/v1/planning/rounds/${round.id}/stages`)).body.items as { id: number; ownerTerritoryId: number | null; status: string }[];
    const own = stages.find((s) => s.ownerTerritoryId === ids.PAZ19)!;
    const regions = stages.find((s) => s.ownerTerritoryId === ids.PAZ)!;
    expect((await officer20.put(`/api/v1/planning/stages/${own.id}`, { doneDate: '2026-02-10' })).status).toBe(404);
    for (const client of [provider, viewer]) expect((await client.put(`/api/v1/planning/stages/${own.id}`, { doneDate: '2026-02-10' })).status).toBe(403);
    expect((await officer19.put(`/api/v1/planning/stages/${regions.id}`, { doneDate: '2026-02-10' })).status).toBe(403);
    expect((await officer19.put(`/api/v1/planning/stages/${own.id}`, { doneDate: '2026-02-31' })).status).toBe(400);
    const done = await officer19.put(`/api/v1/planning/stages/${own.id}`, { doneDate: '2026-02-10' });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneDate: '2026-02-10' });
    expect((await audit('round_stage'))[0]).toMatchObject({ action: 'update', entityId: String(own.id), before: { status: 'open' }, after: { status: 'done' } });
    // A done stage is never overdue.
    const checks = (await regional.get(`/api/v1/planning/rounds/${round.id}/checks`)).body.checks as { check: string; stage: number | null }[];
    expect(checks.some((c) => c.check === 'overdue' && c.stage === own.id)).toBe(false);
    expect(checks.some((c) => c.check === 'overdue' && c.stage === regions.id)).toBe(true);
    expect((await regional.put(`/api/v1/planning/stages/${regions.id}`, { doneDate: null })).status).toBe(200);
  });

  it('closing: only the region; a closed round keeps its items as they are until reopened', async () => {
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/rounds/${round.id}/close`)).status).toBe(403);
    expect((await otherRegional.post(`/api/v1/planning/rounds/${round.id}/close`)).status).toBe(404);
    const closed = await regional.post(`/api/v1/planning/rounds/${round.id}/close`);
    expect(closed.body.status).toBe('closed');
    const refused = await officer19.post(`/api/v1/planning/rounds/${round.id}/items`, item('PAZ19'));
    expect(refused.status).toBe(400);
    expect(refused.body.issues).toContainEqual(expect.objectContaining({ message: 'round_closed' }));
    expect((await audit('planning_round'))[0]).toMatchObject({ action: 'update', after: { status: 'closed' } });
    expect((await regional.post(`/api/v1/planning/rounds/${round.id}/reopen`)).body.status).toBe('open');
  });
});
