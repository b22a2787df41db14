import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';

type Stage = { key: string; owner: string; due: Record<string, unknown>; name?: string };

/**
 * Planning templates and the working-day calendar as administrators edit them (issue 8, items 1
 * and 2): only national administrators change them, every change is audited, and a round opened
 * afterwards is scheduled from them.
 */
describe(`planning templates and working days (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let agency: Client;
  let regional: Client;
  let officer: Client;
  let provider: Client;
  let viewer: Client;
  let others: Client[];
  const ids: Record<string, number> = {};
  const audit = async (entity: string) => (await admin.get(`/api/v1/audit?entity=${entity}&pageSize=1`)).body.items as { action: string; entityId: string; after: any; before: any }[];
  const stagesOfNewRound = async (start: string) => {
    const round = await regional.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2027, periodEnd: 2031, start, method: 'normative' });
    expect(round.status, round.text).toBe(201);
    const stages = (await regional.get(`/api/v1/planning/rounds/${round.body.id}/stages`)).body.items as { key: string; dueDate: string }[];
    return { id: round.body.id as number, due: (key: string) => stages.find((s) => s.key === key)!.dueDate };
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['PAZ']) ids[code] = await t.territoryId(code);
    admin = await t.as('admin');
    agency = await t.as('agency', 'BG');
    regional = await t.as('regional_officer', 'PAZ');
    officer = await t.as('municipal_officer', 'PAZ19');
    provider = await t.as('provider', 'PAZ', 'Община Пазарджик');
    viewer = await t.as('viewer', 'PAZ');
    others = [agency, regional, officer, provider, viewer];
  });
  afterAll(() => t.close());

  it('the OpenAPI document describes the new routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['/api/v1/planning/templates/{key}', '/api/v1/planning/working-days', '/api/v1/planning/working-days/{id}']) expect(doc.paths[path], path).toBeDefined();
  });

  it("reads a template with its stages' due rules; the law's until an administrator edits it", async () => {
    expect((await t.anonymous().get('/api/v1/planning/templates/bg.npsu')).status).toBe(401);
    const res = await regional.get('/api/v1/planning/templates/bg.npsu');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'bg.npsu', country: 'BG', edited: false, updatedAt: null });
    expect(res.body.stages.find((s: Stage) => s.key === 'bg.public_consultation').due).toEqual({ kind: 'after_stage', stage: 'bg.regional_discussion', from: 'due', days: 30, unit: 'calendar' });
    expect((await regional.get('/api/v1/planning/templates/bg.nothing')).status).toBe(404);
  });

  it('only a national administrator edits a template; a missing stage or a circle is refused; an open round keeps its dates', async () => {
    const before = await stagesOfNewRound('2027-01-11');
    // 30 days from Wednesday 17 February 2027: Friday 19 March.
    expect(before.due('bg.public_consultation')).toBe('2027-03-19');
    const template = (await admin.get('/api/v1/planning/templates/bg.npsu')).body as { stages: Stage[] };
    const withDays = (days: number) => template.stages.map((s) => (s.key === 'bg.public_consultation' ? { ...s, due: { ...s.due, days }, name: 'Обществено обсъждане (45 дни)' } : s));

    expect((await t.anonymous().put('/api/v1/planning/templates/bg.npsu', { stages: withDays(45) })).status).toBe(401);
    for (const client of others) expect((await client.put('/api/v1/planning/templates/bg.npsu', { stages: withDays(45) })).status).toBe(403);
    expect((await regional.get('/api/v1/planning/templates/bg.npsu')).body.edited).toBe(false);

    const missing = template.stages.map((s, i) => (i === 1 ? { ...s, due: { kind: 'after_stage', stage: 'bg.nothing', from: 'due', days: 1, unit: 'calendar' } } : s));
    const refusedMissing = await admin.put('/api/v1/planning/templates/bg.npsu', { stages: missing });
    expect(refusedMissing.status).toBe(400);
    expect(JSON.stringify(refusedMissing.body)).toContain('unknown_stage');
    const circle = template.stages.map((s, i) => (i === 0 ? { ...s, due: { kind: 'after_stage', stage: 'bg.planning_proposal', from: 'due', days: 1, unit: 'working' } } : s));
    const refusedCircle = await admin.put('/api/v1/planning/templates/bg.npsu', { stages: circle });
    expect(refusedCircle.status).toBe(400);
    expect(JSON.stringify(refusedCircle.body)).toContain('bg.needs_analysis → bg.planning_proposal → bg.needs_analysis');
    expect((await regional.get('/api/v1/planning/templates/bg.npsu')).body.edited).toBe(false);

    const saved = await admin.put('/api/v1/planning/templates/bg.npsu', { stages: withDays(45) });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ edited: true });
    expect(saved.body.stages.find((s: Stage) => s.key === 'bg.public_consultation')).toMatchObject({ due: { days: 45 }, name: 'Обществено обсъждане (45 дни)' });
    const [entry] = await audit('planning_template');
    expect(entry).toMatchObject({ action: 'update', entityId: 'bg.npsu' });
    expect(entry!.after.stages.find((s: Stage) => s.key === 'bg.public_consultation').due.days).toBe(45);

    const reread = (await regional.get(`/api/v1/planning/rounds/${before.id}/stages`)).body.items as { key: string; dueDate: string }[];
    expect(reread.find((s) => s.key === 'bg.public_consultation')!.dueDate).toBe('2027-03-19');
    // Back to the law's period for the other tests.
    expect((await admin.put('/api/v1/planning/templates/bg.npsu', { stages: withDays(30) })).status).toBe(200);
  });

  it("lists a year's public holidays and amendments, to administrators only", async () => {
    expect((await t.anonymous().get('/api/v1/planning/working-days?country=BG&year=2027')).status).toBe(401);
    for (const client of others) expect((await client.get('/api/v1/planning/working-days?country=BG&year=2027')).status).toBe(403);
    const res = await admin.get('/api/v1/planning/working-days?country=BG&year=2027');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ country: 'BG', year: 2027, holidaysOff: true, amendments: [] });
    // Orthodox Easter 2027 is 2 May: Good Friday 30 April, Easter Monday 3 May.
    expect(res.body.holidays.map((h: { date: string }) => h.date)).toEqual(expect.arrayContaining(['2027-03-03', '2027-04-30', '2027-05-03']));
    expect((await admin.get('/api/v1/planning/working-days?country=UA&year=2027')).body.holidaysOff).toBe(false);
  });

  it('only a national administrator amends the calendar; a working Saturday moves a new round’s deadline; removing it restores it', async () => {
    // Saturday 16 January 2027: the needs analysis is due 15 working days after Monday 11 January.
    const before = await stagesOfNewRound('2027-01-11');
    expect(before.due('bg.needs_analysis')).toBe('2027-02-01');
    const body = { country: 'BG', date: '2027-01-16', working: true, note: 'РМС № 1/2027' };
    expect((await t.anonymous().post('/api/v1/planning/working-days', body)).status).toBe(401);
    for (const client of others) expect((await client.post('/api/v1/planning/working-days', body)).status).toBe(403);
    const nothing = await admin.post('/api/v1/planning/working-days', { ...body, date: '2027-01-15' });
    expect(nothing.status).toBe(400);
    expect(JSON.stringify(nothing.body)).toContain('amendment_changes_nothing');

    const added = await admin.post('/api/v1/planning/working-days', body);
    expect(added.status, added.text).toBe(201);
    expect(added.body).toMatchObject({ date: '2027-01-16', working: true, note: 'РМС № 1/2027' });
    expect((await admin.post('/api/v1/planning/working-days', body)).status).toBe(409);
    const [entry] = await audit('calendar_day');
    expect(entry).toMatchObject({ action: 'create', entityId: String(added.body.id) });
    expect((await admin.get('/api/v1/planning/working-days?country=BG&year=2027')).body.amendments).toEqual([added.body]);

    const withSaturday = await stagesOfNewRound('2027-01-11');
    expect(withSaturday.due('bg.needs_analysis')).toBe('2027-01-29');

    for (const client of others) expect((await client.delete(`/api/v1/planning/working-days/${added.body.id}`)).status).toBe(403);
    expect((await admin.delete(`/api/v1/planning/working-days/${added.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/planning/working-days/${added.body.id}`)).status).toBe(404);
    expect((await audit('calendar_day'))[0]).toMatchObject({ action: 'delete', entityId: String(added.body.id) });
    expect((await stagesOfNewRound('2027-01-11')).due('bg.needs_analysis')).toBe('2027-02-01');
  });
});
