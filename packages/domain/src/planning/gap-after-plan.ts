import type { TCapacityUnit } from '../catalogue/service-type';
import type { GapTable, TGapMethod } from '../gaps/compute-gaps';
import { emptyCell } from '../gaps/compute-gaps';
import type { TNotShown } from '../gaps/gap-units';
import type { TTargetPopulation } from '../needs/norm';
import { targetKey } from '../needs/target-population';
import { unitRow } from '../gaps/summarise-gaps';
import type { TProposalItem } from './proposal';

/**
 * Gaps before and after a plan (issue 8): for each municipality × service type, need against
 * capacity, and against capacity plus the capacity changes of the plan's items.
 *
 *   gap before = need − capacity
 *   gap after  = need − (capacity + Σ the items' capacity changes allotted to the municipality)
 *
 * Quantities of different units are never added: an item changes a cell only when its unit is
 * the cell's unit (places, or persons a year). A need with no estimate stays null ("no
 * estimate", never 0), and so do the gaps computed from it.
 */

/** What the plan computations need of a proposal item (the server may pass whole items). */
export type PlanItem = Pick<
  TProposalItem,
  'id' | 'municipalityId' | 'serviceType' | 'capacityChange' | 'unit' | 'served' | 'startYear' | 'fundingSource' | 'annualCost' | 'explanation'
>;

/** A need figure: the estimate, and for the survey method its 95 % interval. */
export type PlanNeed = { value: number; low?: number | null; high?: number | null };

/**
 * One municipality × service type as the gap table gives it, for the round's method.
 * `need` is null when there is no estimate, and also when need and capacity count different
 * things (a survey's persons against places): then no gap can be given. `planGapInput` builds
 * these rows from a gap table.
 */
export type PlanGapRow = {
  municipalityId: number;
  serviceType: string;
  /** How the service type's capacity is counted. */
  unit: TCapacityUnit;
  need: PlanNeed | null;
  /** Why need is null, when the gap table says (shown instead of a number). */
  missing?: TNotShown | null;
  /** Capacity of the municipality today (its share of sites serving several municipalities). */
  capacity: number;
  /**
   * The need's target population (`targetKey` of the norm, e.g. `p:T:65:`), when known: a
   * scenario's population change can be aimed at it.
   */
  target?: string | null;
};

/**
 * The gap table of a round's territory, reduced to what the plan needs: one row per
 * municipality × service type (as `planGapInput` makes them; gapAfterPlan keeps the first of
 * repeated rows, checkPlan would count each).
 */
export type PlanGapInput = { method: TGapMethod; rows: readonly PlanGapRow[] };

/** One item's part in one municipality's capacity. */
export type ItemShare = { itemId: number; municipalityId: number; change: number };

/** A municipality × service type before and after the plan. */
export type PlanGapCell = {
  municipalityId: number;
  serviceType: string;
  unit: TCapacityUnit;
  /** Null: no estimate (or not comparable, see `missing`). */
  need: number | null;
  needLow: number | null;
  needHigh: number | null;
  missing: TNotShown | null;
  capacity: number;
  /** Σ of the items' capacity changes allotted to this municipality (0 without items). */
  change: number;
  capacityAfter: number;
  gapBefore: number | null;
  gapAfter: number | null;
  /** The gaps' intervals, for a survey need with an interval; else null. */
  gapBeforeLow: number | null;
  gapBeforeHigh: number | null;
  gapAfterLow: number | null;
  gapAfterHigh: number | null;
  /** The items that change this cell, by item id. */
  items: readonly ItemShare[];
};

export type PlanGaps = {
  method: TGapMethod;
  /** Items starting after this year were left out; null: all items counted. */
  year: number | null;
  /** Every cell, by municipality id then service type key. */
  cells: PlanGapCell[];
  /** Items left out because their unit is not their service type's unit (`typeUnits`), by id. */
  mismatchedItemIds: number[];
  /** Items left out because they start after `year`, by id. */
  laterItemIds: number[];
};

/** The key of a municipality × service type in maps. */
export const cellKey = (municipalityId: number, serviceType: string): string => `${municipalityId}\u0000${serviceType}`;

/** Code-point order of strings (never the locale's): the same order on every machine. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How an item's capacity change is shared among the municipalities whose residents it serves.
 *
 * - `served` empty (or naming no places): all of it is the proposing municipality's.
 * - The places named in `served` add up to no more than the change: each named municipality
 *   gets its places, and the proposing municipality the rest.
 * - They add up to more: the change is shared in proportion to them, in whole places (largest
 *   remainders, ties to the lower municipality id), so the parts always add up to the change.
 *
 * A reduction (negative change) is shared the same way, with negative parts. The result is in
 * municipality id order and never depends on the order of `served`.
 */
export function itemShares(item: Pick<PlanItem, 'id' | 'municipalityId' | 'capacityChange' | 'served'>): ItemShare[] {
  const change = item.capacityChange;
  if (item.served.length === 0 || change === 0) return [{ itemId: item.id, municipalityId: item.municipalityId, change }];
  const named = new Map<number, number>();
  for (const s of item.served) if (s.capacity > 0) named.set(s.municipalityId, (named.get(s.municipalityId) ?? 0) + s.capacity);
  const total = [...named.values()].reduce((a, b) => a + b, 0);
  if (total === 0 || change === 0) return [{ itemId: item.id, municipalityId: item.municipalityId, change }];
  const size = Math.abs(change);
  const sign = Math.sign(change);
  const parts = new Map<number, number>();
  if (total <= size) {
    for (const [m, places] of named) parts.set(m, places);
    if (total < size) parts.set(item.municipalityId, (parts.get(item.municipalityId) ?? 0) + size - total);
  } else {
    const ids = [...named.keys()].sort((a, b) => a - b);
    const exact = ids.map((m) => (named.get(m)! * size) / total);
    const floors = exact.map(Math.floor);
    let left = size - floors.reduce((a, b) => a + b, 0);
    const order = ids.map((_, i) => i).sort((a, b) => exact[b]! - floors[b]! - (exact[a]! - floors[a]!) || ids[a]! - ids[b]!);
    for (const i of order) {
      if (left <= 0) break;
      floors[i]! += 1;
      left -= 1;
    }
    ids.forEach((m, i) => parts.set(m, floors[i]!));
  }
  return [...parts.entries()]
    .filter(([, places]) => places !== 0)
    .sort((a, b) => a[0] - b[0])
    .map(([municipalityId, places]) => ({ itemId: item.id, municipalityId, change: sign * places }));
}

const normTarget = (target: TTargetPopulation | undefined): string | null => (target ? targetKey(target) : null);

/**
 * The plan's input rows from a gap table: one row per municipality × service type, with the
 * method's need where it compares with capacity (null otherwise, with the reason), and the
 * target population of the norm that applies (`targetKey`), unless `targetOf` says otherwise.
 */
export function planGapInput(
  table: GapTable,
  municipalityIds: readonly number[],
  method: TGapMethod,
  serviceTypes: readonly { key: string; unit: TCapacityUnit }[],
  targetOf?: (municipalityId: number, serviceType: string) => string | null,
): PlanGapInput {
  const rows: PlanGapRow[] = [];
  for (const municipalityId of municipalityIds) {
    const byType = table.cells.get(municipalityId);
    for (const type of serviceTypes) {
      const row = unitRow(byType?.get(type.key) ?? emptyCell(municipalityId, type.key, type.unit), method);
      const need: PlanNeed | null =
        row.need === null || !row.comparable ? null : { value: row.need, low: row.needLow, high: row.needHigh };
      rows.push({
        municipalityId,
        serviceType: type.key,
        unit: row.capacityUnit,
        need,
        missing: row.need === null ? row.missing : row.comparable ? null : 'not_comparable',
        capacity: row.capacity,
        target: targetOf ? targetOf(municipalityId, type.key) : normTarget(byType?.get(type.key)?.normative.norm?.target),
      });
    }
  }
  return { method, rows };
}

/**
 * Each service type's unit: the unit of its first row (the catalogue gives a type one unit). An
 * item counts only in its type's unit; for a type no row has, the first item's (by id) unit.
 */
export function typeUnits(rows: readonly PlanGapRow[]): Map<string, TCapacityUnit> {
  const units = new Map<string, TCapacityUnit>();
  for (const row of rows) if (!units.has(row.serviceType)) units.set(row.serviceType, row.unit);
  return units;
}

/** Cells by municipality, then service type: nested maps, so a country's 150,000 cells need no string keys. */
export class CellIndex {
  private readonly byMunicipality = new Map<number, Map<string, PlanGapCell>>();

  get(municipalityId: number, serviceType: string): PlanGapCell | undefined {
    return this.byMunicipality.get(municipalityId)?.get(serviceType);
  }

  set(cell: PlanGapCell): void {
    let byType = this.byMunicipality.get(cell.municipalityId);
    if (!byType) this.byMunicipality.set(cell.municipalityId, (byType = new Map()));
    byType.set(cell.serviceType, cell);
  }

  static of(cells: Iterable<PlanGapCell>): CellIndex {
    const index = new CellIndex();
    for (const c of cells) index.set(c);
    return index;
  }
}

/**
 * Gaps before and after the plan. `year`: count only the items starting in or before it (the
 * plan as it stands that year); null or left out counts every item. A cell is made for items
 * of a municipality × service type the input has no row for (no need known, capacity 0).
 */
export function gapAfterPlan(input: PlanGapInput, items: readonly PlanItem[], options: { year?: number | null } = {}): PlanGaps {
  return indexedGapAfterPlan(input, items, options).gaps;
}

/** gapAfterPlan with its cells' index, for the checks. */
export function indexedGapAfterPlan(input: PlanGapInput, items: readonly PlanItem[], options: { year?: number | null } = {}): { gaps: PlanGaps; index: CellIndex } {
  const year = options.year ?? null;
  const index = new CellIndex();
  const out: PlanGapCell[] = [];
  for (const row of input.rows) {
    if (index.get(row.municipalityId, row.serviceType)) continue;
    const cell = newCell(row);
    index.set(cell);
    out.push(cell);
  }
  const units = typeUnits(input.rows);
  const mismatchedItemIds: number[] = [];
  const laterItemIds: number[] = [];
  // By id: which item's unit stands for a type the gap table does not know must not depend on
  // the order the items came in.
  for (const item of [...items].sort((a, b) => a.id - b.id)) {
    if (year !== null && item.startYear > year) {
      laterItemIds.push(item.id);
      continue;
    }
    let unit = units.get(item.serviceType);
    if (unit === undefined) units.set(item.serviceType, (unit = item.unit));
    if (unit !== item.unit) {
      mismatchedItemIds.push(item.id);
      continue;
    }
    const shares = itemShares(item);
    for (const share of shares) {
      let cell = index.get(share.municipalityId, item.serviceType);
      if (!cell) {
        cell = newCell({ municipalityId: share.municipalityId, serviceType: item.serviceType, unit: item.unit, need: null, capacity: 0 });
        index.set(cell);
        out.push(cell);
      }
      cell.change += share.change;
      if (cell.items === NO_ITEMS) cell.items = [share];
      else (cell.items as ItemShare[]).push(share);
    }
  }
  for (const cell of out) {
    if (cell.items.length > 1) (cell.items as ItemShare[]).sort((a, b) => a.itemId - b.itemId);
    cell.capacityAfter = cell.capacity + cell.change;
    if (cell.need !== null) {
      cell.gapBefore = cell.need - cell.capacity;
      cell.gapAfter = cell.need - cell.capacityAfter;
    }
    if (cell.needLow !== null && cell.needHigh !== null) {
      cell.gapBeforeLow = cell.needLow - cell.capacity;
      cell.gapBeforeHigh = cell.needHigh - cell.capacity;
      cell.gapAfterLow = cell.needLow - cell.capacityAfter;
      cell.gapAfterHigh = cell.needHigh - cell.capacityAfter;
    }
  }
  const order = (a: PlanGapCell, b: PlanGapCell) => a.municipalityId - b.municipalityId || byCodePoint(a.serviceType, b.serviceType);
  // Gap tables come in this order already; cells added for items then break it.
  if (out.some((c, i) => i > 0 && order(out[i - 1]!, c) > 0)) out.sort(order);
  return {
    gaps: {
      method: input.method,
      year,
      cells: out,
      mismatchedItemIds: mismatchedItemIds.sort((a, b) => a - b),
      laterItemIds: laterItemIds.sort((a, b) => a - b),
    },
    index,
  };
}

/** The items of a cell no item changes: one shared empty list, as most cells have none. */
const NO_ITEMS: readonly ItemShare[] = Object.freeze([]);

function newCell(row: PlanGapRow): PlanGapCell {
  const need = row.need;
  const interval = need && need.low !== null && need.low !== undefined && need.high !== null && need.high !== undefined;
  return {
    municipalityId: row.municipalityId,
    serviceType: row.serviceType,
    unit: row.unit,
    need: need?.value ?? null,
    needLow: interval ? need.low! : null,
    needHigh: interval ? need.high! : null,
    missing: need === null ? (row.missing ?? null) : null,
    capacity: row.capacity,
    change: 0,
    capacityAfter: row.capacity,
    gapBefore: null,
    gapAfter: null,
    gapBeforeLow: null,
    gapBeforeHigh: null,
    gapAfterLow: null,
    gapAfterHigh: null,
    items: NO_ITEMS,
  };
}

