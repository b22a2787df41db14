import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGapModel, computeGaps, withSurveyNeeds } from '../gaps/compute-gaps';
import { TerritoryTree } from '../territories/territory-tree';
import { unit } from '../testing/territory-fixture';
import { cellKey, gapAfterPlan, itemShares, planGapInput } from './gap-after-plan';
import { gapInputArb, item, itemsArb, row } from './plan-arbitraries';

describe('itemShares', () => {
  it('gives the whole change to the proposing municipality when served names no one', () => {
    expect(itemShares(item({ id: 1, capacityChange: 12 }))).toEqual([{ itemId: 1, municipalityId: 1, change: 12 }]);
  });

  it('gives each served municipality its places and the host the rest', () => {
    const shares = itemShares(item({ id: 1, municipalityId: 5, capacityChange: 20, served: [{ municipalityId: 7, capacity: 6 }, { municipalityId: 3, capacity: 4 }] }));
    expect(shares).toEqual([
      { itemId: 1, municipalityId: 3, change: 4 },
      { itemId: 1, municipalityId: 5, change: 10 },
      { itemId: 1, municipalityId: 7, change: 6 },
    ]);
  });

  it('shares in proportion, in whole places, when served names more places than the item adds', () => {
    const shares = itemShares(item({ id: 1, municipalityId: 5, capacityChange: 10, served: [{ municipalityId: 5, capacity: 10 }, { municipalityId: 6, capacity: 5 }, { municipalityId: 7, capacity: 5 }] }));
    expect(shares.map((s) => s.change)).toEqual([5, 3, 2]); // 5, 2.5, 2.5: the tie goes to the lower id
  });

  it('shares a reduction with negative parts', () => {
    const shares = itemShares(item({ id: 1, municipalityId: 5, capacityChange: -8, served: [{ municipalityId: 6, capacity: 3 }] }));
    expect(shares).toEqual([
      { itemId: 1, municipalityId: 5, change: -5 },
      { itemId: 1, municipalityId: 6, change: -3 },
    ]);
  });

  it('always adds up to the change, whatever the order of served (property)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        for (const it of items) {
          const shares = itemShares(it);
          expect(shares.reduce((s, x) => s + x.change, 0)).toBe(it.capacityChange);
          for (const s of shares) expect(Number.isInteger(s.change)).toBe(true);
          expect(itemShares({ ...it, served: [...it.served].reverse() })).toEqual(shares);
        }
      }),
    );
  });
});

describe('gapAfterPlan', () => {
  const input = {
    method: 'observed' as const,
    rows: [
      row({ municipalityId: 1, serviceType: 'day_care', need: { value: 30 }, capacity: 12 }),
      row({ municipalityId: 2, serviceType: 'day_care', need: { value: 10 }, capacity: 10 }),
      row({ municipalityId: 1, serviceType: 'home_care', unit: 'persons_per_year', need: null, missing: 'no_norm', capacity: 40 }),
    ],
  };

  it('gives the gap before and after: need − (capacity + changes)', () => {
    const gaps = gapAfterPlan(input, [item({ id: 1, capacityChange: 10 }), item({ id: 2, capacityChange: 5 })]);
    const cell = gaps.cells.find((c) => c.municipalityId === 1 && c.serviceType === 'day_care')!;
    expect(cell).toMatchObject({ need: 30, capacity: 12, change: 15, capacityAfter: 27, gapBefore: 18, gapAfter: 3 });
    expect(cell.items.map((s) => s.itemId)).toEqual([1, 2]);
  });

  it('keeps "no estimate" as null, never 0, while capacity still changes', () => {
    const gaps = gapAfterPlan(input, [item({ id: 1, serviceType: 'home_care', unit: 'persons_per_year', capacityChange: 10 })]);
    const cell = gaps.cells.find((c) => c.serviceType === 'home_care')!;
    expect(cell).toMatchObject({ need: null, missing: 'no_norm', gapBefore: null, gapAfter: null, capacityAfter: 50 });
  });

  it('never adds an item in another unit (places to persons a year)', () => {
    const gaps = gapAfterPlan(input, [item({ id: 9, serviceType: 'home_care', unit: 'places', capacityChange: 10 })]);
    expect(gaps.mismatchedItemIds).toEqual([9]);
    expect(gaps.cells.find((c) => c.serviceType === 'home_care')!.capacityAfter).toBe(40);
  });

  it('leaves out items starting after the year asked', () => {
    const gaps = gapAfterPlan(input, [item({ id: 1, startYear: 2027 }), item({ id: 2, startYear: 2029 })], { year: 2028 });
    expect(gaps.laterItemIds).toEqual([2]);
    expect(gaps.cells.find((c) => c.municipalityId === 1 && c.serviceType === 'day_care')!.change).toBe(10);
  });

  it('adds a served municipality its places from another municipality\'s item', () => {
    const gaps = gapAfterPlan(input, [item({ id: 1, municipalityId: 1, capacityChange: 10, served: [{ municipalityId: 2, capacity: 4 }] })]);
    expect(gaps.cells.find((c) => c.municipalityId === 2)).toMatchObject({ change: 4, gapAfter: -4 });
    expect(gaps.cells.find((c) => c.municipalityId === 1 && c.serviceType === 'day_care')).toMatchObject({ change: 6 });
  });

  it('carries a survey interval into both gaps', () => {
    const gaps = gapAfterPlan({ method: 'survey', rows: [row({ municipalityId: 1, serviceType: 'x', unit: 'persons_per_year', need: { value: 20, low: 8, high: 35 }, capacity: 10 })] }, [
      item({ id: 1, serviceType: 'x', unit: 'persons_per_year', capacityChange: 5 }),
    ]);
    expect(gaps.cells[0]).toMatchObject({ gapBefore: 10, gapBeforeLow: -2, gapBeforeHigh: 25, gapAfter: 5, gapAfterLow: -7, gapAfterHigh: 20 });
  });

  it('gap after = gap before − change, and the changes add up to the items\' (property)', () => {
    fc.assert(
      fc.property(gapInputArb, itemsArb, (gapInput, items) => {
        const gaps = gapAfterPlan(gapInput, items);
        let total = 0;
        for (const c of gaps.cells) {
          total += c.change;
          expect(c.capacityAfter).toBe(c.capacity + c.change);
          if (c.gapBefore === null) expect(c.gapAfter).toBeNull();
          else expect(c.gapAfter).toBe(c.gapBefore - c.change);
        }
        const counted = items.filter((i) => !gaps.mismatchedItemIds.includes(i.id));
        expect(total).toBe(counted.reduce((s, i) => s + i.capacityChange, 0));
      }),
    );
  });

  it('does not depend on the order of items (property)', () => {
    fc.assert(
      fc.property(gapInputArb, itemsArb, fc.func(fc.integer()), (gapInput, items, key) => {
        const shuffled = [...items].sort((a, b) => key(a.id) - key(b.id));
        expect(gapAfterPlan(gapInput, shuffled)).toEqual(gapAfterPlan(gapInput, items));
      }),
    );
  });
});

describe('planGapInput', () => {
  it('takes the method\'s need from the gap table, null where it does not compare with capacity', () => {
    const tree = new TerritoryTree([unit(1, null, 'country'), unit(2, 1, 'municipality')]);
    const model = buildGapModel({
      tree,
      norms: [{ id: 1, serviceType: 'day_care', territoryId: 1, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000: 30, source: null, illustrative: true }],
      population: [{ territoryId: 2, year: 2025, sex: 'T', ageFrom: 65, ageTo: null, count: 1000 }],
      indicators: [],
      serviceTypes: [
        { key: 'day_care', country: 'BG', unit: 'places' },
        { key: 'home_care', country: 'BG', unit: 'persons_per_year' },
      ],
    });
    const table = withSurveyNeeds(
      computeGaps(model, 2025, [{ id: 7, serviceType: 'day_care', settlementId: 2, servesIds: [], capacity: 15, users: 14, waitingList: 6, staffPositions: null, staffVacancies: null }]),
      new Map([[2, new Map([['day_care', { value: 40, low: 30, high: 50, assessmentId: 1 }], ['home_care', { value: 12, low: 8, high: 16, assessmentId: 1 }]])]]),
    );
    const types = [
      { key: 'day_care', unit: 'places' as const },
      { key: 'home_care', unit: 'persons_per_year' as const },
    ];
    const observed = planGapInput(table, [2], 'observed', types);
    expect(observed.rows[0]).toMatchObject({ municipalityId: 2, serviceType: 'day_care', need: { value: 20 }, capacity: 15 });
    expect(planGapInput(table, [2], 'normative', types).rows[0]).toMatchObject({ need: { value: 30 }, target: 'p:T:65:' });
    const survey = planGapInput(table, [2], 'survey', types);
    // persons who would use a service are not places: no gap for day care
    expect(survey.rows[0]).toMatchObject({ need: null, missing: 'not_comparable' });
    expect(survey.rows[1]).toMatchObject({ need: { value: 12, low: 8, high: 16 }, capacity: 0 });
    expect(survey.rows[1]!.target).toBeNull(); // no norm
    expect(planGapInput(table, [2], 'survey', types, () => 'p:T:65:').rows[1]!.target).toBe('p:T:65:');
    const gaps = gapAfterPlan(survey, []);
    expect(gaps.cells.map((c) => cellKey(c.municipalityId, c.serviceType))).toEqual([cellKey(2, 'day_care'), cellKey(2, 'home_care')]);
  });
});
