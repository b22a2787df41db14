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
] as const;
export type TImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

export type TImportError = {
  /** Row number as the user sees it in a spreadsheet: the header is row 1. 0 for the file as a whole. */
  row: number;
  /** Canonical column name (`code`, `parent_code`…); null for errors about the whole row or file. */
  column: string | null;
  /** The value as it was in the file. */
  value: string | null;
  code: TImportErrorCode;
  params?: Record<string, string | number>;
};

/** Reports are capped so a wholly wrong file of a million rows still gives a readable answer. */
export const MAX_REPORTED_ERRORS = 1000;

export class ImportErrorList {
  readonly errors: TImportError[] = [];
  total = 0;

  add(error: TImportError): void {
    this.total += 1;
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(error);
  }

  get ok(): boolean {
    return this.total === 0;
  }
}
