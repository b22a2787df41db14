import type { TCapacityUnit } from '../catalogue/service-type';
import type { TGapMethod } from './compute-gaps';
import type { GapRow } from './summarise-gaps';

/**
 * What a need figure counts. A norm and the observed demand count in the service's own capacity
 * unit (places at one time, or persons served in a year); a survey counts persons who would use
 * the service at some time, whatever the service's capacity unit.
 */
export const NEED_UNITS = ['places', 'persons_per_year', 'persons'] as const;
export type TNeedUnit = (typeof NEED_UNITS)[number];

/**
 * Why a method gives no need figure: no norm for the service type here, no figure for the norm's
 * target population, or no survey results for the territory (and service type) in the year.
 */
export const NO_ESTIMATE_REASONS = ['no_norm', 'no_target_population', 'no_survey'] as const;
export type TNoEstimate = (typeof NO_ESTIMATE_REASONS)[number];

/**
 * Why a figure derived from need and capacity (gap, coverage, shortfall) is not given: no
 * estimate of the need, or a need and a capacity that count different things.
 */
export type TNotShown = TNoEstimate | 'not_comparable';

/** The unit a method's need is in, for a service whose capacity is counted in `capacityUnit`. */
export const needUnitOf = (method: TGapMethod, capacityUnit: TCapacityUnit): TNeedUnit => (method === 'survey' ? 'persons' : capacityUnit);

/**
 * Whether a need can be set against a capacity one to one. Persons who would use a service at
 * some time are not places: one place serves several people over a year, and not everyone who
 * would use a service needs it at the same time. Persons against persons served a year compare.
 */
export const comparableUnits = (need: TNeedUnit, capacity: TCapacityUnit): boolean =>
  need === capacity || (need === 'persons' && capacity === 'persons_per_year');

/** A sum of figures in one unit; `value` null when no figure is known ("no estimate", never 0). */
export type UnitTotal = {
  unit: TNeedUnit;
  value: number | null;
  /** Why value is null. */
  missing: TNotShown | null;
  /** Some rows of this unit had no figure: the sum covers only the others. */
  partial: boolean;
};

/** Need, capacity and shortfall of a set of rows, each summed per unit, never across units. */
export type GapTotals = { need: UnitTotal[]; capacity: UnitTotal[]; shortfall: UnitTotal[] };

type Part = { unit: TNeedUnit; value: number | null; missing: TNotShown | null };

/** Sums values per unit; a unit whose values are all unknown stays unknown, with the commonest reason. */
export function sumByUnit(parts: Iterable<Part>): UnitTotal[] {
  const groups = new Map<TNeedUnit, { value: number | null; known: number; count: number; reasons: Map<TNotShown, number> }>();
  for (const p of parts) {
    let g = groups.get(p.unit);
    if (!g) groups.set(p.unit, (g = { value: null, known: 0, count: 0, reasons: new Map() }));
    g.count += 1;
    if (p.value !== null) {
      g.value = (g.value ?? 0) + p.value;
      g.known += 1;
    } else if (p.missing) g.reasons.set(p.missing, (g.reasons.get(p.missing) ?? 0) + 1);
  }
  return NEED_UNITS.filter((u) => groups.has(u)).map((unit) => {
    const g = groups.get(unit)!;
    const missing = g.value === null ? ([...g.reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) : null;
    return { unit, value: g.value, missing, partial: g.known > 0 && g.known < g.count };
  });
}

/**
 * Totals of gap rows as the summary cards show them: need per need unit, capacity and shortfall
 * per capacity unit. A shortfall is summed only over rows whose need and capacity compare.
 */
export function gapTotals(rows: readonly GapRow[]): GapTotals {
  return {
    need: sumByUnit(rows.map((r) => ({ unit: r.needUnit, value: r.need, missing: r.missing }))),
    capacity: sumByUnit(rows.map((r) => ({ unit: r.capacityUnit, value: r.capacity, missing: null }))),
    shortfall: sumByUnit(rows.map((r) => ({ unit: r.capacityUnit, value: r.shortfall, missing: r.need === null ? r.missing : r.comparable ? null : 'not_comparable' }))),
  };
}

/** Whether a method gives any need figure for a territory, and if not, why. */
export type MethodEstimate = { method: TGapMethod; estimate: boolean; missing: TNoEstimate | null };

export function methodEstimate(method: TGapMethod, rows: readonly GapRow[]): MethodEstimate {
  if (rows.some((r) => r.need !== null)) return { method, estimate: true, missing: null };
  const reasons = new Map<TNoEstimate, number>();
  for (const r of rows) if (r.missing) reasons.set(r.missing, (reasons.get(r.missing) ?? 0) + 1);
  const commonest = [...reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  // No row at all: nothing to estimate from (no norm, no survey, no site).
  return { method, estimate: false, missing: commonest ?? (method === 'survey' ? 'no_survey' : method === 'normative' ? 'no_norm' : null) };
}
