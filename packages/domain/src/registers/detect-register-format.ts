import { FORMAT_COLUMNS, IMPORT_KINDS, type TImportKind } from '../imports/formats';
import { normaliseHeader } from '../imports/match-header';
import { BG_MUNICIPALITY_COLUMNS, BG_SETTLEMENT_LOCATION_COLUMNS, BG_SETTLEMENT_POPULATION_COLUMNS } from './bg-ekatte';
import { KATOTTG_COLUMNS } from './katottg';
import { NSI_YEAR_COLUMN } from './nsi-population';
import { hasColumns, registerHeaderKey } from './register-table';
import { TERC_COLUMNS } from './teryt-terc';

export const REGISTER_FORMATS = [
  'canonical',
  'katottg',
  'teryt_terc',
  'bg_municipalities',
  'bg_settlement_locations',
  'bg_settlement_population',
  'nsi_population_by_age',
] as const;
export type TRegisterFormat = (typeof REGISTER_FORMATS)[number];

/**
 * Which format a file is in, from its header: one of potreby's own (`canonical`), or an official
 * register as its publisher ships it. Null when it is neither; the caller reports
 * `unrecognised_format`. Registers are tried first: their headers are fixed, while a canonical
 * header may carry translated names (`aliases`, as for `matchHeader`).
 */
export function detectRegisterFormat(header: readonly string[], aliases: ReadonlyMap<string, string> = new Map()): TRegisterFormat | null {
  if (hasColumns(header, Object.values(KATOTTG_COLUMNS))) return 'katottg';
  if (hasColumns(header, Object.values(TERC_COLUMNS))) return 'teryt_terc';
  if (isNsiTable(header)) return 'nsi_population_by_age';
  if (hasColumns(header, Object.values(BG_SETTLEMENT_LOCATION_COLUMNS))) return 'bg_settlement_locations';
  if (hasColumns(header, Object.values(BG_SETTLEMENT_POPULATION_COLUMNS))) return 'bg_settlement_population';
  if (detectImportKind(header, aliases) !== null) return 'canonical';
  if (hasColumns(header, Object.values(BG_MUNICIPALITY_COLUMNS))) return 'bg_municipalities';
  return null;
}

/**
 * The canonical kind whose required columns the header has (canonical or translated names),
 * or null. Unknown extra columns do not stop the match: `matchHeader` reports them afterwards.
 */
export function detectImportKind(header: readonly string[], aliases: ReadonlyMap<string, string> = new Map()): TImportKind | null {
  const names = new Set(
    header.map((text) => {
      const key = normaliseHeader(text);
      return aliases.get(key) ?? key.replaceAll(' ', '_');
    }),
  );
  // Services before territories: a services file also has `name`, and more required columns.
  const byDetail = [...IMPORT_KINDS].sort((a, b) => requiredCount(b) - requiredCount(a));
  return byDetail.find((kind) => FORMAT_COLUMNS[kind].every((spec) => !spec.required || names.has(spec.name))) ?? null;
}

const requiredCount = (kind: TImportKind): number => FORMAT_COLUMNS[kind].filter((spec) => spec.required).length;

/** NSI's wide table: an age column first, then `YYYY_T`, `YYYY_M`, `YYYY_F` columns. */
function isNsiTable(header: readonly string[]): boolean {
  const first = registerHeaderKey(header[0] ?? '');
  return first.startsWith('age') && header.slice(1).some((text) => NSI_YEAR_COLUMN.test(text.trim()));
}
