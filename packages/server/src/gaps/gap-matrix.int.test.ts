import { percentAsShown, romanise, roundAsShown } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { EXPORT_COLUMNS } from '../exports/export-tables';
import { parseCsv } from '../testing/parse-csv';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import type { TGapMatrix } from './gap-matrix-schema';

const COLUMNS = EXPORT_COLUMNS.gaps;
const col = (name: string) => COLUMNS.indexOf(name);
const MACHINE = [col('territory_code'), col('service_type_code')];
/** The data's keys (`bg.day_care_elderly`, `persons_per_year`), not a reader's words. In Bulgarian, no Latin letter at all. */
const KEYS = /^[a-z]{2}\.[a-z0-9_]+$|[a-z]+_[a-z_]+|^(normative|observed|true|false)$/;

/** The municipality × service-type gap table: on the API, as CSV and XLSX, in the reader's language. */
describe(`gap matrix and its export (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let paz: number;
  let municipalities: { code: string; name: string; name_en: string | null }[];
  let types: { key: string; name: string; name_en: string; unit: string }[];

  const download = async (path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { cookie: admin.cookie! } });
    expect(res.status, path).toBe(200);
    return new Uint8Array(await res.arrayBuffer());
  };
  const csv = async (path: string) => {
    const bytes = await download(path);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...data] = parseCsv(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1));
    return { header: header!, data };
  };
  const matrix = async (method = 'normative') => {
    const res = await admin.get(`/api/v1/gaps/matrix?territoryId=${paz}&method=${method}`);
    expect(res.status).toBe(200);
    return res.body as TGapMatrix;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    paz = await t.territoryId('PAZ');
    municipalities = await rows(
      t.database.db,
      sql`select code, name, name_en from territory where level = 'municipality' and path like (select path from territory where code = 'PAZ') || '%'`,
    );
    types = await rows(t.database.db, sql`select key, name, name_en, unit from service_type where country = 'BG' order by sort_order`);
  });
  afterAll(() => t.close());

  it('gives every municipality of Pazardzhik × every service type, and the province’s totals', async () => {
    expect(municipalities.length).toBeGreaterThanOrEqual(10);
    const m = await matrix();
    expect(m.units.map((u) => u.territory.code).sort()).toEqual(municipalities.map((x) => x.code).sort());
    expect(m.serviceTypes.map((s) => s.key)).toEqual(types.map((s) => s.key));
    for (const u of m.units) expect(u.cells.map((c) => c.serviceType)).toEqual(types.map((s) => s.key));
    // Each total is the sum of its municipalities' cells.
    m.totals.forEach((total, i) => {
      const cells = m.units.map((u) => u.cells[i]!);
      expect(total.capacity).toBeCloseTo(cells.reduce((s, c) => s + c.capacity, 0), 6);
      const known = cells.filter((c) => c.need !== null);
      if (known.length) expect(total.need).toBeCloseTo(known.reduce((s, c) => s + c.need!, 0), 6);
      else expect(total.need).toBeNull();
    });
    // The province's totals are the dashboard's rows.
    const dashboard = (await admin.get(`/api/v1/gaps?territoryId=${paz}`)).body as { year: number; rows: { serviceType: string; need: number | null; capacity: number }[] };
    expect(m.year).toBe(dashboard.year);
    for (const row of dashboard.rows) expect(m.totals.find((x) => x.serviceType === row.serviceType)).toMatchObject({ need: row.need, capacity: row.capacity });
  });

  it.each(['bg', 'en'] as TLanguage[])('exports every municipality × type in %s: names, words and rounded numbers, keys only in the code columns', async (language) => {
    const tr = translator(language);
    const m = await matrix();
    const { header, data } = await csv(`/api/v1/exports/gaps/csv?territoryId=${paz}&lang=${language}`);
    expect(header).toEqual(COLUMNS.map((c) => tr(`columns.gaps.${c}`)));
    const unitTotals = new Set([...m.unitTotals.need, ...m.unitTotals.capacity].map((u) => u.unit)).size;
    expect(data).toHaveLength(municipalities.length * types.length + types.length + unitTotals);

    const nameOf = (x: { name: string; name_en: string | null }) => (language === 'bg' ? x.name : (x.name_en ?? romanise(x.name, 'BG')));
    const typeName = (s: (typeof types)[number]) => (language === 'bg' ? s.name : tr(`serviceTypes.${s.key}`, { defaultValue: s.name_en }));
    for (const x of municipalities) {
      const own = data.filter((r) => r[col('territory_code')] === x.code);
      expect(own.map((r) => r[col('service_type_code')])).toEqual(types.map((s) => s.key));
      for (const r of own) {
        expect(r[col('territory')]).toBe(nameOf(x));
        expect(r[col('level')]).toBe(tr('levelsByCountry.BG.municipality'));
        expect(r[col('method')]).toBe(tr('methodsShort.normative'));
        const type = types.find((s) => s.key === r[col('service_type_code')])!;
        expect(r[col('service_type')]).toBe(typeName(type));
        expect(r[col('capacity_unit')]).toBe(tr(`gapExport.units.${type.unit}`));
      }
    }

    for (const row of data) {
      row.forEach((cell, i) => {
        if (MACHINE.includes(i) || cell === '') return;
        expect(cell, `${COLUMNS[i]}: ${cell}`).not.toMatch(KEYS);
        if (language === 'bg') expect(cell, `${COLUMNS[i]}: ${cell}`).not.toMatch(/[A-Za-z]/);
        // Numbers as the dashboard rounds them: one decimal at most, coverage in whole per cent.
        if (/^-?\d/.test(cell)) expect(cell, COLUMNS[i]).toMatch(i === col('coverage_percent') ? /^\d+$/ : /^-?\d+(\.\d)?$/);
      });
    }

    // The province's row of each type: the API's total, rounded as shown.
    m.totals.forEach((total) => {
      const r = data.find((x) => x[col('territory_code')] === 'PAZ' && x[col('service_type_code')] === total.serviceType)!;
      expect(r[col('territory')]).toBe(language === 'bg' ? 'Пазарджик' : 'Pazardzhik');
      expect(Number(r[col('capacity')])).toBe(roundAsShown(total.capacity, 1));
      if (total.need === null) expect(r[col('need')]).toBe(tr('gapExport.noEstimate'));
      else expect(Number(r[col('need')])).toBe(roundAsShown(total.need, 1));
      if (total.coverage !== null) expect(Number(r[col('coverage_percent')])).toBe(percentAsShown(total.coverage));
    });
    // All service types together, once per unit: places never added to persons a year.
    const together = data.filter((x) => x[col('territory_code')] === 'PAZ' && x[col('service_type_code')] === '');
    expect(together).toHaveLength(unitTotals);
    for (const u of m.unitTotals.capacity) {
      const r = together.find((x) => x[col('capacity_unit')] === tr(`gapExport.units.${u.unit}`))!;
      expect(r[col('service_type')]).toBe(tr('gapExport.allServiceTypes', { unit: tr(`gapExport.units.${u.unit}`) }));
      const sum = m.totals.filter((x) => x.capacityUnit === u.unit).reduce((s, x) => s + x.capacity, 0);
      expect(Number(r[col('capacity')])).toBe(roundAsShown(sum, 1));
    }
  });

  it('says "no estimate" where a method has none, never 0', async () => {
    const m = await matrix('survey');
    const { data } = await csv(`/api/v1/exports/gaps/csv?territoryId=${paz}&method=survey&lang=bg`);
    const unknown = m.units.flatMap((u) => u.cells.filter((c) => c.need === null).map((c) => [u.territory.code, c.serviceType]));
    expect(unknown.length).toBeGreaterThan(0);
    for (const [code, key] of unknown) {
      const r = data.find((x) => x[col('territory_code')] === code && x[col('service_type_code')] === key)!;
      expect(r[col('need')]).toBe('няма оценка');
      expect(r[col('gap')]).toBe('няма оценка');
      expect(r[col('coverage_percent')]).toBe('няма оценка');
    }
  });

  it('writes the same rows as XLSX, its sheet named in the reader’s language', async () => {
    for (const [language, sheetName] of [
      ['bg', 'Дефицити'],
      ['en', 'Gaps'],
    ] as const) {
      const { header, data } = await csv(`/api/v1/exports/gaps/csv?territoryId=${paz}&lang=${language}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await download(`/api/v1/exports/gaps/xlsx?territoryId=${paz}&lang=${language}`)) as never);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe(sheetName);
      const read: string[][] = [];
      sheet.eachRow((row) => read.push(COLUMNS.map((_, i) => (row.getCell(i + 1).value === null ? '' : String(row.getCell(i + 1).value)))));
      expect(read[0]).toEqual(header);
      expect(read.slice(1)).toEqual(data);
      // Figures stay numbers a spreadsheet can add.
      expect(typeof sheet.getRow(2).getCell(col('capacity') + 1).value).toBe('number');
    }
  });
});
