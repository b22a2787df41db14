import type { TPopulationRecord } from '../imports/formats';
import type { ImportErrorList } from '../imports/import-error';
import { isCellError, parseInteger } from '../imports/parse-cells';
import { cellAt, emptyResult, type TRegisterResult, type TSourceTable } from './register-table';

/**
 * NSI Bulgaria's table "Population by districts, age and sex as of 31.12." in its wide form: an
 * `Age` column, then `YYYY_T`, `YYYY_M`, `YYYY_F` for each year. A line whose first cell is a
 * district's (province's) English name opens that district's block and holds its totals; the
 * lines below it are 5-year age bands, `0 - 4` to `100+`.
 */
export const NSI_YEAR_COLUMN = /^(\d{4})_([TMF])$/i;
const CLOSED_BAND = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/;
const OPEN_BAND = /^(\d{1,3})\s*\+$/;
const SINGLE_AGE = /^\d{1,3}$/;

export type TNsiOptions = {
  /** The province's code (`PAZ`) for the English name NSI gives it (`Pazardzhik`). */
  regionCodeByName(name: string): string | undefined;
};

type TYearColumns = { year: number; total: number; male: number; female: number };

/**
 * The table as population rows of each province: F and M for every band and year. The year is
 * the one in the header, the figures being as of its 31 December. T is not emitted: it is F + M,
 * which is checked on every line, as is each province's total line against the sum of its bands
 * (the total line itself would overlap the bands, so it is only used for that check).
 */
export async function convertNsiPopulation(table: TSourceTable, options: TNsiOptions, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const headerRow = table.headerRow ?? 1;
  const years = yearColumns(table.header);
  if (years.length === 0) {
    errors.add({ row: headerRow, column: null, value: table.header.join(', '), code: 'unrecognised_format' });
    return result;
  }
  const ageColumn = table.header[0] ?? '';

  let block: TProvinceBlock | null = null;
  // Lines under a province name that was not recognised: reported once, with the name.
  let skipping = false;
  for await (const { row, cells } of table.rows) {
    const label = cellAt(cells, 0);
    const band = ageBand(label);
    if (band === null) {
      if (block) reportTotals(block, errors);
      const code = options.regionCodeByName(label);
      skipping = code === undefined;
      block = code === undefined ? null : { code, row, totals: new Map(), sums: new Map() };
      if (!block) {
        errors.add({ row, column: ageColumn, value: label, code: 'unknown_territory', params: { code: label } });
        continue;
      }
      for (const columns of years) {
        const figures = readFigures(row, cells, table.header, columns, errors);
        if (!figures) continue;
        block.totals.set(`${columns.year}F`, { value: figures.female, column: table.header[columns.female]! });
        block.totals.set(`${columns.year}M`, { value: figures.male, column: table.header[columns.male]! });
      }
      continue;
    }
    if (!block) {
      if (!skipping) errors.add({ row, column: ageColumn, value: label, code: 'unknown_territory', params: { code: '' } });
      continue;
    }
    for (const columns of years) {
      const figures = readFigures(row, cells, table.header, columns, errors);
      if (!figures) continue;
      for (const [sex, count] of [['F', figures.female], ['M', figures.male]] as const) {
        const key = `${columns.year}${sex}`;
        block.sums.set(key, (block.sums.get(key) ?? 0) + count);
        const record: TPopulationRecord = { code: block.code, year: columns.year, sex, ageFrom: band.from, ageTo: band.to, count };
        result.population.push({ row, record });
      }
    }
  }
  if (block) reportTotals(block, errors);
  return result;
}

type TProvinceBlock = {
  code: string;
  /** Row of the province's own line, which holds its totals. */
  row: number;
  /** Published totals and the sums of the bands read so far, by year and sex (`2021F`). */
  totals: Map<string, { value: number; column: string }>;
  sums: Map<string, number>;
};

function yearColumns(header: readonly string[]): TYearColumns[] {
  const byYear = new Map<number, Partial<TYearColumns>>();
  header.forEach((text, index) => {
    const match = NSI_YEAR_COLUMN.exec(text.trim());
    if (!match) return;
    const year = Number(match[1]);
    const columns = byYear.get(year) ?? { year };
    const sex = match[2]!.toUpperCase();
    if (sex === 'T') columns.total = index;
    else if (sex === 'M') columns.male = index;
    else columns.female = index;
    byYear.set(year, columns);
  });
  return [...byYear.values()].filter((c): c is TYearColumns => c.total !== undefined && c.male !== undefined && c.female !== undefined);
}

/** `0 - 4` → 0–4, `100+` → 100 and over, `7` → 7–7; null for anything else (a province's name). */
export function ageBand(label: string): { from: number; to: number | null } | null {
  const closed = CLOSED_BAND.exec(label);
  if (closed) return { from: Number(closed[1]), to: Number(closed[2]) };
  const open = OPEN_BAND.exec(label);
  if (open) return { from: Number(open[1]), to: null };
  if (SINGLE_AGE.test(label)) return { from: Number(label), to: Number(label) };
  return null;
}

function readFigures(
  row: number,
  cells: readonly string[],
  header: readonly string[],
  columns: TYearColumns,
  errors: ImportErrorList,
): { male: number; female: number } | null {
  const read = (index: number): number | null => {
    const text = cellAt(cells, index);
    const value = parseInteger(text);
    const column = header[index] ?? null;
    if (value === null) errors.add({ row, column, value: '', code: 'required' });
    else if (isCellError(value)) errors.add({ row, column, value: text, code: 'not_integer' });
    else if (value < 0) errors.add({ row, column, value: text, code: 'negative' });
    else return value;
    return null;
  };
  const total = read(columns.total);
  const male = read(columns.male);
  const female = read(columns.female);
  if (total === null || male === null || female === null) return null;
  if (total !== male + female) {
    errors.add({ row, column: header[columns.total] ?? null, value: String(total), code: 'total_mismatch', params: { total, sum: male + female } });
    return null;
  }
  return { male, female };
}

function reportTotals(block: TProvinceBlock, errors: ImportErrorList): void {
  for (const [key, total] of block.totals) {
    const sum = block.sums.get(key) ?? 0;
    if (sum !== total.value) {
      errors.add({ row: block.row, column: total.column, value: String(total.value), code: 'total_mismatch', params: { total: total.value, sum } });
    }
  }
}
