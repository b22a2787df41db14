import type { TTerritoryRecord } from '../imports/formats';
import type { ImportErrorList } from '../imports/import-error';
import { isCellError, parseInteger, parseNumber } from '../imports/parse-cells';
import { cellAt, emptyResult, findColumns, fixedWidthDigits, readAllRows, type TRegisterResult, type TSourceTable } from './register-table';

/**
 * Bulgaria's units as the public geocoding tables (`yurukov/Bulgaria-geocoding`) give them.
 * Municipalities have NUTS-style codes of the province's three letters and a number (`PAZ19`,
 * province `PAZ`); settlements have their EKATTE code, five digits, leading zeros included.
 */
export const BG_MUNICIPALITY_COLUMNS = { code: 'code', name: 'name', ekatte: 'ekatte' } as const;
export const BG_SETTLEMENT_LOCATION_COLUMNS = {
  name: 'name',
  ekatte: 'ekatte',
  province: 'province',
  municipality: 'municipality',
  municipalityCode: 'municipality code',
  geo: 'geo',
} as const;
export const BG_SETTLEMENT_POPULATION_COLUMNS = {
  ekatte: 'ekatte',
  municipality: 'municipality',
  name: 'name_bg',
  nameEn: 'name_en',
  population: 'population',
} as const;

export const BULGARIA: TTerritoryRecord = {
  code: 'BG',
  name: 'България',
  nameEn: 'Bulgaria',
  level: 'country',
  parentCode: null,
  country: 'BG',
  lat: null,
  lon: null,
};

const MUNICIPALITY_CODE = /^[A-Z]{3}\d{2}$/;
const EKATTE_WIDTH = 5;
const provinceOf = (municipalityCode: string): string => municipalityCode.slice(0, 3);

const unit = (code: string, name: string, level: TTerritoryRecord['level'], parentCode: string): TTerritoryRecord => ({
  code,
  name,
  nameEn: null,
  level,
  parentCode,
  country: 'BG',
  lat: null,
  lon: null,
});

/**
 * `municipalities.csv`: the 265 municipalities, each under its province. The provinces are not
 * in this file, so they must already be in the database (or come from the locations file).
 */
export async function convertBgMunicipalities(table: TSourceTable, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const at = findColumns(table, BG_MUNICIPALITY_COLUMNS, errors);
  if (!at) return result;
  for await (const { row, cells } of table.rows) {
    const code = cellAt(cells, at.code);
    const name = cellAt(cells, at.name);
    let ok = true;
    if (!MUNICIPALITY_CODE.test(code)) {
      errors.add({ row, column: BG_MUNICIPALITY_COLUMNS.code, value: code, code: code === '' ? 'required' : 'invalid_code' });
      ok = false;
    }
    if (name === '') {
      errors.add({ row, column: BG_MUNICIPALITY_COLUMNS.name, value: '', code: 'required' });
      ok = false;
    }
    if (ok) result.territories.push({ row, record: unit(code, name, 'municipality', provinceOf(code)) });
  }
  return result;
}

/**
 * `settlements-location.csv`: one row per settlement with its province's and municipality's
 * names, so this file alone gives the whole tree — country, provinces (code from the
 * municipality code's prefix), municipalities, and settlements with a point for the map.
 */
export async function convertBgSettlementLocations(table: TSourceTable, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const columns = BG_SETTLEMENT_LOCATION_COLUMNS;
  const at = findColumns(table, columns, errors);
  if (!at) return result;
  const rows = await readAllRows(table);

  // A few rows lack the municipality code (Кипра, in Девня); the province and municipality
  // names of the other rows name it unambiguously, so it is taken from them.
  const codesByName = new Map<string, Set<string>>();
  for (const { cells } of rows) {
    const code = cellAt(cells, at.municipalityCode);
    if (code === '') continue;
    const key = `${cellAt(cells, at.province)}\u0000${cellAt(cells, at.municipality)}`;
    const codes = codesByName.get(key) ?? new Set<string>();
    codes.add(code);
    codesByName.set(key, codes);
  }

  const provinces = new Map<string, TTerritoryRecord & { row: number }>();
  const municipalities = new Map<string, TTerritoryRecord & { row: number }>();
  const settlements: TRegisterResult['territories'] = [];
  for (const { row, cells } of rows) {
    let ok = true;
    const fail = (column: string, value: string, code: 'required' | 'invalid_code' | 'not_number' | 'out_of_range') => {
      errors.add({ row, column, value, code });
      ok = false;
    };

    const name = cellAt(cells, at.name);
    if (name === '') fail(columns.name, '', 'required');
    const ekatteText = cellAt(cells, at.ekatte);
    const ekatte = fixedWidthDigits(ekatteText, EKATTE_WIDTH);
    if (ekatte === null) fail(columns.ekatte, ekatteText, ekatteText === '' ? 'required' : 'invalid_code');
    const provinceName = cellAt(cells, at.province);
    const municipalityName = cellAt(cells, at.municipality);
    let municipalityCode = cellAt(cells, at.municipalityCode);
    if (municipalityCode === '') {
      const candidates = codesByName.get(`${provinceName}\u0000${municipalityName}`);
      if (candidates?.size === 1) municipalityCode = [...candidates][0]!;
      else fail(columns.municipalityCode, '', 'required');
    } else if (!MUNICIPALITY_CODE.test(municipalityCode)) fail(columns.municipalityCode, municipalityCode, 'invalid_code');
    const point = readPoint(cellAt(cells, at.geo));
    if (point === 'not_number' || point === 'out_of_range') fail(columns.geo, cellAt(cells, at.geo), point);
    if (!ok || ekatte === null || point === 'not_number' || point === 'out_of_range') continue;

    const provinceCode = provinceOf(municipalityCode);
    if (!provinces.has(provinceCode)) provinces.set(provinceCode, { ...unit(provinceCode, provinceName, 'region', BULGARIA.code), row });
    if (!municipalities.has(municipalityCode)) {
      municipalities.set(municipalityCode, { ...unit(municipalityCode, municipalityName, 'municipality', provinceCode), row });
    }
    settlements.push({ row, record: { ...unit(ekatte, name, 'settlement', municipalityCode), lat: point?.lat ?? null, lon: point?.lon ?? null } });
  }

  result.territories.push({ row: 0, record: BULGARIA });
  for (const { row, ...record } of [...provinces.values(), ...municipalities.values()]) result.territories.push({ row, record });
  result.territories.push(...settlements);
  return result;
}

/** `geo` is "lon,lat" (GeoJSON order), WGS 84. */
function readPoint(text: string): { lat: number; lon: number } | null | 'not_number' | 'out_of_range' {
  if (text === '') return null;
  const parts = text.split(',');
  if (parts.length !== 2) return 'not_number';
  const lon = parseNumber(parts[0]!.trim());
  const lat = parseNumber(parts[1]!.trim());
  if (typeof lon !== 'number' || typeof lat !== 'number') return 'not_number';
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'out_of_range';
  return { lat, lon };
}

/**
 * `settlements-population-2013.csv`: settlements with their English names, and each one's
 * total population as one "all ages, both sexes" figure of `year` (the file does not say the
 * year; the caller knows which estimate it is).
 */
export async function convertBgSettlementPopulation(table: TSourceTable, year: number, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const columns = BG_SETTLEMENT_POPULATION_COLUMNS;
  const at = findColumns(table, columns, errors);
  if (!at) return result;
  for await (const { row, cells } of table.rows) {
    let ok = true;
    const fail = (column: string, value: string, code: 'required' | 'invalid_code' | 'not_integer' | 'negative') => {
      errors.add({ row, column, value, code });
      ok = false;
    };
    const ekatteText = cellAt(cells, at.ekatte);
    const ekatte = fixedWidthDigits(ekatteText, EKATTE_WIDTH);
    if (ekatte === null) fail(columns.ekatte, ekatteText, ekatteText === '' ? 'required' : 'invalid_code');
    const municipalityCode = cellAt(cells, at.municipality);
    if (!MUNICIPALITY_CODE.test(municipalityCode)) fail(columns.municipality, municipalityCode, municipalityCode === '' ? 'required' : 'invalid_code');
    const name = cellAt(cells, at.name);
    if (name === '') fail(columns.name, '', 'required');
    const populationText = cellAt(cells, at.population);
    const count = parseInteger(populationText);
    if (count === null) fail(columns.population, '', 'required');
    else if (isCellError(count)) fail(columns.population, populationText, 'not_integer');
    else if (count < 0) fail(columns.population, populationText, 'negative');
    if (!ok || ekatte === null || typeof count !== 'number') continue;

    const nameEn = cellAt(cells, at.nameEn);
    result.territories.push({ row, record: { ...unit(ekatte, name, 'settlement', municipalityCode), nameEn: nameEn === '' ? null : nameEn } });
    result.population.push({ row, record: { code: ekatte, year, sex: 'T', ageFrom: 0, ageTo: null, count } });
  }
  return result;
}
