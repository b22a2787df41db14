import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createPopulationChecker } from '../imports/check-population';
import { fakeImportContext } from '../imports/fake-import-context';
import { ImportErrorList } from '../imports/import-error';
import { ageBand, convertNsiPopulation } from './nsi-population';
import type { TSourceTable } from './register-table';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

/** The NSI table as a table: its `#` lines skipped but counted, as the CSV reader does. */
function nsiTable(): TSourceTable {
  const lines = readFileSync(join(REFERENCE, 'bg/population-by-age-sex-PAZ-SML-2012-2021.csv'), 'utf8').trimEnd().split('\n');
  const comments = lines.findIndex((line) => !line.startsWith('#'));
  const [header = [], ...records] = Papa.parse<string[]>(lines.slice(comments).join('\n')).data;
  const headerRow = comments + 1;
  return { header, headerRow, rows: records.map((cells, i) => ({ row: headerRow + 1 + i, cells })) };
}

const provinces: Record<string, string> = { Pazardzhik: 'PAZ', Smolyan: 'SML' };
const options = { regionCodeByName: (name: string) => provinces[name] };

describe('convertNsiPopulation on Pazardzhik and Smolyan, 2012–2021', async () => {
  const errors = new ImportErrorList();
  const { population } = await convertNsiPopulation(nsiTable(), options, errors);
  const total = (code: string, year: number) => population.filter((p) => p.record.code === code && p.record.year === year).reduce((sum, p) => sum + p.record.count, 0);

  it('finds T = M + F on every line and each province total equal to the sum of its bands', () => {
    expect(errors.total).toBe(0);
  });

  it('gives F and M for 21 bands, 10 years and 2 provinces, and no totals', () => {
    expect(population).toHaveLength(2 * 21 * 10 * 2);
    expect(population.every((p) => p.record.sex === 'F' || p.record.sex === 'M')).toBe(true);
  });

  it('adds up to the published 2021 totals: 227,625 in Pazardzhik, 95,152 in Smolyan', () => {
    expect(total('PAZ', 2021)).toBe(227_625);
    expect(total('SML', 2021)).toBe(95_152);
  });

  it('reads the first band of Pazardzhik from the line it is on, with the year of its column', () => {
    expect(population[0]).toEqual({ row: 7, record: { code: 'PAZ', year: 2012, sex: 'F', ageFrom: 0, ageTo: 4, count: 6606 } });
    expect(population.find((p) => p.record.code === 'SML' && p.record.year === 2021 && p.record.ageFrom === 100 && p.record.sex === 'F')).toEqual({
      row: 49,
      record: { code: 'SML', year: 2021, sex: 'F', ageFrom: 100, ageTo: null, count: 4 },
    });
  });

  it('gives bands the population check accepts', () => {
    const checkErrors = new ImportErrorList();
    const ctx = fakeImportContext({ territories: [{ id: 1, code: 'PAZ', country: 'BG', level: 'region' }, { id: 2, code: 'SML', country: 'BG', level: 'region' }] });
    const checker = createPopulationChecker(ctx, checkErrors);
    for (const { row, record } of population) checker.check(row, record);
    checker.finish();
    expect(checkErrors.total).toBe(0);
  });
});

describe('convertNsiPopulation on broken tables', () => {
  const header = ['Age (years)', '2021_T', '2021_M', '2021_F'];

  it('reports a line whose total is not M + F, and a province total the bands do not add up to', async () => {
    const errors = new ImportErrorList();
    await convertNsiPopulation(
      {
        header,
        rows: [
          { row: 2, cells: ['Smolyan', '30', '15', '15'] },
          { row: 3, cells: ['0 - 4', '10', '5', '6'] },
          { row: 4, cells: ['5+', '12', '6', '6'] },
        ],
      },
      options,
      errors,
    );
    expect(errors.errors).toEqual([
      { row: 3, column: '2021_T', value: '10', code: 'total_mismatch', params: { total: 10, sum: 11 } },
      { row: 2, column: '2021_F', value: '15', code: 'total_mismatch', params: { total: 15, sum: 6 } },
      { row: 2, column: '2021_M', value: '15', code: 'total_mismatch', params: { total: 15, sum: 6 } },
    ]);
  });

  it('reports a province it cannot place once, not its bands', async () => {
    const errors = new ImportErrorList();
    const result = await convertNsiPopulation(
      { header, rows: [{ row: 2, cells: ['Blagoevgrad', '3', '1', '2'] }, { row: 3, cells: ['0 - 4', '3', '1', '2'] }] },
      options,
      errors,
    );
    expect(errors.errors).toEqual([{ row: 2, column: 'Age (years)', value: 'Blagoevgrad', code: 'unknown_territory', params: { code: 'Blagoevgrad' } }]);
    expect(result.population).toEqual([]);
  });

  it('reads NSI’s age labels', () => {
    expect(['0 - 4', '95 - 99', '100+', '7', 'Pazardzhik'].map(ageBand)).toEqual([
      { from: 0, to: 4 },
      { from: 95, to: 99 },
      { from: 100, to: null },
      { from: 7, to: 7 },
      null,
    ]);
  });
});
