import type { TerritoryTree } from '../territories/territory-tree';
import type { GapTable, TGapMethod, UnitGap } from './compute-gaps';

/** Need against capacity for one service type, over one unit or a whole territory. */
export type GapRow = {
  serviceType: string;
  method: TGapMethod;
  /** Null when no unit of the territory has a need figure for this method. */
  need: number | null;
  capacity: number;
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
  /** capacity ÷ need; null when need is null or zero. */
  coverage: number | null;
  /**
   * Sum of the units' own shortfalls. A surplus in one municipality does not serve the people
   * of another unless a site is shared, so this can exceed `gap`.
   */
  shortfall: number;
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
  const gap = need === null ? null : need - cell.capacity;
  const interval = method === 'survey' && cell.survey ? cell.survey : null;
  return {
    serviceType: cell.serviceType,
    method,
    need,
    capacity: cell.capacity,
    gap,
    needLow: interval?.low ?? null,
    needHigh: interval?.high ?? null,
    gapLow: interval ? interval.low - cell.capacity : null,
    gapHigh: interval ? interval.high - cell.capacity : null,
    coverage: need ? cell.capacity / need : null,
    shortfall: gap !== null && gap > 0 ? gap : 0,
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
  const totals = new Map<string, GapRow & { known: number; units: number; below: number; above: number }>();
  for (const unitId of unitsWithin(tree, territoryId)) {
    for (const cell of table.cells.get(unitId)?.values() ?? []) {
      const row = unitRow(cell, method);
      let total = totals.get(cell.serviceType);
      if (!total) {
        total = {
          ...row,
          need: null,
          capacity: 0,
          gap: null,
          needLow: null,
          needHigh: null,
          gapLow: null,
          gapHigh: null,
          coverage: null,
          shortfall: 0,
          incomplete: false,
          staffPositions: 0,
          staffVacancies: 0,
          known: 0,
          units: 0,
          below: 0,
          above: 0,
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
      }
      total.capacity += row.capacity;
      total.shortfall += row.shortfall;
      total.incomplete ||= row.incomplete;
      total.staffPositions += row.staffPositions;
      total.staffVacancies += row.staffVacancies;
    }
  }
  const rows: GapRow[] = [];
  for (const { known, units, below, above, ...row } of totals.values()) {
    if (row.need === null && row.capacity === 0) continue;
    // A partly known need stays a number but is marked incomplete; the UI says so.
    row.incomplete ||= known > 0 && known < units;
    row.gap = row.need === null ? null : row.need - row.capacity;
    if (method === 'survey' && row.need !== null) {
      row.needLow = Math.max(0, row.need - Math.sqrt(below));
      row.needHigh = row.need + Math.sqrt(above);
      row.gapLow = row.needLow - row.capacity;
      row.gapHigh = row.needHigh - row.capacity;
    }
    row.coverage = row.need ? row.capacity / row.need : null;
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

/** Coverage of each planning unit in a territory, for the map: one service type, or all together. */
export function coverageByUnit(
  table: GapTable,
  tree: TerritoryTree,
  territoryId: number,
  method: TGapMethod,
  serviceType: string | null,
): { unitId: number; need: number | null; capacity: number; coverage: number | null }[] {
  return unitsWithin(tree, territoryId).map((unitId) => {
    let need: number | null = null;
    let capacity = 0;
    for (const cell of table.cells.get(unitId)?.values() ?? []) {
      const n = needOf(cell, method);
      if (serviceType !== null) {
        if (cell.serviceType !== serviceType) continue;
        capacity += cell.capacity;
        if (n !== null) need = (need ?? 0) + n;
        continue;
      }
      // Over all service types together, coverage is the share of need that is met: a surplus
      // of one type does not make up for the lack of another.
      if (n === null) continue;
      need = (need ?? 0) + n;
      capacity += Math.min(cell.capacity, n);
    }
    return { unitId, need, capacity, coverage: need ? capacity / need : null };
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
