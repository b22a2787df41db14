import type { TTerritoryRecord } from '../imports/formats';
import type { ImportErrorList } from '../imports/import-error';
import type { TLevel } from '../territories/territory';
import { cellAt, emptyResult, findColumns, fixedWidthDigits, readAllRows, type TRegisterResult, type TSourceTable } from './register-table';

/** Columns of the TERC part of Poland's TERYT register, as GUS publishes it (`TERC.csv`, `;`-separated). */
export const TERC_COLUMNS = {
  voivodeship: 'WOJ',
  powiat: 'POW',
  gmina: 'GMI',
  kind: 'RODZ',
  name: 'NAZWA',
  description: 'NAZWA_DOD',
} as const;

/**
 * RODZ, the kind of unit (GUS, TERYT methodology): 1 urban gmina, 2 rural gmina, 3 urban-rural
 * gmina, 4 the town of an urban-rural gmina, 5 its rural area, 8 a district of the capital
 * Warsaw, 9 a delegation of a city gmina (Kraków, Łódź, Poznań, Wrocław).
 */
const GMINA_KINDS = ['1', '2', '3'];
const PART_OF_URBAN_RURAL = ['4', '5'];
const PART_OF_CITY = ['8', '9'];
const URBAN_GMINA = '1';
const URBAN_RURAL_GMINA = '3';

export const POLAND: TTerritoryRecord = {
  code: 'PL',
  name: 'Polska',
  nameEn: 'Poland',
  level: 'country',
  parentCode: null,
  country: 'PL',
  lat: null,
  lon: null,
};

/**
 * The TERC list as territories. Codes are TERYT's: voivodeship `WW`, powiat `WWPP`, and for
 * everything below the seven digits `WWPPGGR` (gmina number and RODZ), so the town and the rural
 * area of an urban-rural gmina keep their own official codes.
 */
export async function convertTerytTerc(table: TSourceTable, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const at = findColumns(table, TERC_COLUMNS, errors);
  if (!at) return result;
  const rows = await readAllRows(table);

  // Warsaw's districts and the delegations carry the city's powiat and a number of their own,
  // not the city's: their city is the one urban gmina of that city-powiat (Warsaw 1465011 for
  // Bemowo 1465028 … Żoliborz 1465198; Kraków 1261011 for Kraków-Krowodrza 1261029).
  const citiesByPowiat = new Map<string, string[]>();
  for (const { cells } of rows) {
    const code = gminaCode(cells, at);
    if (code && cellAt(cells, at.kind) === URBAN_GMINA) {
      const powiatCode = code.slice(0, 4);
      const list = citiesByPowiat.get(powiatCode);
      if (list) list.push(code);
      else citiesByPowiat.set(powiatCode, [code]);
    }
  }

  result.territories.push({ row: 0, record: POLAND });
  for (const { row, cells } of rows) {
    const name = cellAt(cells, at.name);
    if (name === '') {
      errors.add({ row, column: TERC_COLUMNS.name, value: '', code: 'required' });
      continue;
    }
    const unit = placeUnit(row, cells, at, citiesByPowiat, errors);
    if (!unit) continue;
    // TERC writes voivodeships in capitals; Poles write them in lower case ("dolnośląskie").
    const shownName = unit.level === 'region' ? name.toLocaleLowerCase('pl') : name;
    result.territories.push({
      row,
      record: { code: unit.code, name: shownName, nameEn: null, level: unit.level, parentCode: unit.parentCode, country: 'PL', lat: null, lon: null },
    });
  }
  return result;
}

type TColumns = Record<keyof typeof TERC_COLUMNS, number>;
type TPlacedUnit = { code: string; level: TLevel; parentCode: string };

/** `WWPPGGR` of a row that has a gmina number, else null. */
function gminaCode(cells: readonly string[], at: TColumns): string | null {
  const parts = [
    fixedWidthDigits(cellAt(cells, at.voivodeship), 2),
    fixedWidthDigits(cellAt(cells, at.powiat), 2),
    fixedWidthDigits(cellAt(cells, at.gmina), 2),
    fixedWidthDigits(cellAt(cells, at.kind), 1),
  ];
  return parts.every((part) => part !== null) ? parts.join('') : null;
}

function placeUnit(
  row: number,
  cells: readonly string[],
  at: TColumns,
  citiesByPowiat: ReadonlyMap<string, string[]>,
  errors: ImportErrorList,
): TPlacedUnit | null {
  const raw = { voivodeship: cellAt(cells, at.voivodeship), powiat: cellAt(cells, at.powiat), gmina: cellAt(cells, at.gmina), kind: cellAt(cells, at.kind) };
  const widths = { voivodeship: 2, powiat: 2, gmina: 2, kind: 1 } as const;
  const digits = {} as Record<keyof typeof raw, string>;
  for (const key of Object.keys(raw) as (keyof typeof raw)[]) {
    if (raw[key] === '') continue;
    const value = fixedWidthDigits(raw[key], widths[key]);
    if (value === null) {
      errors.add({ row, column: TERC_COLUMNS[key], value: raw[key], code: 'invalid_code' });
      return null;
    }
    digits[key] = value;
  }
  const { voivodeship, powiat, gmina, kind } = digits;
  if (voivodeship === undefined) {
    errors.add({ row, column: TERC_COLUMNS.voivodeship, value: '', code: 'required' });
    return null;
  }
  if (powiat === undefined) return { code: voivodeship, level: 'region', parentCode: POLAND.code };
  const powiatCode = voivodeship + powiat;
  if (gmina === undefined) return { code: powiatCode, level: 'district', parentCode: voivodeship };
  if (kind === undefined) {
    errors.add({ row, column: TERC_COLUMNS.kind, value: '', code: 'required' });
    return null;
  }

  const code = powiatCode + gmina + kind;
  if (GMINA_KINDS.includes(kind)) return { code, level: 'municipality', parentCode: powiatCode };
  if (PART_OF_URBAN_RURAL.includes(kind)) return { code, level: 'settlement', parentCode: powiatCode + gmina + URBAN_RURAL_GMINA };
  if (PART_OF_CITY.includes(kind)) {
    const cities = citiesByPowiat.get(powiatCode) ?? [];
    if (cities.length !== 1) {
      errors.add({ row, column: TERC_COLUMNS.powiat, value: powiat, code: 'unknown_parent', params: { code: powiatCode } });
      return null;
    }
    return { code, level: 'settlement', parentCode: cities[0]! };
  }
  errors.add({ row, column: TERC_COLUMNS.kind, value: raw.kind, code: 'invalid_choice', params: { allowed: '1, 2, 3, 4, 5, 8, 9' } });
  return null;
}
