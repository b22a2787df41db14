import { roundAsShown } from '@potreby/domain';
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
      'Друго',
      'не',
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
    const normCol = (name: string) => EXPORT_COLUMNS.norms.indexOf(name);
    const homeCareNorm = norms.data.find((r) => r[normCol('service_type_code')] === 'bg.home_care')!;
    // The rule in words, not `{"kind":"population","sex":"T","age":{"from":65,"to":null}}`.
    expect(homeCareNorm.slice(1, 5).concat(homeCareNorm[6]!)).toEqual(['BG', 'BG', 'Everyone aged 65+', '20', 'yes']);
    const bgNorms = await csv(admin, `/api/v1/exports/norms/csv?territoryId=${ids.PAZ}&lang=bg`);
    const bgHomeCare = bgNorms.data.find((r) => r[normCol('service_type_code')] === 'bg.home_care')!;
    expect([bgHomeCare[normCol('target')], bgHomeCare[normCol('illustrative')]]).toEqual(['Всички на възраст 65+', 'да']);
    expect(bgHomeCare[normCol('service_type')]).toMatch(/^[А-Яа-я]/);

    const gaps = await csv(admin, `/api/v1/exports/gaps/csv?territoryId=${ids.PAZ}&lang=en`);
    const dashboard = (await admin.get(`/api/v1/gaps?territoryId=${ids.PAZ}`)).body.rows as { serviceType: string; need: number; capacity: number; gap: number }[];
    // The province's row of each service type (its code in the last columns) is the dashboard's, rounded as shown.
    const column = (name: string) => EXPORT_COLUMNS.gaps.indexOf(name);
    const province = gaps.data.filter((r) => r[column('territory_code')] === 'PAZ' && r[column('service_type_code')] !== '');
    for (const row of dashboard) {
      const r = province.find((p) => p[column('service_type_code')] === row.serviceType)!;
      expect([r[column('year')], r[column('method')]]).toEqual(['2025', 'Normative']);
      expect(Number(r[column('need')])).toBe(roundAsShown(row.need, 1));
      expect(Number(r[column('capacity')])).toBe(roundAsShown(row.capacity, 1));
    }
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
    const typeCol = (name: string) => EXPORT_COLUMNS['service-types'].indexOf(name);
    const homeCare = types.data.find((r) => r[0] === 'bg.home_care')!;
    expect([homeCare[typeCol('residential')], homeCare[typeCol('unit')]]).toEqual(['не', 'лица годишно']);
    expect(homeCare[typeCol('target_groups')]).toContain('Възрастни хора');
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
      expect(sheet.name).toBe(translator(language)('exportSheets.services'));
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

  it('round-trips: the service types exported in Bulgarian words import back with nothing changed', async () => {
    const before = (await admin.get('/api/v1/service-types?country=BG')).body.items;
    const first = await csv(admin, `/api/v1/exports/service-types/csv?territoryId=${ids.PAZ}&lang=bg`);
    const categories = new Set(first.data.map((r) => r[EXPORT_COLUMNS['service-types'].indexOf('category')]));
    expect([...categories].every((c) => /^[А-Яа-я]/.test(c!)), [...categories].join()).toBe(true);
    const res = await admin.upload('service-types', 'potreby-service-types.csv', first.bytes);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const entry = (await admin.get('/api/v1/audit?entity=service_type&pageSize=1')).body.items[0];
    expect(entry?.after).toMatchObject({ added: [], changed: [] });
    expect((await admin.get('/api/v1/service-types?country=BG')).body.items).toEqual(before);
  });

  /**
   * Issue 7: "no enum keys, no English words in a bg/uk/pl file". Every cell of every table in
   * Bulgarian, Ukrainian and Polish, outside the columns meant for machines (codes, keys, ids)
   * and the data people typed (names, sources, the audit's before/after records).
   */
  it.each(['bg', 'uk', 'pl'] as const)('writes no snake_case key and no English word in a %s file', async (language) => {
    const machine: Record<string, readonly string[]> = {
      territories: ['code', 'parent_code', 'country', 'name', 'name_en'],
      population: ['code'],
      indicators: ['code', 'indicator', 'source'],
      services: ['site_id', 'name', 'service_type', 'provider', 'settlement_code', 'serves_codes'],
      norms: ['territory_code', 'country', 'source', 'service_type_code'],
      'service-types': ['key', 'country', 'official_code', 'name', 'name_en'],
      gaps: ['territory_code', 'service_type_code'],
      audit: ['entity_id', 'country', 'before', 'after'],
    };
    const KEY = /\b[a-z]+_[a-z_]+\b/;
    // Polish is written in Latin letters: there, an English word is one of the app's keys or yes/no.
    const ENGLISH = language === 'pl' ? /\b(?:yes|no|true|false|public|private|ngo|state|municipal|project|other|places|persons|municipality|settlement|region|district|country)\b/ : /[A-Za-z]{2,}/;
    for (const table of Object.keys(EXPORT_COLUMNS) as (keyof typeof EXPORT_COLUMNS)[]) {
      const scope = table === 'audit' ? '' : `territoryId=${ids.PAZ}&`;
      const { data } = await csv(admin, `/api/v1/exports/${table}/csv?${scope}lang=${language}`);
      EXPORT_COLUMNS[table].forEach((column, i) => {
        if (machine[table]!.includes(column)) return;
        for (const row of data) {
          const cell = row[i]!;
          if (table === 'audit' && column === 'actor' && !/^(?:seed|system|cli:|login:|user:)/.test(cell)) continue;
          expect(KEY.test(cell), `${table}.${column} in ${language}: ${cell}`).toBe(false);
          expect(ENGLISH.test(cell), `${table}.${column} in ${language}: ${cell}`).toBe(false);
        }
      });
    }
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
