import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_YEAR } from '../seed/demo-sites';
import { territory } from '../territories/tables';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { listServiceSites } from './queries';
import { ZServiceSiteQuery } from './schema';

type Listed = { items: { id: number; name: string; year: number; capacity: number; siteKey: string }[]; total: number; years: number[] };

const SERVICES_HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened';

/**
 * The registry list is answered from memory, kept per country and data revision (registry-cache.ts).
 * It must say what the database says, for every reach and filter, and see every change at once.
 */
describe(`the registry list kept in memory (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  const ids: Record<string, number> = {};
  const paths: Record<string, string> = {};

  const list = async (client: Client, query: string): Promise<Listed> => {
    const res = await client.get<Listed>(`/api/v1/service-sites?${query}`);
    expect(res.status, query).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    for (const code of ['BG', 'PAZ', 'PAZ08', 'PAZ19', 'PAZ20', 'PAZ29', '55155']) {
      const [row] = await t.database.db.select({ id: territory.id, path: territory.path }).from(territory).where(eq(territory.code, code));
      ids[code] = row!.id;
      paths[code] = row!.path;
    }
  });
  afterAll(() => t.close());

  describe('says what the database says', () => {
    const reaches: [string, string | null][] = [
      ['admin', null],
      ['regional_officer', 'PAZ'],
      ['municipal_officer', 'PAZ19'],
      ['municipal_officer', 'PAZ08'],
    ];
    const queries: (() => Record<string, string>)[] = [
      () => ({}),
      () => ({ territoryId: String(ids.PAZ) }),
      () => ({ territoryId: String(ids.PAZ19) }),
      () => ({ territoryId: String(ids['55155']) }),
      () => ({ year: String(DEMO_YEAR) }),
      () => ({ serviceType: 'bg.home_care' }),
      () => ({ providerKind: 'ngo', territoryId: String(ids.PAZ) }),
      () => ({ funding: 'project' }),
      () => ({ q: 'велинград' }),
      () => ({ q: 'DEMO-PAZ20' }),
      () => ({ q: 'patronage' }),
      // Under three characters every text is read; from three, only the sites with the needle's rarest three.
      () => ({ q: 'ве' }),
      () => ({ q: 'дом', territoryId: String(ids.PAZ) }),
      () => ({ q: 'ГРАД', serviceType: 'bg.home_care' }),
      () => ({ q: 'xqzw' }),
    ];
    it.each(reaches)('for a %s of %s, under every filter: the same sites, total and years', async (role, code) => {
      const client = role === 'admin' ? admin : await t.as(role as never, code);
      const scopePath = role === 'admin' ? null : paths[code!]!;
      for (const make of queries) {
        const params: Record<string, string> = { ...make(), pageSize: '500' };
        const query = new URLSearchParams(params).toString();
        const res = await client.get<Listed>(`/api/v1/service-sites?${query}`);
        // A territory beyond one's reach is refused as before, not filtered to nothing.
        const asked = params.territoryId ? Number(params.territoryId) : null;
        const askedPath = asked === null ? null : Object.entries(ids).find(([, id]) => id === asked)![0];
        if (scopePath !== null && askedPath !== null && !paths[askedPath]!.startsWith(scopePath)) {
          expect(res.status, query).toBe(403);
          continue;
        }
        expect(res.status, query).toBe(200);
        const reference = await listServiceSites(t.database.db, ZServiceSiteQuery.parse(params), scopePath, askedPath === null ? null : paths[askedPath]!);
        expect(res.body.items.map((s) => s.id).sort((a, b) => a - b), query).toEqual(reference.sites.map((s) => s.id).sort((a, b) => a - b));
        expect([res.body.total, res.body.years], query).toEqual([reference.total, reference.years]);
        // Newest year first, then by name as a person reads it.
        const order = res.body.items.map((s) => [s.year, s.name] as const);
        const collator = new Intl.Collator('und', { sensitivity: 'variant' });
        expect(order, query).toEqual([...order].sort((a, b) => b[0] - a[0] || collator.compare(a[1], b[1])));
      }
    });

    it('finds text whatever its case, Cyrillic included', async () => {
      const lower = await list(admin, `q=${encodeURIComponent('велинград')}&pageSize=100`);
      expect(lower.total).toBeGreaterThan(0);
      for (const q of ['ВЕЛИНГРАД', 'ВелинГрад']) expect((await list(admin, `q=${encodeURIComponent(q)}&pageSize=100`)).items.map((s) => s.id)).toEqual(lower.items.map((s) => s.id));
      // Characters the database's pattern would have read as wildcards are plain text here.
      expect((await list(admin, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    });

    it('pages through a filter: every site once, the same total on every page', async () => {
      const all = await list(admin, `territoryId=${ids.PAZ}&pageSize=500`);
      const seen: number[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 7); page++) {
        const one = await list(admin, `territoryId=${ids.PAZ}&pageSize=7&page=${page}`);
        expect(one.total).toBe(all.total);
        seen.push(...one.items.map((s) => s.id));
      }
      expect(seen).toEqual(all.items.map((s) => s.id));
    });
  });

  it('shows every change to the sites at once: added, renamed, copied to a year, imported, removed', async () => {
    const officer = await t.as('regional_officer', 'PAZ');
    const found = async (client: Client, q: string, extra = '') => (await list(client, `q=${encodeURIComponent(q)}${extra}&pageSize=100`)).items;
    // Each list read first, so that a list kept from before the change would be the one answered.
    expect(await found(admin, 'Кеш-проба')).toEqual([]);
    expect(await found(officer, 'Кеш-проба')).toEqual([]);

    const site = {
      siteKey: 'CACHE-1',
      year: DEMO_YEAR,
      name: 'Дневен център „Кеш-проба“',
      serviceType: 'bg.day_care_elderly',
      provider: 'Община Пазарджик',
      providerKind: 'public',
      settlementId: ids['55155'],
      address: null,
      servesIds: [ids.PAZ29],
      capacity: 20,
      users: 18,
      waitingList: 4,
      staffPositions: 5,
      staffVacancies: 1,
      funding: 'state',
      mobile: false,
      accessible: true,
      opened: null,
    };
    const created = await admin.post('/api/v1/service-sites', site);
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    expect((await found(admin, 'кеш-проба')).map((s) => s.id)).toEqual([id]);
    expect((await found(officer, 'КЕШ-ПРОБА')).map((s) => s.id)).toEqual([id]);
    // Serving PAZ29 puts it in PAZ29's list as well as in its own municipality's.
    expect((await list(admin, `territoryId=${ids.PAZ29}&q=CACHE-1`)).total).toBe(1);

    expect((await admin.put(`/api/v1/service-sites/${id}`, { ...site, name: 'Дневен център „Нова проба“', capacity: 25, servesIds: [] })).status).toBe(200);
    expect(await found(admin, 'Кеш-проба')).toEqual([]);
    expect((await found(officer, 'Нова проба')).map((s) => [s.id, s.capacity])).toEqual([[id, 25]]);
    expect((await list(admin, `territoryId=${ids.PAZ29}&q=CACHE-1`)).total).toBe(0);

    const copied = await admin.post('/api/v1/service-sites/copy-year', { territoryId: ids.PAZ19, fromYear: DEMO_YEAR, toYear: DEMO_YEAR + 4 });
    expect(copied.status).toBe(200);
    expect(copied.body.copied).toBeGreaterThan(0);
    const nextYear = await list(officer, `territoryId=${ids.PAZ19}&year=${DEMO_YEAR + 4}&pageSize=100`);
    expect(nextYear.total).toBe(copied.body.copied);
    expect(nextYear.items.map((s) => s.siteKey)).toContain('CACHE-1');
    expect((await list(officer, `territoryId=${ids.PAZ19}`)).years).toContain(DEMO_YEAR + 4);

    const imported = await admin.upload('services', 'cache-sites.csv', [SERVICES_HEADER, `CACHE-IMP-1,Кеш-внос,bg.home_care,Община Пазарджик,public,55155,,${DEMO_YEAR},12,10,0,2,0,municipal,no,`].join('\n'), { illustrative: 'no' });
    expect([imported.status, imported.body.rows]).toEqual([200, 1]);
    expect((await found(officer, 'кеш-внос')).map((s) => s.capacity)).toEqual([12]);
    const again = await admin.upload('services', 'cache-sites.csv', [SERVICES_HEADER, `CACHE-IMP-1,Кеш-внос,bg.home_care,Община Пазарджик,public,55155,,${DEMO_YEAR},14,10,0,2,0,municipal,no,`].join('\n'), { illustrative: 'no' });
    expect(again.status).toBe(200);
    expect((await found(admin, 'кеш-внос')).map((s) => s.capacity)).toEqual([14]);

    expect((await admin.delete(`/api/v1/service-sites/${id}`)).status).toBe(204);
    expect(await found(officer, 'Нова проба', `&year=${DEMO_YEAR}`)).toEqual([]);
    expect(await found(admin, 'Нова проба', `&year=${DEMO_YEAR}`)).toEqual([]);
  });
});
