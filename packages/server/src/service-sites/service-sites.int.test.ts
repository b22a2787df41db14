import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SITES, DEMO_YEAR } from '../seed/demo-sites';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { serviceSite } from './tables';

type Site = { id: number; siteKey: string; name: string; year: number; serviceType: string; providerKind: string; funding: string | null; capacity: number };

/** The service-site registry: adding, changing and removing sites, with every check a form relies on. */
describe(`service sites (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  const ids: Record<string, number> = {};

  const siteCount = async () => (await t.database.db.select({ n: count() }).from(serviceSite))[0]!.n;
  const body = (extra: Record<string, unknown> = {}) => ({
    siteKey: 'PAZ19-DC-0001',
    year: 2024,
    name: 'Дневен център за възрастни хора „Здраве“',
    serviceType: 'bg.day_care_elderly',
    provider: 'Община Пазарджик',
    providerKind: 'public',
    settlementId: ids['55155'],
    address: 'ул. „Болнична“ 15',
    servesIds: [ids.PAZ19, ids.PAZ29],
    capacity: 20,
    users: 18,
    waitingList: 4,
    staffPositions: 5,
    staffVacancies: 1,
    funding: 'state',
    mobile: false,
    accessible: true,
    opened: '2019-09-01',
    ...extra,
  });
  const list = async (query: string): Promise<{ items: Site[]; total: number; years: number[] }> => {
    const res = await admin.get(`/api/v1/service-sites?${query}`);
    expect(res.status, query).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    for (const code of ['BG', 'PAZ', 'PAZ19', 'PAZ20', 'PAZ29', '55155', '55302']) ids[code] = await t.territoryId(code);
  });
  afterAll(() => t.close());

  describe('listing the demo registry of Pazardzhik province', () => {
    const demo = DEMO_SITES;
    const concerns = (code: string) => demo.filter((s) => s.municipality === code || (s.serves ?? []).includes(code) || (s.serves ?? []).includes('PAZ'));

    it.each([
      ['the year', () => `year=${DEMO_YEAR}`, demo.length],
      ['a service type', () => 'serviceType=bg.home_care', demo.filter((s) => s.type === 'bg.home_care').length],
      ['a provider kind', () => 'providerKind=ngo', demo.filter((s) => s.kind === 'ngo').length],
      ['a funding source', () => 'funding=project', demo.filter((s) => s.funding === 'project').length],
      ['type and kind together', () => 'serviceType=bg.residential_care_elderly&providerKind=private', 1],
      ['text in the name or provider', () => `q=${encodeURIComponent('велинград')}`, demo.filter((s) => /Велинград/.test(s.name + s.provider)).length],
      ['text in the site id', () => 'q=DEMO-PAZ20', demo.filter((s) => s.municipality === 'PAZ20').length],
      ['a municipality: its own sites and those serving it or the whole province', () => `territoryId=${ids.PAZ20}`, concerns('PAZ20').length],
      ['the province', () => `territoryId=${ids.PAZ}`, demo.length],
    ])('filters by %s', async (_label, query, expected) => {
      // Within Bulgaria: the demonstration also holds Ukrainian sites.
      const scoped = query().includes('territoryId=') ? query() : `territoryId=${ids.BG}&${query()}`;
      const res = await list(`${scoped}&pageSize=500`);
      expect(expected).toBeGreaterThan(0);
      expect(res.total).toBe(expected);
      expect(res.items).toHaveLength(expected);
      expect(res.years).toEqual([DEMO_YEAR]);
    });

    it('returns the figures of a site as they were imported', async () => {
      const res = await list(`q=${encodeURIComponent('Дом за стари хора')}`);
      expect(res.items).toHaveLength(1);
      expect(res.items[0]).toMatchObject({
        siteKey: expect.stringMatching(/^DEMO-PAZ08-\d{3}$/),
        name: 'Дом за стари хора „Демо“ – Велинград',
        serviceType: 'bg.residential_care_elderly',
        provider: 'Демо „Сенекс“ ООД',
        providerKind: 'private',
        capacity: 40,
        users: 38,
        waitingList: 4,
        staffPositions: 18,
        staffVacancies: 1,
        funding: 'other',
        mobile: false,
        opened: '2019-07-01',
        demo: true,
        year: 2025,
        settlement: { code: '10450', name: 'Велинград' },
        municipality: { code: 'PAZ08' },
        serves: [],
      });
    });

    it('pages through the list: every site exactly once, the same total on every page', async () => {
      const all = await list(`territoryId=${ids.PAZ}&pageSize=500`);
      expect(all.total).toBe(demo.length);
      const pages = [];
      for (let page = 1; page <= 4; page++) pages.push(await list(`territoryId=${ids.PAZ}&pageSize=10&page=${page}`));
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, demo.length - 20, 0]);
      expect(pages.every((p) => p.total === demo.length)).toBe(true);
      expect(pages.flatMap((p) => p.items.map((s) => s.id))).toEqual(all.items.map((s) => s.id));
      expect(new Set(all.items.map((s) => s.id)).size).toBe(demo.length);
      const tooBig = await admin.get('/api/v1/service-sites?pageSize=501');
      expect([tooBig.status, tooBig.body.issues[0].path]).toEqual([400, 'pageSize']);
    });
  });

  it('creates, reads, updates and deletes a site', async () => {
    const before = await siteCount();
    const created = await admin.post('/api/v1/service-sites', body());
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      country: 'BG',
      siteKey: 'PAZ19-DC-0001',
      year: 2024,
      capacity: 20,
      users: 18,
      demo: false,
      editable: true,
      settlement: { id: ids['55155'], code: '55155', level: 'settlement' },
      municipality: { id: ids.PAZ19, code: 'PAZ19' },
      serves: [
        { id: ids.PAZ19, code: 'PAZ19' },
        { id: ids.PAZ29, code: 'PAZ29' },
      ],
    });
    expect(await siteCount()).toBe(before + 1);

    const read = await admin.get(`/api/v1/service-sites/${id}`);
    expect(read.status).toBe(200);
    expect({ ...read.body, updatedAt: null }).toEqual({ ...created.body, updatedAt: null });

    const updated = await admin.put(`/api/v1/service-sites/${id}`, body({ capacity: 25, users: 25, waitingList: 0, servesIds: [], mobile: true, funding: 'municipal' }));
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id, capacity: 25, users: 25, waitingList: 0, servesIds: [], serves: [], mobile: true, funding: 'municipal' });
    expect((await admin.get(`/api/v1/service-sites/${id}`)).body).toMatchObject({ capacity: 25, mobile: true });
    expect(await siteCount()).toBe(before + 1);

    const entry = (await admin.get('/api/v1/audit?entity=service_site&pageSize=1')).body.items[0];
    expect(entry).toMatchObject({ action: 'update', entity: 'service_site', entityId: String(id), territory: { id: ids['55155'], code: '55155' } });
    expect(entry.before).toMatchObject({ id, capacity: 20, users: 18, waitingList: 4, mobile: false, funding: 'state', servesIds: [ids.PAZ19, ids.PAZ29] });
    expect(entry.after).toMatchObject({ id, capacity: 25, users: 25, waitingList: 0, mobile: true, funding: 'municipal', servesIds: [] });

    expect((await admin.delete(`/api/v1/service-sites/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/service-sites/${id}`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/service-sites/${id}`)).status).toBe(404);
    expect((await admin.put(`/api/v1/service-sites/${id}`, body())).status).toBe(404);
    expect(await siteCount()).toBe(before);
  });

  it.each([
    ['a negative capacity', { capacity: -1 }, 'capacity', null],
    ['more vacancies than positions', { staffPositions: 3, staffVacancies: 4 }, 'staffVacancies', 'vacancies_exceed_positions'],
    ['an unknown service type', { serviceType: 'bg.no_such_service' }, 'serviceType', 'unknown_service_type'],
    ['a Ukrainian service type in a Bulgarian settlement', { serviceType: 'ua.information' }, 'serviceType', 'wrong_country'],
    ['a province as the settlement', { settlementId: 'PAZ' }, 'settlementId', 'not_settlement'],
    ['a settlement that does not exist', { settlementId: 99_999_999 }, 'settlementId', 'unknown_territory'],
    ['a served unit that does not exist', { servesIds: ['PAZ19', 99_999_999] }, 'servesIds.1', 'unknown_territory'],
    ['an impossible opening date', { opened: '2019-02-30' }, 'opened', null],
    ['an empty name', { name: '   ' }, 'name', null],
    ['an unknown provider kind', { providerKind: 'church' }, 'providerKind', null],
  ])('refuses %s with 400 and the field’s path', async (_label, change, path, message) => {
    const resolved = Object.fromEntries(
      Object.entries(change).map(([k, v]) => [k, typeof v === 'string' && ids[v] ? ids[v] : Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? ids[x] : x)) : v]),
    );
    const before = await siteCount();
    const res = await admin.post('/api/v1/service-sites', body({ siteKey: `INVALID-${path}`, ...resolved }));
    expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual([path]);
    if (message) expect(res.body.issues[0].message).toBe(message);
    expect(await siteCount()).toBe(before);
  });

  it('refuses a second site with the same id in the same year (409), but not in another year', async () => {
    const first = await admin.post('/api/v1/service-sites', body({ siteKey: 'PAZ20-HC-7', year: 2023, settlementId: ids['55302'], servesIds: [] }));
    expect(first.status).toBe(201);
    const again = await admin.post('/api/v1/service-sites', body({ siteKey: 'PAZ20-HC-7', year: 2023, settlementId: ids['55302'], servesIds: [], name: 'Another name' }));
    expect([again.status, again.body.code]).toEqual([409, 'conflict.duplicate']);
    expect(again.body.title).toContain('PAZ20-HC-7 (2023)');
    const nextYear = await admin.post('/api/v1/service-sites', body({ siteKey: 'PAZ20-HC-7', year: 2024, settlementId: ids['55302'], servesIds: [] }));
    expect(nextYear.status).toBe(201);
    // Renaming next year's snapshot onto last year's is the same clash.
    const clash = await admin.put(`/api/v1/service-sites/${nextYear.body.id}`, body({ siteKey: 'PAZ20-HC-7', year: 2023, settlementId: ids['55302'], servesIds: [] }));
    expect([clash.status, clash.body.code]).toEqual([409, 'conflict.duplicate']);
    const history = await list(`territoryId=${ids.BG}&q=PAZ20-HC-7`);
    expect(history.items.map((s) => [s.year, s.name])).toEqual([
      [2024, body().name],
      [2023, body().name],
    ]);
    expect(history.years).toEqual([2025, 2024, 2023]);
  });

  it('starts next year from this year: structure copied, the year’s counts left to fill in, nothing copied twice', async () => {
    const officer = await t.as('municipal_officer', 'PAZ08');
    const velingrad = await t.territoryId('PAZ08');
    const before = (await officer.get(`/api/v1/service-sites?territoryId=${velingrad}&year=2025&pageSize=100`)).body.items as { siteKey: string; capacity: number; editable: boolean }[];
    // Its own sites; the province-wide ones located in Pazardzhik are listed too, not editable.
    const editable = before.filter((s) => s.editable);
    expect(editable.length).toBe(4);
    expect(before.length).toBe(8);

    const copy = await officer.post('/api/v1/service-sites/copy-year', { territoryId: velingrad, fromYear: 2025, toYear: 2026 });
    expect(copy.status).toBe(200);
    expect(copy.body).toEqual({ copied: editable.length, alreadyThere: 0 });
    const after = (await officer.get(`/api/v1/service-sites?territoryId=${velingrad}&year=2026&pageSize=100`)).body.items as { siteKey: string; capacity: number; users: number | null; waitingList: number | null; staffVacancies: number | null; demo: boolean }[];
    expect(after.map((s) => [s.siteKey, s.capacity]).sort()).toEqual(editable.map((s) => [s.siteKey, s.capacity]).sort());
    expect(after.every((s) => s.users === null && s.waitingList === null && s.staffVacancies === null)).toBe(true);
    // The copies of demo sites are demo sites too.
    expect(after.every((s) => s.demo)).toBe(true);
    // The new year has its own gap table at once.
    const gaps = (await officer.get(`/api/v1/gaps?territoryId=${velingrad}&year=2026`)).body;
    expect(gaps.year).toBe(2026);
    expect(gaps.years).toContain(2026);

    // Asking again changes nothing.
    expect((await officer.post('/api/v1/service-sites/copy-year', { territoryId: velingrad, fromYear: 2025, toYear: 2026 })).body).toEqual({ copied: 0, alreadyThere: editable.length });
    const audit = (await admin.get('/api/v1/audit?entity=service_site&pageSize=50')).body.items.filter((a: { after: { copiedFrom?: number } | null }) => a.after?.copiedFrom);
    expect(audit).toHaveLength(editable.length);
  });

  it('refuses a copy to the same year, outside one’s reach, and for those who may not change sites', async () => {
    const velingrad = await t.territoryId('PAZ08');
    const same = await admin.post('/api/v1/service-sites/copy-year', { territoryId: velingrad, fromYear: 2025, toYear: 2025 });
    expect([same.status, same.body.issues?.[0]?.message]).toEqual([400, 'same_year']);
    const officer = await t.as('municipal_officer', 'PAZ19');
    expect((await officer.post('/api/v1/service-sites/copy-year', { territoryId: velingrad, fromYear: 2025, toYear: 2027 })).status).toBe(403);
    const viewer = await t.as('viewer', 'PAZ08');
    expect((await viewer.post('/api/v1/service-sites/copy-year', { territoryId: velingrad, fromYear: 2025, toYear: 2027 })).status).toBe(403);
  });
});
