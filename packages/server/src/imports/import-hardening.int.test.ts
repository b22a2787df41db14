import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';
import { BLANK_ROWS_ENDING_DATA } from './read-xlsx';

type ReportedError = { row: number; column: string | null; value: string | null; code: string; message: string };

const SERVICES_HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened';

/** Imports given what the security review sent them: broken geometry, huge cells, ambiguous numbers, blank sheets. */
describe(`imports refuse what would break the rules (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;

  const boundaries = async (code: string) =>
    (await rows<{ geometry: unknown; source: string | null }>(t.database.db, sql`select b.geometry, b.source from territory_boundary b join territory t on t.id = b.territory_id where t.country = 'BG' and t.code = ${code}`))[0];
  const counts = async () =>
    (await rows<{ datasets: number; audit: string; boundaries: number }>(t.database.db, sql`select (select count(*) from dataset)::int as datasets, (select max(id) from audit_log)::text as audit, (select count(*) from territory_boundary)::int as boundaries`))[0]!;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  describe('boundaries', () => {
    it('refuses the polygon [[[1e308,"x"],[null]]] for two municipalities, naming both features, and keeps their boundaries', async () => {
      const before = { paz19: await boundaries('PAZ19'), paz20: await boundaries('PAZ20'), counts: await counts() };
      expect(before.paz19).toBeDefined();
      const bad = { type: 'Polygon', coordinates: [[[1e308, 'x'], [null]]] };
      const geojson = {
        type: 'FeatureCollection',
        features: ['PAZ19', 'PAZ20'].map((code) => ({ type: 'Feature', properties: { code }, geometry: bad })),
      };
      const res = await admin.upload('boundaries', 'broken.geojson', JSON.stringify(geojson), {}, { 'x-potreby-language': 'bg' });
      expect([res.status, res.body.code, res.body.totalErrors]).toEqual([422, 'import.rejected', 2]);
      expect(res.body.errors.map((e: ReportedError) => [e.row, e.column, e.code, e.value])).toEqual([
        [1, 'geometry', 'invalid_coordinates', '[1e+308,"x"]'],
        [2, 'geometry', 'invalid_coordinates', '[1e+308,"x"]'],
      ]);
      expect(res.body.errors[0].message).toBe('Точка от границата не е географска дължина между −180 и 180 и ширина между −90 и 90: „[1e+308,"x"]“.');
      expect({ paz19: await boundaries('PAZ19'), paz20: await boundaries('PAZ20'), counts: await counts() }).toEqual(before);
    });

    it('refuses an open ring, another geometry type and a second boundary for the same unit, all or nothing', async () => {
      const before = await counts();
      const square = [[24.1, 42.1], [24.5, 42.1], [24.5, 42.4], [24.1, 42.4], [24.1, 42.1]];
      const geojson = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'PAZ21' }, geometry: { type: 'Polygon', coordinates: [square] } },
          { type: 'Feature', properties: { code: 'PAZ03' }, geometry: { type: 'Polygon', coordinates: [square.slice(0, 4)] } },
          { type: 'Feature', properties: { code: 'PAZ24' }, geometry: { type: 'Point', coordinates: [24.1, 42.1] } },
          { type: 'Feature', properties: { code: 'PAZ21' }, geometry: { type: 'Polygon', coordinates: [square] } },
        ],
      };
      const res = await admin.upload('boundaries', 'mixed.geojson', JSON.stringify(geojson));
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: ReportedError) => [e.row, e.column, e.code])).toEqual([
        [2, 'geometry', 'invalid_ring'],
        [3, 'geometry', 'invalid_choice'],
        [4, 'code', 'duplicate_row'],
      ]);
      expect(res.body.errors[0].message).toBe('Ring 1 of the boundary is not closed or has fewer than 4 points (the last point must repeat the first).');
      expect(await counts()).toEqual(before);
    });

    it('still takes a valid polygon and multipolygon, storing only their type and coordinates', async () => {
      const square = [[24.1, 42.1], [24.5, 42.1], [24.5, 42.4], [24.1, 42.4], [24.1, 42.1]];
      const geojson = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: 'PAZ19' }, geometry: { type: 'Polygon', coordinates: [square], extra: '<script>' } },
          { type: 'Feature', properties: { nuts4: 'PAZ20' }, geometry: { type: 'MultiPolygon', coordinates: [[square.map(([x, y]) => [x! + 1, y!])]] } },
        ],
      };
      const res = await admin.upload('boundaries', 'good.geojson', JSON.stringify(geojson));
      expect([res.status, res.body.rows]).toEqual([200, 2]);
      expect((await boundaries('PAZ19'))!.geometry).toEqual({ type: 'Polygon', coordinates: [square] });
      expect(((await boundaries('PAZ20'))!.geometry as { type: string }).type).toBe('MultiPolygon');
    });
  });

  describe('error reports', () => {
    it('repeat the first 100 characters of a 1 MB cell, not the cell: the answer stays small', async () => {
      const huge = 'Ж'.repeat(1 << 20);
      const file = [SERVICES_HEADER, `SML-HUGE-1,${huge},bg.home_care,Община Смолян,public,67653,,2025,10,,,,,,,`].join('\n');
      const res = await admin.upload('services', 'huge.csv', file);
      expect(res.status).toBe(422);
      expect(res.text.length).toBeLessThan(20_000);
      const error = res.body.errors.find((e: ReportedError) => e.column === 'name');
      expect(error).toMatchObject({ row: 2, code: 'too_long', value: `${'Ж'.repeat(100)}…` });
      expect(error.message.length).toBeLessThan(300);
    });
  });

  describe('numbers', () => {
    const population = (count: string) => ['code,year,sex,age_from,age_to,count', `PAZ21,2031,F,0,,"${count}"`].join('\n');
    const stored = async () => (await rows<{ count: number }>(t.database.db, sql`select p.count from population p join territory t on t.id = p.territory_id where t.code = 'PAZ21' and p.year = 2031`)).map((r) => r.count);

    it('stores a quoted "1,000" in a population count as a thousand, never as 1', async () => {
      const res = await admin.upload('population', 'thousand.csv', population('1,000'));
      expect([res.status, res.body.rows]).toEqual([200, 1]);
      expect(await stored()).toEqual([1000]);
    });

    it('refuses "1.000", which a spreadsheet could mean as 1 and a person as a thousand, and a fractional count', async () => {
      for (const [count, code] of [['1.000', 'ambiguous_number'], ['1,5', 'not_integer'], ['1 0000', 'not_integer']] as const) {
        const res = await admin.upload('population', 'ambiguous.csv', population(count));
        expect(res.status, count).toBe(422);
        expect(res.body.errors.map((e: ReportedError) => [e.column, e.value, e.code])).toEqual([['count', count, code]]);
      }
      expect(await stored()).toEqual([1000]);
    });
  });

  describe('spreadsheets', () => {
    it(`stop at ${BLANK_ROWS_ENDING_DATA} blank rows in a row: a row after them is not read`, async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('population');
      sheet.addRow(['code', 'year', 'sex', 'age_from', 'age_to', 'count']);
      sheet.addRow(['PAZ24', 2031, 'F', 0, null, 5000]);
      // Formatted but empty rows, as a spreadsheet program writes them.
      for (let row = 3; row < 3 + BLANK_ROWS_ENDING_DATA; row++) sheet.getCell(row, 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      // Were it read, this row would make the import fail.
      sheet.addRow(['NOWHERE', 2031, 'F', 0, null, 1]);
      const res = await admin.upload('population', 'formatted.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
      expect([res.status, res.body.rows]).toEqual([200, 1]);
    });
  });
});
