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

  /** Issue 7, "the year trap": the year a registry and a gap table open on is the territory's. */
  describe('the year a territory’s registry opens on', () => {
    type Years = { territory: { code: string } | null; defaultYear: number | null; years: { year: number; sites: number; previous: { year: number; sites: number } | null; incomplete: boolean }[] };
    const yearsOf = async (client: Client, territoryId?: number): Promise<Years> => {
      const res = await client.get(`/api/v1/service-sites/years${territoryId ? `?territoryId=${territoryId}` : ''}`);
      expect(res.status).toBe(200);
      return res.body;
    };

    it('stays on 2025 for Pazardzhik when one 2026 site is added in Peshtera, and says 2026 is not complete', async () => {
      const paz = await t.territoryId('PAZ');
      const peshtera = await t.territoryId('PAZ21');
      const before = await yearsOf(admin, paz);
      expect(before).toMatchObject({ territory: { code: 'PAZ' }, defaultYear: DEMO_YEAR, years: [{ year: DEMO_YEAR, sites: DEMO_SITES.length, previous: null, incomplete: false }] });
      // The administrator's registry, every country at once, opens on 2025 too: Ukraine's 2026 does not hide Bulgaria's 2025.
      expect((await yearsOf(admin)).defaultYear).toBe(DEMO_YEAR);

      // The finding: the new-site form offered 2026, and the site went there.
      const added = await admin.post('/api/v1/service-sites', body({ siteKey: 'PAZ21-HC-2026', year: 2026, settlementId: await t.territoryId('56277'), servesIds: [], name: 'Домашен патронаж – Пещера 2026' }));
      expect(added.status).toBe(201);

      const after = await yearsOf(admin, paz);
      expect(after.defaultYear).toBe(DEMO_YEAR);
      expect(after.years).toEqual([
        { year: 2026, sites: 1, previous: { year: DEMO_YEAR, sites: DEMO_SITES.length }, incomplete: true },
        { year: DEMO_YEAR, sites: DEMO_SITES.length, previous: null, incomplete: false },
      ]);
      // The counts are the registry list's own totals.
      for (const y of after.years) expect((await list(`territoryId=${paz}&year=${y.year}&pageSize=1`)).total).toBe(y.sites);

      // The gap dashboard of the province opens on 2025 for everyone (before the fix: 2026, "1 of 16 service types").
      for (const client of [admin, await t.as('regional_officer', 'PAZ'), await t.as('viewer', 'PAZ')]) {
        const gaps = await client.get(`/api/v1/gaps?territoryId=${paz}`);
        expect(gaps.status).toBe(200);
        expect(gaps.body.year).toBe(DEMO_YEAR);
        expect(gaps.body.years).toEqual([2026, DEMO_YEAR]);
      }
      const explained = await admin.get(`/api/v1/gaps/explain?territoryId=${paz}&serviceType=bg.home_care&method=normative`);
      expect([explained.status, explained.body.year]).toEqual([200, DEMO_YEAR]);
      // 2026 can still be chosen: it is there, flagged.
      expect((await admin.get(`/api/v1/gaps?territoryId=${paz}&year=2026`)).body.year).toBe(2026);

      // Peshtera's own registry is in the same state; a municipal officer of Peshtera asking with no territory gets it.
      const officer = await t.as('municipal_officer', 'PAZ21');
      const own = await yearsOf(officer);
      expect(own).toMatchObject({ territory: { code: 'PAZ21' }, defaultYear: DEMO_YEAR, years: [{ year: 2026, sites: 1, incomplete: true }, { year: DEMO_YEAR, incomplete: false }] });
      expect((await officer.get(`/api/v1/gaps?territoryId=${peshtera}`)).body.year).toBe(DEMO_YEAR);
      // A municipality's officer may not count the whole province's registry.
      expect([403, 404]).toContain((await (await t.as('municipal_officer', 'PAZ08')).get(`/api/v1/service-sites/years?territoryId=${paz}`)).status);

      expect((await admin.delete(`/api/v1/service-sites/${added.body.id}`)).status).toBe(204);
      expect((await yearsOf(admin, paz)).years.map((y) => y.year)).toEqual([DEMO_YEAR]);
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

  /** Issue 6: who may change which site — the same rule for the form, delete and copy-year. */
  describe('the sites one may change (issue 6)', () => {
    const demoKey = (match: (s: (typeof DEMO_SITES)[number]) => boolean) => {
      const i = DEMO_SITES.findIndex(match);
      return `DEMO-${DEMO_SITES[i]!.municipality}-${String(i + 1).padStart(3, '0')}`;
    };
    const siteByKey = async (siteKey: string, year = DEMO_YEAR) => {
      const found = (await list(`q=${encodeURIComponent(siteKey)}&year=${year}&pageSize=50`)).items.filter((s) => s.siteKey === siteKey);
      expect(found, siteKey).toHaveLength(1);
      return found[0]! as Site & Record<string, unknown>;
    };
    /** The site's view as a body for PUT: the form sends back what it was given. */
    const asBody = (site: Record<string, unknown>) => {
      const { siteKey, year, name, serviceType, provider, providerKind, settlementId, address, servesIds, capacity, users, waitingList, staffPositions, staffVacancies, funding, mobile, accessible, opened } = site;
      return { siteKey, year, name, serviceType, provider, providerKind, settlementId, address, servesIds, capacity, users, waitingList, staffPositions, staffVacancies, funding, mobile, accessible, opened };
    };

    it('refuses a municipal officer deleting or editing a site that serves the whole province, as the form’s rule says (finding 9)', async () => {
      const officer = await t.as('municipal_officer', 'PAZ19');
      const provinceWide = await siteByKey(demoKey((s) => s.municipality === 'PAZ19' && (s.serves ?? []).includes('PAZ')));
      const own = await siteByKey(demoKey((s) => s.municipality === 'PAZ19' && !s.serves));
      const seen = (await officer.get(`/api/v1/service-sites/${provinceWide.id}`)).body;
      // It sees the site (it serves its municipality too), is told it may not change it, and may not.
      expect(seen.editable).toBe(false);
      expect((await officer.get(`/api/v1/service-sites/${own.id}`)).body.editable).toBe(true);
      expect((await officer.put(`/api/v1/service-sites/${provinceWide.id}`, asBody(seen))).status).toBe(403);
      const removed = await officer.delete(`/api/v1/service-sites/${provinceWide.id}`);
      expect([removed.status, removed.body.code]).toEqual([403, 'auth.forbidden']);
      expect((await admin.get(`/api/v1/service-sites/${provinceWide.id}`)).body).toMatchObject({ id: provinceWide.id, capacity: provinceWide.capacity });
      // The province's officer may.
      const regional = await t.as('regional_officer', 'PAZ');
      expect((await regional.put(`/api/v1/service-sites/${provinceWide.id}`, asBody(seen))).status).toBe(200);
    });

    it('lets another province use the same site id for the same year: no clash, no hint of it, copy-year unaffected (finding 9)', async () => {
      const smolyan = await t.as('regional_officer', 'SML');
      const pazardzhik = await t.as('municipal_officer', 'PAZ19');
      const smolyanTown = await t.territoryId('67653');
      const mine = { servesIds: [], serviceType: 'bg.home_care', provider: 'Община Смолян' };
      expect((await smolyan.post('/api/v1/service-sites', body({ ...mine, siteKey: 'SEC-SML-1', year: 2025, settlementId: smolyanTown }))).status).toBe(201);
      // Pazardzhik's officer takes Smolyan's id for 2026 — in Pazardzhik, where it names Pazardzhik's site.
      const taken = await pazardzhik.post('/api/v1/service-sites', body({ siteKey: 'SEC-SML-1', year: 2026, servesIds: [] }));
      expect(taken.status).toBe(201);
      // Smolyan's next year starts from its own site all the same.
      const copy = await smolyan.post('/api/v1/service-sites/copy-year', { territoryId: await t.territoryId('SML'), fromYear: 2025, toYear: 2026 });
      expect(copy.body).toEqual({ copied: 1, alreadyThere: 0 });
      const copied = (await smolyan.get('/api/v1/service-sites?q=SEC-SML-1&year=2026')).body.items;
      expect(copied.map((s: { siteKey: string; settlement: { code: string } }) => [s.siteKey, s.settlement.code])).toEqual([['SEC-SML-1', '67653']]);
      // Another site of Smolyan's with that id and year, in another settlement, is refused only for clashing with Smolyan's own.
      const again = await smolyan.post('/api/v1/service-sites', body({ ...mine, siteKey: 'SEC-SML-1', year: 2026, settlementId: smolyanTown }));
      expect([again.status, again.body.code]).toEqual([409, 'conflict.duplicate']);
      expect((await smolyan.post('/api/v1/service-sites', body({ ...mine, siteKey: 'SEC-SML-1', year: 2027, settlementId: smolyanTown }))).status).toBe(201);
      // And Pazardzhik's officer meets only its own: a Velingrad id is free in Pazardzhik, its own is not.
      const velingradKey = demoKey((s) => s.municipality === 'PAZ08');
      expect((await pazardzhik.post('/api/v1/service-sites', body({ siteKey: velingradKey, year: DEMO_YEAR, servesIds: [] }))).status).toBe(201);
      const own = await pazardzhik.post('/api/v1/service-sites', body({ siteKey: 'SEC-SML-1', year: 2026, servesIds: [] }));
      expect([own.status, own.body.title]).toEqual([409, 'This already exists: SEC-SML-1 (2026).']);
      // Velingrad's site is Velingrad's still.
      const velingrad = await t.as('municipal_officer', 'PAZ08');
      const theirs = (await velingrad.get(`/api/v1/service-sites?q=${velingradKey}&year=${DEMO_YEAR}&pageSize=10`)).body.items;
      expect(theirs.map((s: { settlement: { code: string } }) => s.settlement.code)).toEqual(['10450']);
    });

    it('lets a provider save its own sites unchanged and copy them to a new year, and nobody else’s (finding 13)', async () => {
      const organisation = 'Демо сдружение „Подкрепа“';
      const provider = await t.as('provider', 'PAZ19', organisation);
      const ownKeys = DEMO_SITES.flatMap((s, i) => (s.provider === organisation ? [`DEMO-${s.municipality}-${String(i + 1).padStart(3, '0')}`] : []));
      expect(ownKeys).toHaveLength(2);
      for (const key of ownKeys) {
        const site = (await provider.get(`/api/v1/service-sites/${(await siteByKey(key)).id}`)).body;
        expect(site.serves.map((s: { code: string }) => s.code)).toEqual(['PAZ']);
        expect(site.editable).toBe(true);
        const saved = await provider.put(`/api/v1/service-sites/${site.id}`, asBody(site));
        expect(saved.status, key).toBe(200);
        expect((await provider.put(`/api/v1/service-sites/${site.id}`, asBody({ ...site, capacity: site.capacity + 1 }))).status).toBe(200);
        // It may not make its site serve beyond its reach, nor hand it to another organisation.
        expect((await provider.put(`/api/v1/service-sites/${site.id}`, asBody({ ...site, servesIds: [ids.PAZ, await t.territoryId('SML')] }))).status).toBe(403);
        expect((await provider.put(`/api/v1/service-sites/${site.id}`, asBody({ ...site, provider: 'Община Пазарджик' }))).status).toBe(403);
      }
      const copy = await provider.post('/api/v1/service-sites/copy-year', { territoryId: ids.PAZ19, fromYear: DEMO_YEAR, toYear: 2028 });
      expect([copy.status, copy.body]).toEqual([200, { copied: 2, alreadyThere: 0 }]);
      const next = (await admin.get(`/api/v1/service-sites?territoryId=${ids.PAZ19}&year=2028&pageSize=100`)).body.items;
      expect(next.map((s: { siteKey: string }) => s.siteKey).sort()).toEqual(ownKeys.sort());
      // Another organisation's site standing in the same town stays out of its hands.
      const others = await siteByKey(demoKey((s) => s.municipality === 'PAZ19' && s.provider !== organisation));
      const seen = (await provider.get(`/api/v1/service-sites/${others.id}`)).body;
      expect(seen.editable).toBe(false);
      expect((await provider.put(`/api/v1/service-sites/${others.id}`, asBody({ ...seen, provider: organisation }))).status).toBe(403);
      expect((await provider.delete(`/api/v1/service-sites/${others.id}`)).status).toBe(403);
      // Nor does it copy a year outside its reach.
      expect((await provider.post('/api/v1/service-sites/copy-year', { territoryId: await t.territoryId('PAZ08'), fromYear: DEMO_YEAR, toYear: 2028 })).status).toBe(403);
    });

    it('refuses ids and integers beyond the database’s integer with 400, not 500', async () => {
      const before = await siteCount();
      expect((await admin.get('/api/v1/service-sites/99999999999')).status).toBe(400);
      expect((await admin.delete('/api/v1/service-sites/99999999999')).status).toBe(400);
      expect((await admin.get('/api/v1/service-sites?territoryId=2147483648')).status).toBe(400);
      for (const [change, path] of [
        [{ settlementId: 2147483648 }, 'settlementId'],
        [{ servesIds: [2147483648] }, 'servesIds.0'],
      ] as const) {
        const res = await admin.post('/api/v1/service-sites', body({ siteKey: 'BIG-ID', ...change }));
        expect([res.status, res.body.issues?.[0]?.path]).toEqual([400, path]);
      }
      expect((await admin.post('/api/v1/service-sites/copy-year', { territoryId: 2147483648, fromYear: 2025, toYear: 2026 })).status).toBe(400);
      expect(await siteCount()).toBe(before);
    });
  });
});
