import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_NORMS_BG } from '../seed/demo-norms';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Norm = { id: number; serviceType: string; territory: { code: string }; ratePer1000: number; target: unknown; source: string | null; illustrative: boolean };

const AGED_65: { kind: 'population'; sex: 'T'; age: { from: number; to: null } } = { kind: 'population', sex: 'T', age: { from: 65, to: null } };

/** Coverage norms: the national defaults, a region's override, and what they do to the need. */
describe(`norms (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let adminId: number;
  const ids: Record<string, number> = {};

  const normsFor = async (code: string): Promise<Norm[]> => {
    const res = await admin.get(`/api/v1/norms?territoryId=${ids[code]}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  /** The normative row of one service type on a territory's dashboard. */
  const row = async (code: string, serviceType = 'bg.home_care') => {
    const res = await admin.get(`/api/v1/gaps?territoryId=${ids[code]}`);
    return res.body.rows.find((r: { serviceType: string }) => r.serviceType === serviceType) as { need: number | null; incomplete: boolean };
  };
  const explainUnit = async (code: string, serviceType = 'bg.home_care') =>
    (await admin.get(`/api/v1/gaps/explain?territoryId=${ids[code]}&serviceType=${serviceType}`)).body.units[0];
  const latestNormAudit = async () => (await admin.get('/api/v1/audit?entity=norm&pageSize=1')).body.items[0];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    adminId = (await admin.get('/api/v1/session')).body.user.id;
    for (const code of ['BG', 'PAZ', 'SML', 'PAZ19', 'PAZ20']) ids[code] = await t.territoryId(code);
  });
  afterAll(() => t.close());

  it('lists the national norms in force in a municipality, each with its rate, target and source', async () => {
    const items = await normsFor('PAZ19');
    expect(items).toHaveLength(DEMO_NORMS_BG.length);
    for (const n of DEMO_NORMS_BG) {
      const found = items.find((i) => i.serviceType === n.serviceType)!;
      expect(found, n.serviceType).toMatchObject({ territory: { code: 'BG', level: 'country' }, ratePer1000: n.ratePer1000, target: n.target, illustrative: true });
      // Recorded in the country's language, as Bulgarian officers would write it.
      expect(found.source).toMatch(/не е официален стандарт/);
    }
  });

  it('overrides a national norm for one province: its municipalities’ need changes by the ratio of the rates, another province’s does not', async () => {
    const [pazardzhikBefore, panagyurishteBefore, smolyanBefore] = [await row('PAZ19'), await row('PAZ20'), await row('SML')];
    expect(pazardzhikBefore.need).toBeGreaterThan(0);

    const res = await admin.put('/api/v1/norms', { serviceType: 'bg.home_care', territoryId: ids.PAZ, target: AGED_65, ratePer1000: 30, source: 'Областна стратегия за социалните услуги 2025' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ serviceType: 'bg.home_care', territory: { code: 'PAZ', level: 'region' }, ratePer1000: 30, target: AGED_65, source: 'Областна стратегия за социалните услуги 2025', illustrative: false });

    // Both are listed in Pazardzhik municipality, the national one first; not in Smolyan.
    const homeCare = (await normsFor('PAZ19')).filter((n) => n.serviceType === 'bg.home_care');
    expect(homeCare.map((n) => [n.territory.code, n.ratePer1000])).toEqual([
      ['BG', 20],
      ['PAZ', 30],
    ]);
    expect((await normsFor('SML')).filter((n) => n.serviceType === 'bg.home_care').map((n) => n.territory.code)).toEqual(['BG']);
    // The country lists the overrides within it too.
    expect((await normsFor('BG')).filter((n) => n.serviceType === 'bg.home_care')).toHaveLength(2);

    // 30 instead of 20 per 1,000 people aged 65+: exactly one and a half times the need.
    const pazardzhik = await row('PAZ19');
    expect(pazardzhik.need!).toBeCloseTo((pazardzhikBefore.need! * 30) / 20, 9);
    expect((await row('PAZ20')).need!).toBeCloseTo((panagyurishteBefore.need! * 30) / 20, 9);
    const unit = await explainUnit('PAZ19');
    expect(unit.normative.norm).toMatchObject({ id: res.body.id, territory: { code: 'PAZ' }, ratePer1000: 30 });
    expect(pazardzhik.need!).toBeCloseTo((unit.normative.target.value * 30) / 1000, 9);
    expect((await row('SML')).need).toBe(smolyanBefore.need);

    // Setting it again changes the same norm.
    const again = await admin.put('/api/v1/norms', { serviceType: 'bg.home_care', territoryId: ids.PAZ, target: AGED_65, ratePer1000: 25 });
    expect([again.status, again.body.id, again.body.ratePer1000]).toEqual([200, res.body.id, 25]);
    expect((await row('PAZ19')).need!).toBeCloseTo((pazardzhikBefore.need! * 25) / 20, 9);
  });

  it('takes the need from an indicator when the norm counts an indicator, and says where it is missing', async () => {
    const file = 'code,year,indicator,value,source,source_date\nPAZ19,2024,older_living_alone,2875,Преброяване на самотно живеещи възрастни,2024-06-30\n';
    expect((await admin.upload('indicators', 'older-alone.csv', file)).status).toBe(200);
    const set = await admin.put('/api/v1/norms', { serviceType: 'bg.integrated_health_social', territoryId: ids.PAZ, target: { kind: 'indicator', indicator: 'older_living_alone' }, ratePer1000: 100 });
    expect(set.status).toBe(200);
    expect((await row('PAZ19', 'bg.integrated_health_social')).need).toBeCloseTo(287.5, 9);
    const panagyurishte = await explainUnit('PAZ20', 'bg.integrated_health_social');
    expect(panagyurishte.normative).toMatchObject({ value: null, missing: 'no_target_population' });
    expect((await row('PAZ', 'bg.integrated_health_social')).incomplete).toBe(true);
    expect((await admin.delete(`/api/v1/norms/${set.body.id}`)).status).toBe(204);
  });

  it.each([
    ['an unknown service type', { serviceType: 'bg.no_such_service' }, 'serviceType', 'unknown_service_type'],
    ['a Ukrainian service type on a Bulgarian province', { serviceType: 'ua.information' }, 'serviceType', 'wrong_country'],
    ['a rate above 1,000 per 1,000', { ratePer1000: 1000.5 }, 'ratePer1000', null],
    ['a negative rate', { ratePer1000: -0.1 }, 'ratePer1000', null],
    ['a target population without ages', { target: { kind: 'population', sex: 'T' } }, 'target.age', null],
  ])('refuses %s with 400 and changes nothing', async (_label, change, path, message) => {
    const before = await normsFor('PAZ19');
    const res = await admin.put('/api/v1/norms', { serviceType: 'bg.day_care_elderly', territoryId: ids.PAZ, target: AGED_65, ratePer1000: 3, ...change });
    expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
    expect(res.body.issues[0].path).toBe(path);
    if (message) expect(res.body.issues[0].message).toBe(message);
    expect(await normsFor('PAZ19')).toEqual(before);
  });

  it('sets norms on a country or a region only, not on a municipality', async () => {
    const res = await admin.put('/api/v1/norms', { serviceType: 'bg.home_care', territoryId: ids.PAZ19, target: AGED_65, ratePer1000: 40 });
    expect([res.status, res.body.code, res.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'territoryId', message: 'norm_level' }]]);
    expect((await normsFor('PAZ19')).some((n) => n.territory.code === 'PAZ19')).toBe(false);
  });

  it('restores the national figure when the override is removed, and audits create, update and delete', async () => {
    const nationalNeed = (await explainUnit('PAZ19')).normative.target.value * (20 / 1000);
    const override = (await normsFor('PAZ19')).find((n) => n.serviceType === 'bg.home_care' && n.territory.code === 'PAZ')!;
    expect((await admin.delete(`/api/v1/norms/${override.id}`)).status).toBe(204);
    expect((await row('PAZ19')).need!).toBeCloseTo(nationalNeed, 9);
    expect((await explainUnit('PAZ19')).normative.norm).toMatchObject({ territory: { code: 'BG' }, ratePer1000: 20 });
    expect((await normsFor('PAZ19')).map((n) => n.territory.code)).toEqual(DEMO_NORMS_BG.map(() => 'BG'));
    expect((await admin.delete(`/api/v1/norms/${override.id}`)).status).toBe(404);

    const trail = (await admin.get('/api/v1/audit?entity=norm&pageSize=100')).body.items.filter((a: { entityId: string }) => a.entityId === String(override.id));
    expect(trail.map((a: { action: string }) => a.action)).toEqual(['delete', 'update', 'create']);
    for (const a of trail) expect(a).toMatchObject({ actor: `user:${adminId}`, territory: { code: 'PAZ' } });
    const [deleted, updated, created] = trail;
    expect(created.before).toBeNull();
    expect(created.after).toMatchObject({ id: override.id, serviceType: 'bg.home_care', territoryId: ids.PAZ, ratePer1000: 30, source: 'Областна стратегия за социалните услуги 2025' });
    expect(updated.before).toMatchObject({ ratePer1000: 30 });
    expect(updated.after).toMatchObject({ ratePer1000: 25, source: null });
    expect(deleted.before).toMatchObject({ id: override.id, ratePer1000: 25 });
    expect(deleted.after).toBeNull();
    expect(await latestNormAudit()).toEqual(deleted);
  });
});
