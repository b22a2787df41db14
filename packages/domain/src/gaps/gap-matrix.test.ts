import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TNorm } from '../needs/norm';
import type { TPopulationRow } from '../population/population';
import type { TGapSite } from '../service-sites/service-site';
import { TerritoryTree } from '../territories/territory-tree';
import { unit } from '../testing/territory-fixture';
import { buildGapModel, computeGaps, GAP_METHODS, withSurveyNeeds } from './compute-gaps';
import { gapMatrix, percentAsShown, roundAsShown } from './gap-matrix';
import { summariseGaps } from './summarise-gaps';

// Country 1 → province 2 → municipalities 3, 4 (settlements 30, 40); province 5 → municipality 6.
const tree = new TerritoryTree([
  unit(1, null, 'country'),
  unit(2, 1, 'region'),
  unit(3, 2, 'municipality'),
  unit(4, 2, 'municipality'),
  unit(30, 3, 'settlement'),
  unit(40, 4, 'settlement'),
  unit(5, 1, 'region'),
  unit(6, 5, 'municipality'),
]);

const older = (territoryId: number, count: number): TPopulationRow[] => [
  { territoryId, year: 2024, sex: 'T', ageFrom: 0, ageTo: 64, count: 1000 },
  { territoryId, year: 2024, sex: 'T', ageFrom: 65, ageTo: null, count },
];

const norm = (id: number, serviceType: string, ratePer1000: number): TNorm => ({
  id,
  serviceType,
  territoryId: 1,
  target: { kind: 'population', sex: 'T', age: { from: 65, to: null } },
  ratePer1000,
  source: 'illustrative',
  illustrative: true,
});

// Two types counted in places, one in persons a year; home care has no norm (no estimate).
const catalogue = [
  { key: 'bg.day_care_elderly', country: 'BG' as const, unit: 'places' as const },
  { key: 'bg.residential_elderly', country: 'BG' as const, unit: 'places' as const },
  { key: 'bg.home_care', country: 'BG' as const, unit: 'persons_per_year' as const },
];

const site = (id: number, serviceType: string, settlementId: number, capacity: number, users: number | null = null): TGapSite => ({
  id,
  serviceType,
  settlementId,
  servesIds: [],
  capacity,
  users,
  waitingList: null,
  staffPositions: null,
  staffVacancies: null,
});

const model = (rates: { day: number; residential: number }, pops = { 3: 2000, 4: 1000, 6: 500 }) =>
  buildGapModel({
    tree,
    norms: [norm(1, 'bg.day_care_elderly', rates.day), norm(2, 'bg.residential_elderly', rates.residential)],
    population: [...older(3, pops[3]), ...older(4, pops[4]), ...older(6, pops[6])],
    indicators: [],
    serviceTypes: catalogue,
  });

describe('gapMatrix', () => {
  const table = computeGaps(model({ day: 10, residential: 5 }), 2024, [
    site(1, 'bg.day_care_elderly', 30, 15),
    site(2, 'bg.residential_elderly', 40, 12),
    site(3, 'bg.home_care', 30, 40, 35),
  ]);

  it('has every municipality × every service type, and "no estimate" is not 0', () => {
    const m = gapMatrix(table, tree, 2, 'normative', catalogue);
    expect([...m.unitIds].sort()).toEqual([3, 4]);
    expect(m.cells.map((c) => `${c.unitId}:${c.serviceType}`).sort()).toEqual([
      '3:bg.day_care_elderly',
      '3:bg.residential_elderly',
      '3:bg.home_care',
      '4:bg.day_care_elderly',
      '4:bg.residential_elderly',
      '4:bg.home_care',
    ].sort());
    const homeCare = m.cells.find((c) => c.unitId === 3 && c.serviceType === 'bg.home_care')!;
    expect(homeCare).toMatchObject({ capacityUnit: 'persons_per_year', need: null, missing: 'no_norm', gap: null, coverage: null, capacity: 40, incomplete: true });
    expect(m.cells.find((c) => c.unitId === 3 && c.serviceType === 'bg.day_care_elderly')).toMatchObject({ need: 20, capacity: 15, gap: 5, coverage: 0.75 });
  });

  it('totals each service type over the municipalities, as the gap table does', () => {
    const m = gapMatrix(table, tree, 2, 'normative', catalogue);
    const day = m.typeTotals.find((t) => t.serviceType === 'bg.day_care_elderly')!;
    expect(day).toMatchObject({ need: 30, capacity: 15, gap: 15, shortfall: 15, coverage: 0.5, incomplete: false });
    expect(m.typeTotals.find((t) => t.serviceType === 'bg.home_care')).toMatchObject({ need: null, missing: 'no_norm', capacity: 40, gap: null, coverage: null });
    expect(m.typeTotals.map((t) => t.serviceType)).toEqual(catalogue.map((c) => c.key));
  });

  it('never adds places to persons a year: one total per unit', () => {
    const m = gapMatrix(table, tree, 2, 'normative', catalogue);
    // Day care 30 + residential 15 places of need against 15 + 12 places.
    expect(m.unitTotals.need).toEqual([
      { unit: 'places', value: 45, missing: null, partial: false },
      { unit: 'persons_per_year', value: null, missing: 'no_norm', partial: false },
    ]);
    // Home care's 40 persons a year stay apart from the places.
    expect(m.unitTotals.capacity.map((c) => [c.unit, c.value])).toEqual([
      ['places', 27],
      ['persons_per_year', 40],
    ]);
  });

  it('a survey need without an estimate is "no estimate"; with one, it carries its interval', () => {
    const surveyed = withSurveyNeeds(table, new Map([[3, new Map([['bg.home_care', { value: 50, low: 40, high: 62, assessmentId: 9 }]])]]));
    const m = gapMatrix(surveyed, tree, 2, 'survey', catalogue);
    expect(m.cells.find((c) => c.unitId === 3 && c.serviceType === 'bg.home_care')).toMatchObject({ need: 50, needLow: 40, needHigh: 62, gap: 10 });
    expect(m.cells.find((c) => c.unitId === 4 && c.serviceType === 'bg.home_care')).toMatchObject({ need: null, missing: 'no_survey', gap: null, coverage: null });
    expect(m.cells.find((c) => c.unitId === 3 && c.serviceType === 'bg.day_care_elderly')!.need).toBeNull();
  });

  it('a municipality missing from the table still has its cells, without an estimate', () => {
    const m = gapMatrix({ ...table, cells: new Map([...table.cells].filter(([id]) => id !== 4)) }, tree, 2, 'normative', catalogue);
    expect(m.cells.filter((c) => c.unitId === 4)).toHaveLength(3);
    for (const c of m.cells.filter((x) => x.unitId === 4)) expect(c).toMatchObject({ need: null, capacity: 0, gap: null, coverage: null });
  });
});

describe('gapMatrix properties', () => {
  const inputs = fc.record({
    sites: fc.array(
      fc.record({
        type: fc.constantFrom(...catalogue.map((c) => c.key)),
        settlement: fc.constantFrom(30, 40, 6),
        capacity: fc.integer({ min: 0, max: 500 }),
        users: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      }),
      { maxLength: 10 },
    ),
    day: fc.double({ min: 0, max: 100, noNaN: true }),
    residential: fc.double({ min: 0, max: 100, noNaN: true }),
    pop3: fc.integer({ min: 0, max: 50_000 }),
    pop4: fc.integer({ min: 0, max: 50_000 }),
    territory: fc.constantFrom(1, 2, 5),
    method: fc.constantFrom(...GAP_METHODS),
  });

  it('every municipality × type is present, and the totals are the sums of the cells, per unit', () => {
    fc.assert(
      fc.property(inputs, ({ sites, day, residential, pop3, pop4, territory, method }) => {
        const table = computeGaps(
          model({ day, residential }, { 3: pop3, 4: pop4, 6: 700 }),
          2024,
          sites.map((s, i) => site(i + 1, s.type, s.settlement, s.capacity, s.users)),
        );
        const m = gapMatrix(table, tree, territory, method, catalogue);
        expect(m.cells).toHaveLength(m.unitIds.length * catalogue.length);
        for (const u of m.unitIds) for (const c of catalogue) expect(m.cells.filter((x) => x.unitId === u && x.serviceType === c.key)).toHaveLength(1);

        for (const total of m.typeTotals) {
          const parts = m.cells.filter((c) => c.serviceType === total.serviceType);
          const known = parts.filter((c) => c.need !== null);
          expect(total.capacity).toBeCloseTo(parts.reduce((s, c) => s + c.capacity, 0), 6);
          if (known.length === 0) expect(total.need).toBeNull();
          else expect(total.need).toBeCloseTo(known.reduce((s, c) => s + c.need!, 0), 6);
        }
        for (const total of m.unitTotals.capacity) {
          const parts = m.cells.filter((c) => c.capacityUnit === total.unit);
          expect(total.value).toBeCloseTo(parts.reduce((s, c) => s + c.capacity, 0), 6);
        }
        for (const total of m.unitTotals.need) {
          const known = m.cells.filter((c) => c.needUnit === total.unit && c.need !== null);
          if (known.length === 0) expect(total.value).toBeNull();
          else expect(total.value).toBeCloseTo(known.reduce((s, c) => s + c.need!, 0), 6);
        }
        // Places and persons a year are never in one figure.
        expect(new Set(m.unitTotals.capacity.map((c) => c.unit)).size).toBe(m.unitTotals.capacity.length);
        // The totals by service type are the gap table's own rows.
        for (const row of summariseGaps(table, tree, territory, method).rows) {
          expect(m.typeTotals.find((t) => t.serviceType === row.serviceType)).toMatchObject({ need: row.need, capacity: row.capacity, gap: row.gap, coverage: row.coverage });
        }
      }),
    );
  });

  it('rounds as Intl writes the number on screen', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 3 }), (value, digits) => {
        const shown = new Intl.NumberFormat('en-GB', { maximumFractionDigits: digits, useGrouping: false }).format(value);
        expect(roundAsShown(value, digits)).toBe(Number(shown) || 0);
        expect(Object.is(roundAsShown(value, digits), -0)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (share) => {
        const shown = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0, useGrouping: false }).format(share);
        expect(percentAsShown(share)).toBe(Number(shown.replace('%', '')));
      }),
    );
    expect(roundAsShown(227.62500000000003, 1)).toBe(227.6);
    expect(roundAsShown(0.25, 1)).toBe(0.3);
    expect(roundAsShown(-0.25, 1)).toBe(-0.3);
    expect(percentAsShown(0.425)).toBe(43);
  });
});
