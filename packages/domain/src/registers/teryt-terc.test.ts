import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkTerritories } from '../imports/check-territories';
import { fakeImportContext } from '../imports/fake-import-context';
import { ImportErrorList } from '../imports/import-error';
import type { TSourceTable } from './register-table';
import { convertTerytTerc } from './teryt-terc';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

/** A reference file as a table, with the row numbers a spreadsheet shows. */
function referenceTable(path: string): TSourceTable {
  const text = readFileSync(join(REFERENCE, path), 'utf8');
  const [header = [], ...records] = Papa.parse<string[]>(text.trimEnd()).data;
  return { header, rows: records.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })) };
}

describe('convertTerytTerc on TERC of 1 January 2024', async () => {
  const errors = new ImportErrorList();
  const result = await convertTerytTerc(referenceTable('pl/teryt-terc-2024-01-01.csv'), errors);
  const byCode = new Map(result.territories.map((t) => [t.record.code, t.record]));
  const childrenOf = (code: string) => result.territories.filter((t) => t.record.parentCode === code).map((t) => t.record);
  const count = (level: string) => result.territories.filter((t) => t.record.level === level).length;

  it('reads every row without an error, Poland first', () => {
    expect(errors.total).toBe(0);
    expect(result.territories[0]!.record).toMatchObject({ code: 'PL', name: 'Polska', nameEn: 'Poland', level: 'country' });
  });

  it('has 16 voivodeships, written in lower case', () => {
    expect(count('region')).toBe(16);
    expect(byCode.get('02')).toMatchObject({ name: 'dolnośląskie', parentCode: 'PL' });
    expect(byCode.get('06')).toMatchObject({ name: 'lubelskie' });
  });

  it('has 314 powiats and 66 cities with powiat rights as districts, and 2,477 gminas', () => {
    expect(count('district')).toBe(380);
    // 302 urban, 1,464 rural and 711 urban-rural gminas.
    expect(count('municipality')).toBe(2477);
  });

  it('puts gmina Bełżyce, urban-rural, under powiat lubelski, and its town and rural area under it', () => {
    expect(byCode.get('0609')).toMatchObject({ name: 'lubelski', level: 'district', parentCode: '06' });
    expect(byCode.get('0609013')).toMatchObject({ name: 'Bełżyce', level: 'municipality', parentCode: '0609' });
    expect(byCode.get('0609014')).toMatchObject({ name: 'Bełżyce', level: 'settlement', parentCode: '0609013' });
    expect(byCode.get('0609015')).toMatchObject({ name: 'Bełżyce', level: 'settlement', parentCode: '0609013' });
  });

  it('gives powiat lubelski its 16 gminas', () => {
    expect(childrenOf('0609').map((g) => g.name)).toEqual([
      'Bełżyce', 'Borzechów', 'Bychawa', 'Garbów', 'Głusk', 'Jabłonna', 'Jastków', 'Konopnica',
      'Krzczonów', 'Niedrzwica Duża', 'Niemce', 'Strzyżewice', 'Wojciechów', 'Wólka', 'Wysokie', 'Zakrzew',
    ]);
  });

  it('puts Warsaw’s 18 districts under the city gmina, and the delegations under their cities', () => {
    expect(byCode.get('1465011')).toMatchObject({ name: 'Warszawa', level: 'municipality', parentCode: '1465' });
    const districts = childrenOf('1465011');
    expect(districts).toHaveLength(18);
    expect(districts[0]).toMatchObject({ code: '1465028', name: 'Bemowo', level: 'settlement' });
    expect(byCode.get('1261029')).toMatchObject({ name: 'Kraków-Krowodrza', parentCode: '1261011' });
    expect(childrenOf('1061011').map((d) => d.name)).toEqual(['Łódź-Bałuty', 'Łódź-Górna', 'Łódź-Polesie', 'Łódź-Śródmieście', 'Łódź-Widzew']);
  });

  it('gives a tree that the territory checks accept', () => {
    const checkErrors = new ImportErrorList();
    expect(checkTerritories(result.territories, fakeImportContext({}), checkErrors)).toHaveLength(result.territories.length);
    expect(checkErrors.total).toBe(0);
  });
});

describe('convertTerytTerc on GUS’s own file and on broken rows', () => {
  const header = ['WOJ', 'POW', 'GMI', 'RODZ', 'NAZWA', 'NAZWA_DOD', 'STAN_NA'];

  it('restores the leading zeros Excel drops', async () => {
    const errors = new ImportErrorList();
    const result = await convertTerytTerc(
      { header, rows: [{ row: 2, cells: ['6', '9', '1', '3', 'Bełżyce', 'gmina miejsko-wiejska', '2024-01-01'] }] },
      errors,
    );
    expect(errors.total).toBe(0);
    expect(result.territories[1]!.record).toMatchObject({ code: '0609013', parentCode: '0609' });
  });

  it('reports unknown kinds, malformed codes and delegations without a city', async () => {
    const errors = new ImportErrorList();
    const result = await convertTerytTerc(
      {
        header,
        rows: [
          { row: 2, cells: ['06', '09', '01', '7', 'Bełżyce', '', ''] },
          { row: 3, cells: ['06', 'X9', '', '', 'lubelski', 'powiat', ''] },
          { row: 4, cells: ['06', '63', '02', '9', 'Lublin-Śródmieście', 'delegatura', ''] },
        ],
      },
      errors,
    );
    expect(errors.errors).toEqual([
      { row: 2, column: 'RODZ', value: '7', code: 'invalid_choice', params: { allowed: '1, 2, 3, 4, 5, 8, 9' } },
      { row: 3, column: 'POW', value: 'X9', code: 'invalid_code' },
      { row: 4, column: 'POW', value: '63', code: 'unknown_parent', params: { code: '0663' } },
    ]);
    expect(result.territories).toHaveLength(1);
  });
});
