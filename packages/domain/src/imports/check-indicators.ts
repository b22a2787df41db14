import type { TIndicatorRecord } from './formats';
import type { ImportContext } from './import-context';
import type { ImportErrorList } from './import-error';
import { createTerritoryResolver } from './resolve-territory';

export type TCheckedIndicator = {
  territoryId: number;
  year: number;
  indicator: string;
  value: number;
  source: string;
  sourceDate: string | null;
};

export type TIndicatorChecker = {
  /** The row with its territory resolved, or null when something about it is wrong. */
  check(row: number, record: TIndicatorRecord): TCheckedIndicator | null;
  /** Nothing is left to check at the end; here so every checker is driven the same way. */
  finish(): void;
};

/**
 * Checks an indicators file row by row: the code is a territory the user may write about, the
 * indicator is in the catalogue, and no territory, year and indicator appears twice.
 */
export function createIndicatorChecker(ctx: ImportContext, errors: ImportErrorList): TIndicatorChecker {
  const resolve = createTerritoryResolver(ctx, errors);
  const firstRow = new Map<string, number>();

  return {
    check(row, record) {
      const territory = resolve(row, 'code', record.code);
      let ok = territory !== null;
      if (!ctx.isIndicator(record.indicator)) {
        errors.add({ row, column: 'indicator', value: record.indicator, code: 'unknown_indicator' });
        ok = false;
      }
      const key = `${record.code}\u0000${record.year}\u0000${record.indicator}`;
      const otherRow = firstRow.get(key);
      if (otherRow === undefined) firstRow.set(key, row);
      else {
        errors.add({ row, column: 'indicator', value: record.indicator, code: 'duplicate_row', params: { otherRow } });
        ok = false;
      }
      if (!ok || territory === null) return null;
      const { year, indicator, value, source, sourceDate } = record;
      return { territoryId: territory.id, year, indicator, value, source, sourceDate };
    },
    finish() {
      firstRow.clear();
    },
  };
}
