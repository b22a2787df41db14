import { describe, expect, it } from 'vitest';
import type { PlanEvaluationInput } from './checks';
import { item, row } from './plan-arbitraries';
import { ageBandTarget, applyScenario, changeFor, compareEvaluations, evaluateScenario } from './scenario';
import { evaluatePlan } from './checks';

const input: PlanEvaluationInput = {
  gaps: {
    method: 'normative',
    rows: [
      row({ municipalityId: 1, serviceType: 'day_care', need: { value: 20 }, capacity: 12, target: 'p:T:65:' }),
      row({ municipalityId: 2, serviceType: 'day_care', need: { value: 10 }, capacity: 4, target: 'p:T:65:' }),
      row({ municipalityId: 2, serviceType: 'children', need: { value: 30, low: 20, high: 40 }, capacity: 0, target: 'p:T:0:17' }),
    ],
  },
  items: [item({ id: 1, municipalityId: 1, capacityChange: 8, annualCost: 50_000 }), item({ id: 2, municipalityId: 2, capacityChange: 6, annualCost: 40_000 })],
  settings: { gapThreshold: 5, diversityTarget: 0 },
  country: 'BG',
  period: { from: 2026, to: 2030 },
};

describe('scenarios', () => {
  it('change, remove and add items and recompute gaps, checks and budget', () => {
    const ev = evaluateScenario(input, {
      items: [{ itemId: 1, capacityChange: 2, annualCost: 10_000 }, { itemId: 2, removed: true }],
      addedItems: [item({ id: -1, municipalityId: 2, serviceType: 'children', capacityChange: 30, annualCost: 90_000 })],
    });
    expect(ev.gaps.cells.find((c) => c.municipalityId === 1)!.gapAfter).toBe(6);
    expect(ev.checks.map((c) => `${c.check}:${c.municipalityId}:${c.serviceType}`)).toEqual(['unaddressed_gap:2:day_care']);
    expect(ev.budget.years.at(-1)).toEqual({ year: 2030, cost: 100_000, unpricedItems: 0 });
    // the round itself is untouched
    expect(input.items.map((i) => i.capacityChange)).toEqual([8, 6]);
  });

  it('scale need by a yearly population change, compounded from the base year, for the target aimed at', () => {
    expect(ageBandTarget(65, null)).toBe('p:T:65:');
    const changed = applyScenario(input, { baseYear: 2028, population: [{ municipalityId: null, target: ageBandTarget(65, null), percentPerYear: 10 }] });
    expect(changed.gaps.rows.map((r) => r.need?.value)).toEqual([20 * 1.21, 10 * 1.21, 30].map((x) => expect.closeTo(x, 9)));
  });

  it('apply the most specific population change, with an imported factor also to the interval', () => {
    const changes = [
      { municipalityId: null, target: null, factor: 2 },
      { municipalityId: 2, target: null, factor: 0.5 },
    ];
    expect(changeFor({ municipalityId: 2, target: 'p:T:0:17' }, changes)?.factor).toBe(0.5);
    expect(changeFor({ municipalityId: 1, target: 'p:T:65:' }, changes)?.factor).toBe(2);
    const changed = applyScenario(input, { population: changes });
    expect(changed.gaps.rows.map((r) => r.need)).toEqual([{ value: 40, low: undefined, high: undefined }, { value: 5, low: undefined, high: undefined }, { value: 15, low: 10, high: 20 }]);
  });

  it('compare two scenarios side by side', () => {
    const a = evaluatePlan(input);
    const b = evaluateScenario(input, { items: [{ itemId: 2, removed: true }] });
    const cmp = compareEvaluations(a, b);
    expect(cmp.gaps.find((g) => g.municipalityId === 2 && g.serviceType === 'day_care')).toEqual({ municipalityId: 2, serviceType: 'day_care', unit: 'places', a: 0, b: 6 });
    expect(cmp.checks.find((c) => c.check === 'unaddressed_gap')).toEqual({ check: 'unaddressed_gap', a: 1, b: 2 });
    expect(cmp.budget.at(-1)).toEqual({ year: 2030, a: 90_000, b: 50_000 });
  });
});
