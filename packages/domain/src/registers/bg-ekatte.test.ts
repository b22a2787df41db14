import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { checkTerritories } from '../imports/check-territories';
import { fakeImportContext } from '../imports/fake-import-context';
import { ImportErrorList } from '../imports/import-error';
import { convertBgMunicipalities, convertBgSettlementLocations, convertBgSettlementPopulation } from './bg-ekatte';
import type { TSourceTable } from './register-table';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

/** A reference file as a table, with the row numbers a spreadsheet shows. */
function referenceTable(path: string): TSourceTable {
  const text = readFileSync(join(REFERENCE, path), 'utf8');
  const [header = [], ...records] = Papa.parse<string[]>(text.trimEnd()).data;
  return { header, rows: records.map((cells, i) => ({ row: i + 2, cells: cells.map((c) => c.trim()) })) };
}

const converted = async (convert: (table: TSourceTable, errors: ImportErrorList) => ReturnType<typeof convertBgMunicipalities>, path: string) => {
  const errors = new ImportErrorList();
  const result = await convert(referenceTable(path), errors);
  return { ...result, errors };
};

describe('Bulgaria’s municipalities (municipalities.csv)', async () => {
  const { territories, errors } = await converted(convertBgMunicipalities, 'bg/municipalities.csv');

  it('gives the 265 municipalities, each under its province', () => {
    expect(errors.total).toBe(0);
    expect(territories).toHaveLength(265);
    expect(territories.every((t) => t.record.level === 'municipality' && t.record.parentCode === t.record.code.slice(0, 3))).toBe(true);
  });

  it('gives Pazardzhik province its 12 municipalities', () => {
    const paz = territories.filter((t) => t.record.parentCode === 'PAZ').map((t) => `${t.record.code} ${t.record.name}`);
    expect(paz.sort()).toEqual([
      'PAZ03 Батак', 'PAZ04 Белово', 'PAZ06 Брацигово', 'PAZ08 Велинград', 'PAZ14 Лесичово', 'PAZ19 Пазарджик',
      'PAZ20 Панагюрище', 'PAZ21 Пещера', 'PAZ24 Ракитово', 'PAZ29 Септември', 'PAZ32 Стрелча', 'PAZ39 Сърница',
    ]);
  });

  it('refuses codes that are not three letters and two digits', async () => {
    const errors = new ImportErrorList();
    await convertBgMunicipalities({ header: ['code', 'name', 'ekatte'], rows: [{ row: 2, cells: ['PAZ1', 'Пазарджик', '55155'] }] }, errors);
    expect(errors.errors).toEqual([{ row: 2, column: 'code', value: 'PAZ1', code: 'invalid_code' }]);
  });
});

describe('Bulgaria’s settlements with their places (settlements-location.csv)', async () => {
  const { territories, errors } = await converted(convertBgSettlementLocations, 'bg/settlements-location.csv');
  const byCode = new Map(territories.map((t) => [t.record.code, t.record]));
  const count = (level: string) => territories.filter((t) => t.record.level === level).length;

  it('gives the whole tree from this one file: Bulgaria, 28 provinces, 264 municipalities, 5,267 settlements', () => {
    expect(errors.total).toBe(0);
    expect(territories[0]!.record).toMatchObject({ code: 'BG', name: 'България', nameEn: 'Bulgaria', level: 'country' });
    expect([count('region'), count('municipality'), count('settlement')]).toEqual([28, 264, 5267]);
    expect(byCode.get('PAZ')).toMatchObject({ name: 'Пазарджик', level: 'region', parentCode: 'BG' });
    expect(byCode.get('SOF')).toMatchObject({ name: 'София (столица)' });
    expect(byCode.get('PAZ08')).toMatchObject({ name: 'Велинград', level: 'municipality', parentCode: 'PAZ' });
  });

  it('keeps EKATTE codes with their leading zeros and reads geo as longitude, latitude', () => {
    expect(byCode.get('06971')).toMatchObject({ name: 'Буковец', level: 'settlement', parentCode: 'MON07', lon: 22.9739, lat: 43.595409 });
  });

  it('takes the municipality of Кипра, whose code the file leaves empty, from its province and municipality names', () => {
    expect(byCode.get('36868')).toMatchObject({ name: 'Кипра', parentCode: 'VAR14' });
  });

  it('still has Sarnitsa under Velingrad, as before the municipality was created in 2015', () => {
    expect(byCode.get('PAZ39')).toBeUndefined();
    expect(byCode.get('70648')).toMatchObject({ name: 'Сърница', parentCode: 'PAZ08' });
  });

  it('gives a tree the territory checks accept, with municipalities.csv on top', async () => {
    const municipalities = await converted(convertBgMunicipalities, 'bg/municipalities.csv');
    const checkErrors = new ImportErrorList();
    const checked = checkTerritories([...territories, ...municipalities.territories.filter((t) => t.record.code === 'PAZ39')], fakeImportContext({}), checkErrors);
    expect(checkErrors.total).toBe(0);
    expect(checked).toHaveLength(territories.length + 1);
  });

  it('reports a missing municipality code it cannot work out, and a malformed point', async () => {
    const errors = new ImportErrorList();
    const header = ['village', 'name', 'ekatte', 'province', 'municipality', 'postal code', 'municipality code', 'geo'];
    await convertBgSettlementLocations(
      {
        header,
        rows: [
          { row: 2, cells: ['1', 'Кипра', '36868', 'Варна', 'Девня', '9169', '', '27.6167,43.2667'] },
          { row: 3, cells: ['1', 'Буковец', '6971', 'Монтана', 'Брусарци', '3678', 'MON07', '43.595409'] },
        ],
      },
      errors,
    );
    expect(errors.errors).toEqual([
      { row: 2, column: 'municipality code', value: '', code: 'required' },
      { row: 3, column: 'geo', value: '43.595409', code: 'not_number' },
    ]);
  });
});

describe('Bulgaria’s settlements with population (settlements-population-2013.csv)', async () => {
  const errors = new ImportErrorList();
  const result = await convertBgSettlementPopulation(referenceTable('bg/settlements-population-2013.csv'), 2013, errors);

  it('gives each settlement with its English name, and its population as one figure of the year given', () => {
    expect(errors.total).toBe(0);
    expect(result.territories).toHaveLength(5284);
    expect(result.territories[0]).toEqual({
      row: 2,
      record: { code: '00014', name: 'Абланица', nameEn: 'Ablanitsa', level: 'settlement', parentCode: 'BLG52', country: 'BG', lat: null, lon: null },
    });
    expect(result.population[0]).toEqual({ row: 2, record: { code: '00014', year: 2013, sex: 'T', ageFrom: 0, ageTo: null, count: 2583 } });
  });

  it('leaves a missing English name empty', () => {
    expect(result.territories.find((t) => t.record.code === '00117')!.record).toMatchObject({ name: 'Азманите', nameEn: null });
  });

  it('repeats 11 EKATTE codes, which the territory check reports', async () => {
    const municipalities = await converted(convertBgMunicipalities, 'bg/municipalities.csv');
    const checkErrors = new ImportErrorList();
    const ctx = fakeImportContext({ territories: municipalities.territories.map((t, i) => ({ id: i + 1, code: t.record.code, country: 'BG', level: 'municipality' })) });
    checkTerritories(result.territories, ctx, checkErrors);
    expect(checkErrors.errors.map((e) => e.code)).toEqual(Array(11).fill('duplicate_row'));
    expect(checkErrors.errors[0]).toEqual({ row: 1428, column: 'code', value: '21193', code: 'duplicate_row', params: { otherRow: 1427 } });
  });
});
