import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GAP_METHODS } from './compute-gaps';
import { comparableUnits, gapTotals, methodEstimate, NEED_UNITS, NO_ESTIMATE_REASONS, needUnitOf, sumByUnit } from './gap-units';
import type { GapRow } from './summarise-gaps';

const CAPACITY_UNITS = ['places', 'persons_per_year'] as const;

/** A gap row as summariseGaps makes it: gap, coverage and shortfall only where need and capacity compare. */
const rowArb = fc
  .record({
    serviceType: fc.constantFrom('a', 'b', 'c', 'd'),
    method: fc.constantFrom(...GAP_METHODS),
    capacityUnit: fc.constantFrom(...CAPACITY_UNITS),
    need: fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: null }),
    missing: fc.constantFrom(...NO_ESTIMATE_REASONS),
    capacity: fc.double({ min: 0, max: 10_000, noNaN: true }),
  })
  .map(({ serviceType, method, capacityUnit, need, missing, capacity }): GapRow => {
    const needUnit = needUnitOf(method, capacityUnit);
    const comparable = comparableUnits(needUnit, capacityUnit);
    const gap = need === null || !comparable ? null : need - capacity;
    return {
      serviceType,
      method,
      need,
      needUnit,
      missing: need === null ? missing : null,
      capacity,
      capacityUnit,
      comparable,
      gap,
      needLow: null,
      needHigh: null,
      gapLow: null,
      gapHigh: null,
      coverage: need && comparable ? capacity / need : null,
      shortfall: gap === null ? null : Math.max(0, gap),
      incomplete: false,
      staffPositions: 0,
      staffVacancies: 0,
    };
  });

const row = (over: Partial<GapRow>): GapRow => ({
  serviceType: 'x',
  method: 'normative',
  need: null,
  needUnit: 'places',
  missing: null,
  capacity: 0,
  capacityUnit: 'places',
  comparable: true,
  gap: null,
  needLow: null,
  needHigh: null,
  gapLow: null,
  gapHigh: null,
  coverage: null,
  shortfall: null,
  incomplete: false,
  staffPositions: 0,
  staffVacancies: 0,
  ...over,
});

describe('units of need and capacity', () => {
  it('a survey counts persons; a norm and observed demand count in the capacity unit', () => {
    expect(needUnitOf('survey', 'places')).toBe('persons');
    expect(needUnitOf('normative', 'persons_per_year')).toBe('persons_per_year');
    expect(needUnitOf('observed', 'places')).toBe('places');
    // Persons who would use a service at some time are not places at one time.
    expect(comparableUnits('persons', 'places')).toBe(false);
    expect(comparableUnits('persons', 'persons_per_year')).toBe(true);
    expect(comparableUnits('places', 'places')).toBe(true);
  });

  it('keeps 120 places and 300 persons a year apart instead of printing 420', () => {
    const totals = gapTotals([
      row({ serviceType: 'day', need: 150, capacity: 120, gap: 30, shortfall: 30 }),
      row({ serviceType: 'home', need: 250, needUnit: 'persons_per_year', capacity: 300, capacityUnit: 'persons_per_year', gap: -50, shortfall: 0 }),
    ]);
    expect(totals.capacity).toEqual([
      { unit: 'places', value: 120, missing: null, partial: false },
      { unit: 'persons_per_year', value: 300, missing: null, partial: false },
    ]);
    expect(totals.need.map((t) => t.value)).toEqual([150, 250]);
    expect(totals.shortfall.map((t) => t.value)).toEqual([30, 0]);
  });

  it('says "no estimate" and why, not 0, when no row of a unit has a need', () => {
    const totals = gapTotals([row({ method: 'survey', needUnit: 'persons', missing: 'no_survey', capacity: 2015, comparable: false })]);
    expect(totals.need).toEqual([{ unit: 'persons', value: null, missing: 'no_survey', partial: false }]);
    expect(totals.shortfall).toEqual([{ unit: 'places', value: null, missing: 'no_survey', partial: false }]);
    expect(totals.capacity).toEqual([{ unit: 'places', value: 2015, missing: null, partial: false }]);
    expect(methodEstimate('survey', [row({ method: 'survey', missing: 'no_survey' })])).toEqual({ method: 'survey', estimate: false, missing: 'no_survey' });
    expect(methodEstimate('survey', [])).toEqual({ method: 'survey', estimate: false, missing: 'no_survey' });
  });

  it('gives no shortfall between a survey’s persons and places', () => {
    const totals = gapTotals([row({ method: 'survey', need: 2974, needUnit: 'persons', capacity: 30, comparable: false })]);
    expect(totals.need).toEqual([{ unit: 'persons', value: 2974, missing: null, partial: false }]);
    expect(totals.shortfall).toEqual([{ unit: 'places', value: null, missing: 'not_comparable', partial: false }]);
  });

  it('property: every total is the sum of its own unit’s rows only, and the units never mix', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), (rows) => {
        const totals = gapTotals(rows);
        for (const kind of ['need', 'capacity', 'shortfall'] as const) {
          const units = totals[kind].map((t) => t.unit);
          expect(new Set(units).size).toBe(units.length); // one total per unit
          expect(units).toEqual(NEED_UNITS.filter((u) => units.includes(u))); // in a fixed order
        }
        for (const t of totals.capacity) {
          const own = rows.filter((r) => r.capacityUnit === t.unit);
          expect(t.value).toBeCloseTo(own.reduce((s, r) => s + r.capacity, 0), 6);
        }
        for (const t of totals.need) {
          const own = rows.filter((r) => r.needUnit === t.unit);
          const known = own.filter((r) => r.need !== null);
          expect(t.value === null).toBe(known.length === 0);
          if (t.value !== null) expect(t.value).toBeCloseTo(known.reduce((s, r) => s + r.need!, 0), 6);
        }
        // A shortfall is never taken between a need and a capacity that do not compare.
        for (const t of totals.shortfall) {
          const own = rows.filter((r) => r.capacityUnit === t.unit && r.comparable && r.need !== null);
          expect(t.value === null).toBe(own.length === 0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: a missing estimate never becomes 0, and always says why', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ unit: fc.constantFrom(...NEED_UNITS), value: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: null }), missing: fc.constantFrom(...NO_ESTIMATE_REASONS) })), (parts) => {
        for (const total of sumByUnit(parts.map((p) => ({ ...p, missing: p.value === null ? p.missing : null })))) {
          const own = parts.filter((p) => p.unit === total.unit);
          if (own.every((p) => p.value === null)) {
            expect(total.value).toBeNull();
            expect(total.missing).not.toBeNull();
          } else {
            expect(total.value).not.toBeNull();
            expect(total.partial).toBe(own.some((p) => p.value === null));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
