import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkTerritories } from '../imports/check-territories';
import { fakeImportContext } from '../imports/fake-import-context';
import { ImportErrorList } from '../imports/import-error';
import { convertKatottg, KATOTTG_COLUMNS } from './katottg';
import type { TSourceTable } from './register-table';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

/** A reference file as a table, with the row numbers a spreadsheet shows. */
function referenceTable(path: string): TSourceTable {
  const text = readFileSync(join(REFERENCE, path), 'utf8');
  const [header = [], ...records] = Papa.parse<string[]>(text.trimEnd()).data;
  return { header, rows: records.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })) };
}

describe('convertKatottg on the codifier of 16 May 2025', async () => {
  const errors = new ImportErrorList();
  const result = await convertKatottg(referenceTable('ua/katottg-2025-05-16.csv'), errors);
  const byCode = new Map(result.territories.map((t) => [t.record.code, t]));
  const count = (level: string) => result.territories.filter((t) => t.record.level === level).length;

  it('reads every row without an error', () => {
    expect(errors.total).toBe(0);
  });

  it('starts with Ukraine itself', () => {
    expect(result.territories[0]).toEqual({
      row: 0,
      record: { code: 'UA', name: 'Україна', nameEn: 'Ukraine', level: 'country', parentCode: null, country: 'UA', lat: null, lon: null },
    });
  });

  it('has the 1,772 H rows as municipalities, 24 oblasts, Crimea, Kyiv and Sevastopol as regions, and 136 raions', () => {
    expect(count('municipality')).toBe(1772);
    // The 1,469 hromadas of the 2020 reform, and 303 units of occupied Crimea listed at the same level.
    const crimea = result.territories.filter((t) => t.record.level === 'municipality' && t.record.code.startsWith('UA01'));
    expect(crimea).toHaveLength(303);
    expect(count('region')).toBe(27);
    expect(count('district')).toBe(136);
    // 461 cities, 2,007 settlements and 27,237 villages.
    expect(count('settlement')).toBe(29_705);
  });

  it('skips the 108 city districts', () => {
    expect(result.skipped).toBe(108);
    expect([...byCode.values()].some((t) => t.record.name === 'Голосіївський')).toBe(false);
  });

  it('puts Khmilnyk hromada under Khmilnyk raion, and its 42 settlements under it', () => {
    const hromada = byCode.get('UA05120170000013778')!;
    expect(hromada.record).toMatchObject({ name: 'Хмільницька', level: 'municipality', parentCode: 'UA05120000000017020' });
    expect(byCode.get('UA05120000000017020')!.record).toMatchObject({ name: 'Хмільницький', level: 'district', parentCode: 'UA05000000000010236' });
    expect(result.territories.filter((t) => t.record.parentCode === 'UA05120170000013778')).toHaveLength(42);
    expect(byCode.get('UA05120170010081140')!.record).toMatchObject({ name: 'Хмільник', level: 'settlement' });
  });

  it('makes Kyiv a region of Ukraine although its rows repeat its own code on every level', () => {
    expect(byCode.get('UA80000000000093317')!.record).toMatchObject({ name: 'Київ', level: 'region', parentCode: 'UA' });
  });

  it('trims the trailing spaces of names', () => {
    expect(byCode.get('UA01020010000048857')!.record.name).toBe('Андріївська');
  });

  it('gives a tree that the territory checks accept, parents first', () => {
    const checkErrors = new ImportErrorList();
    const checked = checkTerritories(result.territories, fakeImportContext({}), checkErrors);
    expect(checkErrors.total).toBe(0);
    expect(checked).toHaveLength(result.territories.length);
    expect(checked[0]!.record.code).toBe('UA');
  });
});

describe('convertKatottg on broken rows', () => {
  const header = Object.values(KATOTTG_COLUMNS);

  it('reports an unknown category, a malformed code and a missing name, and accepts a Cyrillic category letter', async () => {
    const errors = new ImportErrorList();
    const result = await convertKatottg(
      {
        header,
        rows: [
          { row: 2, cells: ['UA05000000000010236', '', '', '', '', 'Z', 'Вінницька'] },
          { row: 3, cells: ['UA05000000000010236', 'UA0512', '', '', '', 'P', 'Хмільницький'] },
          { row: 4, cells: ['UA05000000000010236', 'UA05120000000017020', '', '', '', 'P', ''] },
          { row: 5, cells: ['UA05000000000010236', '', '', '', '', 'О', 'Вінницька'] },
        ],
      },
      errors,
    );
    expect(errors.errors).toEqual([
      { row: 2, column: 'Категорія об’єкта', value: 'Z', code: 'invalid_choice', params: { allowed: 'O, K, P, H, M, T, C, X, B' } },
      { row: 3, column: 'Другий рівень', value: 'UA0512', code: 'invalid_code' },
      { row: 4, column: 'Назва об’єкта', value: '', code: 'required' },
    ]);
    expect(result.territories.map((t) => t.record.code)).toEqual(['UA', 'UA05000000000010236']);
  });

  it('reports a missing column on the header row and reads nothing', async () => {
    const errors = new ImportErrorList();
    const result = await convertKatottg({ header: header.slice(0, 6), headerRow: 1, rows: [] }, errors);
    expect(errors.errors).toEqual([{ row: 1, column: 'Назва об’єкта', value: null, code: 'missing_column' }]);
    expect(result.territories).toEqual([]);
  });
});
