import type { TCapacityUnit, TServiceType } from '../catalogue/service-type';
import type { TerritoryTree } from '../territories/territory-tree';
import { emptyCell, type GapTable, type TGapMethod } from './compute-gaps';
import { gapTotals, type GapTotals } from './gap-units';
import { summariseGaps, unitRow, unitsWithin, type GapRow } from './summarise-gaps';

/** One municipality's figures for one service type ("no estimate" is a null need, never 0). */
export type GapMatrixCell = GapRow & { unitId: number };

export type GapMatrix = {
  territoryId: number;
  year: number;
  method: TGapMethod;
  /** The planning units (municipalities) of the territory, in the tree's order. */
  unitIds: number[];
  /** Every service type of the country, in the catalogue's order, with its capacity unit. */
  serviceTypes: { key: string; unit: TCapacityUnit }[];
  /** One cell for every municipality × service type, municipality by municipality. */
  cells: GapMatrixCell[];
  /** The territory's row for every service type: the gap table's own rows, so the two agree. */
  typeTotals: GapRow[];
  /** The territory's need, capacity and shortfall over all service types, per unit, never across units. */
  unitTotals: GapTotals;
};

/**
 * Need, capacity, gap and coverage of every municipality of a territory for every service type
 * of its country, with the territory's totals by service type and by unit.
 */
export function gapMatrix(
  table: GapTable,
  tree: TerritoryTree,
  territoryId: number,
  method: TGapMethod,
  serviceTypes: readonly Pick<TServiceType, 'key' | 'unit'>[],
): GapMatrix {
  const types = serviceTypes.map((s) => ({ key: s.key, unit: s.unit }));
  const unitIds = unitsWithin(tree, territoryId);
  const cells: GapMatrixCell[] = [];
  for (const unitId of unitIds) {
    const byType = table.cells.get(unitId);
    for (const type of types) cells.push({ ...unitRow(byType?.get(type.key) ?? emptyCell(unitId, type.key, type.unit), method), unitId });
  }
  // The gap table leaves out a type with neither need nor capacity anywhere: its total is then
  // any of its cells (all without an estimate and without capacity).
  const summary = new Map(summariseGaps(table, tree, territoryId, method).rows.map((r) => [r.serviceType, r]));
  const typeTotals = types.map((type) => {
    const row = summary.get(type.key);
    if (row) return row;
    const { unitId: _unitId, ...first } = cells.find((c) => c.serviceType === type.key) ?? { ...unitRow(emptyCell(0, type.key, type.unit), method), unitId: 0 };
    return first;
  });
  return { territoryId, year: table.year, method, unitIds, serviceTypes: types, cells, typeTotals, unitTotals: gapTotals(typeTotals) };
}

const plain = new Map<number, Intl.NumberFormat>();
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0, useGrouping: false });

/**
 * A number rounded as the screens write it (Intl.NumberFormat, at most `digits` decimals, half
 * away from zero on the number's exact value), so a file shows what the dashboard shows.
 */
export function roundAsShown(value: number, digits = 1): number {
  let format = plain.get(digits);
  if (!format) plain.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, useGrouping: false })));
  return Number(format.format(value)) || 0; // `|| 0`: no "-0" in a file
}

/** A share (0.4251) as the whole per cent the screens show (43). */
export const percentAsShown = (share: number): number => Number(percent.format(share).replace('%', '')) || 0;
