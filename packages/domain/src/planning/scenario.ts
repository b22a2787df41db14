import type { TCapacityUnit } from '../catalogue/service-type';
import { targetKey } from '../needs/target-population';
import { evaluatePlan, type PlanEvaluation, type PlanEvaluationInput } from './checks';
import { byCodePoint, cellKey, type PlanGapRow, type PlanItem } from './gap-after-plan';
import { PLAN_CHECKS, type TPlanCheckKind } from './proposal';

/**
 * Scenarios (issue 8 item 9): a copy of a round's proposals with changes, recomputed at once —
 * pure: the server loads the round and the scenario and stores the result's inputs.
 *
 * A scenario may change items (capacity, cost, start year, or leave one out), add items, and
 * change the population. Population is kept simple: each change is a factor on the need of the
 * municipality × service types it aims at (whatever the method: more older people, more need of
 * every kind counted for them); capacity does not move. A change is either an imported
 * projection's factor (population in the year checked ÷ population in the gap table's year) or
 * a yearly change in %, compounded over the years from the gap table's year to the year checked.
 * It aims at one municipality or all (null), and at one target population (the norm's
 * `targetKey`, e.g. `p:T:65:` for everyone aged 65 and over — an age band) or all (null). Where
 * several changes aim at the same need, the most specific one applies (municipality and target,
 * then municipality, then target, then all); they are not multiplied.
 */

export type ItemChange = {
  itemId: number;
  capacityChange?: number;
  annualCost?: number | null;
  startYear?: number;
  /** Leave the item out of the scenario. */
  removed?: boolean;
};

export type PopulationChange = {
  municipalityId: number | null;
  target: string | null;
  /** Yearly change in % (e.g. −1.2), compounded. */
  percentPerYear?: number;
  /** An imported projection's factor; takes precedence over percentPerYear when both are given. */
  factor?: number;
};

export type Scenario = {
  items?: readonly ItemChange[];
  /** New items; their ids must not clash with the round's (e.g. negative ids for unsaved ones). */
  addedItems?: readonly PlanItem[];
  population?: readonly PopulationChange[];
  /** The year of the gap table's population (base of the yearly % changes); default: the year checked. */
  baseYear?: number;
};

/** The target key of an age band (both sexes), for a population change aimed at it: ageBandTarget(65, null) = 'p:T:65:'. */
export const ageBandTarget = (from: number, to: number | null): string => targetKey({ kind: 'population', sex: 'T', age: { from, to } });

/** The factor a population change gives over `years` years. */
export function changeFactor(change: PopulationChange, years: number): number {
  if (change.factor !== undefined) return change.factor;
  if (change.percentPerYear !== undefined) return (1 + change.percentPerYear / 100) ** years;
  return 1;
}

/** The population change that applies to a row: the most specific one, or none. */
export function changeFor(row: Pick<PlanGapRow, 'municipalityId' | 'target'>, changes: readonly PopulationChange[]): PopulationChange | null {
  let best: PopulationChange | null = null;
  let bestRank = -1;
  for (const c of changes) {
    if (c.municipalityId !== null && c.municipalityId !== row.municipalityId) continue;
    if (c.target !== null && c.target !== (row.target ?? null)) continue;
    const rank = (c.municipalityId !== null ? 2 : 0) + (c.target !== null ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [c, rank]; // of equals, the first given
  }
  return best;
}

/** The round's inputs with the scenario applied. */
export function applyScenario(input: PlanEvaluationInput, scenario: Scenario): PlanEvaluationInput {
  const year = input.year ?? input.period.to;
  const changes = new Map((scenario.items ?? []).map((c) => [c.itemId, c]));
  const items: PlanItem[] = [];
  for (const item of input.items) {
    const c = changes.get(item.id);
    if (!c) items.push(item);
    else if (!c.removed) {
      items.push({
        ...item,
        capacityChange: c.capacityChange ?? item.capacityChange,
        annualCost: c.annualCost !== undefined ? c.annualCost : item.annualCost,
        startYear: c.startYear ?? item.startYear,
      });
    }
  }
  items.push(...(scenario.addedItems ?? []));

  const population = scenario.population ?? [];
  const years = year - (scenario.baseYear ?? year);
  const rows =
    population.length === 0
      ? input.gaps.rows
      : input.gaps.rows.map((row): PlanGapRow => {
          const change = row.need ? changeFor(row, population) : null;
          if (!change || !row.need) return row;
          const f = changeFactor(change, years);
          const scale = (x: number | null | undefined) => (x === null || x === undefined ? x : x * f);
          return { ...row, need: { value: row.need.value * f, low: scale(row.need.low), high: scale(row.need.high) } };
        });
  return { ...input, items, gaps: { ...input.gaps, rows } };
}

/** Gaps, checks and budget of a scenario. */
export const evaluateScenario = (input: PlanEvaluationInput, scenario: Scenario): PlanEvaluation => evaluatePlan(applyScenario(input, scenario));

/** Two evaluations side by side: gaps after the plan, number of findings of each check, cost per year. */
export type ScenarioComparison = {
  /** Every municipality × service type of either, by municipality then type; null: no estimate there. */
  gaps: { municipalityId: number; serviceType: string; unit: TCapacityUnit; a: number | null; b: number | null }[];
  checks: { check: TPlanCheckKind; a: number; b: number }[];
  /** The round's cost per year (null: no cost known that year). */
  budget: { year: number; a: number | null; b: number | null }[];
};

export function compareEvaluations(a: PlanEvaluation, b: PlanEvaluation): ScenarioComparison {
  const gaps = new Map<string, ScenarioComparison['gaps'][number]>();
  for (const [side, ev] of [['a', a], ['b', b]] as const) {
    for (const c of ev.gaps.cells) {
      const key = cellKey(c.municipalityId, c.serviceType);
      let row = gaps.get(key);
      if (!row) gaps.set(key, (row = { municipalityId: c.municipalityId, serviceType: c.serviceType, unit: c.unit, a: null, b: null }));
      row[side] = c.gapAfter;
    }
  }
  const count = (ev: PlanEvaluation, kind: TPlanCheckKind) => ev.checks.filter((c) => c.check === kind).length;
  const years = new Map<number, { year: number; a: number | null; b: number | null }>();
  for (const [side, ev] of [['a', a], ['b', b]] as const) {
    for (const y of ev.budget.years) {
      let row = years.get(y.year);
      if (!row) years.set(y.year, (row = { year: y.year, a: null, b: null }));
      row[side] = y.cost;
    }
  }
  return {
    gaps: [...gaps.values()].sort((x, y) => x.municipalityId - y.municipalityId || byCodePoint(x.serviceType, y.serviceType)),
    checks: PLAN_CHECKS.map((check) => ({ check, a: count(a, check), b: count(b, check) })),
    budget: [...years.values()].sort((x, y) => x.year - y.year),
  };
}
