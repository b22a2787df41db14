import type { ImportErrorList, TImportErrorCode } from '../imports/import-error';
import { normaliseHeader } from '../imports/match-header';
import { isCellError, parseChoice, parseInteger, parseNumber, parseText, type TChoiceLabels } from '../imports/parse-cells';
import { FUNDING_SOURCES, PROPOSAL_ACTIONS, type TFundingSource, type TProposalAction } from './proposal';

/**
 * The planning round's imports (issue 8; reference/formats.md): a municipality's proposal items,
 * a country's unit-cost standards for a year, and the National Map's ceilings for a year. Rows
 * name territories by code and service types by key, as the other imports do; the server resolves
 * them, applies the access rules to every row and writes the file whole or not at all.
 */
export const PLAN_IMPORT_COLUMNS = {
  proposals: ['municipality_code', 'action', 'service_type', 'capacity_change', 'start_year', 'funding_source', 'annual_cost', 'settlement_code', 'served_codes', 'explanation'],
  'unit-costs': ['service_type', 'cost'],
  ceilings: ['municipality_code', 'service_type', 'max_users'],
} as const;
export type TPlanImportKind = keyof typeof PLAN_IMPORT_COLUMNS;
export const PLAN_IMPORT_KINDS = Object.keys(PLAN_IMPORT_COLUMNS) as TPlanImportKind[];
type ColumnOf<K extends TPlanImportKind> = (typeof PLAN_IMPORT_COLUMNS)[K][number];

const OPTIONAL: ReadonlySet<string> = new Set(['annual_cost', 'settlement_code', 'served_codes', 'explanation']);

/**
 * Which column each header cell is: its canonical name (`service_type` or `service type`) or its
 * header in any of the app's languages (`aliases`, normalised text → canonical name).
 */
export function matchPlanHeader<K extends TPlanImportKind>(kind: K, header: readonly string[], aliases: ReadonlyMap<string, string>, headerRow: number, errors: ImportErrorList): (ColumnOf<K> | null)[] {
  const all: readonly string[] = PLAN_IMPORT_COLUMNS[kind];
  const seen = new Set<string>();
  const columns = header.map((text): ColumnOf<K> | null => {
    const key = normaliseHeader(text);
    if (key === '') return null;
    const name = [key, key.replaceAll(' ', '_'), aliases.get(key)].find((n) => n !== undefined && all.includes(n));
    const shown = text.replace('\ufeff', '').trim();
    if (!name) return errors.add({ row: headerRow, column: null, value: shown, code: 'unknown_column' }), null;
    if (seen.has(name)) return errors.add({ row: headerRow, column: name, value: shown, code: 'duplicate_column' }), null;
    seen.add(name);
    return name as ColumnOf<K>;
  });
  for (const c of all) if (!OPTIONAL.has(c) && !seen.has(c)) errors.add({ row: headerRow, column: c, value: null, code: 'missing_column' });
  return columns;
}

/** A cell reader for one row: each wrong cell goes to `errors`, and the row is then no record. */
function rowReader<C extends string>(cells: readonly string[], columns: readonly (C | null)[], row: number, errors: ImportErrorList) {
  const cell: Partial<Record<C, string>> = {};
  columns.forEach((c, i) => {
    if (c) cell[c] = (cells[i] ?? '').trim();
  });
  const state = { ok: true };
  const fail = (column: C, code: TImportErrorCode, params?: Record<string, string | number>) => {
    state.ok = false;
    errors.add({ row, column, value: cell[column] || null, code, ...(params ? { params } : {}) });
  };
  const read = <T>(column: C, parse: (text: string) => T | null | { error: TImportErrorCode }, required = true): T | null => {
    const parsed = parse(cell[column] ?? '');
    if (isCellError(parsed)) return fail(column, parsed.error), null;
    if (parsed === null && required) return fail(column, 'required'), null;
    return parsed as T | null;
  };
  return { read, fail, state, text: (c: C) => cell[c] ?? '' };
}

const MAX_MONEY = 1e12;
const MAX_CODE = 50;
const MAX_KEY = 100;

const money = (t: string) => {
  const n = parseNumber(t, 0, MAX_MONEY);
  if (isCellError(n) || n === null) return n;
  return n < 0 ? { error: 'negative' as const } : n > MAX_MONEY ? { error: 'out_of_range' as const } : n;
};
const wholeIn = (min: number, max: number) => (t: string) => {
  const n = parseInteger(t);
  if (isCellError(n) || n === null) return n;
  return n < min || n > max ? { error: (n < 0 && min === 0 ? 'negative' : 'out_of_range') as TImportErrorCode } : n;
};

export type TProposalRecord = {
  municipalityCode: string;
  action: TProposalAction;
  serviceType: string;
  capacityChange: number;
  startYear: number;
  fundingSource: TFundingSource;
  annualCost: number | null;
  settlementCode: string | null;
  /** Planning units served, with the places meant for each (`PAZ01:5; PAZ02:3`). */
  served: { code: string; capacity: number }[];
  explanation: string;
};

/** Labels of the choice columns in the app's languages (`Разширяване` → `expand`). */
export type TPlanChoiceLabels = { action?: TChoiceLabels; funding_source?: TChoiceLabels };

/** One row of a proposals file, or null with every wrong cell of it in `errors`. */
export function parseProposalRow(
  cells: readonly string[],
  columns: readonly (ColumnOf<'proposals'> | null)[],
  row: number,
  errors: ImportErrorList,
  labels: TPlanChoiceLabels = {},
): TProposalRecord | null {
  const { read, fail, state, text } = rowReader(cells, columns, row, errors);
  const municipalityCode = read<string>('municipality_code', (t) => parseText(t, MAX_CODE));
  const action = read<TProposalAction>('action', (t) => parseChoice(t, PROPOSAL_ACTIONS, labels.action));
  const serviceType = read<string>('service_type', (t) => parseText(t, MAX_KEY));
  const capacityChange = read<number>('capacity_change', wholeIn(-1_000_000, 1_000_000));
  const startYear = read<number>('start_year', wholeIn(1900, 2100));
  const fundingSource = read<TFundingSource>('funding_source', (t) => parseChoice(t, FUNDING_SOURCES, labels.funding_source));
  const annualCost = read<number>('annual_cost', money, false);
  const settlementCode = read<string>('settlement_code', (t) => parseText(t, MAX_CODE), false);
  const explanation = read<string>('explanation', (t) => parseText(t, 4000), false) ?? '';
  // Opening or expanding adds capacity, reducing or closing removes it: a sign against the action is a slip.
  if (action !== null && capacityChange !== null) {
    if ((action === 'open' || action === 'expand') && capacityChange < 0) fail('capacity_change', 'out_of_range');
    if ((action === 'reduce' || action === 'close') && capacityChange > 0) fail('capacity_change', 'out_of_range');
  }
  const served: { code: string; capacity: number }[] = [];
  for (const part of text('served_codes').split(/[;|]/).map((p) => p.trim())) {
    if (part === '') continue;
    const [code, places] = part.split(':').map((s) => s.trim());
    const capacity = places === undefined ? 0 : parseInteger(places);
    if (!code || code.length > MAX_CODE || isCellError(capacity) || capacity === null || capacity < 0) {
      fail('served_codes', 'invalid_choice');
      break;
    }
    served.push({ code, capacity });
  }
  if (!state.ok) return null;
  return { municipalityCode: municipalityCode!, action: action!, serviceType: serviceType!, capacityChange: capacityChange!, startYear: startYear!, fundingSource: fundingSource!, annualCost, settlementCode, served, explanation };
}

export type TUnitCostRecord = { serviceType: string; cost: number };

/** One row of a unit-costs file (the country and year are the import's). */
export function parseUnitCostRow(cells: readonly string[], columns: readonly (ColumnOf<'unit-costs'> | null)[], row: number, errors: ImportErrorList): TUnitCostRecord | null {
  const { read, state } = rowReader(cells, columns, row, errors);
  const serviceType = read<string>('service_type', (t) => parseText(t, MAX_KEY));
  const cost = read<number>('cost', money);
  return state.ok ? { serviceType: serviceType!, cost: cost! } : null;
}

export type TCeilingRecord = { municipalityCode: string; serviceType: string; maxUsers: number };

/** One row of a ceilings file (the country and year are the import's). */
export function parseCeilingRow(cells: readonly string[], columns: readonly (ColumnOf<'ceilings'> | null)[], row: number, errors: ImportErrorList): TCeilingRecord | null {
  const { read, state } = rowReader(cells, columns, row, errors);
  const municipalityCode = read<string>('municipality_code', (t) => parseText(t, MAX_CODE));
  const serviceType = read<string>('service_type', (t) => parseText(t, MAX_KEY));
  const maxUsers = read<number>('max_users', wholeIn(0, 2_147_483_647));
  return state.ok ? { municipalityCode: municipalityCode!, serviceType: serviceType!, maxUsers: maxUsers! } : null;
}

/**
 * A key may appear once per file: a second row for the same municipality × type (ceilings) or
 * type (unit costs) would leave which one counts to the order of the rows.
 */
export function findDuplicateRows<T>(records: readonly { row: number; record: T }[], keyOf: (r: T) => string, column: string, errors: ImportErrorList): void {
  const first = new Map<string, number>();
  for (const { row, record } of records) {
    const key = keyOf(record);
    const otherRow = first.get(key);
    if (otherRow !== undefined) errors.add({ row, column, value: key, code: 'duplicate_row', params: { otherRow } });
    else first.set(key, row);
  }
}
