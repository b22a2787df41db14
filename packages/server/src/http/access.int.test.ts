import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

/**
 * Who may do what, route by route, against the real server and database. The demo data has
 * Pazardzhik province (PAZ) with the municipalities Pazardzhik (PAZ19) and Panagyurishte (PAZ20),
 * and Smolyan province (SML) beside it.
 */
describe(`access to every route (${ENGINE})`, () => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  let sitePAZ19: number;
  let sitePAZ20: number;

  const siteBody = (settlementCode: string, extra: Record<string, unknown> = {}) => ({
    siteKey: `ACCESS-${Math.random().toString(36).slice(2)}`,
    year: 2025,
    name: 'Test day centre',
    serviceType: 'bg.day_care_elderly',
    provider: 'Община Пазарджик',
    providerKind: 'public',
    settlementId: ids[settlementCode],
    capacity: 10,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['BG', 'PAZ', 'SML', 'PAZ19', 'PAZ20', '55155', '55302']) ids[code] = await t.territoryId(code);
    const admin = await t.as('admin');
    sitePAZ19 = (await admin.post('/api/v1/service-sites', siteBody('55155'))).body.id;
    sitePAZ20 = (await admin.post('/api/v1/service-sites', siteBody('55302', { provider: 'Община Панагюрище' }))).body.id;
    expect(sitePAZ19).toBeGreaterThan(0);
    expect(sitePAZ20).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('answers 401 on every operation of the OpenAPI document without a session, except the public ones', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), path] as const));
    expect(operations.length).toBeGreaterThan(25);
    // The calendar feeds answer to their secret address, not a session (planning/calendar): 404 without it.
    // A consultation is read and commented on by residents without an account (consultation/).
    const publicOps = new Set([
      'GET /api/v1/health',
      'POST /api/v1/session',
      'GET /api/v1/public/forms/{token}',
      'POST /api/v1/public/forms/{token}/responses',
      'GET /api/v1/calendar/{feed}',
      'GET /api/v1/calendar/{token}/round/{feed}',
      'GET /api/v1/public/consultations/{id}',
      'POST /api/v1/public/consultations/{id}/comments',
      'GET /api/v1/public/territories/{country}/{code}/consultations',
      'GET /api/v1/public/territories/{country}/{code}/open-data/consultation-comments',
      'GET /api/v1/public/territories/{country}/{code}/open-data/{table}',
    ]);
    for (const [method, path] of operations) {
      const concrete = path
        .replace('{id}', '1')
        .replace('{partId}', '1')
        .replace('{linkId}', '1')
        .replace('{token}', 'no-such-link-token')
        .replace('{kind}', 'services')
        .replace('{table}', 'services')
        .replace('{format}', 'csv')
        .replace('{document}', 'report');
      const res = await t.anonymous().request(method, concrete, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (publicOps.has(`${method} ${path}`)) expect(res.status, `${method} ${path}`).not.toBe(401);
      else expect([res.status, res.body?.code], `${method} ${path}`).toEqual([401, 'auth.required']);
    }
  });

  it('refuses a change without the session’s CSRF token', async () => {
    const admin = await t.as('admin');
    admin.csrf = 'forged';
    const res = await admin.post('/api/v1/service-sites', siteBody('55155'));
    expect([res.status, res.body.code]).toEqual([403, 'auth.csrf']);
  });

  describe('a municipal officer of Pazardzhik (PAZ19)', () => {
    let officer: Client;
    beforeAll(async () => {
      officer = await t.as('municipal_officer', 'PAZ19');
    });

    it.each([
      ['own municipality', 'PAZ19', 200],
      ['a neighbouring municipality', 'PAZ20', 403],
      ['the province', 'PAZ', 403],
    ])('reads %s: %s → %i', async (_label, code, status) => {
      const id = ids[code];
      for (const path of [
        `/api/v1/territories/${id}`,
        `/api/v1/territories/${id}/population`,
        `/api/v1/territories/${id}/indicators`,
        `/api/v1/gaps?territoryId=${id}`,
        `/api/v1/gaps/map?territoryId=${id}`,
        `/api/v1/gaps/explain?territoryId=${id}&serviceType=bg.home_care`,
        `/api/v1/geo/boundaries?territoryId=${id}`,
        `/api/v1/norms?territoryId=${id}`,
        `/api/v1/service-sites?territoryId=${id}`,
        `/api/v1/exports/services/csv?territoryId=${id}`,
      ]) {
        expect((await officer.get(path)).status, path).toBe(status);
      }
    });

    it('sees only its own reach in lists and searches', async () => {
      const top = await officer.get('/api/v1/territories');
      expect(top.body.items.map((t: { code: string }) => t.code)).toEqual(['PAZ19']);
      const search = await officer.get('/api/v1/territories?q=Панагюрище');
      expect(search.body.items).toEqual([]);
      const sites = await officer.get('/api/v1/service-sites?pageSize=500');
      expect(sites.body.items.some((s: { id: number }) => s.id === sitePAZ20)).toBe(false);
      expect(sites.body.items.some((s: { id: number }) => s.id === sitePAZ19)).toBe(true);
    });

    it('adds and changes sites in its municipality only', async () => {
      expect((await officer.post('/api/v1/service-sites', siteBody('55155'))).status).toBe(201);
      expect((await officer.post('/api/v1/service-sites', siteBody('55302'))).status).toBe(403);
      // Serving a neighbour would change the neighbour's figures.
      expect((await officer.post('/api/v1/service-sites', siteBody('55155', { servesIds: [ids.PAZ20] }))).status).toBe(403);
      const own = await officer.get(`/api/v1/service-sites/${sitePAZ19}`);
      expect(own.status).toBe(200);
      expect((await officer.put(`/api/v1/service-sites/${sitePAZ19}`, { ...siteBody('55155'), siteKey: own.body.siteKey, capacity: 11 })).status).toBe(200);
      // Another municipality's site does not exist for it.
      expect((await officer.get(`/api/v1/service-sites/${sitePAZ20}`)).status).toBe(404);
      expect((await officer.put(`/api/v1/service-sites/${sitePAZ20}`, siteBody('55302'))).status).toBe(404);
      expect((await officer.delete(`/api/v1/service-sites/${sitePAZ20}`)).status).toBe(404);
    });

    it('may not set or remove norms, manage accounts, read the audit log or import territories', async () => {
      expect((await officer.put('/api/v1/norms', { serviceType: 'bg.home_care', territoryId: ids.BG, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000: 1 })).status).toBe(403);
      const nationalNorm = (await officer.get(`/api/v1/norms?territoryId=${ids.PAZ19}`)).body.items[0];
      expect((await officer.delete(`/api/v1/norms/${nationalNorm.id}`)).status).toBe(403);
      expect((await officer.get('/api/v1/users')).status).toBe(403);
      expect((await officer.post('/api/v1/users', { login: 'x@y.z', name: 'X', role: 'viewer', territoryId: ids.PAZ19 })).status).toBe(403);
      const someone = (await (await t.as('admin')).get('/api/v1/users')).body.items[0];
      expect((await officer.put(`/api/v1/users/${someone.id}`, { name: 'X', role: 'admin', territoryId: null, organisation: null, language: 'en', disabled: false })).status).toBe(403);
      expect((await officer.post(`/api/v1/users/${someone.id}/password`)).status).toBe(403);
      expect((await officer.get('/api/v1/audit')).status).toBe(403);
      expect((await officer.get('/api/v1/exports/audit/csv')).status).toBe(403);
      const form = new FormData();
      form.append('file', new Blob(['code,name,level,parent_code,country\nX1,X,settlement,PAZ19,BG\n']), 't.csv');
      expect((await officer.post('/api/v1/imports/territories', form)).status).toBe(403);
    });

    it('imports population of its municipality, and is refused row by row for another', async () => {
      const ok = new FormData();
      ok.append('file', new Blob(['code,year,sex,age_from,age_to,count\nPAZ19,2024,T,0,,90000\n']), 'p.csv');
      expect((await officer.post('/api/v1/imports/population', ok)).status).toBe(200);
      const outside = new FormData();
      outside.append('file', new Blob(['code,year,sex,age_from,age_to,count\nPAZ20,2024,T,0,,20000\n']), 'p.csv');
      const res = await officer.post('/api/v1/imports/population', outside);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'code', code: 'outside_scope' })]);
    });
  });

  describe('a viewer', () => {
    it('reads its reach and changes nothing', async () => {
      const viewer = await t.as('viewer', 'PAZ');
      expect((await viewer.get(`/api/v1/gaps?territoryId=${ids.PAZ}`)).status).toBe(200);
      expect((await viewer.get(`/api/v1/gaps?territoryId=${ids.SML}`)).status).toBe(403);
      expect((await viewer.post('/api/v1/service-sites', siteBody('55155'))).status).toBe(403);
      expect((await viewer.put(`/api/v1/service-sites/${sitePAZ19}`, siteBody('55155'))).status).toBe(403);
      expect((await viewer.delete(`/api/v1/service-sites/${sitePAZ19}`)).status).toBe(403);
      for (const [kind, content] of [
        ['population', 'code,year,sex,age_from,age_to,count\nPAZ19,2024,T,0,,1\n'],
        ['indicators', 'code,year,indicator,value,source\nPAZ19,2024,idp,1,x\n'],
        ['services', 'site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity\nV1,V,bg.home_care,P,public,55155,2025,1\n'],
        ['boundaries', '{"type":"FeatureCollection","features":[]}'],
      ]) {
        const form = new FormData();
        form.append('file', new Blob([content!]), 'f.csv');
        expect((await viewer.post(`/api/v1/imports/${kind}`, form)).status, kind).toBe(403);
      }
    });
  });

  describe('a regional officer of Pazardzhik province', () => {
    it('reads and changes the province, sets its regional norms, not the national ones or another province', async () => {
      const regional = await t.as('regional_officer', 'PAZ');
      expect((await regional.get(`/api/v1/gaps?territoryId=${ids.PAZ}`)).status).toBe(200);
      expect((await regional.get(`/api/v1/gaps?territoryId=${ids.SML}`)).status).toBe(403);
      expect((await regional.post('/api/v1/service-sites', siteBody('55302'))).status).toBe(201);
      const norm = { serviceType: 'bg.home_care', target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000: 25 };
      expect((await regional.put('/api/v1/norms', { ...norm, territoryId: ids.PAZ })).status).toBe(200);
      expect((await regional.put('/api/v1/norms', { ...norm, territoryId: ids.BG })).status).toBe(403);
      expect((await regional.put('/api/v1/norms', { ...norm, territoryId: ids.SML })).status).toBe(403);
      expect((await regional.get('/api/v1/users')).status).toBe(403);
    });
  });

  describe('a provider', () => {
    it('changes its own organisation’s sites only', async () => {
      const provider = await t.as('provider', 'PAZ19', 'Община Пазарджик');
      const own = (await provider.get(`/api/v1/service-sites/${sitePAZ19}`)).body;
      expect(own.editable).toBe(true);
      expect((await provider.put(`/api/v1/service-sites/${sitePAZ19}`, { ...siteBody('55155'), siteKey: own.siteKey, capacity: 12 })).status).toBe(200);
      expect((await provider.post('/api/v1/service-sites', siteBody('55155', { provider: 'Someone else' }))).status).toBe(403);
      const other = await t.as('provider', 'PAZ19', 'Демо сдружение „Подкрепа“');
      expect((await other.get(`/api/v1/service-sites/${sitePAZ19}`)).body.editable).toBe(false);
      expect((await other.put(`/api/v1/service-sites/${sitePAZ19}`, { ...siteBody('55155'), siteKey: own.siteKey })).status).toBe(403);
    });
  });

  describe('the national agency', () => {
    it('reads the whole country and sets national norms, but manages no accounts and reads no audit log', async () => {
      const agency = await t.as('agency', 'BG');
      expect((await agency.get(`/api/v1/gaps?territoryId=${ids.SML}`)).status).toBe(200);
      const norm = { serviceType: 'bg.home_care', territoryId: ids.BG, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000: 21 };
      expect((await agency.put('/api/v1/norms', norm)).status).toBe(200);
      expect((await agency.get('/api/v1/users')).status).toBe(403);
      expect((await agency.get('/api/v1/audit')).status).toBe(403);
    });
  });
});
