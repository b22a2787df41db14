import type { TTerritoryRecord } from '../imports/formats';
import type { ImportErrorList } from '../imports/import-error';
import type { TLevel } from '../territories/territory';
import { cellAt, emptyResult, findColumns, type TRegisterResult, type TSourceTable } from './register-table';

/**
 * Columns of Ukraine's Codifier of administrative-territorial units and territories of
 * territorial communities (KATOTTG, Order of the Ministry for Communities and Territories
 * Development No. 290 of 26.11.2020, as published with its updates): a row repeats the codes of
 * every unit above it, so the unit's own code is the last one filled in.
 */
export const KATOTTG_COLUMNS = {
  level1: 'Перший рівень',
  level2: 'Другий рівень',
  level3: 'Третій рівень',
  level4: 'Четвертий рівень',
  extra: 'Додатковий рівень',
  category: 'Категорія об’єкта',
  name: 'Назва об’єкта',
} as const;

const CODE_COLUMNS = ['level1', 'level2', 'level3', 'level4', 'extra'] as const;

/**
 * The codifier's categories: O oblast and AR Crimea, K city with special status (Kyiv,
 * Sevastopol), P raion, H territorial community (hromada), M city, T urban-type settlement
 * (abolished in 2024, still in older editions), C village, X settlement. B, a city's district,
 * is not a unit anyone plans services for, so it is skipped.
 */
const LEVEL_BY_CATEGORY: Readonly<Record<string, TLevel | 'skip'>> = {
  O: 'region',
  K: 'region',
  P: 'district',
  H: 'municipality',
  M: 'settlement',
  T: 'settlement',
  C: 'settlement',
  X: 'settlement',
  B: 'skip',
};

/** The category letters look the same in Cyrillic; accept those, so a retyped file still reads. */
const LATIN_FOR_CYRILLIC: Readonly<Record<string, string>> = { О: 'O', К: 'K', Р: 'P', Н: 'H', М: 'M', Т: 'T', С: 'C', Х: 'X', В: 'B' };

const KATOTTG_CODE = /^UA\d{17}$/;

export const UKRAINE: TTerritoryRecord = {
  code: 'UA',
  name: 'Україна',
  nameEn: 'Ukraine',
  level: 'country',
  parentCode: null,
  country: 'UA',
  lat: null,
  lon: null,
};

/** Ukraine's codifier as territories: the country first, then every unit in the file's order. */
export async function convertKatottg(table: TSourceTable, errors: ImportErrorList): Promise<TRegisterResult> {
  const result = emptyResult();
  const at = findColumns(table, KATOTTG_COLUMNS, errors);
  if (!at) return result;
  result.territories.push({ row: 0, record: UKRAINE });

  for await (const { row, cells } of table.rows) {
    const categoryText = cellAt(cells, at.category);
    const category = LATIN_FOR_CYRILLIC[categoryText] ?? categoryText;
    const level = LEVEL_BY_CATEGORY[category];
    if (level === undefined) {
      errors.add({
        row,
        column: KATOTTG_COLUMNS.category,
        value: categoryText,
        code: categoryText === '' ? 'required' : 'invalid_choice',
        params: { allowed: Object.keys(LEVEL_BY_CATEGORY).join(', ') },
      });
      continue;
    }
    if (level === 'skip') {
      result.skipped += 1;
      continue;
    }

    // The unit's code is the last filled level; its parent is the nearest filled level above
    // with another code (Kyiv's and Sevastopol's rows repeat the city's own code on every level).
    const codes = CODE_COLUMNS.map((key) => cellAt(cells, at[key]));
    let own = codes.length - 1;
    while (own >= 0 && codes[own] === '') own--;
    if (own < 0) {
      errors.add({ row, column: KATOTTG_COLUMNS.level1, value: '', code: 'required' });
      continue;
    }
    const code = codes[own]!;
    if (!KATOTTG_CODE.test(code)) {
      errors.add({ row, column: KATOTTG_COLUMNS[CODE_COLUMNS[own]!], value: code, code: 'invalid_code' });
      continue;
    }
    let parentCode = UKRAINE.code;
    for (let i = own - 1; i >= 0; i--) {
      if (codes[i] !== '' && codes[i] !== code) {
        parentCode = codes[i]!;
        break;
      }
    }

    const name = cellAt(cells, at.name);
    if (name === '') {
      errors.add({ row, column: KATOTTG_COLUMNS.name, value: '', code: 'required' });
      continue;
    }
    result.territories.push({ row, record: { code, name, nameEn: null, level, parentCode, country: 'UA', lat: null, lon: null } });
  }
  return result;
}
