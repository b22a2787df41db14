import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Entry = { id: number; at: string; actor: string; userName: string | null; action: string; entity: string; entityId: string | null; territory: { code: string; nameEn: string | null; country: string; level: string } | null; before: any; after: any };

/** The audit log: every change with who made it, what it was, and the figures before and after. */
describe(`the audit log (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let regional: Client;
  const who: Record<string, { id: number; name: string }> = {};
  const ids: Record<string, number> = {};
  let siteId: number;
  let normId: number;

  const audit = async (query = ''): Promise<{ items: Entry[]; total: number }> => {
    const res = await admin.get(`/api/v1/audit?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    officer = await t.as('municipal_officer', 'PAZ20');
    regional = await t.as('regional_officer', 'PAZ');
    for (const [key, client] of Object.entries({ officer, regional })) who[key] = (await client.get('/api/v1/session')).body.user;
    for (const code of ['PAZ', 'PAZ20', '55302']) ids[code] = await t.territoryId(code);

    // What a planning round does: an officer records a new site and corrects it, the region sets a norm and revises it, then both are withdrawn.
    const site = {
      siteKey: 'PAZ20-DC-2025',
      year: 2025,
      name: 'Дневен център за деца с увреждания – Панагюрище',
      serviceType: 'bg.day_care_children_disability',
      provider: 'Община Панагюрище',
      providerKind: 'public',
      settlementId: ids['55302'],
      capacity: 15,
      users: 9,
    };
    const created = await officer.post('/api/v1/service-sites', site);
    expect(created.status).toBe(201);
    siteId = created.body.id;
    expect((await officer.put(`/api/v1/service-sites/${siteId}`, { ...site, capacity: 18, users: 14, waitingList: 2 })).status).toBe(200);
    const norm = await regional.put('/api/v1/norms', { serviceType: 'bg.day_care_children_disability', territoryId: ids.PAZ, target: { kind: 'population', sex: 'T', age: { from: 0, to: 17 } }, ratePer1000: 2.5 });
    expect(norm.status).toBe(200);
    normId = norm.body.id;
    expect((await regional.put('/api/v1/norms', { serviceType: 'bg.day_care_children_disability', territoryId: ids.PAZ, target: { kind: 'population', sex: 'T', age: { from: 0, to: 17 } }, ratePer1000: 3 })).status).toBe(200);
    expect((await officer.delete(`/api/v1/service-sites/${siteId}`)).status).toBe(204);
    expect((await regional.delete(`/api/v1/norms/${normId}`)).status).toBe(204);
  });
  afterAll(() => t.close());

  it('shows the latest changes first, each with who, what and where', async () => {
    const { items } = await audit('pageSize=6');
    expect(items.map((e) => [e.action, e.entity, e.entityId])).toEqual([
      ['delete', 'norm', String(normId)],
      ['delete', 'service_site', String(siteId)],
      ['update', 'norm', String(normId)],
      ['create', 'norm', String(normId)],
      ['update', 'service_site', String(siteId)],
      ['create', 'service_site', String(siteId)],
    ]);
    // The place with what the reader's language needs to name it (Panagyurishte in Latin letters on an English page).
    for (const e of items.filter((e) => e.entity === 'service_site'))
      expect(e).toMatchObject({ actor: `user:${who.officer!.id}`, userName: who.officer!.name, territory: { code: '55302', country: 'BG', level: 'settlement', nameEn: expect.stringMatching(/^Panagyurishte$/) } });
    for (const e of items.filter((e) => e.entity === 'norm')) expect(e).toMatchObject({ actor: `user:${who.regional!.id}`, userName: who.regional!.name, territory: { code: 'PAZ' } });
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));
    const times = items.map((e) => Date.parse(e.at));
    expect(times.every((time, i) => i === 0 || time <= times[i - 1]!)).toBe(true);
    expect(Date.now() - times[0]!).toBeLessThan(10 * 60_000);
  });

  it('keeps the figures before and after each change of a site', async () => {
    const { items } = await audit('entity=service_site&pageSize=3');
    const [deleted, updated, created] = items;
    expect(created!.before).toBeNull();
    expect(created!.after).toMatchObject({ id: siteId, siteKey: 'PAZ20-DC-2025', capacity: 15, users: 9, waitingList: null, provider: 'Община Панагюрище', settlementId: ids['55302'] });
    expect(updated!.before).toMatchObject({ capacity: 15, users: 9, waitingList: null });
    expect(updated!.after).toMatchObject({ capacity: 18, users: 14, waitingList: 2 });
    expect(deleted!.before).toMatchObject({ id: siteId, capacity: 18, users: 14 });
    expect(deleted!.after).toBeNull();
  });

  it('keeps the rate before and after each change of a norm', async () => {
    const { items } = await audit('entity=norm&pageSize=3');
    const [deleted, updated, created] = items;
    expect(created).toMatchObject({ action: 'create', before: null, after: { id: normId, territoryId: ids.PAZ, ratePer1000: 2.5, target: { kind: 'population', sex: 'T', age: { from: 0, to: 17 } } } });
    expect(updated).toMatchObject({ action: 'update', before: { ratePer1000: 2.5 }, after: { ratePer1000: 3 } });
    expect(deleted).toMatchObject({ action: 'delete', before: { id: normId, ratePer1000: 3 }, after: null });
  });

  it('filters by kind of entry and by person', async () => {
    const sites = await audit('entity=service_site&pageSize=500');
    expect(sites.items.length).toBe(sites.total);
    expect(sites.items.every((e) => e.entity === 'service_site')).toBe(true);
    // Only the three above: the demo's sites came in as one import entry.
    expect(sites.total).toBe(3);
    const imports = await audit('entity=services');
    // Newest first: Niemce's illustrative sites, Khmilnyk's, then Pazardzhik's.
    expect(imports.items.map((e) => [e.action, e.actor, e.after.fileName])).toEqual([
      ['import', 'seed', 'demo-sites-niemce.csv'],
      ['import', 'seed', 'demo-sites-khmilnyk.csv'],
      ['import', 'seed', 'demo-sites-pazardzhik.csv'],
    ]);
    expect(imports.items.map((e) => e.after.inserted)).toEqual([7, 4, 29]);

    const byRegional = await audit(`userId=${who.regional!.id}&pageSize=500`);
    expect(byRegional.items.every((e) => e.actor === `user:${who.regional!.id}`)).toBe(true);
    // Signing in, then three changes of the norm.
    expect(byRegional.items.map((e) => e.action)).toEqual(['delete', 'update', 'create', 'sign_in']);
    const none = await audit('entity=no_such_thing');
    expect(none).toEqual({ items: [], total: 0 });
  });

  it('pages through the whole log: each entry once, newest first, the same total on every page', async () => {
    const [{ n }] = (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log`)) as [{ n: number }];
    const pageSize = 7;
    const seen: number[] = [];
    for (let page = 1; page <= Math.ceil(n / pageSize); page++) {
      const res = await audit(`page=${page}&pageSize=${pageSize}`);
      expect(res.total).toBe(n);
      expect(res.items.length).toBe(Math.min(pageSize, n - (page - 1) * pageSize));
      seen.push(...res.items.map((e) => e.id));
    }
    expect(seen).toHaveLength(n);
    expect(new Set(seen).size).toBe(n);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect((await audit(`page=${Math.ceil(n / pageSize) + 1}&pageSize=${pageSize}`)).items).toEqual([]);
    expect((await admin.get('/api/v1/audit?page=0')).status).toBe(400);
  });
});
