import { FORMAT_COLUMNS, type TImportKind } from './formats';
import type { TImportError } from './import-error';

export type THeaderMatch = {
  /** Canonical column name for each position of the header; null where the column is not read. */
  columns: (string | null)[];
  errors: TImportError[];
};

const BOM = '\ufeff';
const WHITESPACE_RUN = /\s+/g;

/**
 * How header texts are compared: without a byte-order mark (Excel puts one before the first
 * header of a UTF-8 CSV), trimmed, in lower case, with runs of spaces made one.
 */
export function normaliseHeader(text: string): string {
  const withoutBom = text.startsWith(BOM) ? text.slice(1) : text;
  return withoutBom.trim().replace(WHITESPACE_RUN, ' ').toLowerCase();
}

/**
 * Which canonical column each header cell is (formats.md: names are matched case-insensitively,
 * and the translated headers of potreby's own exports are accepted). Unknown columns are an
 * error rather than ignored, so a misspelt optional column is not silently dropped. Empty header
 * cells (the trailing `;;;` of many spreadsheet exports) are skipped.
 *
 * @param aliases lower-cased translated header text → canonical name, built from the translations.
 * @param headerRow the header's row number in the file (after any leading comment lines).
 */
export function matchHeader(
  kind: TImportKind,
  header: readonly string[],
  aliases: ReadonlyMap<string, string>,
  headerRow = 1,
): THeaderMatch {
  const specs = FORMAT_COLUMNS[kind];
  const known = new Set(specs.map((spec) => spec.name));
  const seen = new Set<string>();
  const columns: (string | null)[] = [];
  const errors: TImportError[] = [];

  for (const text of header) {
    const key = normaliseHeader(text);
    if (key === '') {
      columns.push(null);
      continue;
    }
    const name = canonicalName(key, known, aliases);
    const shown = text.replace(BOM, '').trim();
    if (name === undefined) {
      errors.push({ row: headerRow, column: null, value: shown, code: 'unknown_column' });
      columns.push(null);
    } else if (seen.has(name)) {
      errors.push({ row: headerRow, column: name, value: shown, code: 'duplicate_column' });
      columns.push(null);
    } else {
      seen.add(name);
      columns.push(name);
    }
  }

  for (const spec of specs) {
    if (spec.required && !seen.has(spec.name)) {
      errors.push({ row: headerRow, column: spec.name, value: null, code: 'missing_column' });
    }
  }
  return { columns, errors };
}

function canonicalName(key: string, known: ReadonlySet<string>, aliases: ReadonlyMap<string, string>): string | undefined {
  if (known.has(key)) return key;
  // People retype `parent_code` as "parent code".
  const underscored = key.replaceAll(' ', '_');
  if (known.has(underscored)) return underscored;
  const alias = aliases.get(key);
  // An alias of another kind's column (a services header in a population file) is still unknown here.
  return alias !== undefined && known.has(alias) ? alias : undefined;
}
