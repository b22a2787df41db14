import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../config';
import { DEMO_NORMS_BG } from '../seed/demo-norms';
import { DEMO_SITES } from '../seed/demo-sites';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

const PAZ_MUNICIPALITIES = ['PAZ03', 'PAZ04', 'PAZ06', 'PAZ08', 'PAZ14', 'PAZ19', 'PAZ20', 'PAZ21', 'PAZ24', 'PAZ29', 'PAZ32', 'PAZ39'];

type Row = {
  serviceType: string;
  method: string;
  need: number | null;
  needUnit: string;
  missing: string | null;
  capacity: number;
  capacityUnit: string;
  comparable: boolean;
  gap: number | null;
  coverage: number | null;
  shortfall: number | null;
  incomplete: boolean;
  needLow?: number | null;
  needHigh?: number | null;
  gapLow?: number | null;
  gapHigh?: number | null;
};
type UnitTotal = { unit: string; value: number | null; missing: string | null; partial: boolean };
type Totals = { need: UnitTotal[]; capacity: UnitTotal[]; shortfall: UnitTotal[] };
type Dashboard = {
  territory: { code: string };
  year: number;
  method: string;
  rows: Row[];
  totals: Totals;
  estimate: { method: string; estimate: boolean; missing: string | null };
  diversity: { needed: string[]; available: string[]; missing: string[]; ratio: number | null };
  units: Unit[];
};
type Unit = { territory: { code: string }; coverage: number | null; missing: string | null; need: UnitTotal[]; capacity: UnitTotal[] };
/** The one figure of a unit on the map for one service type (a single unit of measure). */
const only = (totals: UnitTotal[]) => {
  expect(totals).toHaveLength(1);
  return totals[0]!.value;
};
type ExplainSite = { id: number; siteKey: string; share: number; shareBasis: string; weight: number | null; capacity: number };
type ExplainUnit = { territory: { code: string }; row: Row; sites: ExplainSite[]; normative: any };

/** Pazardzhik province's figures in NSI's table: the total of a year, and persons 65 and over. */
function nsiPazardzhik(year: number): { total: number; aged65: number } {
  const lines = readFileSync(join(REFERENCE_DIR, 'bg/population-by-age-sex-PAZ-SML-2012-2021.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
  const t = lines[0]!.split(',').indexOf(`${year}_T`);
  const start = lines.findIndex((l) => l.startsWith('Pazardzhik,'));
  let aged65 = 0;
  for (const line of lines.slice(start + 1)) {
    const cells = line.split(',');
    const from = /^(\d+)/.exec(cells[0]!);
    if (!from) break;
    if (Number(from[1]) >= 65) aged65 += Number(cells[t]);
  }
  return { total: Number(lines[start]!.split(',')[t]), aged65 };
}

/** Batak municipality's 2013 population: its settlements' figures in the 2013 list. */
const BATAK_2013 = 3121 + 2060 + 649;

/**
 * 2013 population of Pazardzhik province's settlements, as the reference list gives it (each
 * EKATTE counted once, as the seed does): the base of every PAZ municipality's share.
 */
function pazardzhikSettlements2013(): number {
  const seen = new Set<string>();
  let sum = 0;
  for (const line of readFileSync(join(REFERENCE_DIR, 'bg/settlements-population-2013.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [ekatte, municipality, , , , population] = line.split(',');
    if (!municipality!.startsWith('PAZ') || seen.has(ekatte!)) continue;
    seen.add(ekatte!);
    sum += Number(population);
  }
  return sum;
}

/** The site id the seed gives a demo site (seed/demo-sites.ts: DEMO-<municipality>-<line>). */
const demoKey = (match: (s: (typeof DEMO_SITES)[number]) => boolean) => {
  const i = DEMO_SITES.findIndex(match);
  return `DEMO-${DEMO_SITES[i]!.municipality}-${String(i + 1).padStart(3, '0')}`;
};

const byType = (rows: Row[]) => new Map(rows.map((r) => [r.serviceType, r]));
const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe(`needs, capacity and gaps (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  const ids: Record<string, number> = {};

  const dashboard = async (code: string, method = 'normative'): Promise<Dashboard> => {
    const res = await admin.get(`/api/v1/gaps?territoryId=${ids[code]}&method=${method}`);
    expect(res.status, `${code} ${method}`).toBe(200);
    return res.body;
  };
  const explain = async (code: string, serviceType: string, method = 'normative') => {
    const res = await admin.get(`/api/v1/gaps/explain?territoryId=${ids[code]}&serviceType=${serviceType}&method=${method}`);
    expect(res.status).toBe(200);
    return res.body as { total: Row | null; units: ExplainUnit[]; year: number };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    for (const code of ['PAZ', 'SML', '55155', '02837', ...PAZ_MUNICIPALITIES]) ids[code] = await t.territoryId(code);
  });
  afterAll(() => t.close());

  it('gives Pazardzhik province a row per normed service type with gap = need − capacity and coverage = capacity ÷ need', async () => {
    const paz = await dashboard('PAZ');
    expect(paz).toMatchObject({ territory: { code: 'PAZ' }, year: 2025, method: 'normative', years: [2025], unplacedSites: 0 });
    expect(sorted(paz.rows.map((r) => r.serviceType))).toEqual(sorted(DEMO_NORMS_BG.map((n) => n.serviceType)));
    for (const r of paz.rows) {
      expect(r.need, r.serviceType).toBeGreaterThan(0);
      expect(r.gap!).toBeCloseTo(r.need! - r.capacity, 9);
      expect(r.coverage!).toBeCloseTo(r.capacity / r.need!, 12);
      expect(r.incomplete).toBe(false);
    }
    // Capacity is the demo's places: every site lies in the province and serves only units of it.
    for (const [type, row] of byType(paz.rows)) {
      expect(row.capacity, type).toBeCloseTo(DEMO_SITES.filter((s) => s.type === type).reduce((sum, s) => sum + s.capacity, 0), 9);
    }
    expect(paz.units.map((u) => u.territory.code).sort()).toEqual(PAZ_MUNICIPALITIES);
  });

  it('adds up the province from its municipalities: each row’s need and capacity is the sum of the 12 municipal rows', async () => {
    const paz = byType((await dashboard('PAZ')).rows);
    const municipal = await Promise.all(PAZ_MUNICIPALITIES.map(async (code) => byType((await dashboard(code)).rows)));
    for (const [type, row] of paz) {
      const need = municipal.reduce((s, m) => s + (m.get(type)?.need ?? 0), 0);
      const capacity = municipal.reduce((s, m) => s + (m.get(type)?.capacity ?? 0), 0);
      expect(need, type).toBeCloseTo(row.need!, 9);
      expect(capacity, type).toBeCloseTo(row.capacity, 9);
    }
  });

  /**
   * A municipality's share is its 2013 settlement total over the sum of all the province's
   * municipalities' 2013 totals — not over NSI's revised province total (261,945 against the
   * settlements' 269,287) — so the municipalities' estimates add up to the province's own table.
   */
  it('the municipalities’ apportioned people 65+ add up to the province’s own table, so home care need is 20 per 1,000 of them', async () => {
    const homeCare = byType((await dashboard('PAZ')).rows).get('bg.home_care')!;
    expect(homeCare.need!).toBeCloseTo((nsiPazardzhik(2021).aged65 * 20) / 1000, 6);
  });

  it('lists as missing the service types that are needed but have no place anywhere in the province', async () => {
    const { diversity } = await dashboard('PAZ');
    const needed = sorted(DEMO_NORMS_BG.map((n) => n.serviceType));
    const available = sorted(DEMO_SITES.map((s) => s.type));
    const missing = needed.filter((k) => !available.includes(k));
    expect(diversity.needed).toEqual(needed);
    expect(diversity.available).toEqual(available);
    expect(diversity.missing).toEqual(missing);
    expect(missing).toEqual(['bg.advocacy_mediation', 'bg.integrated_health_social', 'bg.residential_care_children', 'bg.skills_training', 'bg.work_skills_support']);
    expect(diversity.ratio).toBeCloseTo((needed.length - missing.length) / needed.length, 12);
    // Smolyan province has no sites at all: everything it needs is missing.
    const sml = await dashboard('SML');
    expect(sml.diversity.available).toEqual([]);
    expect(sml.diversity.missing).toEqual(needed);
    expect(sml.rows.every((r) => r.capacity === 0 && r.coverage === 0)).toBe(true);
  });

  it('estimates observed demand as users plus waiting list of the sites', async () => {
    const paz = await dashboard('PAZ', 'observed');
    expect(paz.method).toBe('observed');
    // A row for every service type of the catalogue: without a site, nobody is observed waiting.
    const types = sorted(DEMO_NORMS_BG.map((n) => n.serviceType));
    expect(sorted(paz.rows.map((r) => r.serviceType))).toEqual(types);
    for (const type of types) {
      const sites = DEMO_SITES.filter((s) => s.type === type);
      const row = byType(paz.rows).get(type)!;
      expect(row.method).toBe('observed');
      expect(row.need, type).toBeCloseTo(sites.reduce((s, x) => s + x.users + x.waiting, 0), 9);
      expect(row.capacity).toBeCloseTo(sites.reduce((s, x) => s + x.capacity, 0), 9);
      expect(row.gap!).toBeCloseTo(row.need! - row.capacity, 9);
      expect(row.incomplete).toBe(false);
      if (sites.length === 0) expect(row).toMatchObject({ need: 0, capacity: 0, gap: 0, coverage: null });
    }
    // Panagyurishte's home care: 104 users, nobody waiting, 110 places.
    const homeCare = byType((await dashboard('PAZ20', 'observed')).rows).get('bg.home_care')!;
    expect(homeCare).toMatchObject({ need: 104, capacity: 110, gap: -6 });
    expect(homeCare.coverage).toBeCloseTo(110 / 104, 12);
  });

  it('explains Batak’s need for residential care: the national norm, the apportioned population 65+ and the shared care home', async () => {
    const res = await explain('PAZ03', 'bg.residential_care_elderly');
    expect(res.year).toBe(2025);
    expect(res.units).toHaveLength(1);
    const unit = res.units[0]!;
    expect(unit.territory.code).toBe('PAZ03');
    const { norm, target, value } = unit.normative;
    expect(norm).toMatchObject({ ratePer1000: 4, territory: { code: 'BG' }, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, illustrative: true });
    const paz2021 = nsiPazardzhik(2021);
    const municipalities2013 = pazardzhikSettlements2013();
    expect(municipalities2013).toBe(269_287);
    expect(target.source).toMatchObject({
      how: 'apportioned',
      year: 2021,
      from: { territory: { code: 'PAZ' }, value: paz2021.aged65, year: 2021 },
      share: { year: 2013, own: BATAK_2013, enclosing: municipalities2013, of: 'peers' },
    });
    const aged65 = (paz2021.aged65 * BATAK_2013) / municipalities2013;
    expect(target.value).toBeCloseTo(aged65, 9);
    expect(value).toBeCloseTo((aged65 * 4) / 1000, 12);
    expect(unit.row.need).toBeCloseTo(value, 12);
    // The one care home serving Batak is Bratsigovo's, shared with three other municipalities.
    expect(unit.sites).toHaveLength(1);
    const home = unit.sites[0]!;
    expect(home).toMatchObject({ capacity: 45, shareBasis: 'target_population' });
    expect(home.weight!).toBeCloseTo(aged65, 9);
    expect(unit.row.capacity).toBeCloseTo(45 * home.share, 12);
    expect(res.total!.need).toBeCloseTo(value, 12);
  });

  it('shares every site among the municipalities it serves: per site the shares add up to 1, in proportion to their target populations', async () => {
    const types = sorted(DEMO_SITES.map((s) => s.type));
    const sharesBySite = new Map<string, { code: string; share: number; weight: number | null; basis: string }[]>();
    for (const type of types) {
      const res = await explain('PAZ', type);
      expect(res.units.map((u) => u.territory.code).sort()).toEqual(PAZ_MUNICIPALITIES);
      for (const unit of res.units) {
        for (const s of unit.sites) {
          const list = sharesBySite.get(s.siteKey) ?? [];
          list.push({ code: unit.territory.code, share: s.share, weight: s.weight, basis: s.shareBasis });
          sharesBySite.set(s.siteKey, list);
        }
        expect(unit.row.capacity).toBeCloseTo(unit.sites.reduce((sum, s) => sum + s.capacity * s.share, 0), 9);
      }
    }
    expect(sharesBySite.size).toBe(DEMO_SITES.length);
    for (const [siteKey, shares] of sharesBySite) {
      expect(shares.reduce((s, x) => s + x.share, 0), siteKey).toBeCloseTo(1, 12);
      const weights = shares.reduce((s, x) => s + (x.weight ?? 0), 0);
      for (const x of shares) if (x.basis === 'target_population') expect(x.share).toBeCloseTo(x.weight! / weights, 12);
    }
    // Bratsigovo's care home serves Bratsigovo, Peshtera, Rakitovo and Batak; a province-wide service all 12.
    const careHome = sharesBySite.get(demoKey((s) => s.municipality === 'PAZ06' && s.type === 'bg.residential_care_elderly'))!;
    expect(careHome.map((s) => s.code).sort()).toEqual(['PAZ03', 'PAZ06', 'PAZ21', 'PAZ24']);
    expect(careHome.every((s) => s.basis === 'target_population')).toBe(true);
    const crisisCentre = sharesBySite.get(demoKey((s) => s.type === 'bg.shelter'))!;
    expect(crisisCentre.map((s) => s.code).sort()).toEqual(PAZ_MUNICIPALITIES);
    // A site serving only its own municipality is not shared.
    const batakHomeCare = sharesBySite.get(demoKey((s) => s.municipality === 'PAZ03'))!;
    expect(batakHomeCare).toEqual([{ code: 'PAZ03', share: 1, weight: null, basis: 'sole' }]);
  });

  it('refuses gaps for a settlement: they belong to its municipality', async () => {
    for (const path of [
      `/api/v1/gaps?territoryId=${ids['55155']}`,
      `/api/v1/gaps/map?territoryId=${ids['55155']}`,
      `/api/v1/gaps/explain?territoryId=${ids['55155']}&serviceType=bg.home_care`,
    ]) {
      const res = await admin.get(path);
      expect([res.status, res.body.code, res.body.issues], path).toEqual([400, 'validation.invalid', [{ path: 'territoryId', message: 'below_planning_level' }]]);
    }
  });

  it('maps the coverage of one service type by municipality, the same figures as each municipality’s dashboard', async () => {
    const res = await admin.get(`/api/v1/gaps/map?territoryId=${ids.PAZ}&serviceType=bg.home_care`);
    expect(res.status).toBe(200);
    expect(res.body.serviceType).toBe('bg.home_care');
    const units: Unit[] = res.body.units;
    expect(units.map((u) => u.territory.code).sort()).toEqual(PAZ_MUNICIPALITIES);
    for (const unit of units) {
      const row = byType((await dashboard(unit.territory.code)).rows).get('bg.home_care')!;
      expect(unit.need.map((n) => n.unit)).toEqual(['persons_per_year']);
      expect(only(unit.need)!, unit.territory.code).toBeCloseTo(row.need!, 9);
      expect(only(unit.capacity)!).toBeCloseTo(row.capacity, 9);
      expect(unit.coverage!).toBeCloseTo(only(unit.capacity)! / only(unit.need)!, 12);
    }
    // Every municipality of the demo has a home-care site of its own.
    expect(units.filter((u) => only(u.capacity) === 0).map((u) => u.territory.code)).toEqual(
      PAZ_MUNICIPALITIES.filter((code) => !DEMO_SITES.some((s) => s.type === 'bg.home_care' && s.municipality === code)),
    );
    // Without a type: what share of all needs together is met, as on the dashboard.
    const all = await admin.get(`/api/v1/gaps/map?territoryId=${ids.PAZ}`);
    expect(all.body.serviceType).toBeNull();
    expect(all.body.units).toEqual((await dashboard('PAZ')).units);
    for (const unit of all.body.units as Unit[]) {
      expect(unit.coverage!).toBeLessThanOrEqual(1);
      // All service types together: places and persons a year side by side, never one sum.
      expect(unit.capacity.map((c) => c.unit)).toEqual(['places', 'persons_per_year']);
    }
  });

  it('never adds places to persons a year: the totals keep each unit apart, as the service types count them', async () => {
    const paz = await dashboard('PAZ');
    const units = sorted(paz.rows.map((r) => r.capacityUnit));
    expect(units).toEqual(['persons_per_year', 'places']);
    for (const unit of units) {
      const rows = paz.rows.filter((r) => r.capacityUnit === unit);
      expect(paz.totals.capacity.find((c) => c.unit === unit)!.value!).toBeCloseTo(rows.reduce((s, r) => s + r.capacity, 0), 9);
      expect(paz.totals.need.find((c) => c.unit === unit)!.value!).toBeCloseTo(rows.reduce((s, r) => s + r.need!, 0), 9);
    }
    expect(paz.totals.capacity).toHaveLength(2);
    // Home care counts persons served a year; day care counts places.
    expect(byType(paz.rows).get('bg.home_care')).toMatchObject({ capacityUnit: 'persons_per_year', needUnit: 'persons_per_year', comparable: true });
    expect(byType(paz.rows).get('bg.day_care_elderly')).toMatchObject({ capacityUnit: 'places', needUnit: 'places', comparable: true });
  });

  it('says "no estimate — no survey results" for the survey method of a province without a survey, never 0, and keeps its real capacity', async () => {
    const normative = await dashboard('PAZ');
    const paz = await dashboard('PAZ', 'survey');
    expect(paz.estimate).toEqual({ method: 'survey', estimate: false, missing: 'no_survey' });
    expect(paz.rows.length).toBeGreaterThan(0);
    for (const row of paz.rows) {
      expect(row, row.serviceType).toMatchObject({ need: null, needUnit: 'persons', missing: 'no_survey', gap: null, coverage: null, shortfall: null });
      // The capacity is the real one, the same as by the other methods.
      expect(row.capacity).toBeCloseTo(byType(normative.rows).get(row.serviceType)!.capacity, 9);
    }
    expect(paz.totals.need).toEqual([{ unit: 'persons', value: null, missing: 'no_survey', partial: false }]);
    expect(paz.totals.shortfall.every((s) => s.value === null && s.missing === 'no_survey')).toBe(true);
    expect(paz.totals.capacity).toEqual(normative.totals.capacity);
    // The map's municipalities: no coverage and why, their capacity as it is (not 0).
    for (const unit of paz.units) {
      expect(unit).toMatchObject({ coverage: null, missing: 'no_survey', need: [{ unit: 'persons', value: null, missing: 'no_survey', partial: false }] });
      const own = normative.units.find((u) => u.territory.code === unit.territory.code)!;
      expect(unit.capacity).toEqual(own.capacity);
    }
    expect(paz.units.some((u) => u.capacity.some((c) => (c.value ?? 0) > 0))).toBe(true);
    // The method switch learns it before the survey method is picked.
    const methods = await admin.get(`/api/v1/gaps/methods?territoryId=${ids.PAZ}`);
    expect(methods.status).toBe(200);
    expect(methods.body).toEqual({
      year: 2025,
      methods: [
        { method: 'normative', estimate: true, missing: null },
        { method: 'observed', estimate: true, missing: null },
        { method: 'survey', estimate: false, missing: 'no_survey' },
      ],
    });
  });

  it('counts a site added through the API at once in the municipality and in the province, and forgets it when removed', async () => {
    const type = 'bg.home_care';
    const [batakBefore, provinceBefore, observedBefore] = [byType((await dashboard('PAZ03')).rows).get(type)!, byType((await dashboard('PAZ')).rows).get(type)!, byType((await dashboard('PAZ03', 'observed')).rows).get(type)!];
    const created = await admin.post('/api/v1/service-sites', {
      siteKey: 'PAZ03-HC-NOVA-MAHALA',
      year: 2025,
      name: 'Домашен социален патронаж – Нова махала',
      serviceType: type,
      provider: 'Община Батак',
      providerKind: 'public',
      settlementId: ids['02837'],
      capacity: 40,
      users: 30,
      waitingList: 5,
    });
    expect(created.status).toBe(201);

    const batak = byType((await dashboard('PAZ03')).rows).get(type)!;
    expect(batak.need).toBeCloseTo(batakBefore.need!, 12);
    expect(batak.capacity).toBeCloseTo(batakBefore.capacity + 40, 9);
    expect(batak.gap!).toBeCloseTo(batakBefore.gap! - 40, 9);
    expect(batak.coverage!).toBeCloseTo((batakBefore.capacity + 40) / batakBefore.need!, 12);
    const province = byType((await dashboard('PAZ')).rows).get(type)!;
    expect(province.capacity).toBeCloseTo(provinceBefore.capacity + 40, 9);
    expect(province.gap!).toBeCloseTo(provinceBefore.gap! - 40, 9);
    expect(byType((await dashboard('PAZ03', 'observed')).rows).get(type)!.need).toBeCloseTo(observedBefore.need! + 35, 9);
    const explained = await explain('PAZ03', type);
    expect(explained.units[0]!.sites.map((s) => s.siteKey)).toContain('PAZ03-HC-NOVA-MAHALA');

    // A change of capacity shows at once too.
    const changed = await admin.put(`/api/v1/service-sites/${created.body.id}`, { ...created.body, capacity: 10 });
    expect(changed.status).toBe(200);
    expect(byType((await dashboard('PAZ03')).rows).get(type)!.capacity).toBeCloseTo(batakBefore.capacity + 10, 9);

    expect((await admin.delete(`/api/v1/service-sites/${created.body.id}`)).status).toBe(204);
    expect(byType((await dashboard('PAZ03')).rows).get(type)!.capacity).toBeCloseTo(batakBefore.capacity, 9);
    expect(byType((await dashboard('PAZ')).rows).get(type)!.gap!).toBeCloseTo(provinceBefore.gap!, 9);
  });

  it('shows the survey-based need of Khmilnyk hromada with its interval, carried into the gap, and moves with each new answer', async () => {
    const khmilnyk = await t.territoryId('UA05120170000013778');
    const survey = async () => (await admin.get(`/api/v1/gaps?territoryId=${khmilnyk}&method=survey`)).body as Dashboard;
    const [assessment] = (await admin.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items;
    const estimates = (await admin.get(`/api/v1/assessments/${assessment.id}/estimates`)).body.items as { serviceType: string; need: number; needLow: number; needHigh: number }[];
    expect(estimates.length).toBeGreaterThan(0);
    const before = await survey();
    const homeCare = () => before.rows.find((r) => r.serviceType === 'ua.home_care')!;
    // Day care's survey estimate (persons) sits beside places: said not to compare, not "coverage 1 %".
    expect(before.rows.find((r) => r.serviceType === 'ua.day_care')).toMatchObject({ needUnit: 'persons', capacityUnit: 'places', comparable: false, coverage: null });
    expect(before.estimate).toEqual({ method: 'survey', estimate: true, missing: null });
    for (const e of estimates) {
      const row = before.rows.find((r) => r.serviceType === e.serviceType)!;
      expect(row, e.serviceType).toMatchObject({ method: 'survey', needUnit: 'persons', incomplete: false });
      expect(row.need).toBeCloseTo(e.need, 9);
      expect([row.needLow, row.needHigh]).toEqual([expect.closeTo(e.needLow, 9), expect.closeTo(e.needHigh, 9)]);
      if (row.capacityUnit === 'places') {
        // Persons who would use day care at some time against places: no gap, no coverage.
        expect(row, e.serviceType).toMatchObject({ comparable: false, gap: null, gapLow: null, gapHigh: null, coverage: null, shortfall: null });
        continue;
      }
      expect(row.comparable).toBe(true);
      expect(row.gapLow).toBeCloseTo(e.needLow - row.capacity, 9);
      expect(row.gapHigh).toBeCloseTo(e.needHigh - row.capacity, 9);
      expect(row.needLow!).toBeLessThan(row.need!);
      expect(row.needHigh!).toBeGreaterThan(row.need!);
    }
    // "How was this computed" names the estimate and the assessment it comes from.
    const explained = (await admin.get(`/api/v1/gaps/explain?territoryId=${khmilnyk}&serviceType=ua.home_care&method=survey`)).body;
    expect(explained.units[0].survey).toEqual({
      value: expect.closeTo(homeCare().need!, 9),
      low: expect.closeTo(homeCare().needLow!, 9),
      high: expect.closeTo(homeCare().needHigh!, 9),
      assessmentId: assessment.id,
    });

    // The normative method of the same hromada carries no interval.
    const normative = (await admin.get(`/api/v1/gaps?territoryId=${khmilnyk}&method=normative`)).body.rows as Row[];
    expect(normative.every((r) => r.needLow === null)).toBe(true);

    // A new answer needing home care raises the estimate at once: the survey figures kept are those of the newest answer.
    const detail = (await admin.get(`/api/v1/assessments/${assessment.id}`)).body;
    const group = detail.groups.find((g: { population: number | null }) => g.population !== null);
    const questionnaireId = detail.questionnaires[0].id;
    expect(homeCare()).toBeDefined();
    for (let i = 0; i < 5; i++) {
      const sent = await admin.post(`/api/v1/questionnaires/${questionnaireId}/responses`, { submissionKey: `gap-test-${i}-0000000000`, respondentGroupId: group.id, answers: { needs_home_care: 'yes' } });
      expect(sent.status, sent.text).toBe(201);
    }
    const after = (await survey()).rows.find((r) => r.serviceType === 'ua.home_care')!;
    expect(after.need!).toBeGreaterThan(homeCare().need!);

    // Vinnytsia oblast: only Khmilnyk of its hromadas was surveyed, and the total says so.
    const oblast = (await admin.get(`/api/v1/gaps?territoryId=${await t.territoryId('UA05000000000010236')}&method=survey`)).body as Dashboard;
    const oblastHomeCare = oblast.rows.find((r) => r.serviceType === 'ua.home_care')!;
    expect(oblastHomeCare.need).toBeCloseTo(after.need!, 9);
    expect(oblastHomeCare.incomplete).toBe(true);
  });
});
