/**
 * Why a cell of an import file was refused. Each code has a sentence in the translation files
 * (`importErrors.<code>`), with `params` filled in, so the report reads in the user's language.
 */
export const IMPORT_ERROR_CODES = [
  'unknown_column',
  'missing_column',
  'duplicate_column',
  'required',
  'not_integer',
  'not_number',
  'negative',
  'out_of_range',
  'not_date',
  'not_yes_no',
  'invalid_choice',
  'too_long',
  'unknown_country',
  'wrong_country',
  'unknown_territory',
  'unknown_parent',
  'parent_level',
  'parent_cycle',
  'duplicate_row',
  'overlapping_band',
  'age_order',
  'unknown_service_type',
  'unknown_indicator',
  'not_planning_area',
  'vacancies_exceed_positions',
  'outside_scope',
  'unrecognised_format',
  /** A code that does not have its register's form (KATOTTG `UA` + 17 digits, 5-digit EKATTE, TERYT digits). */
  'invalid_code',
  /** A published total that is not the sum of its parts (NSI's T column against M + F). */
  'total_mismatch',
  /** `1.000` in a whole-number column, or `1,250` in a decimal one: a fraction or thousands, the text cannot say which. */
  'ambiguous_number',
  /** A boundary's position that is not a longitude in [-180, 180] and a latitude in [-90, 90]. */
  'invalid_coordinates',
  /** A boundary's ring that is not closed or has fewer than four positions (RFC 7946, §3.1.6). */
  'invalid_ring',
  /** A boundary of more positions than the map is meant to draw. */
  'too_many_points',
  /** An answer that breaks a rule of its questionnaire (a constraint, a validator, min/max). */
  'breaks_rule',
  /** An answer to a question that the questionnaire would not have asked, given the other answers. */
  'not_asked',
  /** A service type's key that is not `<country>.<lowercase_words>`. */
  'invalid_key',
  /** An official code another service type of the country already has. */
  'official_code_taken',
  /** A new unit for a service type that sites or norms already count in. */
  'unit_in_use',
  /** A services row that gives a retired type to a new site (or to a site of another type). */
  'retired_service_type',
  /** A proposal that names its own municipality among those it serves. */
  'served_own_municipality',
  /** A proposal that names a municipality it serves twice. */
  'served_twice',
  /** A proposal whose places for other municipalities add up to more than its capacity change. */
  'served_over_capacity',
] as const;
export type TImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type TImportError = {
  /** Row number as the user sees it in a spreadsheet: the header is row 1. 0 for the file as a whole. */
  row: number;
  /** Canonical column name (`code`, `parent_code`…); null for errors about the whole row or file. */
  column: string | null;
  /** The value as it was in the file, cut to `MAX_ECHOED_CHARS` (`cutValue`). */
  value: string | null;
  code: TImportErrorCode;
  params?: Record<string, string | number>;
};

/** Reports are capped so a wholly wrong file of a million rows still gives a readable answer. */
export const MAX_REPORTED_ERRORS = 1000;

/**
 * Characters of a cell a report repeats. The value is echoed twice (as `value` and inside the
 * message), so a 20 MB cell once made a 41 MB answer; its start is enough to find it.
 */
export const MAX_ECHOED_CHARS = 100;

/**
 * Characters of a message parameter: these are mostly the app's own words (the allowed values
 * of a column, which can be a long list), but some repeat the file (a code).
 */
const MAX_PARAM_CHARS = 1000;

/** A value as a report may repeat it: at most `max` characters, then `…`. */
export function cutValue(value: string, max = MAX_ECHOED_CHARS): string {
  if (value.length <= max) return value;
  let end = max;
  // Never split a character outside the Basic Multilingual Plane (an emoji) in two.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

function cutParams(params: Record<string, string | number>): Record<string, string | number> {
  let cut: Record<string, string | number> | null = null;
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.length > MAX_PARAM_CHARS) (cut ??= { ...params })[key] = cutValue(value, MAX_PARAM_CHARS);
  }
  return cut ?? params;
}

export class ImportErrorList {
  readonly errors: TImportError[] = [];
  total = 0;

  /** Adds an error; the values it repeats from the file are cut here, whichever check found it. */
  add(error: TImportError): void {
    this.total += 1;
    if (this.errors.length >= MAX_REPORTED_ERRORS) return;
    const value = error.value === null || error.value.length <= MAX_ECHOED_CHARS ? error.value : cutValue(error.value);
    const params = error.params ? cutParams(error.params) : undefined;
    this.errors.push(value === error.value && params === error.params ? error : { ...error, value, ...(params ? { params } : {}) });
  }

  get ok(): boolean {
    return this.total === 0;
  }
}
