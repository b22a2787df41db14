import type { TPopulationRecord, TTerritoryRecord } from '../imports/formats';
import type { TRowRecord } from '../imports/import-context';
import type { ImportErrorList } from '../imports/import-error';
import { normaliseHeader } from '../imports/match-header';

/** One row of a file as the reader gives it: its spreadsheet row number and trimmed cells. */
export type TSourceRow = { row: number; cells: string[] };

/** A file as the reader gives it; `Table` from the server's `openTable` fits this shape. */
export type TSourceTable = {
  header: readonly string[];
  /** The header's row number (1 unless comment lines come first). */
  headerRow?: number;
  rows: Iterable<TSourceRow> | AsyncIterable<TSourceRow>;
};

/**
 * What converting a register gives: records in the import formats, each with the row it came
 * from (0 for records the converter adds itself, like the country). `skipped` counts rows that
 * are deliberately not imported (Ukraine's city districts).
 */
export type TRegisterResult = {
  territories: TRowRecord<TTerritoryRecord>[];
  population: TRowRecord<TPopulationRecord>[];
  skipped: number;
};

export const emptyResult = (): TRegisterResult => ({ territories: [], population: [], skipped: 0 });

/**
 * Header comparison for registers: as for our own formats, plus the apostrophe, which Ukrainian
 * texts write as ’ (U+2019), ʼ (U+02BC) or a plain '.
 */
export const registerHeaderKey = (text: string): string => normaliseHeader(text).replace(/[’ʼ`]/g, "'");

/**
 * Positions of the register's columns, found by their header text. Missing columns are reported
 * on the header row and give null: a file without them is not in this register's format.
 */
export function findColumns<K extends string>(
  table: TSourceTable,
  names: Record<K, string>,
  errors: ImportErrorList,
  optional: readonly K[] = [],
): Record<K, number> | null {
  const keys = table.header.map(registerHeaderKey);
  const at = {} as Record<K, number>;
  let complete = true;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    at[key] = keys.indexOf(registerHeaderKey(name));
    if (at[key] < 0 && !optional.includes(key)) {
      errors.add({ row: table.headerRow ?? 1, column: name, value: null, code: 'missing_column' });
      complete = false;
    }
  }
  return complete ? at : null;
}

/** Whether the header has every one of these columns. */
export function hasColumns(header: readonly string[], names: readonly string[]): boolean {
  const keys = new Set(header.map(registerHeaderKey));
  return names.every((name) => keys.has(registerHeaderKey(name)));
}

export const cellAt = (cells: readonly string[], index: number): string => (index < 0 ? '' : (cells[index] ?? '').trim());

/** Registers are small (tens of thousands of rows); converters that need two passes read them whole. */
export async function readAllRows(table: TSourceTable): Promise<TSourceRow[]> {
  const rows: TSourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

/**
 * A code of fixed width made of digits. Excel drops leading zeros when it opens a CSV
 * (EKATTE `00014` becomes `14`), so shorter digit runs are padded back; anything else is null.
 */
export function fixedWidthDigits(text: string, width: number): string | null {
  if (text.length === 0 || text.length > width) return null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  return text.padStart(width, '0');
}
