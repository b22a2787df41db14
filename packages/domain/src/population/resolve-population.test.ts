import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TerritoryTree } from '../territories/territory-tree';
import { ALL_AGES, type TPopulationRow } from './population';
import { countInBands, PopulationIndex, PopulationResolver, yearPreference } from './resolve-population';
import { unit } from '../testing/territory-fixture';

// A province (2) with two municipalities (3, 4); municipality 3 has two settlements (5, 6).
const tree = new TerritoryTree([unit(1, null, 'country'), unit(2, 1, 'region'), unit(3, 2, 'municipality'), unit(4, 2, 'municipality'), unit(5, 3, 'settlement'), unit(6, 3, 'settlement')]);

const row = (territoryId: number, year: number, sex: 'F' | 'M' | 'T', ageFrom: number, ageTo: number | null, count: number): TPopulationRow => ({
  territoryId,
  year,
  sex,
  ageFrom,
  ageTo,
  count,
});

describe('countInBands', () => {
  const bands = [
    { ageFrom: 0, ageTo: 4, count: 50 },
    { ageFrom: 5, ageTo: 64, count: 600 },
    { ageFrom: 65, ageTo: null, count: 100 },
  ];

  it('sums whole bands inside the range', () => {
    expect(countInBands(bands, { from: 65, to: null })).toEqual({ value: 100, approximated: false });
    expect(countInBands(bands, ALL_AGES)).toEqual({ value: 750, approximated: false });
  });

  it('splits a narrow band pro rata and says so', () => {
    const fiveYear = [
      { ageFrom: 15, ageTo: 19, count: 100 },
      { ageFrom: 20, ageTo: 24, count: 50 },
    ];
    expect(countInBands(fiveYear, { from: 18, to: 24 })).toEqual({ value: 40 + 50, approximated: true });
  });

  it('refuses to split a wide band, an open band, or to cover a gap', () => {
    expect(countInBands(bands, { from: 18, to: 64 })).toBeNull(); // 5–64 is too wide to split
    expect(countInBands(bands, { from: 80, to: null })).toBeNull(); // "65 and over" cannot be split
    expect(countInBands([{ ageFrom: 0, ageTo: 4, count: 1 }, { ageFrom: 10, ageTo: null, count: 1 }], ALL_AGES)).toBeNull();
  });

  it('refuses overlapping bands instead of counting people twice', () => {
    expect(countInBands([{ ageFrom: 0, ageTo: 9, count: 1 }, { ageFrom: 5, ageTo: null, count: 1 }], ALL_AGES)).toBeNull();
  });

  it('never counts more people than the bands hold, and whole ranges add up (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 2, maxLength: 25 }), fc.integer({ min: 0, max: 200 }), (counts, cut) => {
        const fiveYear = counts.map((count, i) => ({ ageFrom: i * 5, ageTo: i === counts.length - 1 ? null : i * 5 + 4, count }));
        const total = counts.reduce((a, b) => a + b, 0);
        const all = countInBands(fiveYear, ALL_AGES)!;
        expect(all.value).toBe(total);
        const edge = Math.min(cut - (cut % 5), (counts.length - 1) * 5);
        const below = countInBands(fiveYear, { from: 0, to: edge - 1 });
        const above = countInBands(fiveYear, { from: edge, to: null })!;
        expect((below?.value ?? 0) + above.value).toBe(total);
      }),
    );
  });
});

describe('yearPreference', () => {
  it('prefers the latest year at or before the one asked, then later years', () => {
    expect(yearPreference([2011, 2013, 2021, 2023], 2022)).toEqual([2021, 2013, 2011, 2023]);
    expect(yearPreference([2025], 2020)).toEqual([2025]);
  });
});

describe('PopulationResolver', () => {
  it('answers from the unit’s own table when it has one', () => {
    const r = new PopulationResolver(tree, new PopulationIndex([row(3, 2021, 'T', 0, 64, 900), row(3, 2021, 'T', 65, null, 100)]));
    const f = r.resolve(3, 2021, { sex: 'T', age: { from: 65, to: null } })!;
    expect(f.value).toBe(100);
    expect(f.source).toEqual({ how: 'direct', year: 2021, approximated: false });
  });

  it('combines women and men when there is no total row', () => {
    const r = new PopulationResolver(tree, new PopulationIndex([row(3, 2021, 'F', 0, null, 520), row(3, 2021, 'M', 0, null, 480)]));
    expect(r.total(3, 2021)!.value).toBe(1000);
  });

  it('sums the parts when the unit has no table but all its parts do', () => {
    const r = new PopulationResolver(tree, new PopulationIndex([row(5, 2013, 'T', 0, null, 300), row(6, 2013, 'T', 0, null, 200)]));
    const f = r.total(3, 2013)!;
    expect(f.value).toBe(500);
    expect(f.source).toMatchObject({ how: 'sum_of_parts', year: 2013, parts: 2 });
  });

  it('does not sum the parts when one part is unknown', () => {
    const r = new PopulationResolver(tree, new PopulationIndex([row(5, 2013, 'T', 0, null, 300)]));
    expect(r.total(3, 2013)).toBeNull();
  });

  it('apportions an enclosing unit’s age structure by the unit’s share of its total', () => {
    // The province has an age table for 2021 and totals for 2013; the municipalities only
    // have 2013 totals (the situation of Bulgarian municipalities in the reference data).
    const r = new PopulationResolver(
      tree,
      new PopulationIndex([
        row(2, 2021, 'T', 0, 64, 8000),
        row(2, 2021, 'T', 65, null, 2000),
        row(2, 2013, 'T', 0, null, 12_000),
        row(3, 2013, 'T', 0, null, 3000),
        row(4, 2013, 'T', 0, null, 9000),
      ]),
    );
    const older = r.resolve(3, 2021, { sex: 'T', age: { from: 65, to: null } })!;
    expect(older.value).toBeCloseTo(2000 * (3000 / 12_000), 9);
    expect(older.source).toMatchObject({ how: 'apportioned', year: 2021, from: { territoryId: 2, value: 2000, year: 2021 }, share: { year: 2013, own: 3000, enclosing: 12_000, of: 'peers' } });
    // For the total of 2021 the apportioned 2021 estimate beats the 2013 figure.
    const total = r.total(3, 2021)!;
    expect(total.source.how).toBe('apportioned');
    expect(total.value).toBeCloseTo(10_000 * 0.25, 9);
  });

  it('uses the nearest earlier year when the year asked has no data', () => {
    const r = new PopulationResolver(tree, new PopulationIndex([row(3, 2019, 'T', 0, null, 10), row(3, 2024, 'T', 0, null, 99)]));
    expect(r.total(3, 2021)!.source.year).toBe(2019);
  });

  it('shares come from totals of one source, so they add up to one even when sources disagree', () => {
    // The province's published total (12,000) differs from the sum of its municipalities'
    // (3,000 + 10,000): each share is taken of the 13,000 they add up to.
    const r = new PopulationResolver(
      tree,
      new PopulationIndex([row(2, 2021, 'T', 0, 64, 8000), row(2, 2021, 'T', 65, null, 2000), row(2, 2013, 'T', 0, null, 12_000), row(3, 2013, 'T', 0, null, 3000), row(4, 2013, 'T', 0, null, 10_000)]),
    );
    const q = { sex: 'T' as const, age: { from: 65, to: null } };
    const m3 = r.resolve(3, 2021, q)!;
    expect(m3.source).toMatchObject({ how: 'apportioned', share: { own: 3000, enclosing: 13_000, of: 'peers' } });
    expect(m3.value + r.resolve(4, 2021, q)!.value).toBeCloseTo(2000, 9);
  });

  it('apportioned figures of all municipalities add up to the province figure (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 50_000 }),
        (a, b, young, old) => {
          const r = new PopulationResolver(
            tree,
            new PopulationIndex([row(2, 2021, 'T', 0, 64, young), row(2, 2021, 'T', 65, null, old), row(3, 2021, 'T', 0, null, a), row(4, 2021, 'T', 0, null, b)]),
          );
          // The province's own total (young + old) differs from a + b; shares are taken of a + b.
          const q = { sex: 'T' as const, age: { from: 65, to: null } };
          const m3 = r.resolve(3, 2021, q)!;
          const m4 = r.resolve(4, 2021, q)!;
          expect(m3.value + m4.value).toBeCloseTo(old, 6);
          expect(m3.value / old).toBeCloseTo(a / (a + b), 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});
