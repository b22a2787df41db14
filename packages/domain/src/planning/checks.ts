import type { TCapacityUnit } from '../catalogue/service-type';
import { roundAsShown } from '../gaps/gap-matrix';
import type { TCountry } from '../territories/territory';
import { dayNumber } from './deadlines/iso-date';
import { envelopeUses, planBudget, type EnvelopeUse, type PlanBudget, type PlanPeriod } from './budget';
import { byCodePoint, gapAfterPlan, itemShares, typeUnits, type ItemShare, type PlanGapInput, type PlanGaps, type PlanItem } from './gap-after-plan';
import { FUNDING_SOURCES, PLAN_CHECKS, type PlanCheck, type PlanTaskKind, type TCeiling, type TCheckSettings, type TEnvelope, type TUnitCost } from './proposal';

/**
 * The plan checks of issue 8 item 8: pure functions of the round's gaps, items, ceilings,
 * envelopes and tasks. Each finding carries the two numbers compared (`value`, `limit`),
 * rounded as the `gap` command rounds them (one decimal), and the comparison is made on those
 * rounded numbers, so a finding never reads "5 is above 5".
 *
 * - `unaddressed_gap`: gap before the plan > `gapThreshold`, no item adds capacity to the
 *   municipality × service type (an item of another municipality whose `served` names this one
 *   adds its share here), and no explanation covers it. An explanation covers a municipality ×
 *   service type when an item for it has capacity change 0 (a deliberate "nothing to add",
 *   with or without text) or any item for it has a non-empty explanation; "for it" is an item of
 *   that municipality and service type, or one of that type whose `served` names the
 *   municipality. Value: the gap; limit: the threshold.
 * - `uncertain_gap` (notice): the same, but the need is a survey estimate whose interval gives a
 *   gap interval that includes zero: the gap may not be there. Value: the gap; limit: the threshold.
 * - `no_need`: an item adding capacity where the gap before the plan is ≤ 0 in every
 *   municipality it adds to whose need is estimated (none estimated: no finding, as nothing is
 *   known). Value: the largest of those gaps; limit: 0.
 * - `above_ceiling`: capacity after the plan above the National Map's ceiling for the year
 *   checked (the ceiling of that year, else the latest earlier one). Value: capacity after; limit: the ceiling.
 * - `over_budget`: an envelope's items cost more in some year of the period than the envelope
 *   allows (the dearest year is reported; items with no known cost are not counted, a reduction
 *   counts as a saving — see budget.ts). An envelope with a municipality covers its items (of
 *   its funding source, if it names one); one with a funding source only, that source's items
 *   across the round. Value: the cost; limit: the envelope.
 * - `low_diversity`: fewer service types with capacity after the plan > 0 in a municipality than
 *   the round's target. Value: the count; limit: the target.
 * - `overdue`: a stage or task not done whose due date is before `today`. Value: days late; limit: 0.
 *   Stages and tasks are numbered apart (two tables), so the finding says which it is (`taskKind`).
 *
 * Findings are sorted (municipality, service type, check, item, task), so they never depend on
 * the order of the inputs.
 */

/** A round's piece of work: one of its stages, or a task (from a meeting's decision or added by hand). */

/** A stage or task of the round, as the overdue check needs it. */
export type PlanTask = {
  id: number;
  /** Default 'stage'. */
  kind?: PlanTaskKind;
  /** The municipality that owns it; null for the region or the national level. */
  municipalityId: number | null;
  /** ISO date; null when the stage has no date yet (never overdue). */
  dueDate: string | null;
  done: boolean;
};

export type PlanEvaluationInput = {
  gaps: PlanGapInput;
  items: readonly PlanItem[];
  settings: TCheckSettings;
  country: TCountry;
  period: PlanPeriod;
  /**
   * The year the plan is checked for: items starting after it are left out of the gaps and the
   * ceilings of that year apply. Default: the period's last year (the whole plan).
   */
  year?: number;
  ceilings?: readonly TCeiling[];
  unitCosts?: readonly TUnitCost[];
  envelopes?: readonly TEnvelope[];
  tasks?: readonly PlanTask[];
  /** ISO date of today; without it no `overdue` finding is made. */
  today?: string;
};

/** The kind of work an `overdue` finding is about: a stage and a task may share an id. */
export const taskKindOf = (c: PlanCheck): PlanTaskKind | null => (c.taskId === null ? null : (c.taskKind ?? 'stage'));
const TASK_KIND_ORDER: Record<PlanTaskKind, number> = { stage: 0, task: 1 };

/** Gaps after the plan, its budget and its checks, computed together from one input. */
export type PlanEvaluation = { gaps: PlanGaps; budget: PlanBudget; checks: PlanCheck[] };

const KIND_ORDER = new Map<string, number>(PLAN_CHECKS.map((k, i) => [k, i]));
const FUNDING_ORDER = new Map<string, number>(FUNDING_SOURCES.map((f, i) => [f, i]));
/**
 * A number rounded to one decimal exactly as `roundAsShown(x, 1)` (the `gap` command) rounds it:
 * half away from zero on the number's shortest decimal form (0.15 → 0.2, as Intl does), but
 * without Intl.NumberFormat, which is far slower: a country's checks round many numbers.
 */
export function roundToTenth(x: number): number {
  if (Number.isInteger(x)) return x || 0;
  const text = String(Math.abs(x));
  const dot = text.indexOf('.');
  if (dot < 0 || text.includes('e') || dot > 12) return roundAsShown(x, 1);
  const tenths = Number(text.slice(0, dot)) * 10 + Number(text[dot + 1]) + (text.length > dot + 2 && text[dot + 2]! >= '5' ? 1 : 0);
  return (Math.sign(x) * tenths) / 10 || 0;
}
const round = roundToTenth;

/** The order of findings: by municipality (round-wide last), service type, check, item, task. */
export function compareChecks(a: PlanCheck, b: PlanCheck): number {
  const m = (c: PlanCheck) => c.municipalityId ?? Number.MAX_SAFE_INTEGER;
  return (
    m(a) - m(b) ||
    byCodePoint(a.serviceType ?? '', b.serviceType ?? '') ||
    KIND_ORDER.get(a.check)! - KIND_ORDER.get(b.check)! ||
    (a.itemId ?? -1) - (b.itemId ?? -1) ||
    (a.taskId ?? -1) - (b.taskId ?? -1) ||
    (a.taskId === null ? 0 : TASK_KIND_ORDER[taskKindOf(a)!]) - (b.taskId === null ? 0 : TASK_KIND_ORDER[taskKindOf(b)!]) ||
    (a.fundingSource ? FUNDING_ORDER.get(a.fundingSource)! : -1) - (b.fundingSource ? FUNDING_ORDER.get(b.fundingSource)! : -1) ||
    a.value - b.value ||
    a.limit - b.limit
  );
}

/** One finding, built in one go (a country can have tens of thousands). */
const finding = (
  check: PlanCheck['check'],
  municipalityId: number | null,
  serviceType: string | null,
  value: number,
  limit: number,
  unit: PlanCheck['unit'],
  more?: { itemId?: number; taskId?: number; fundingSource?: PlanCheck['fundingSource'] },
): PlanCheck => ({
  check,
  severity: check === 'uncertain_gap' ? 'notice' : 'problem',
  municipalityId,
  serviceType,
  itemId: more?.itemId ?? null,
  taskId: more?.taskId ?? null,
  value,
  limit,
  fundingSource: more?.fundingSource ?? null,
  unit,
});

/** Gaps, budget and checks of a plan. */
export function evaluatePlan(input: PlanEvaluationInput): PlanEvaluation {
  const year = input.year ?? input.period.to;
  const items = [...input.items].sort((a, b) => a.id - b.id);
  const gaps = gapAfterPlan(input.gaps, items, { year });
  const budget = planBudget({ items, country: input.country, period: input.period, unitCosts: input.unitCosts ?? [], envelopes: input.envelopes ?? [] });
  return { gaps, budget, checks: checksOf(input, items, budget.envelopes) };
}

/** All findings of a plan's checks, sorted. */
export function checkPlan(input: PlanEvaluationInput): PlanCheck[] {
  const items = [...input.items].sort((a, b) => a.id - b.id);
  return checksOf(input, items, envelopeUses({ items, country: input.country, period: input.period, unitCosts: input.unitCosts ?? [], envelopes: input.envelopes ?? [] }));
}

/** What the items do to one municipality × service type. */
type Pair = { change: number; adds: boolean; hasRow: boolean; gapBefore: number | null; unit: TCapacityUnit };

/**
 * The checks, straight from the input rows: no cell of `gapAfterPlan` is built (a country has
 * 150,000 of them, and the checks need only the few numbers of each row, once). The figures are
 * gapAfterPlan's — same shares, same units rule, same year — and a test holds the two together.
 */
function checksOf(input: PlanEvaluationInput, items: readonly PlanItem[], envelopes: readonly EnvelopeUse[]): PlanCheck[] {
  const year = input.year ?? input.period.to;
  const { gapThreshold, diversityTarget } = input.settings;
  const rows = input.gaps.rows;
  const checks: PlanCheck[] = [];

  // What the items change, per municipality × service type.
  const units = typeUnits(rows);
  const pairs = new Map<number, Map<string, Pair>>();
  const counted: { item: PlanItem; shares: ItemShare[] }[] = [];
  for (const item of items) {
    if (item.startYear > year) continue;
    let unit = units.get(item.serviceType);
    if (unit === undefined) units.set(item.serviceType, (unit = item.unit));
    if (unit !== item.unit) continue;
    const shares = itemShares(item);
    counted.push({ item, shares });
    for (const share of shares) {
      let byType = pairs.get(share.municipalityId);
      if (!byType) pairs.set(share.municipalityId, (byType = new Map()));
      let pair = byType.get(item.serviceType);
      if (!pair) byType.set(item.serviceType, (pair = { change: 0, adds: false, hasRow: false, gapBefore: null, unit }));
      pair.change += share.change;
      if (share.change > 0) pair.adds = true;
    }
  }

  // Municipality × service type pairs an explanation covers (see the module's comment).
  const explained = new Map<number, Set<string>>();
  const explain = (municipalityId: number, serviceType: string) => {
    let types = explained.get(municipalityId);
    if (!types) explained.set(municipalityId, (types = new Set()));
    types.add(serviceType);
  };
  for (const item of items) {
    if (item.capacityChange !== 0 && item.explanation.trim() === '') continue;
    explain(item.municipalityId, item.serviceType);
    for (const s of item.served) explain(s.municipalityId, item.serviceType);
  }

  const ceilings = ceilingIndex(input.ceilings ?? [], year);
  const aboveCeiling = (ceiling: TCeiling | undefined, municipalityId: number, serviceType: string, capacityAfter: number, unit: TCapacityUnit) => {
    if (!ceiling) return;
    const after = round(capacityAfter);
    if (after > ceiling.maxUsers) checks.push(finding('above_ceiling', municipalityId, serviceType, after, ceiling.maxUsers, unit));
  };

  // Service types available after the plan, per municipality. round(x) > 0 exactly when
  // x ≥ 0.05 (the double nearest 0.05 lies just above it), so no cell needs rounding.
  const available = new Map<number, number>();
  const count = (municipalityId: number, capacityAfter: number) => available.set(municipalityId, (available.get(municipalityId) ?? 0) + (capacityAfter >= 0.05 ? 1 : 0));

  const limit = round(gapThreshold);
  // Rows come municipality by municipality: its maps are looked up once per municipality.
  const none = new Map<never, never>();
  let current: number | null = null;
  let itsPairs: ReadonlyMap<string, Pair> = none;
  let itsCeilings: ReadonlyMap<string, TCeiling> = none;
  const noTypes: ReadonlySet<string> = new Set();
  let itsExplained = noTypes;
  for (const row of rows) {
    if (row.municipalityId !== current) {
      current = row.municipalityId;
      itsPairs = pairs.get(current) ?? none;
      itsCeilings = ceilings.get(current) ?? none;
      itsExplained = explained.get(current) ?? noTypes;
    }
    const pair = itsPairs.get(row.serviceType);
    const capacityAfter = row.capacity + (pair?.change ?? 0);
    const gapBefore = row.need === null ? null : row.need.value - row.capacity;
    if (pair) {
      pair.hasRow = true;
      pair.gapBefore = gapBefore;
    }
    count(row.municipalityId, capacityAfter);
    if (itsCeilings.size > 0) aboveCeiling(itsCeilings.get(row.serviceType), row.municipalityId, row.serviceType, capacityAfter, row.unit);
    // unaddressed_gap / uncertain_gap; a gap far below the threshold needs no rounding
    if (gapBefore === null || gapBefore <= gapThreshold - 0.5 || pair?.adds) continue;
    const gap = round(gapBefore);
    if (!(gap > limit) || itsExplained.has(row.serviceType)) continue;
    const low = row.need!.low;
    const uncertain = low !== null && low !== undefined && row.need!.high !== null && row.need!.high !== undefined && low - row.capacity <= 0;
    checks.push(finding(uncertain ? 'uncertain_gap' : 'unaddressed_gap', row.municipalityId, row.serviceType, gap, limit, row.unit));
  }
  // Municipality × service types only items name (no row: no need known, capacity 0).
  for (const [municipalityId, byType] of pairs) {
    for (const [serviceType, pair] of byType) {
      if (pair.hasRow) continue;
      count(municipalityId, pair.change);
      aboveCeiling(ceilings.get(municipalityId)?.get(serviceType), municipalityId, serviceType, pair.change, pair.unit);
    }
  }

  for (const { item, shares } of counted) {
    if (item.capacityChange <= 0) continue;
    // The largest known gap before the plan among the municipalities the item adds places to.
    let largest: number | null = null;
    for (const share of shares) {
      if (share.change <= 0) continue;
      const gap = pairs.get(share.municipalityId)?.get(item.serviceType)?.gapBefore ?? null;
      if (gap !== null && (largest === null || gap > largest)) largest = gap;
    }
    if (largest === null) continue;
    const value = round(largest);
    if (value <= 0) checks.push(finding('no_need', item.municipalityId, item.serviceType, value, 0, item.unit, { itemId: item.id }));
  }

  for (const use of envelopes) {
    if (use.cost === null) continue;
    const cost = round(use.cost);
    const envelopeLimit = round(use.envelope.annualLimit);
    if (cost > envelopeLimit) checks.push(finding('over_budget', use.envelope.municipalityId, null, cost, envelopeLimit, null, { fundingSource: use.envelope.fundingSource }));
  }

  if (diversityTarget > 0) {
    for (const [municipalityId, n] of available) {
      if (n < diversityTarget) checks.push(finding('low_diversity', municipalityId, null, n, diversityTarget, null));
    }
  }

  if (input.today !== undefined) {
    const today = dayNumber(input.today, 'today');
    for (const task of input.tasks ?? []) {
      if (task.done || task.dueDate === null) continue;
      const late = today - dayNumber(task.dueDate, 'dueDate');
      if (late <= 0) continue;
      const overdue: PlanCheck = { ...finding('overdue', task.municipalityId, null, late, 0, null, { taskId: task.id }), taskKind: task.kind ?? 'stage' };
      checks.push(overdue);
    }
  }

  return checks.sort(compareChecks);
}

/**
 * The ceiling that applies in a year to each municipality × service type: the one of that
 * year, else the latest earlier one; of two for the same year, the lower.
 */
export function ceilingsFor(ceilings: readonly TCeiling[], year: number): TCeiling[] {
  return [...ceilingIndex(ceilings, year).values()].flatMap((byType) => [...byType.values()]);
}

/** ceilingsFor by municipality, then service type. */
function ceilingIndex(ceilings: readonly TCeiling[], year: number): Map<number, Map<string, TCeiling>> {
  const best = new Map<number, Map<string, TCeiling>>();
  for (const c of ceilings) {
    if (c.year > year) continue;
    let byType = best.get(c.municipalityId);
    if (!byType) best.set(c.municipalityId, (byType = new Map()));
    const seen = byType.get(c.serviceType);
    if (!seen || c.year > seen.year || (c.year === seen.year && c.maxUsers < seen.maxUsers)) byType.set(c.serviceType, c);
  }
  return best;
}
