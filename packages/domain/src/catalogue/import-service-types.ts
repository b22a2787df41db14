import type { ImportErrorList, TImportError, TImportErrorCode } from '../imports/import-error';
import { normaliseHeader } from '../imports/match-header';
import { isCellError, parseChoice, parseText, parseYesNo } from '../imports/parse-cells';
import type { TColumnLabels } from '../imports/parse-rows';
import { COUNTRIES, type TCountry } from '../territories/territory';
import { keyOfCountry, mayChangeUnit, SERVICE_CATEGORIES, TARGET_GROUPS, type TServiceCategory, type TTargetGroup } from './edit-service-type';
import { ZCapacityUnit, type TCapacityUnit } from './service-type';

/**
 * The service-types import: the columns of the service-types export (exports/export-tables.ts),
 * so a catalogue exported, edited in a spreadsheet and imported back adds and renames types.
 * Every row is checked before anything is written; the file is taken whole or not at all.
 */
export const SERVICE_TYPE_COLUMNS = ['key', 'country', 'official_code', 'name', 'name_en', 'category', 'residential', 'unit', 'target_groups'] as const;
export type TServiceTypeColumn = (typeof SERVICE_TYPE_COLUMNS)[number];
/** Every column is needed but the official code (many types have none). */
const OPTIONAL: ReadonlySet<TServiceTypeColumn> = new Set(['official_code']);

const add = (errors: ImportErrorList, e: TImportError) => errors.add(e);

export type TServiceTypeRecord = {
  key: string;
  country: TCountry;
  officialCode: string | null;
  name: string;
  nameEn: string;
  category: TServiceCategory;
  residential: boolean;
  unit: TCapacityUnit;
  targetGroups: TTargetGroup[];
};

/** A type the catalogue already has, as the checks need it. */
export type TStoredServiceType = { key: string; country: string; officialCode: string | null; unit: TCapacityUnit; inUse: boolean };

export type TCheckedServiceType = { row: number; record: TServiceTypeRecord; existing: boolean };

const MAX_TEXT = 300;
const MAX_CODE = 50;
const UNITS = ZCapacityUnit.options;

/**
 * Which column each header cell is: by its canonical name (`official_code`, or `official code`)
 * or by its header in an export of any language (`aliases`, normalised text → name).
 */
export function matchServiceTypeHeader(header: readonly string[], aliases: ReadonlyMap<string, string>, headerRow: number, errors: ImportErrorList): (TServiceTypeColumn | null)[] {
  const known = new Set<string>(SERVICE_TYPE_COLUMNS);
  const seen = new Set<string>();
  const columns = header.map((text): TServiceTypeColumn | null => {
    const key = normaliseHeader(text);
    if (key === '') return null;
    const name = [key, key.replaceAll(' ', '_'), aliases.get(key)].find((n) => n !== undefined && known.has(n)) as TServiceTypeColumn | undefined;
    const shown = text.replace('\ufeff', '').trim();
    if (!name) return add(errors, { row: headerRow, column: null, value: shown, code: 'unknown_column' }), null;
    if (seen.has(name)) return add(errors, { row: headerRow, column: name, value: shown, code: 'duplicate_column' }), null;
    seen.add(name);
    return name;
  });
  for (const c of SERVICE_TYPE_COLUMNS) if (!OPTIONAL.has(c) && !seen.has(c)) add(errors, { row: headerRow, column: c, value: null, code: 'missing_column' });
  return columns;
}

/** One row as a type, or null with every wrong cell of it in `errors`. */
export function parseServiceTypeRow(
  cells: readonly string[],
  columns: readonly (TServiceTypeColumn | null)[],
  row: number,
  errors: ImportErrorList,
  /** Labels the choice columns (`category`, `unit`, `target_groups`) may use, as exports write them. */
  labels: TColumnLabels = {},
): TServiceTypeRecord | null {
  const cell: Partial<Record<TServiceTypeColumn, string>> = {};
  columns.forEach((c, i) => {
    if (c) cell[c] = (cells[i] ?? '').trim();
  });
  let ok = true;
  const fail = (column: TServiceTypeColumn, code: TImportErrorCode, params?: Record<string, string | number>) => {
    ok = false;
    add(errors, { row, column, value: cell[column] || null, code, ...(params ? { params } : {}) });
  };
  const read = <T>(column: TServiceTypeColumn, parse: (text: string) => T | null | { error: TImportErrorCode }, required = true): T | null => {
    const parsed = parse(cell[column] ?? '');
    if (isCellError(parsed)) return fail(column, parsed.error), null;
    if (parsed === null && required) return fail(column, 'required'), null;
    return parsed as T | null;
  };

  const key = read<string>('key', (t) => parseText(t, 100));
  const country = read<TCountry>('country', (t) => {
    const c = parseChoice(t, COUNTRIES);
    return isCellError(c) ? { error: 'unknown_country' } : c;
  });
  if (key !== null && !/^[a-z]{2}\.[a-z0-9_]{1,80}$/.test(key)) fail('key', 'invalid_key');
  else if (key !== null && country !== null && !keyOfCountry(key, country)) fail('key', 'wrong_country');
  const officialCode = read<string>('official_code', (t) => parseText(t, MAX_CODE), false);
  const name = read<string>('name', (t) => parseText(t, MAX_TEXT));
  const nameEn = read<string>('name_en', (t) => parseText(t, MAX_TEXT));
  const category = read<TServiceCategory>('category', (t) => parseChoice(t, SERVICE_CATEGORIES, labels.category));
  const residential = read<boolean>('residential', parseYesNo);
  const unit = read<TCapacityUnit>('unit', (t) => parseChoice(t, UNITS, labels.unit));
  const groups: TTargetGroup[] = [];
  const groupsText = cell.target_groups ?? '';
  if (groupsText === '') fail('target_groups', 'required');
  for (const part of groupsText.split('|').map((g) => g.trim())) {
    if (part === '') continue;
    const group = parseChoice(part, TARGET_GROUPS, labels.target_groups);
    if (isCellError(group) || group === null) {
      fail('target_groups', 'invalid_choice');
      break;
    }
    if (!groups.includes(group)) groups.push(group);
  }
  if (!ok) return null;
  return { key: key!, country: country!, officialCode, name: name!, nameEn: nameEn!, category: category!, residential: residential!, unit: unit!, targetGroups: groups };
}

/**
 * The file's types against each other and the catalogue: a key once per file; an official code
 * once per country, counting the types the file leaves as they are; a unit changed only on a
 * type nothing counts in yet. Returns every good row, marked new or existing.
 */
export function checkServiceTypes(records: readonly { row: number; record: TServiceTypeRecord }[], stored: readonly TStoredServiceType[], errors: ImportErrorList): TCheckedServiceType[] {
  const storedByKey = new Map(stored.map((s) => [s.key, s]));
  const rowOfKey = new Map<string, number>();
  const checked: TCheckedServiceType[] = [];
  for (const { row, record } of records) {
    const otherRow = rowOfKey.get(record.key);
    if (otherRow !== undefined) {
      add(errors, { row, column: 'key', value: record.key, code: 'duplicate_row', params: { otherRow } });
      continue;
    }
    rowOfKey.set(record.key, row);
    const known = storedByKey.get(record.key);
    if (known && !mayChangeUnit(known.unit, record.unit, known.inUse)) {
      add(errors, { row, column: 'unit', value: record.unit, code: 'unit_in_use' });
      continue;
    }
    checked.push({ row, record, existing: !!known });
  }
  // The catalogue as it would be after the file: a code must name one type per country.
  const owners = new Map<string, { key: string; row: number | null }[]>();
  const codeKey = (country: string, code: string) => `${country}\u0000${code.toLowerCase()}`;
  for (const s of stored) if (s.officialCode && !rowOfKey.has(s.key)) owners.set(codeKey(s.country, s.officialCode), [{ key: s.key, row: null }]);
  for (const { row, record } of records) {
    if (!record.officialCode || rowOfKey.get(record.key) !== row) continue;
    const k = codeKey(record.country, record.officialCode);
    owners.set(k, [...(owners.get(k) ?? []), { key: record.key, row }]);
  }
  const refused = new Set<number>();
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    const first = list[0]!;
    for (const other of list.slice(first.row === null ? 0 : 1)) {
      if (other.row === null) continue;
      const record = checked.find((c) => c.row === other.row)?.record ?? records.find((r) => r.row === other.row)!.record;
      if (first.row === null) add(errors, { row: other.row, column: 'official_code', value: record.officialCode, code: 'official_code_taken', params: { key: first.key } });
      else add(errors, { row: other.row, column: 'official_code', value: record.officialCode, code: 'duplicate_row', params: { otherRow: first.row } });
      refused.add(other.row);
    }
  }
  return checked.filter((c) => !refused.has(c.row));
}
