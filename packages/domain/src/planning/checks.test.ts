import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilingsFor, checkPlan, compareChecks, evaluatePlan, roundToTenth, type PlanEvaluationInput } from './checks';
import { roundAsShown } from '../gaps/gap-matrix';
import type { PlanCheck } from './proposal';
import { itemShares, type PlanItem } from './gap-after-plan';
import { gapInputArb, item, itemsArb, row } from './plan-arbitraries';

const settings = { gapThreshold: 5, diversityTarget: 0 };
const base = (over: Partial<PlanEvaluationInput> = {}): PlanEvaluationInput => ({
  gaps: {
    method: 'observed',
    rows: [
      row({ municipalityId: 1, serviceType: 'day_care', need: { value: 20 }, capacity: 12 }), // gap 8
      row({ municipalityId: 2, serviceType: 'day_care', need: { value: 10 }, capacity: 12 }), // gap −2
      row({ municipalityId: 2, serviceType: 'shelter', need: null, capacity: 4 }),
    ],
  },
  items: [],
  settings,
  country: 'BG',
  period: { from: 2026, to: 2030 },
  ...over,
});
const kinds = (items: PlanItem[], over: Partial<PlanEvaluationInput> = {}) => checkPlan(base({ items, ...over })).map((c) => `${c.check}:${c.municipalityId}:${c.serviceType ?? ''}:${c.itemId ?? ''}`);

describe('unaddressed_gap', () => {
  it('fires for a gap above the threshold with no item, with the gap and the threshold', () => {
    expect(checkPlan(base())).toEqual([
      { check: 'unaddressed_gap', severity: 'problem', municipalityId: 1, serviceType: 'day_care', itemId: null, taskId: null, value: 8, limit: 5, fundingSource: null, unit: 'places' },
    ]);
  });

  it('is cleared by an item adding capacity, however small', () => {
    expect(kinds([item({ id: 1, capacityChange: 1 })])).toEqual([]);
  });

  it('is not cleared by a reduction', () => {
    expect(kinds([item({ id: 1, capacityChange: -1 })])).toEqual(['unaddressed_gap:1:day_care:']);
  });

  it('is cleared by another municipality\'s item whose served names this one', () => {
    const serving = item({ id: 1, municipalityId: 2, capacityChange: 10, served: [{ municipalityId: 1, capacity: 8 }] });
    expect(kinds([serving])).toEqual([]);
  });

  it('is covered by an item with no capacity change, or by an explanation', () => {
    expect(kinds([item({ id: 1, capacityChange: 0 })])).toEqual([]);
    expect(kinds([item({ id: 1, capacityChange: -2, explanation: 'The neighbouring centre takes them.' })])).toEqual([]);
    expect(kinds([item({ id: 1, capacityChange: -2, explanation: '   ' })])).toEqual(['unaddressed_gap:1:day_care:']);
  });

  it('compares the numbers as shown: a gap of 5.04 is not above 5', () => {
    const gaps = { method: 'observed' as const, rows: [row({ municipalityId: 1, serviceType: 'day_care', need: { value: 17.04 }, capacity: 12 })] };
    expect(checkPlan(base({ gaps }))).toEqual([]);
    const above = { method: 'observed' as const, rows: [row({ municipalityId: 1, serviceType: 'day_care', need: { value: 17.06 }, capacity: 12 })] };
    expect(checkPlan(base({ gaps: above }))[0]).toMatchObject({ value: 5.1, limit: 5 });
  });

  it('uses the round\'s threshold', () => {
    expect(kinds([], { settings: { gapThreshold: 10, diversityTarget: 0 } })).toEqual([]);
  });

  it('ignores items starting after the year checked', () => {
    expect(kinds([item({ id: 1, startYear: 2031 })])).toEqual(['unaddressed_gap:1:day_care:']);
    expect(kinds([item({ id: 1, startYear: 2029 })], { year: 2028 })).toEqual(['unaddressed_gap:1:day_care:']);
  });
});

describe('uncertain_gap', () => {
  const survey = (low: number) => ({
    method: 'survey' as const,
    rows: [row({ municipalityId: 1, serviceType: 'home_care', unit: 'persons_per_year' as const, need: { value: 20, low, high: 30 }, capacity: 12 })],
  });

  it('is a notice instead of unaddressed_gap when the gap\'s interval includes zero', () => {
    expect(checkPlan(base({ gaps: survey(9) }))).toEqual([
      expect.objectContaining({ check: 'uncertain_gap', severity: 'notice', municipalityId: 1, serviceType: 'home_care', value: 8, limit: 5, unit: 'persons_per_year' }),
    ]);
  });

  it('is an unaddressed_gap when the whole interval is a gap', () => {
    expect(checkPlan(base({ gaps: survey(13) })).map((c) => c.check)).toEqual(['unaddressed_gap']);
  });
});

describe('no_need', () => {
  it('fires for an item adding capacity where the gap is ≤ 0', () => {
    expect(checkPlan(base({ items: [item({ id: 4, municipalityId: 2, capacityChange: 5 })] }))).toEqual([
      expect.objectContaining({ check: 'unaddressed_gap', municipalityId: 1 }),
      expect.objectContaining({ check: 'no_need', municipalityId: 2, serviceType: 'day_care', itemId: 4, value: -2, limit: 0, unit: 'places' }),
    ]);
  });

  it('does not fire where need has no estimate, nor for a reduction', () => {
    expect(kinds([item({ id: 4, municipalityId: 2, serviceType: 'shelter', capacityChange: 5 }), item({ id: 5, municipalityId: 2, capacityChange: -3 })])).toEqual([
      'unaddressed_gap:1:day_care:',
    ]);
  });

  it('does not fire when a municipality the item serves has a gap', () => {
    const serving = item({ id: 4, municipalityId: 2, capacityChange: 10, served: [{ municipalityId: 1, capacity: 8 }] });
    expect(kinds([serving])).toEqual([]);
  });
});

describe('above_ceiling', () => {
  it('fires when capacity after the plan is above the ceiling of the year checked', () => {
    const ceilings = [
      { municipalityId: 1, serviceType: 'day_care', year: 2026, maxUsers: 30 },
      { municipalityId: 1, serviceType: 'day_care', year: 2029, maxUsers: 20 },
      { municipalityId: 1, serviceType: 'day_care', year: 2031, maxUsers: 10 },
    ];
    const items = [item({ id: 1, capacityChange: 10 })];
    expect(checkPlan(base({ items, ceilings }))).toEqual([expect.objectContaining({ check: 'above_ceiling', municipalityId: 1, serviceType: 'day_care', value: 22, limit: 20 })]);
    expect(checkPlan(base({ items, ceilings, year: 2027 }))).toEqual([]);
  });
});

describe('over_budget', () => {
  it('fires when a municipality\'s items cost more a year than its envelope', () => {
    const items = [item({ id: 1, annualCost: 60_000 }), item({ id: 2, annualCost: 50_000, startYear: 2028 })];
    const envelopes = [{ municipalityId: 1, fundingSource: null, annualLimit: 100_000 }];
    expect(checkPlan(base({ items, envelopes }))).toEqual([
      expect.objectContaining({ check: 'over_budget', municipalityId: 1, serviceType: null, value: 110_000, limit: 100_000, fundingSource: null }),
    ]);
    expect(checkPlan(base({ items, envelopes: [{ municipalityId: 1, fundingSource: null, annualLimit: 110_000 }] }))).toEqual([]);
  });

  it('checks a funding source\'s envelope across the round', () => {
    const items = [item({ id: 1, municipalityId: 1, fundingSource: 'state_delegated', annualCost: 60_000 }), item({ id: 2, municipalityId: 2, fundingSource: 'state_delegated', annualCost: 50_000 })];
    const envelopes = [{ municipalityId: null, fundingSource: 'state_delegated' as const, annualLimit: 100_000 }];
    expect(checkPlan(base({ items, envelopes })).filter((c) => c.check === 'over_budget')).toEqual([
      expect.objectContaining({ municipalityId: null, fundingSource: 'state_delegated', value: 110_000, limit: 100_000 }),
    ]);
  });

  it('counts a reduction as a saving', () => {
    const items = [item({ id: 1, annualCost: 120_000 }), item({ id: 2, capacityChange: -5, annualCost: 30_000 })];
    expect(checkPlan(base({ items, envelopes: [{ municipalityId: 1, fundingSource: null, annualLimit: 100_000 }] }))).toEqual([]);
  });
});

describe('low_diversity', () => {
  it('counts the service types with capacity after the plan against the target', () => {
    const settingsWithTarget = { gapThreshold: 50, diversityTarget: 2 };
    expect(checkPlan(base({ settings: settingsWithTarget }))).toEqual([expect.objectContaining({ check: 'low_diversity', municipalityId: 1, value: 1, limit: 2 })]);
    expect(checkPlan(base({ settings: settingsWithTarget, items: [item({ id: 1, serviceType: 'shelter' })] }))).toEqual([]);
    // closing municipality 2's shelter leaves it one type
    expect(checkPlan(base({ settings: settingsWithTarget, items: [item({ id: 1, serviceType: 'shelter' }), item({ id: 2, municipalityId: 2, serviceType: 'shelter', capacityChange: -4 })] }))).toEqual([
      expect.objectContaining({ check: 'low_diversity', municipalityId: 2, value: 1, limit: 2 }),
    ]);
  });
});

describe('overdue', () => {
  it('fires for a stage or task past its due date and not done, with the days late', () => {
    const tasks = [
      { id: 1, municipalityId: 1, dueDate: '2027-02-17', done: false },
      { id: 2, municipalityId: null, dueDate: '2027-02-10', done: false },
      { id: 3, municipalityId: 1, dueDate: '2027-02-01', done: true },
      { id: 4, municipalityId: 1, dueDate: '2027-02-20', done: false },
      { id: 5, municipalityId: 2, dueDate: null, done: false },
    ];
    const checks = checkPlan(base({ tasks, today: '2027-02-20', settings: { gapThreshold: 100, diversityTarget: 0 } }));
    expect(checks).toEqual([
      expect.objectContaining({ check: 'overdue', municipalityId: 1, taskId: 1, value: 3, limit: 0 }),
      expect.objectContaining({ check: 'overdue', municipalityId: null, taskId: 2, value: 10, limit: 0 }),
    ]);
    expect(checkPlan(base({ tasks, settings: { gapThreshold: 100, diversityTarget: 0 } }))).toEqual([]);
  });

  it("fires for a meeting's task as for a stage, saying which it is when they share an id", () => {
    const settings = { gapThreshold: 100, diversityTarget: 0 };
    const tasks = [
      { id: 7, kind: 'task' as const, municipalityId: 1, dueDate: '2027-02-19', done: false },
      { id: 7, kind: 'stage' as const, municipalityId: 1, dueDate: '2027-02-18', done: false },
      { id: 8, kind: 'task' as const, municipalityId: null, dueDate: '2027-02-01', done: true },
    ];
    expect(checkPlan(base({ tasks, today: '2027-02-20', settings }))).toEqual([
      expect.objectContaining({ check: 'overdue', taskId: 7, taskKind: 'stage', value: 2 }),
      expect.objectContaining({ check: 'overdue', taskId: 7, taskKind: 'task', value: 1 }),
    ]);
    // Same findings whatever the order of the input.
    expect(checkPlan(base({ tasks: [...tasks].reverse(), today: '2027-02-20', settings }))).toEqual(checkPlan(base({ tasks, today: '2027-02-20', settings })));
    // Done: no finding at once.
    expect(checkPlan(base({ tasks: tasks.map((t) => ({ ...t, done: true })), today: '2027-02-20', settings }))).toEqual([]);
  });
});

describe('checkPlan (properties)', () => {
  const inputArb = fc.record({ gaps: gapInputArb, items: itemsArb, threshold: fc.integer({ min: 0, max: 10 }), target: fc.integer({ min: 0, max: 3 }) }).map(
    ({ gaps, items, threshold, target }): PlanEvaluationInput =>
      base({
        gaps,
        items,
        settings: { gapThreshold: threshold, diversityTarget: target },
        ceilings: [{ municipalityId: 1, serviceType: 'day_care', year: 2026, maxUsers: 30 }],
        envelopes: [
          { municipalityId: 1, fundingSource: null, annualLimit: 300_000 },
          { municipalityId: null, fundingSource: 'municipal', annualLimit: 400_000 },
        ],
        unitCosts: [{ country: 'BG', serviceType: 'day_care', year: 2026, cost: 9_000 }],
      }),
  );

  it('never depend on the order of items, and come sorted', () => {
    fc.assert(
      fc.property(inputArb, fc.func(fc.integer()), (input, key) => {
        const checks = checkPlan(input);
        const shuffled = checkPlan({ ...input, items: [...input.items].sort((a, b) => key(a.id) - key(b.id)) });
        expect(shuffled).toEqual(checks);
        expect([...checks].sort(compareChecks)).toEqual(checks);
      }),
    );
  });

  it('an item that closes the whole gap always clears unaddressed_gap', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, pick) => {
        const open = checkPlan(input).filter((c) => c.check === 'unaddressed_gap' || c.check === 'uncertain_gap');
        fc.pre(open.length > 0);
        const target = open[pick % open.length]!;
        const cell = evaluatePlan(input).gaps.cells.find((c) => c.municipalityId === target.municipalityId && c.serviceType === target.serviceType)!;
        const closing = item({
          id: 1000,
          municipalityId: cell.municipalityId,
          serviceType: cell.serviceType,
          unit: cell.unit,
          capacityChange: Math.ceil(cell.gapBefore!),
          startYear: input.period.from,
        });
        const after = checkPlan({ ...input, items: [...input.items, closing] });
        expect(after.filter((c) => (c.check === 'unaddressed_gap' || c.check === 'uncertain_gap') && c.municipalityId === cell.municipalityId && c.serviceType === cell.serviceType)).toEqual([]);
      }),
    );
  });

  it('round value and limit to one decimal', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const c of checkPlan(input)) {
          expect(Math.round(c.value * 10) / 10).toBe(c.value);
          expect(Math.round(c.limit * 10) / 10).toBe(c.limit);
        }
      }),
    );
  });
});

/**
 * The gap checks as the module's comment states them, read off gapAfterPlan's cells: checkPlan
 * computes them from the rows directly, for speed, and must agree.
 */
function checksFromCells(input: PlanEvaluationInput): PlanCheck[] {
  const { gaps } = evaluatePlan(input);
  const year = input.year ?? input.period.to;
  const cell = (m: number, t: string) => gaps.cells.find((c) => c.municipalityId === m && c.serviceType === t);
  const r = (x: number) => roundAsShown(x, 1);
  const base = { severity: 'problem' as const, itemId: null, taskId: null, fundingSource: null };
  const out: PlanCheck[] = [];
  for (const c of gaps.cells) {
    if (c.gapBefore === null || !(r(c.gapBefore) > r(input.settings.gapThreshold)) || c.items.some((s) => s.change > 0)) continue;
    const explained = input.items.some(
      (i) => i.serviceType === c.serviceType && (i.capacityChange === 0 || i.explanation.trim() !== '') && (i.municipalityId === c.municipalityId || i.served.some((s) => s.municipalityId === c.municipalityId)),
    );
    if (explained) continue;
    const uncertain = c.gapBeforeLow !== null && c.gapBeforeLow <= 0;
    out.push({ ...base, check: uncertain ? 'uncertain_gap' : 'unaddressed_gap', severity: uncertain ? 'notice' : 'problem', municipalityId: c.municipalityId, serviceType: c.serviceType, value: r(c.gapBefore), limit: r(input.settings.gapThreshold), unit: c.unit });
  }
  for (const i of input.items) {
    if (i.capacityChange <= 0 || gaps.mismatchedItemIds.includes(i.id) || gaps.laterItemIds.includes(i.id)) continue;
    const known = itemShares(i).filter((s) => s.change > 0).map((s) => cell(s.municipalityId, i.serviceType)?.gapBefore ?? null).filter((g): g is number => g !== null);
    if (known.length && r(Math.max(...known)) <= 0) out.push({ ...base, check: 'no_need', municipalityId: i.municipalityId, serviceType: i.serviceType, itemId: i.id, value: r(Math.max(...known)), limit: 0, unit: i.unit });
  }
  for (const ceiling of ceilingsFor(input.ceilings ?? [], year)) {
    const c = cell(ceiling.municipalityId, ceiling.serviceType);
    if (c && r(c.capacityAfter) > ceiling.maxUsers) out.push({ ...base, check: 'above_ceiling', municipalityId: c.municipalityId, serviceType: c.serviceType, value: r(c.capacityAfter), limit: ceiling.maxUsers, unit: c.unit });
  }
  for (const m of new Set(gaps.cells.map((c) => c.municipalityId))) {
    const n = gaps.cells.filter((c) => c.municipalityId === m && r(c.capacityAfter) > 0).length;
    if (n < input.settings.diversityTarget) out.push({ ...base, check: 'low_diversity', municipalityId: m, serviceType: null, value: n, limit: input.settings.diversityTarget, unit: null });
  }
  return out.sort(compareChecks);
}

describe('checkPlan against the gaps after the plan', () => {
  it('finds exactly what the cells of gapAfterPlan show (property)', () => {
    fc.assert(
      fc.property(gapInputArb, itemsArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 2026, max: 2030 }), (gaps, items, threshold, target, year) => {
        const input = base({
          gaps,
          items,
          year,
          settings: { gapThreshold: threshold, diversityTarget: target },
          ceilings: [
            { municipalityId: 1, serviceType: 'day_care', year: 2026, maxUsers: 30 },
            { municipalityId: 2, serviceType: 'shelter', year: 2027, maxUsers: 10 },
            { municipalityId: 9, serviceType: 'shelter', year: 2026, maxUsers: 0 },
          ],
        });
        expect(checkPlan(input)).toEqual(checksFromCells(input));
        expect(evaluatePlan(input).checks).toEqual(checkPlan(input));
      }),
    );
  });

  it('rounds as the gap command does (roundAsShown), only faster', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100), fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000)), (x) => {
        expect(roundToTenth(x)).toBe(roundAsShown(x, 1));
      }),
    );
    for (const x of [0.05, 0.15, 0.25, -0.05, -0.15, 2.45, 1.005, 0.049999999999999996, 0.95, 9.95, -9.95, 99.96, 1e-7, 1e21, 123456789012.35]) expect(roundToTenth(x)).toBe(roundAsShown(x, 1));
  });
});
