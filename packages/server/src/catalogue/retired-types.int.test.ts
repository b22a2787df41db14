import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Site = { id: number; siteKey: string; year: number; name: string; serviceType: string; provider: string; providerKind: string; settlement: { id: number; code: string }; address: string | null; serves: { id: number }[]; capacity: number; users: number | null; waitingList: number | null; staffPositions: number | null; staffVacancies: number | null; funding: string | null; mobile: boolean; accessible: boolean | null; opened: string | null };

const RETIRED = 'bg.day_care_elderly';
const SERVICES_HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity';

/** A retired type stays where it is used (sites, norms) and is refused where it would be chosen anew. */
describe(`retired service types in use (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let site: Site;

  const input = (s: Site, extra: Record<string, unknown> = {}) => ({
    siteKey: s.siteKey,
    year: s.year,
    name: s.name,
    serviceType: s.serviceType,
    provider: s.provider,
    providerKind: s.providerKind,
    settlementId: s.settlement.id,
    address: s.address,
    servesIds: s.serves.map((x) => x.id),
    capacity: s.capacity,
    users: s.users,
    waitingList: s.waitingList,
    staffPositions: s.staffPositions,
    staffVacancies: s.staffVacancies,
    funding: s.funding,
    mobile: s.mobile,
    accessible: s.accessible,
    opened: s.opened,
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    const paz = await t.territoryId('PAZ');
    site = (await admin.get(`/api/v1/service-sites?territoryId=${paz}&serviceType=${RETIRED}&pageSize=1`)).body.items[0];
    expect(site, 'a demo site of the type').toBeDefined();
    expect((await admin.post(`/api/v1/service-types/${RETIRED}/retire`)).status).toBe(200);
  });
  afterAll(() => t.close());

  it('a new site may not have a retired type; an existing site keeps it, is listed and can still be changed', async () => {
    const fresh = await admin.post('/api/v1/service-sites', input(site, { siteKey: 'NEW-RETIRED-1' }));
    expect(fresh.status).toBe(400);
    expect(fresh.body.issues).toContainEqual(expect.objectContaining({ path: 'serviceType', message: 'retired_service_type' }));
    const changed = await admin.put(`/api/v1/service-sites/${site.id}`, input(site, { capacity: site.capacity + 1 }));
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.serviceType).toBe(RETIRED);
    const paz = await t.territoryId('PAZ');
    const listed = (await admin.get(`/api/v1/service-sites?territoryId=${paz}&serviceType=${RETIRED}&pageSize=100`)).body.items as Site[];
    expect(listed.map((s) => s.id)).toContain(site.id);
    // Another site may not be switched to it.
    const [other] = (await admin.get(`/api/v1/service-sites?territoryId=${paz}&serviceType=bg.home_care&pageSize=1`)).body.items as Site[];
    const switched = await admin.put(`/api/v1/service-sites/${other!.id}`, input(other!, { serviceType: RETIRED }));
    expect(switched.status).toBe(400);
  });

  it('a norm: the existing one can still be changed, no new one is set', async () => {
    const bg = await t.territoryId('BG');
    const paz = await t.territoryId('PAZ');
    const target = { kind: 'population', sex: 'T', age: { from: 65, to: null } };
    expect((await admin.put('/api/v1/norms', { serviceType: RETIRED, territoryId: bg, target, ratePer1000: 7, source: null, illustrative: true })).status).toBe(200);
    const fresh = await admin.put('/api/v1/norms', { serviceType: RETIRED, territoryId: paz, target, ratePer1000: 7, source: null, illustrative: false });
    expect(fresh.status).toBe(400);
    expect(fresh.body.issues).toContainEqual(expect.objectContaining({ path: 'serviceType', message: 'retired_service_type' }));
  });

  it('a services import: a row for a new site of a retired type is refused by row, a row updating a site that has it is taken', async () => {
    const csv = (key: string) => `${SERVICES_HEADER}\n${key},"${site.name}",${RETIRED},"${site.provider}",${site.providerKind},${site.settlement.code},${site.year},${site.capacity}\n`;
    const refused = await admin.upload('services', 'sites.csv', csv('NEW-RETIRED-2'));
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: 2, column: 'service_type', code: 'retired_service_type' })]);
    const kept = await admin.upload('services', 'sites.csv', csv(site.siteKey));
    expect(kept.status, kept.text).toBe(200);
  });
});
