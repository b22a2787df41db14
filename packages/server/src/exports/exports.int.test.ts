import { translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { DEMO_NORMS_BG } from '../seed/demo-norms';
import { DEMO_SITES } from '../seed/demo-sites';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { EXPORT_COLUMNS } from './export-tables';
import { parseCsv } from '../testing/parse-csv';

const BOM = '\uFEFF';
const LANGUAGES: TLanguage[] = ['bg', 'uk', 'pl', 'en'];

/** Header of an export column in a language, as a person reads it. */
const label = (language: TLanguage, table: string, column: string) => translator(language)(`columns.${table}.${column}`, { defaultValue: column });

/** Every table as CSV and XLSX, in the four languages, within the user's reach. */
describe(`exports (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  const ids: Record<string, number> = {};

  /** Download as bytes (the test client decodes text, which would hide the BOM). */
  const download = async (client: Client, path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { cookie: client.cookie! } });
    return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const csv = async (client: Client, path: string) => {
    const res = await download(client, path);
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...res.bytes.slice(0, 3)], `${path}: UTF-8 byte-order mark`).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(res.bytes);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...data] = parseCsv(text.slice(1));
    return { header: header!, data, text, bytes: res.bytes };
  };
  const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, query))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    for (const code of ['BG', 'PAZ', 'PAZ19', 'PAZ20']) ids[code] = await t.territoryId(code);
    // The demo has no indicators: two, so that every table has rows.
    const indicators = [
      'code,year,indicator,value,source,source_date',
      'PAZ19,2023,persons_with_disability,4120,Агенция за хората с увреждания,2024-01-15',
      'PAZ20,2023,children_at_risk,57,"ДСП Панагюрище, отдел ""Закрила на детето""",',
    ].join('\n');
    expect((await admin.upload('indicators', 'indicators.csv', indicators)).status).toBe(200);
  });
  afterAll(() => t.close());

  it.each(LANGUAGES)('writes every table as CSV with a byte-order mark and headers in %s', async (language) => {
    for (const table of Object.keys(EXPORT_COLUMNS) as (keyof typeof EXPORT_COLUMNS)[]) {
      const scope = table === 'audit' ? '' : `territoryId=${ids.PAZ}&`;
      const { header, data } = await csv(admin, `/api/v1/exports/${table}/csv?${scope}lang=${language}`);
      expect(header, `${table} ${language}`).toEqual(EXPORT_COLUMNS[table].map((c) => label(language, table, c)));
      expect(data.length, table).toBeGreaterThan(0);
      for (const row of data) expect(row, table).toHaveLength(header.length);
    }
  });

  it('writes the headers people read in each language', async () => {
    const expected: Record<TLanguage, string> = { bg: 'Код на населеното място', uk: 'Код населеного пункту', pl: 'Kod miejscowości', en: 'Settlement code' };
    for (const language of LANGUAGES) {
      const { header } = await csv(admin, `/api/v1/exports/services/csv?territoryId=${ids.PAZ}&lang=${language}`);
      expect(header[EXPORT_COLUMNS.services.indexOf('settlement_code')]).toBe(expected[language]);
    }
    const population = await csv(admin, `/api/v1/exports/population/csv?territoryId=${ids.PAZ}&lang=bg`);
    expect(population.header).toEqual(['Код', 'Година', 'Пол', 'Възраст от', 'Възраст до', 'Брой лица']);
  });

  it('exports the figures themselves: Pazardzhik’s services, its 2021 population, norms and gaps', async () => {
    const services = await csv(admin, `/api/v1/exports/services/csv?territoryId=${ids.PAZ}&lang=bg`);
    expect(services.data).toHaveLength(DEMO_SITES.length);
    const col = (name: string) => EXPORT_COLUMNS.services.indexOf(name);
    const home = services.data.find((r) => r[col('name')] === 'Дом за стари хора „Демо“ – Велинград')!;
    expect(home).toBeDefined();
    expect([home[col('provider')], home[col('settlement_code')], home[col('capacity')], home[col('users')], home[col('funding')], home[col('mobile')], home[col('opened')]]).toEqual([
      'Демо „Сенекс“ ООД',
      '10450',
      '40',
      '38',
      'other',
      'no',
      '2019-07-01',
    ]);
    const shared = services.data.find((r) => r[col('name')] === 'Дом за възрастни хора – Брацигово')!;
    expect(shared[col('serves_codes')]!.split('|').sort()).toEqual(['PAZ03', 'PAZ06', 'PAZ21', 'PAZ24']);

    const population = await csv(admin, `/api/v1/exports/population/csv?territoryId=${ids.PAZ}&year=2021&lang=en`);
    const own = population.data.filter((r) => r[0] === 'PAZ');
    expect(own).toHaveLength(42);
    expect(own.reduce((s, r) => s + Number(r[5]), 0)).toBe(227_625);
    expect(population.data.length).toBe(
      await count(sql`select count(*)::int as n from population p join territory t on t.id = p.territory_id where p.year = 2021 and t.path like (select path from territory where code = 'PAZ') || '%'`),
    );

    const norms = await csv(admin, `/api/v1/exports/norms/csv?territoryId=${ids.PAZ}&lang=en`);
    expect(norms.data).toHaveLength(DEMO_NORMS_BG.length);
    const homeCareNorm = norms.data.find((r) => r[0] === 'bg.home_care')!;
    expect([homeCareNorm[1], homeCareNorm[2], JSON.parse(homeCareNorm[3]!), homeCareNorm[4], homeCareNorm[6]]).toEqual(['BG', 'BG', { kind: 'population', sex: 'T', age: { from: 65, to: null } }, '20', 'yes']);

    const gaps = await csv(admin, `/api/v1/exports/gaps/csv?territoryId=${ids.PAZ}&lang=en`);
    const dashboard = (await admin.get(`/api/v1/gaps?territoryId=${ids.PAZ}`)).body.rows as { serviceType: string; need: number; capacity: number; gap: number }[];
    expect(gaps.data.map((r) => r[2])).toEqual(dashboard.map((r) => r.serviceType));
    gaps.data.forEach((r, i) => {
      expect([r[0], r[1], r[3]]).toEqual(['PAZ', '2025', 'normative']);
      expect(Number(r[4])).toBeCloseTo(dashboard[i]!.need, 9);
      expect(Number(r[5])).toBeCloseTo(dashboard[i]!.capacity, 9);
      expect(Number(r[6])).toBeCloseTo(dashboard[i]!.gap, 9);
    });
    const noTerritory = await download(admin, '/api/v1/exports/gaps/csv');
    expect(noTerritory.status).toBe(400);

    const indicators = await csv(admin, `/api/v1/exports/indicators/csv?territoryId=${ids.PAZ}&lang=uk`);
    expect([...indicators.data].sort((a, b) => a[0]!.localeCompare(b[0]!))).toEqual([
      ['PAZ19', '2023', 'persons_with_disability', '4120', 'Агенция за хората с увреждания', '2024-01-15'],
      ['PAZ20', '2023', 'children_at_risk', '57', 'ДСП Панагюрище, отдел "Закрила на детето"', ''],
    ]);

    const types = await csv(admin, `/api/v1/exports/service-types/csv?territoryId=${ids.PAZ}&lang=bg`);
    expect(types.data.map((r) => r[0]).sort()).toEqual(DEMO_NORMS_BG.map((n) => n.serviceType).sort());
    expect(types.data.every((r) => r[1] === 'BG')).toBe(true);
  });

  it('writes XLSX files that read back with the same headers and figures', async () => {
    for (const language of ['bg', 'en'] as const) {
      const res = await download(admin, `/api/v1/exports/services/xlsx?territoryId=${ids.PAZ}&lang=${language}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="potreby-services-PAZ.xlsx"`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(res.bytes) as never);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('services');
      // The header row stays in view while scrolling.
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.services.map((c) => label(language, 'services', c)));
      expect(sheet.actualRowCount).toBe(DEMO_SITES.length + 1);
      const nameCol = EXPORT_COLUMNS.services.indexOf('name') + 1;
      const row = sheet.getRows(2, DEMO_SITES.length)!.find((r) => r.getCell(nameCol).value === 'Дневен център за възрастни – Велинград')!;
      expect(row).toBeDefined();
      expect(row.getCell(EXPORT_COLUMNS.services.indexOf('capacity') + 1).value).toBe(25);
      expect(row.getCell(EXPORT_COLUMNS.services.indexOf('settlement_code') + 1).value).toBe('10450');
    }
    const population = await download(admin, `/api/v1/exports/population/xlsx?territoryId=${ids.PAZ}&year=2021`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(population.bytes) as never);
    const sheet = workbook.worksheets[0]!;
    let total = 0;
    sheet.eachRow((r, n) => {
      if (n > 1 && r.getCell(1).value === 'PAZ') total += r.getCell(6).value as number;
    });
    expect(total).toBe(227_625);
  });

  it('round-trips: Pazardzhik’s services exported in Bulgarian import back unchanged', async () => {
    const first = await csv(admin, `/api/v1/exports/services/csv?territoryId=${ids.PAZ}&lang=bg`);
    const before = await rows<{ id: number; site_key: string; capacity: number; users: number | null }>(t.database.db, sql`select id, site_key, capacity, users from service_site order by id`);
    const res = await admin.upload('services', 'potreby-services-PAZ.csv', first.bytes, { country: 'BG' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ format: 'canonical', rows: DEMO_SITES.length });
    const after = await rows<{ id: number; site_key: string; capacity: number; users: number | null }>(t.database.db, sql`select id, site_key, capacity, users from service_site order by id`);
    expect(after).toEqual(before);
    const entry = (await admin.get('/api/v1/audit?entity=services&pageSize=1')).body.items[0];
    expect(entry.after).toMatchObject({ inserted: 0, updated: DEMO_SITES.length });
    const again = await csv(admin, `/api/v1/exports/services/csv?territoryId=${ids.PAZ}&lang=bg`);
    expect(again.text).toBe(first.text);
  });

  it('gives a municipal officer only what lies within its municipality', async () => {
    const officer = await t.as('municipal_officer', 'PAZ19');
    const inPazardzhik = new Set(
      (await rows<{ code: string }>(t.database.db, sql`select code from territory where path like (select path from territory where code = 'PAZ19') || '%'`)).map((r) => r.code),
    );
    expect(inPazardzhik.size).toBeGreaterThan(30);

    const territories = await csv(officer, '/api/v1/exports/territories/csv?lang=en');
    expect(territories.data.map((r) => r[0])).toEqual(expect.arrayContaining([...inPazardzhik]));
    expect(territories.data).toHaveLength(inPazardzhik.size);
    expect(territories.data[0]![0]).toBe('PAZ19');

    const population = await csv(officer, '/api/v1/exports/population/csv?lang=en');
    expect(population.data.length).toBeGreaterThan(0);
    expect(population.data.every((r) => inPazardzhik.has(r[0]!))).toBe(true);

    // Sites standing in the municipality, or serving it or the whole province.
    const services = await csv(officer, '/api/v1/exports/services/csv?lang=en');
    const col = (name: string) => EXPORT_COLUMNS.services.indexOf(name);
    const expected = DEMO_SITES.filter((s) => s.municipality === 'PAZ19' || (s.serves ?? []).some((c) => c === 'PAZ19' || c === 'PAZ'));
    expect(services.data.map((r) => r[col('name')]).sort()).toEqual(expected.map((s) => s.name).sort());
    for (const r of services.data) {
      const serves = r[col('serves_codes')]!.split('|').filter(Boolean);
      expect(inPazardzhik.has(r[col('settlement_code')]!) || serves.includes('PAZ19') || serves.includes('PAZ')).toBe(true);
    }
    expect(services.data.some((r) => r[col('name')] === 'Домашен социален патронаж – Панагюрище')).toBe(false);
  });
});
