import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemCost, itemYears, planBudget, UnitCostBook } from './budget';
import { item, itemsArb } from './plan-arbitraries';

const standards = [
  { country: 'BG' as const, serviceType: 'day_care', year: 2026, cost: 9_000 },
  { country: 'BG' as const, serviceType: 'day_care', year: 2028, cost: 10_000 },
  { country: 'UA' as const, serviceType: 'day_care', year: 2026, cost: 1 },
  { country: 'BG' as const, serviceType: 'shelter', year: 2029, cost: 20_000 },
];
const book = new UnitCostBook('BG', standards);

describe('UnitCostBook', () => {
  it('takes the year\'s standard, else the latest earlier one, else the earliest later one', () => {
    expect(book.costFor('day_care', 2026)).toBe(9_000);
    expect(book.costFor('day_care', 2027)).toBe(9_000);
    expect(book.costFor('day_care', 2030)).toBe(10_000);
    expect(book.costFor('shelter', 2026)).toBe(20_000);
    expect(book.costFor('home_care', 2026)).toBeNull();
  });
});

describe('itemCost', () => {
  it('is the item\'s own cost when given', () => {
    expect(itemCost(item({ id: 1, annualCost: 50_000 }), 2026, book)).toEqual({ cost: 50_000, basis: 'own', unitCost: null });
  });

  it('is |change| × the unit cost otherwise', () => {
    expect(itemCost(item({ id: 1, capacityChange: 10 }), 2026, book)).toEqual({ cost: 90_000, basis: 'unit_cost', unitCost: 9_000 });
  });

  it('is a saving (negative) for a reduction', () => {
    expect(itemCost(item({ id: 1, capacityChange: -4 }), 2028, book).cost).toBe(-40_000);
    expect(itemCost(item({ id: 1, capacityChange: -4, annualCost: 30_000 }), 2028, book).cost).toBe(-30_000);
  });

  it('is null, never 0, with no own cost and no standard', () => {
    expect(itemCost(item({ id: 1, serviceType: 'home_care' }), 2026, book)).toEqual({ cost: null, basis: null, unitCost: null });
  });
});

describe('planBudget', () => {
  const period = { from: 2026, to: 2030 };

  it('gives rows by municipality, funding source and year from each item\'s start year on', () => {
    const budget = planBudget({
      country: 'BG',
      period,
      unitCosts: standards,
      items: [
        item({ id: 1, municipalityId: 1, capacityChange: 10, startYear: 2027 }),
        item({ id: 2, municipalityId: 1, fundingSource: 'eu_project', annualCost: 5_000, startYear: 2029 }),
        item({ id: 3, municipalityId: 2, serviceType: 'home_care', startYear: 2030 }),
      ],
    });
    expect(budget.rows).toEqual([
      { municipalityId: 1, fundingSource: 'municipal', year: 2027, cost: 90_000, unpricedItems: 0 },
      { municipalityId: 1, fundingSource: 'municipal', year: 2028, cost: 100_000, unpricedItems: 0 },
      { municipalityId: 1, fundingSource: 'municipal', year: 2029, cost: 100_000, unpricedItems: 0 },
      { municipalityId: 1, fundingSource: 'municipal', year: 2030, cost: 100_000, unpricedItems: 0 },
      { municipalityId: 1, fundingSource: 'eu_project', year: 2029, cost: 5_000, unpricedItems: 0 },
      { municipalityId: 1, fundingSource: 'eu_project', year: 2030, cost: 5_000, unpricedItems: 0 },
      { municipalityId: 2, fundingSource: 'municipal', year: 2030, cost: null, unpricedItems: 1 },
    ]);
    expect(budget.municipalities.find((m) => m.municipalityId === 1 && m.year === 2030)).toEqual({ municipalityId: 1, year: 2030, cost: 105_000, unpricedItems: 0 });
    expect(budget.years.find((y) => y.year === 2030)).toEqual({ year: 2030, cost: 105_000, unpricedItems: 1 });
    expect(budget.itemCosts.get(1)).toEqual({ cost: 90_000, basis: 'unit_cost', unitCost: 9_000 });
  });

  it('compares each envelope with its items\' dearest year', () => {
    const budget = planBudget({
      country: 'BG',
      period,
      unitCosts: [],
      items: [item({ id: 1, annualCost: 70_000 }), item({ id: 2, annualCost: 40_000, startYear: 2029 }), item({ id: 3, annualCost: 1_000, fundingSource: 'eu_project' })],
      envelopes: [
        { municipalityId: 1, fundingSource: null, annualLimit: 100_000 },
        { municipalityId: 1, fundingSource: 'eu_project', annualLimit: 5_000 },
      ],
    });
    expect(budget.envelopes.map(({ year, cost, over }) => ({ year, cost, over }))).toEqual([
      { year: 2029, cost: 111_000, over: true },
      { year: 2026, cost: 1_000, over: false },
    ]);
  });

  it('adds up: the rows\' sum is the sum of every item\'s yearly costs (property)', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const budget = planBudget({ country: 'BG', period, unitCosts: standards, items });
        let expected = 0;
        let unpriced = 0;
        for (const it of items) {
          for (const y of itemYears(it, period)) {
            const c = itemCost(it, y, book).cost;
            if (c === null) unpriced += 1;
            else expected += c;
          }
        }
        const rows = budget.rows.reduce((s, r) => s + (r.cost ?? 0), 0);
        expect(rows).toBeCloseTo(expected, 6);
        expect(budget.rows.reduce((s, r) => s + r.unpricedItems, 0)).toBe(unpriced);
        expect(budget.municipalities.reduce((s, r) => s + (r.cost ?? 0), 0)).toBeCloseTo(expected, 6);
        expect(budget.fundingSources.reduce((s, r) => s + (r.cost ?? 0), 0)).toBeCloseTo(expected, 6);
      }),
    );
  });

  it('does not depend on the order of items (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.func(fc.integer()), (items, key) => {
        const envelopes = [{ municipalityId: 2, fundingSource: null, annualLimit: 100_000 }];
        const a = planBudget({ country: 'BG', period, unitCosts: standards, items, envelopes });
        const b = planBudget({ country: 'BG', period, unitCosts: standards, items: [...items].sort((x, y) => key(x.id) - key(y.id)), envelopes });
        expect(b).toEqual(a);
      }),
    );
  });
});
