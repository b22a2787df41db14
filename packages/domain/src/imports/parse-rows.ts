import { FUNDING_SOURCES, PROVIDER_KINDS } from '../service-sites/service-site';
import { SEXES } from '../population/population';
import { COUNTRIES, LEVELS } from '../territories/territory';
import {
  FORMAT_COLUMNS,
  type TImportKind,
  type TImportRecord,
  type TIndicatorRecord,
  type TPopulationRecord,
  type TServiceRecord,
  type TTerritoryRecord,
} from './formats';
import type { ImportErrorList, TImportErrorCode } from './import-error';
import { isCellError, parseChoice, parseDate, parseInteger, parseNumber, parseText, parseYesNo, type TChoiceLabels } from './parse-cells';

/** Per column (`provider_kind`, `funding`, `level`, `sex`), the labels its cells may use instead of keys. */
export type TColumnLabels = Readonly<Partial<Record<string, TChoiceLabels>>>;

export type TRowParser<K extends TImportKind> = {
  /**
   * The row as a record, or null when any cell is wrong; every wrong cell of the row is added
   * to `errors`, so the report lists them all at once.
   */
  parse(cells: readonly string[], row: number, errors: ImportErrorList): TImportRecord[K] | null;
};

/** Free text: names, providers, sources (formats.md). */
const MAX_TEXT = 300;
/** Years the figures may be about. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MAX_AGE = 130;
/** `population.count` is a PostgreSQL integer. */
const MAX_COUNT = 2_147_483_647;
/**
 * Service sites are stored through `ZServiceSiteInput`; the import refuses here what that
 * schema would refuse at the write, so the user gets a row number instead of a failed import.
 */
const MAX_SITE_KEY = 100;
const MIN_SERVICE_YEAR = 1990;
const MAX_SERVICE_COUNT = 1_000_000;
const MAX_STAFF = 100_000;

const SERVES_SEPARATOR = '|';

/**
 * Turns the cells of one row into a record of `kind`. `columns` is the canonical name of each
 * position (from `matchHeader`); columns the file does not have read as empty cells. `labels`
 * lets a choice column take its choices' labels, as the app's exports write them.
 */
export function createRowParser<K extends TImportKind>(kind: K, columns: readonly (string | null)[], labels: TColumnLabels = {}): TRowParser<K> {
  const at = indexColumns(kind, columns);
  const read = new CellReader(labels);
  const parsers: { [P in TImportKind]: () => TImportRecord[P] | null } = {
    territories: () => readTerritory(read, at),
    population: () => readPopulation(read, at),
    indicators: () => readIndicator(read, at),
    services: () => readService(read, at),
  };
  const parseRow = parsers[kind] as () => TImportRecord[K] | null;
  return {
    parse(cells, row, errors) {
      read.start(cells, row, errors);
      const record = parseRow();
      return read.failed ? null : record;
    },
  };
}

/** Position of each canonical column in the row; -1 when the file lacks it. */
type TColumnIndex = Record<string, number>;

function indexColumns(kind: TImportKind, columns: readonly (string | null)[]): TColumnIndex {
  const at: TColumnIndex = {};
  for (const spec of FORMAT_COLUMNS[kind]) at[spec.name] = columns.indexOf(spec.name);
  return at;
}

/**
 * Reads the cells of the current row and records what is wrong with them. One instance serves
 * every row of a file, so parsing a row allocates nothing but the record itself.
 */
class CellReader {
  private cells: readonly string[] = [];
  private row = 0;
  private errors: ImportErrorList | null = null;
  failed = false;

  constructor(private readonly labels: TColumnLabels) {}

  start(cells: readonly string[], row: number, errors: ImportErrorList): void {
    this.cells = cells;
    this.row = row;
    this.errors = errors;
    this.failed = false;
  }

  raw(index: number): string {
    return index < 0 ? '' : (this.cells[index] ?? '');
  }

  fail(column: string, value: string, code: TImportErrorCode, params?: Record<string, string | number>): null {
    this.failed = true;
    this.errors?.add(params ? { row: this.row, column, value, code, params } : { row: this.row, column, value, code });
    return null;
  }

  private missing(column: string, required: boolean): null {
    return required ? this.fail(column, '', 'required') : null;
  }

  text(index: number, column: string, required: boolean, max = MAX_TEXT): string | null {
    const raw = this.raw(index);
    const value = parseText(raw, max);
    if (value === null) return this.missing(column, required);
    if (isCellError(value)) return this.fail(column, raw, value.error, { max });
    return value;
  }

  integer(index: number, column: string, required: boolean, min: number, max: number): number | null {
    const raw = this.raw(index);
    const value = parseInteger(raw);
    if (value === null) return this.missing(column, required);
    if (isCellError(value)) return this.fail(column, raw, value.error);
    return this.inRange(value, raw, column, min, max);
  }

  number(index: number, column: string, required: boolean, min: number, max: number): number | null {
    const raw = this.raw(index);
    // The range settles `1,250` where only one reading fits (see parseNumber).
    const value = parseNumber(raw, min, max);
    if (value === null) return this.missing(column, required);
    if (isCellError(value)) return this.fail(column, raw, value.error);
    return this.inRange(value, raw, column, min, max);
  }

  private inRange(value: number, raw: string, column: string, min: number, max: number): number | null {
    // "Must not be negative" reads better than a range for counts, whose upper bound is technical.
    if (min === 0 && value < 0) return this.fail(column, raw, 'negative');
    if (value < min || value > max) return this.fail(column, raw, 'out_of_range', { min, max });
    return value;
  }

  choice<T extends string>(index: number, column: string, required: boolean, choices: readonly T[], code: TImportErrorCode = 'invalid_choice'): T | null {
    const raw = this.raw(index);
    const value = parseChoice(raw, choices, this.labels[column]);
    if (value === null) return this.missing(column, required);
    if (isCellError(value)) return this.fail(column, raw, code, { allowed: choices.join(', ') });
    return value;
  }

  date(index: number, column: string): string | null {
    const raw = this.raw(index);
    const value = parseDate(raw);
    if (isCellError(value)) return this.fail(column, raw, value.error);
    return value;
  }

  yesNo(index: number, column: string): boolean | null {
    const raw = this.raw(index);
    const value = parseYesNo(raw);
    if (isCellError(value)) return this.fail(column, raw, value.error);
    return value;
  }
}

function readTerritory(read: CellReader, at: TColumnIndex): TTerritoryRecord | null {
  const code = read.text(at.code!, 'code', true);
  const name = read.text(at.name!, 'name', true);
  const nameEn = read.text(at.name_en!, 'name_en', false);
  const level = read.choice(at.level!, 'level', true, LEVELS);
  // Every unit but the country itself sits inside another one (formats.md).
  const parentCode = read.text(at.parent_code!, 'parent_code', level !== null && level !== 'country');
  const country = read.choice(at.country!, 'country', true, COUNTRIES, 'unknown_country');
  const lat = read.number(at.lat!, 'lat', false, -90, 90);
  const lon = read.number(at.lon!, 'lon', false, -180, 180);
  if (read.failed) return null;
  return { code: code!, name: name!, nameEn, level: level!, parentCode, country: country!, lat, lon };
}

function readPopulation(read: CellReader, at: TColumnIndex): TPopulationRecord | null {
  const code = read.text(at.code!, 'code', true);
  const year = read.integer(at.year!, 'year', true, MIN_YEAR, MAX_YEAR);
  const sex = read.choice(at.sex!, 'sex', true, SEXES);
  const ageFrom = read.integer(at.age_from!, 'age_from', true, 0, MAX_AGE);
  const ageTo = read.integer(at.age_to!, 'age_to', false, 0, MAX_AGE);
  const count = read.integer(at.count!, 'count', true, 0, MAX_COUNT);
  if (ageFrom !== null && ageTo !== null && ageTo < ageFrom) read.fail('age_to', read.raw(at.age_to!), 'age_order', { ageFrom });
  if (read.failed) return null;
  return { code: code!, year: year!, sex: sex!, ageFrom: ageFrom!, ageTo, count: count! };
}

function readIndicator(read: CellReader, at: TColumnIndex): TIndicatorRecord | null {
  const code = read.text(at.code!, 'code', true);
  const year = read.integer(at.year!, 'year', true, MIN_YEAR, MAX_YEAR);
  const indicator = read.text(at.indicator!, 'indicator', true);
  const value = read.number(at.value!, 'value', true, 0, Number.MAX_VALUE);
  const source = read.text(at.source!, 'source', true);
  const sourceDate = read.date(at.source_date!, 'source_date');
  if (read.failed) return null;
  return { code: code!, year: year!, indicator: indicator!, value: value!, source: source!, sourceDate };
}

function readService(read: CellReader, at: TColumnIndex): TServiceRecord | null {
  const siteKey = read.text(at.site_id!, 'site_id', true, MAX_SITE_KEY);
  const name = read.text(at.name!, 'name', true);
  const serviceType = read.text(at.service_type!, 'service_type', true);
  const provider = read.text(at.provider!, 'provider', true);
  const providerKind = read.choice(at.provider_kind!, 'provider_kind', true, PROVIDER_KINDS);
  const settlementCode = read.text(at.settlement_code!, 'settlement_code', true);
  const servesCodes = splitCodes(read.raw(at.serves_codes!));
  const year = read.integer(at.year!, 'year', true, MIN_SERVICE_YEAR, MAX_YEAR);
  const capacity = read.integer(at.capacity!, 'capacity', true, 0, MAX_SERVICE_COUNT);
  const users = read.integer(at.users!, 'users', false, 0, MAX_SERVICE_COUNT);
  const waitingList = read.integer(at.waiting_list!, 'waiting_list', false, 0, MAX_SERVICE_COUNT);
  const staffPositions = read.number(at.staff_positions!, 'staff_positions', false, 0, MAX_STAFF);
  const staffVacancies = read.number(at.staff_vacancies!, 'staff_vacancies', false, 0, MAX_STAFF);
  const funding = read.choice(at.funding!, 'funding', false, FUNDING_SOURCES);
  const mobile = read.yesNo(at.mobile!, 'mobile');
  const opened = read.date(at.opened!, 'opened');
  if (staffPositions !== null && staffVacancies !== null && staffVacancies > staffPositions) {
    read.fail('staff_vacancies', read.raw(at.staff_vacancies!), 'vacancies_exceed_positions', { positions: staffPositions });
  }
  if (read.failed) return null;
  return {
    siteKey: siteKey!,
    name: name!,
    serviceType: serviceType!,
    provider: provider!,
    providerKind: providerKind!,
    settlementCode: settlementCode!,
    servesCodes,
    year: year!,
    capacity: capacity!,
    users,
    waitingList,
    staffPositions,
    staffVacancies,
    funding,
    // An empty cell means an ordinary, stationary site.
    mobile: mobile ?? false,
    opened,
  };
}

/** `serves_codes`: codes separated by `|`, spaces around them and empty pieces ignored. */
function splitCodes(text: string): string[] {
  if (text === '') return [];
  const codes: string[] = [];
  for (const piece of text.split(SERVES_SEPARATOR)) {
    const code = piece.trim();
    if (code !== '') codes.push(code);
  }
  return codes;
}
