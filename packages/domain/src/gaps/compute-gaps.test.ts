import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TNorm } from '../needs/norm';
import type { TPopulationRow } from '../population/population';
import type { TGapSite } from '../service-sites/service-site';
import { TerritoryTree } from '../territories/territory-tree';
import { buildGapModel, computeGaps, servedUnits, shareSite, withSurveyNeeds } from './compute-gaps';
import { coverageByUnit, explainGap, summariseGaps } from './summarise-gaps';
import { unit } from '../testing/territory-fixture';

// Country 1 → province 2 → municipalities 3, 4 (settlements 30, 31 and 40); province 5 → municipality 6.
const territories = [
  unit(1, null, 'country'),
  unit(2, 1, 'region'),
  unit(3, 2, 'municipality'),
  unit(4, 2, 'municipality'),
  unit(30, 3, 'settlement'),
  unit(31, 3, 'settlement'),
  unit(40, 4, 'settlement'),
  unit(5, 1, 'region'),
  unit(6, 5, 'municipality'),
];
const tree = new TerritoryTree(territories);

const older = (territoryId: number, count: number, younger = 1000): TPopulationRow[] => [
  { territoryId, year: 2024, sex: 'T', ageFrom: 0, ageTo: 64, count: younger },
  { territoryId, year: 2024, sex: 'T', ageFrom: 65, ageTo: null, count },
];

const dayCareNorm: TNorm = {
  id: 1,
  serviceType: 'bg.day_care_elderly',
  territoryId: 1,
  target: { kind: 'population', sex: 'T', age: { from: 65, to: null } },
  ratePer1000: 10,
  source: 'illustrative',
  illustrative: true,
};

const serviceTypes = [
  { key: 'bg.day_care_elderly', country: 'BG' as const, unit: 'places' as const },
  { key: 'bg.home_care', country: 'BG' as const, unit: 'persons_per_year' as const },
];

const site = (id: number, settlementId: number, capacity: number, extra: Partial<TGapSite> = {}): TGapSite => ({
  id,
  serviceType: 'bg.day_care_elderly',
  settlementId,
  servesIds: [],
  capacity,
  users: null,
  waitingList: null,
  staffPositions: null,
  staffVacancies: null,
  ...extra,
});

const model = (norms: TNorm[] = [dayCareNorm]) =>
  buildGapModel({ tree, norms, population: [...older(3, 2000), ...older(4, 1000), ...older(6, 500)], indicators: [], serviceTypes });

describe('computeGaps', () => {
  it('normative need is the target population times the norm per 1,000', () => {
    const table = computeGaps(model(), 2024, []);
    const cell = table.cells.get(3)!.get('bg.day_care_elderly')!;
    expect(cell.normative.value).toBe(20); // 2,000 people 65+ × 10 ÷ 1,000
    expect(cell.normative.target?.value).toBe(2000);
    expect(cell.normative.norm?.ratePer1000).toBe(10);
  });

  it('says why a need is unknown', () => {
    const table = computeGaps(model(), 2024, []);
    expect(table.cells.get(3)!.get('bg.home_care')!.normative).toMatchObject({ value: null, missing: 'no_norm' });
    const noPopulation = computeGaps(buildGapModel({ tree, norms: [dayCareNorm], population: [], indicators: [], serviceTypes }), 2024, []);
    expect(noPopulation.cells.get(3)!.get('bg.day_care_elderly')!.normative.missing).toBe('no_target_population');
  });

  it('a regional norm overrides the national one in that region only', () => {
    const regional: TNorm = { ...dayCareNorm, id: 2, territoryId: 5, ratePer1000: 20 };
    const table = computeGaps(model([dayCareNorm, regional]), 2024, []);
    expect(table.cells.get(6)!.get('bg.day_care_elderly')!.normative.value).toBe(10); // 500 × 20 ÷ 1,000
    expect(table.cells.get(3)!.get('bg.day_care_elderly')!.normative.value).toBe(20);
  });

  it('a site counts in its own municipality when it names no territories', () => {
    const table = computeGaps(model(), 2024, [site(1, 30, 15)]);
    expect(table.cells.get(3)!.get('bg.day_care_elderly')!.capacity).toBe(15);
    expect(table.cells.get(4)!.get('bg.day_care_elderly')!.capacity).toBe(0);
  });

  it('shares a site serving several municipalities in proportion to their target populations', () => {
    const table = computeGaps(model(), 2024, [site(1, 30, 30, { servesIds: [3, 4] })]);
    const a = table.cells.get(3)!.get('bg.day_care_elderly')!;
    const b = table.cells.get(4)!.get('bg.day_care_elderly')!;
    expect(a.capacity).toBeCloseTo(20); // 2,000 of 3,000 people 65+
    expect(b.capacity).toBeCloseTo(10);
    expect(a.shares[0]).toMatchObject({ siteId: 1, shareBasis: 'target_population', weight: 2000 });
  });

  it('a site serving a province serves all its municipalities', () => {
    expect(servedUnits(tree, { settlementId: 30, servesIds: [2] }).sort()).toEqual([3, 4]);
    expect(servedUnits(tree, { settlementId: 30, servesIds: [31, 40] }).sort()).toEqual([3, 4]);
  });

  it('observed demand is users plus waiting list, shared like capacity', () => {
    const table = computeGaps(model(), 2024, [site(1, 30, 10, { users: 10, waitingList: 5 })]);
    expect(table.cells.get(3)!.get('bg.day_care_elderly')!.observed).toEqual({ value: 15, incomplete: false });
    const unknownUsers = computeGaps(model(), 2024, [site(1, 30, 10, { waitingList: 5 })]);
    expect(unknownUsers.cells.get(3)!.get('bg.day_care_elderly')!.observed.incomplete).toBe(true);
  });

  it('keeps sites that serve no known unit apart instead of losing them silently', () => {
    const table = computeGaps(model(), 2024, [site(9, 999, 10)]);
    expect(table.unplacedSiteIds).toEqual([9]);
  });
});

describe('summariseGaps', () => {
  const table = computeGaps(model(), 2024, [site(1, 30, 30), site(2, 40, 2, { serviceType: 'bg.home_care' })]);

  it('sums the municipalities of a province', () => {
    const { rows, diversity } = summariseGaps(table, tree, 2, 'normative');
    const dayCare = rows.find((r) => r.serviceType === 'bg.day_care_elderly')!;
    expect(dayCare.need).toBe(30); // 20 + 10
    expect(dayCare.capacity).toBe(30);
    expect(dayCare.gap).toBe(0);
    expect(dayCare.coverage).toBe(1);
    // Municipality 3 has a surplus of 10, municipality 4 lacks 10: the province is even,
    // but the people of 4 are not served by the surplus of 3.
    expect(dayCare.shortfall).toBe(10);
    const homeCare = rows.find((r) => r.serviceType === 'bg.home_care')!;
    // No norm for home care: no estimate, and why — never a need or a shortfall of 0.
    expect(homeCare).toMatchObject({ need: null, missing: 'no_norm', capacity: 2, gap: null, coverage: null, shortfall: null, incomplete: true });
    expect(dayCare).toMatchObject({ needUnit: 'places', capacityUnit: 'places', comparable: true, missing: null });
    expect(diversity).toEqual({ needed: ['bg.day_care_elderly'], available: ['bg.day_care_elderly', 'bg.home_care'], missing: [], ratio: 1 });
  });

  it('gives a municipality its own figures', () => {
    const row = summariseGaps(table, tree, 4, 'normative').rows.find((r) => r.serviceType === 'bg.day_care_elderly')!;
    expect(row).toMatchObject({ need: 10, capacity: 0, gap: 10, coverage: 0, shortfall: 10 });
    expect(summariseGaps(table, tree, 4, 'normative').diversity).toMatchObject({ missing: ['bg.day_care_elderly'], ratio: 0 });
  });

  it('colours the map by the share of need met', () => {
    const byUnit = coverageByUnit(table, tree, 2, 'normative', null);
    expect(byUnit.find((u) => u.unitId === 3)).toMatchObject({ need: [{ unit: 'places', value: 20 }], capacity: [{ unit: 'places', value: 30 }], coverage: 1 }); // surplus capped at need
    // Home care's 2 persons a year are shown apart from day care's places, never added to them.
    expect(byUnit.find((u) => u.unitId === 4)).toMatchObject({
      need: [
        { unit: 'places', value: 10 },
        { unit: 'persons_per_year', value: null, missing: 'no_norm' },
      ],
      capacity: [
        { unit: 'places', value: 0 },
        { unit: 'persons_per_year', value: 2 },
      ],
      coverage: 0,
    });
    expect(coverageByUnit(table, tree, 2, 'normative', 'bg.home_care').find((u) => u.unitId === 4)).toMatchObject({
      need: [{ unit: 'persons_per_year', value: null, missing: 'no_norm' }],
      capacity: [{ unit: 'persons_per_year', value: 2 }],
      coverage: null,
      missing: 'no_norm',
    });
  });

  it('explains a row with each municipality’s inputs', () => {
    const e = explainGap(table, tree, 2, 'bg.day_care_elderly', 'normative');
    expect(e.total?.need).toBe(30);
    expect(e.units.map((u) => u.unitId).sort()).toEqual([3, 4]);
    expect(e.units.find((u) => u.unitId === 3)!.cell.shares[0]).toMatchObject({ siteId: 1, share: 1, shareBasis: 'sole' });
  });
});

describe('gap properties', () => {
  const siteArb = fc.record({
    settlement: fc.constantFrom(30, 31, 40, 6),
    serves: fc.subarray([2, 3, 4, 5, 6, 30, 40]),
    capacity: fc.integer({ min: 0, max: 500 }),
    users: fc.option(fc.integer({ min: 0, max: 500 })),
    waiting: fc.option(fc.integer({ min: 0, max: 100 })),
  });
  const inputsArb = fc.record({
    sites: fc.array(siteArb, { maxLength: 12 }),
    pop3: fc.integer({ min: 0, max: 50_000 }),
    pop4: fc.integer({ min: 0, max: 50_000 }),
    pop6: fc.integer({ min: 0, max: 50_000 }),
    rate: fc.double({ min: 0, max: 100, noNaN: true }),
  });

  it('shares of a site always add up to the whole site', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), { minLength: 1, maxLength: 8 }), (weights) => {
        const units = weights.map((_, i) => i + 1);
        const shares = shareSite(units, (u) => weights[u - 1] ?? null);
        expect(shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 9);
        for (const s of shares) expect(s.share).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('capacity is neither created nor lost by sharing, and the country sums its units', () => {
    fc.assert(
      fc.property(inputsArb, ({ sites, pop3, pop4, pop6, rate }) => {
        const m = buildGapModel({
          tree,
          norms: [{ ...dayCareNorm, ratePer1000: rate }],
          population: [...older(3, pop3), ...older(4, pop4), ...older(6, pop6)],
          indicators: [],
          serviceTypes,
        });
        const gapSites = sites.map((s, i) => site(i + 1, s.settlement, s.capacity, { servesIds: s.serves, users: s.users, waitingList: s.waiting }));
        const table = computeGaps(m, 2024, gapSites);
        const country = summariseGaps(table, tree, 1, 'normative').rows.find((r) => r.serviceType === 'bg.day_care_elderly');
        const totalCapacity = gapSites.reduce((s, x) => s + x.capacity, 0);
        expect(country?.capacity ?? 0).toBeCloseTo(totalCapacity, 6);
        const parts = [2, 5].map((r) => summariseGaps(table, tree, r, 'normative').rows.find((x) => x.serviceType === 'bg.day_care_elderly'));
        expect((parts[0]?.capacity ?? 0) + (parts[1]?.capacity ?? 0)).toBeCloseTo(country?.capacity ?? 0, 6);
        if (country && country.need !== null) {
          expect(country.need).toBeCloseTo(((pop3 + pop4 + pop6) * rate) / 1000, 6);
          expect(country.gap).toBeCloseTo(country.need - country.capacity, 6);
          expect(country.shortfall).toBeGreaterThanOrEqual(Math.max(0, country.gap!) - 1e-6);
        }
        const observed = summariseGaps(table, tree, 1, 'observed').rows.find((r) => r.serviceType === 'bg.day_care_elderly');
        const demand = gapSites.reduce((s, x) => s + (x.users ?? 0) + (x.waitingList ?? 0), 0);
        expect(observed?.need ?? 0).toBeCloseTo(demand, 6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('survey-based need in the gap table', () => {
  const m = buildGapModel({ tree, norms: [dayCareNorm], population: [...older(3, 500), ...older(4, 300)], indicators: [], serviceTypes });
  // Home care counts persons served a year, which a survey's persons compare with; day care counts places.
  const table = computeGaps(m, 2024, [site(1, 30, 4, { serviceType: 'bg.home_care' }), site(2, 40, 2, { serviceType: 'bg.home_care' }), site(3, 30, 5)]);
  const survey = (value: number, low: number, high: number) => ({ value, low, high, assessmentId: 9 });

  it('takes a unit’s estimate with its interval, and carries the interval into the gap', () => {
    const withSurvey = withSurveyNeeds(table, new Map([[3, new Map([['bg.home_care', survey(20, 12, 31)]])]]));
    const row = summariseGaps(withSurvey, tree, 3, 'survey').rows.find((r) => r.serviceType === 'bg.home_care')!;
    expect(row).toMatchObject({ need: 20, needUnit: 'persons', needLow: 12, needHigh: 31, capacity: 4, capacityUnit: 'persons_per_year', comparable: true, gap: 16, gapLow: 8, gapHigh: 27, incomplete: false });
    // The cached table is left as it was: answers keep arriving, the planning data does not change.
    expect(table.cells.get(3)!.get('bg.home_care')!.survey).toBeNull();
    // The other methods carry no interval.
    expect(summariseGaps(withSurvey, tree, 3, 'normative').rows[0]).toMatchObject({ needLow: null, needHigh: null, gapLow: null, gapHigh: null });
  });

  it('sets no gap, coverage or shortfall between persons who would use a service and places', () => {
    const withSurvey = withSurveyNeeds(table, new Map([[3, new Map([['bg.day_care_elderly', survey(2974, 2800, 3150)]])]]));
    const row = summariseGaps(withSurvey, tree, 3, 'survey').rows.find((r) => r.serviceType === 'bg.day_care_elderly')!;
    expect(row).toMatchObject({ need: 2974, needUnit: 'persons', needLow: 2800, needHigh: 3150, capacity: 5, capacityUnit: 'places', comparable: false });
    expect(row).toMatchObject({ gap: null, gapLow: null, gapHigh: null, coverage: null, shortfall: null });
    expect(coverageByUnit(withSurvey, tree, 3, 'survey', 'bg.day_care_elderly')[0]).toMatchObject({ coverage: null, missing: 'not_comparable' });
  });

  it('says "no survey" for a territory without survey results, never a need of 0, and keeps its capacity', () => {
    const { rows } = summariseGaps(table, tree, 2, 'survey');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatchObject({ need: null, missing: 'no_survey', gap: null, coverage: null, shortfall: null });
    expect(rows.find((r) => r.serviceType === 'bg.home_care')!.capacity).toBe(6);
    const map = coverageByUnit(table, tree, 2, 'survey', null);
    expect(map.find((u) => u.unitId === 3)).toMatchObject({
      coverage: null,
      missing: 'no_survey',
      need: [{ unit: 'persons', value: null, missing: 'no_survey' }],
      capacity: [
        { unit: 'places', value: 5 },
        { unit: 'persons_per_year', value: 4 },
      ],
    });
  });

  it('marks a territory incomplete when only some of its units were surveyed', () => {
    const withSurvey = withSurveyNeeds(table, new Map([[3, new Map([['bg.home_care', survey(20, 12, 31)]])]]));
    const row = summariseGaps(withSurvey, tree, 2, 'survey').rows.find((r) => r.serviceType === 'bg.home_care')!;
    expect(row.need).toBe(20);
    expect(row.incomplete).toBe(true);
    expect(row.capacity).toBe(6);
  });

  it('adds the units’ intervals as independent errors: the sum’s interval holds the sum and is narrower than end to end', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
        fc.tuple(fc.double({ min: 0, max: 500, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
        ([n3, below3, above3], [n4, below4, above4]) => {
          const needs = new Map([
            [3, new Map([['bg.home_care', survey(n3, Math.max(0, n3 - below3), n3 + above3)]])],
            [4, new Map([['bg.home_care', survey(n4, Math.max(0, n4 - below4), n4 + above4)]])],
          ]);
          const row = summariseGaps(withSurveyNeeds(table, needs), tree, 2, 'survey').rows.find((r) => r.serviceType === 'bg.home_care')!;
          expect(row.need).toBeCloseTo(n3 + n4, 6);
          expect(row.needLow!).toBeLessThanOrEqual(row.need! + 1e-9);
          expect(row.needHigh!).toBeGreaterThanOrEqual(row.need! - 1e-9);
          expect(row.needLow!).toBeGreaterThanOrEqual(0);
          expect(row.needHigh! - row.need!).toBeLessThanOrEqual(above3 + above4 + 1e-6);
          expect(row.needHigh! - row.need!).toBeGreaterThanOrEqual(Math.max(above3, above4) - 1e-6);
          expect(row.gapLow).toBeCloseTo(row.needLow! - row.capacity, 6);
          expect(row.gapHigh).toBeCloseTo(row.needHigh! - row.capacity, 6);
        },
      ),
      { numRuns: 300 },
    );
  });
});
