import type { TCapacityUnit } from '../catalogue/service-type';
import type { TerritoryTree } from '../territories/territory-tree';
import type { GapTable, TGapMethod, UnitGap } from './compute-gaps';
import { comparableUnits, needUnitOf, sumByUnit, type TNeedUnit, type TNoEstimate, type TNotShown, type UnitTotal } from './gap-units';

/** Need against capacity for one service type, over one unit or a whole territory. */
export type GapRow = {
  serviceType: string;
  method: TGapMethod;
  /** Null when no unit of the territory has a need figure for this method ("no estimate", never 0). */
  need: number | null;
  /** What the need counts: places, persons a year, or (a survey) persons who would use the service. */
  needUnit: TNeedUnit;
  /** Why need is null. */
  missing: TNoEstimate | null;
  capacity: number;
  /** How the capacity is counted: places at a time, or persons served a year. */
  capacityUnit: TCapacityUnit;
  /**
   * Whether need and capacity count the same thing. When not (survey persons against places),
   * gap, its interval, coverage and shortfall are null: they would pretend to compare.
   */
  comparable: boolean;
  /** need − capacity: positive is a shortfall, negative a surplus. */
  gap: number | null;
  /**
   * The 95 % interval of a survey-based need, and the gap it carries (null for the other
   * methods, whose needs are counts or norms, not estimates).
   */
  needLow: number | null;
  needHigh: number | null;
  gapLow: number | null;
  gapHigh: number | null;
  /** capacity ÷ need; null when need is null or zero, or need and capacity do not compare. */
  coverage: number | null;
  /**
   * Sum of the units' own shortfalls. A surplus in one municipality does not serve the people
   * of another unless a site is shared, so this can exceed `gap`. Null when no unit's need is
   * known or need and capacity do not compare.
   */
  shortfall: number | null;
  /** Some unit lacks a need figure (no norm, no target population) or reported no users. */
  incomplete: boolean;
  staffPositions: number;
  staffVacancies: number;
};

export type Diversity = {
  /** Service types with a need above zero. */
  needed: string[];
  /** Service types with capacity above zero. */
  available: string[];
  /** Needed and not available. */
  missing: string[];
  /** |needed ∩ available| ÷ |needed|; null when nothing is needed. */
  ratio: number | null;
};

export type GapSummary = {
  territoryId: number;
  year: number;
  method: TGapMethod;
  rows: GapRow[];
  diversity: Diversity;
};

export const needOf = (cell: UnitGap, method: TGapMethod): number | null =>
  method === 'normative' ? cell.normative.value : method === 'observed' ? cell.observed.value : (cell.survey?.value ?? null);

/** Why a unit's need is unknown by a method; null when it is known. */
export const missingOf = (cell: UnitGap, method: TGapMethod): TNoEstimate | null =>
  method === 'normative' ? cell.normative.missing : method === 'survey' && cell.survey === null ? 'no_survey' : null;

const INCOMPLETE: Record<TGapMethod, (cell: UnitGap) => boolean> = {
  normative: (cell) => cell.normative.value === null,
  observed: (cell) => cell.observed.incomplete,
  survey: (cell) => cell.survey === null,
};

/** The planning units whose figures make up a territory's figures. */
export function unitsWithin(tree: TerritoryTree, territoryId: number): number[] {
  return tree.planningUnitsOf(territoryId).map((u) => u.id);
}

/** One unit's row for one service type and method. */
export function unitRow(cell: UnitGap, method: TGapMethod): GapRow {
  const need = needOf(cell, method);
  const needUnit = needUnitOf(method, cell.unit);
  const comparable = comparableUnits(needUnit, cell.unit);
  const gap = need === null || !comparable ? null : need - cell.capacity;
  const interval = method === 'survey' && cell.survey ? cell.survey : null;
  return {
    serviceType: cell.serviceType,
    method,
    need,
    needUnit,
    missing: need === null ? missingOf(cell, method) : null,
    capacity: cell.capacity,
    capacityUnit: cell.unit,
    comparable,
    gap,
    needLow: interval?.low ?? null,
    needHigh: interval?.high ?? null,
    gapLow: interval && comparable ? interval.low - cell.capacity : null,
    gapHigh: interval && comparable ? interval.high - cell.capacity : null,
    coverage: need && comparable ? cell.capacity / need : null,
    shortfall: gap === null ? null : Math.max(0, gap),
    incomplete: INCOMPLETE[method](cell),
    staffPositions: cell.staffPositions,
    staffVacancies: cell.staffVacancies,
  };
}

/**
 * The gap table of a territory: its planning units' figures summed per service type. Rows are
 * kept for every service type that has a need figure or some capacity.
 */
export function summariseGaps(table: GapTable, tree: TerritoryTree, territoryId: number, method: TGapMethod): GapSummary {
  // Half-widths of the units' intervals, squared and summed: independent surveys of different
  // units add up like independent errors do (root of the sum of squares), not end to end.
  const totals = new Map<string, GapRow & { known: number; units: number; below: number; above: number; reasons: Map<TNoEstimate, number> }>();
  for (const unitId of unitsWithin(tree, territoryId)) {
    for (const cell of table.cells.get(unitId)?.values() ?? []) {
      const row = unitRow(cell, method);
      let total = totals.get(cell.serviceType);
      if (!total) {
        total = {
          ...row,
          need: null,
          missing: null,
          capacity: 0,
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
          known: 0,
          units: 0,
          below: 0,
          above: 0,
          reasons: new Map(),
        };
        totals.set(cell.serviceType, total);
      }
      total.units += 1;
      if (row.need !== null) {
        total.need = (total.need ?? 0) + row.need;
        total.known += 1;
        if (row.needLow !== null && row.needHigh !== null) {
          total.below += (row.need - row.needLow) ** 2;
          total.above += (row.needHigh - row.need) ** 2;
        }
      } else if (row.missing) total.reasons.set(row.missing, (total.reasons.get(row.missing) ?? 0) + 1);
      total.capacity += row.capacity;
      if (row.shortfall !== null) total.shortfall = (total.shortfall ?? 0) + row.shortfall;
      total.incomplete ||= row.incomplete;
      total.staffPositions += row.staffPositions;
      total.staffVacancies += row.staffVacancies;
    }
  }
  const rows: GapRow[] = [];
  for (const { known, units, below, above, reasons, ...row } of totals.values()) {
    if (row.need === null && row.capacity === 0) continue;
    // A partly known need stays a number but is marked incomplete; the UI says so.
    row.incomplete ||= known > 0 && known < units;
    row.missing = row.need === null ? ([...reasons.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null) : null;
    row.gap = row.need === null || !row.comparable ? null : row.need - row.capacity;
    if (!row.comparable) row.shortfall = null;
    if (method === 'survey' && row.need !== null) {
      row.needLow = Math.max(0, row.need - Math.sqrt(below));
      row.needHigh = row.need + Math.sqrt(above);
      row.gapLow = row.comparable ? row.needLow - row.capacity : null;
      row.gapHigh = row.comparable ? row.needHigh - row.capacity : null;
    }
    row.coverage = row.need && row.comparable ? row.capacity / row.need : null;
    rows.push(row);
  }
  rows.sort((a, b) => a.serviceType.localeCompare(b.serviceType));
  return { territoryId, year: table.year, method, rows, diversity: diversityOf(rows) };
}

/** Service types available against those needed. */
export function diversityOf(rows: readonly GapRow[]): Diversity {
  const needed = rows.filter((r) => (r.need ?? 0) > 0).map((r) => r.serviceType);
  const available = rows.filter((r) => r.capacity > 0).map((r) => r.serviceType);
  const availableSet = new Set(available);
  const missing = needed.filter((t) => !availableSet.has(t));
  return { needed, available, missing, ratio: needed.length ? (needed.length - missing.length) / needed.length : null };
}

/** One planning unit on the coverage map: its coverage, and its need and capacity per unit. */
export type UnitCoverage = {
  unitId: number;
  /**
   * For one service type, capacity ÷ need. Over all service types together, the mean of the
   * needed types' shares of need met (each at most 1): a surplus of one type does not make up
   * for the lack of another, and places are never added to persons a year. Null when no need is
   * estimated, or need and capacity do not compare (a survey's persons against places).
   */
  coverage: number | null;
  /** Why coverage is null. */
  missing: TNotShown | null;
  /** How many service types the coverage is taken over. */
  serviceTypes: number;
  /** Need per need unit and capacity per capacity unit, never added across units. */
  need: UnitTotal[];
  capacity: UnitTotal[];
};

/** Coverage of each planning unit in a territory, for the map: one service type, or all together. */
export function coverageByUnit(table: GapTable, tree: TerritoryTree, territoryId: number, method: TGapMethod, serviceType: string | null): UnitCoverage[] {
  return unitsWithin(tree, territoryId).map((unitId) => {
    const rows = [...(table.cells.get(unitId)?.values() ?? [])].filter((c) => serviceType === null || c.serviceType === serviceType).map((c) => unitRow(c, method));
    // Types with neither a need nor a place say nothing about this unit's coverage.
    const counted = serviceType === null ? rows.filter((r) => (r.need ?? 0) > 0 || r.capacity > 0) : rows;
    const measured = counted.filter((r) => r.need !== null && r.need > 0 && r.comparable);
    const coverage = measured.length === 0 ? null : measured.reduce((sum, r) => sum + Math.min(1, r.capacity / r.need!), 0) / measured.length;
    const missing: TNotShown | null =
      coverage !== null
        ? null
        : (counted.find((r) => r.need === null)?.missing ?? (counted.some((r) => r.need !== null && r.need > 0 && !r.comparable) ? 'not_comparable' : null));
    return {
      unitId,
      coverage: serviceType !== null && rows[0] ? rows[0].coverage : coverage,
      missing: serviceType !== null && rows[0] ? (rows[0].coverage !== null ? null : (rows[0].missing ?? (rows[0].comparable ? null : 'not_comparable'))) : missing,
      serviceTypes: measured.length,
      need: sumByUnit(counted.map((r) => ({ unit: r.needUnit, value: r.need, missing: r.missing }))),
      capacity: sumByUnit(counted.map((r) => ({ unit: r.capacityUnit, value: r.capacity, missing: null }))),
    };
  });
}

/** Everything behind one figure of the gap table, for "how was this computed". */
export type GapExplanation = {
  territoryId: number;
  serviceType: string;
  method: TGapMethod;
  year: number;
  total: GapRow | null;
  units: { unitId: number; row: GapRow; cell: UnitGap }[];
};

export function explainGap(table: GapTable, tree: TerritoryTree, territoryId: number, serviceType: string, method: TGapMethod): GapExplanation {
  const units: GapExplanation['units'] = [];
  for (const unitId of unitsWithin(tree, territoryId)) {
    const cell = table.cells.get(unitId)?.get(serviceType);
    if (cell) units.push({ unitId, row: unitRow(cell, method), cell });
  }
  const total = summariseGaps(table, tree, territoryId, method).rows.find((r) => r.serviceType === serviceType) ?? null;
  return { territoryId, serviceType, method, year: table.year, total, units };
}
