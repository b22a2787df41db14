import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translator } from '@potreby/i18n';
import { rows } from '@potreby/server/db/database';
import { GAP_EXPORT_COLUMNS } from '@potreby/server/gaps/gap-matrix';
import { buildApp } from '@potreby/server/http/app';
import { Client } from '@potreby/server/testing/test-app';
import { ENGINE } from '@potreby/server/testing/test-database';
import { parseCsv } from '@potreby/server/testing/parse-csv';
import { useCli } from './testing/cli-harness';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const SERVICES_HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened';

type GapRow = { serviceType: string; method: string; need: number | null; needUnit: string; missing: string | null; capacity: number; capacityUnit: string; gap: number | null; coverage: number | null; needLow: number | null; needHigh: number | null };

/** The command line as a person uses it, on a copy of the demo database chosen through the environment. */
describe(`the potreby command (${ENGINE})`, () => {
  const { work, cli, withDatabase, file } = useCli('potreby-cli-');
  /** The province's table as JSON, from the test that checks its shape. */
  let provinceRows: GapRow[] = [];

  const snapshot = () =>
    withDatabase(async ({ db }) =>
      (
        await rows<Record<string, string>>(
          db,
          sql`select (select count(*) from service_site)::text as sites, (select coalesce(sum(capacity), 0) from service_site)::text as capacity,
            (select count(*) from population)::text as population, (select count(*) from dataset)::text as datasets, (select max(id) from audit_log)::text as audit`,
        )
      )[0]!,
    );


  it('imports a services file: exit 0, and the sites are in the database and in the gap', async () => {
    const path = file(
      'smolyan-sites.csv',
      [
        SERVICES_HEADER,
        'SML31-HC-1,Домашен социален патронаж – Смолян,bg.home_care,Община Смолян,public,67653,,2025,120,112,16,14,2,municipal,no,2005-01-01',
        'SML31-DC-1,"Дневен център за възрастни, Смолян",bg.day_care_elderly,Община Смолян,public,67653,SML31|SML05,2025,30,27,0,6,0,state,no,2012-05-01',
      ].join('\n'),
    );
    const res = await cli('import', 'services', path, '--country', 'BG');
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(/^Imported 2 rows \(canonical\) as dataset \d+\.\n$/);
    const stored = await withDatabase(({ db }) =>
      rows<{ site_key: string; capacity: number; users: number; settlement: string; audit_actor: string }>(
        db,
        sql`select s.site_key, s.capacity, s.users, t.code as settlement,
          (select actor from audit_log where entity = 'services' order by id desc limit 1) as audit_actor
          from service_site s join territory t on t.id = s.settlement_id where s.site_key like 'SML31-%' order by s.site_key`,
      ),
    );
    expect(stored).toEqual([
      { site_key: 'SML31-DC-1', capacity: 30, users: 27, settlement: '67653', audit_actor: `cli:${userInfo().username}` },
      { site_key: 'SML31-HC-1', capacity: 120, users: 112, settlement: '67653', audit_actor: `cli:${userInfo().username}` },
    ]);
    // Observed demand in Smolyan municipality is now its home-care users and waiting list.
    const gap = await cli('gap', '--territory', 'SML31', '--method', 'observed', '--format', 'json');
    expect(gap.code).toBe(0);
    expect((JSON.parse(gap.out).rows as GapRow[]).find((r) => r.serviceType === 'bg.home_care')).toEqual({ serviceType: 'bg.home_care', method: 'observed', need: 128, needUnit: 'persons_per_year', missing: null, capacity: 120, capacityUnit: 'persons_per_year', gap: 8, coverage: 0.9375, needLow: null, needHigh: null });
  });

  it('rejects a bad file: exit 1, the report on stderr in the language of --lang, and nothing changed', async () => {
    const before = await snapshot();
    const path = file(
      'bad-population.csv',
      ['code,year,sex,age_from,age_to,count', 'PAZ19,2024,F,0,64,50000', 'NOWHERE,2024,F,65,,9000', 'PAZ19,2024,M,0,64,-3'].join('\n'),
    );
    const res = await cli('import', 'population', path, '--lang', 'bg');
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err.split('\n')).toEqual([
      'bad-population.csv е отхвърлен: 2 грешки. Нищо не е променено.',
      'ред 3, code: Няма територия с код „NOWHERE“.',
      'ред 4, count: „Брой лица“ не може да е отрицателно.',
      '',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('prints the gap table of a province as JSON in the documented shape, every method when none is chosen', async () => {
    const res = await cli('gap', '--territory', 'PAZ', '--format', 'json');
    expect(res).toMatchObject({ code: 0, err: '' });
    const output = JSON.parse(res.out);
    expect(Object.keys(output)).toEqual(['territory', 'year', 'rows']);
    expect(output.territory).toBe('PAZ');
    expect(output.year).toBe(2025);
    const rowsOut = (provinceRows = output.rows as GapRow[]);
    for (const row of rowsOut) {
      expect(Object.keys(row)).toEqual(['serviceType', 'method', 'need', 'needUnit', 'missing', 'capacity', 'capacityUnit', 'gap', 'coverage', 'needLow', 'needHigh']);
      if (row.need !== null) expect(Math.abs(row.gap! - (row.need - row.capacity))).toBeLessThanOrEqual(0.011);
      if (row.need) expect(Math.abs(row.coverage! - row.capacity / row.need)).toBeLessThan(0.001);
    }
    expect(rowsOut.filter((r) => r.method === 'normative')).toHaveLength(16);
    expect(rowsOut.filter((r) => r.method === 'observed')).toHaveLength(16);
    // No assessment surveyed Pazardzhik's municipalities: the survey rows show capacity and no need.
    const withCapacity = rowsOut.filter((r) => r.method === 'observed' && r.capacity > 0).length;
    expect(rowsOut.map((r) => r.method)).toEqual([...Array(16).fill('normative'), ...Array(16).fill('observed'), ...Array(withCapacity).fill('survey')]);
    for (const row of rowsOut.filter((r) => r.method === 'survey')) expect(row).toMatchObject({ need: null, needUnit: 'persons', missing: 'no_survey', gap: null, needLow: null, needHigh: null });
    // Panagyurishte's home care as observed: 104 users, none waiting, 110 places.
    const panagyurishte = JSON.parse((await cli('gap', '--territory', 'PAZ20', '--method', 'observed', '--format', 'json')).out);
    expect(panagyurishte.rows.find((r: GapRow) => r.serviceType === 'bg.home_care')).toEqual({ serviceType: 'bg.home_care', method: 'observed', need: 104, needUnit: 'persons_per_year', missing: null, capacity: 110, capacityUnit: 'persons_per_year', gap: -6, coverage: 1.0577, needLow: null, needHigh: null });
  });

  it('prints the survey-based need of Khmilnyk hromada with its 95 % interval', async () => {
    const res = await cli('gap', '--territory', 'UA05120170000013778', '--method', 'survey', '--format', 'json');
    expect(res).toMatchObject({ code: 0, err: '' });
    const estimated = (JSON.parse(res.out).rows as GapRow[]).filter((r) => r.need !== null);
    expect(estimated.length).toBeGreaterThan(0);
    for (const row of estimated) {
      expect(row.needLow!).toBeLessThanOrEqual(row.need!);
      expect(row.needHigh!).toBeGreaterThanOrEqual(row.need!);
      expect(row.needHigh!).toBeGreaterThan(row.needLow!);
    }
  });

  it('prints the same table as CSV', async () => {
    expect(provinceRows.filter((r) => r.method !== 'survey')).toHaveLength(32);
    const json = provinceRows;
    const res = await cli('gap', '--territory', 'PAZ', '--format', 'csv');
    expect(res.code).toBe(0);
    // The app's gap export (gaps/gap-matrix.ts): every municipality × type, then the province's totals.
    expect(res.out.startsWith('\uFEFF')).toBe(true);
    const [header, ...data] = parseCsv(res.out.slice(1));
    expect(header).toEqual(GAP_EXPORT_COLUMNS.map((c) => translator('en')(`columns.gaps.${c}`)));
    const at = (name: (typeof GAP_EXPORT_COLUMNS)[number]) => GAP_EXPORT_COLUMNS.indexOf(name);
    for (const row of json.filter((r) => r.method === 'normative')) {
      const r = data.find((x) => x[at('territory_code')] === 'PAZ' && x[at('service_type_code')] === row.serviceType && x[at('method')] === 'Normative')!;
      // One decimal in the CSV (as on screen), two in the JSON.
      expect(Math.abs(Number(r[at('capacity')]) - row.capacity)).toBeLessThanOrEqual(0.051);
      if (row.need !== null) expect(Math.abs(Number(r[at('need')]) - row.need)).toBeLessThanOrEqual(0.051);
    }
    const municipalities = new Set(data.filter((x) => x[at('territory_code')] !== 'PAZ').map((x) => x[at('territory_code')]));
    expect(municipalities.size).toBeGreaterThanOrEqual(10);
  });

  it('says so when the territory is unknown: exit 1', async () => {
    const res = await cli('--lang', 'bg', 'gap', '--territory', 'XX99');
    expect(res).toEqual({ code: 1, out: '', err: 'Няма територия с код XX99.\n' });
  });

  it('creates an account with a one-time password that signs in through the API, and agrees with the API on the gap', async () => {
    const res = await cli('user', 'create', '--login', 'Nadezhda@Pazardzhik.example', '--name', 'Надежда Стоянова', '--role', 'municipal_officer', '--territory', 'PAZ19', '--language', 'bg');
    expect(res.code).toBe(0);
    expect(res.out.split('\n')[0]).toBe('Account nadezhda@pazardzhik.example created (Municipal officer).');
    const otp = /One-time password: (\S+) /.exec(res.out)?.[1];
    expect(otp).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
    const cliGap = JSON.parse((await cli('gap', '--territory', 'PAZ19', '--method', 'normative', '--format', 'json')).out).rows as GapRow[];

    await withDatabase(async (database) => {
      const app = await buildApp({ database, webDist: null });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
        const client = new Client(url);
        const signIn = await client.post('/api/v1/session', { login: 'nadezhda@pazardzhik.example', password: otp });
        expect(signIn.status).toBe(200);
        expect(signIn.body.user).toMatchObject({ name: 'Надежда Стоянова', role: 'municipal_officer', territory: { code: 'PAZ19' }, language: 'bg', mustChangePassword: true });
        client.csrf = signIn.body.csrfToken;
        expect((await client.post('/api/v1/session/password', { currentPassword: otp, newPassword: 'нова дълга парола 2025' })).status).toBe(204);
        const paz19 = (await client.get('/api/v1/session')).body.user.territory.id;
        const api = (await client.get(`/api/v1/gaps?territoryId=${paz19}`)).body;
        expect(api.year).toBe(2025);
        expect(cliGap.map((r) => r.serviceType)).toEqual(api.rows.map((r: GapRow) => r.serviceType));
        cliGap.forEach((r, i) => {
          expect(r.need).toBeCloseTo(api.rows[i].need, 2);
          expect(r.capacity).toBeCloseTo(api.rows[i].capacity, 2);
        });
      } finally {
        await app.close();
      }
    });
  });

  it('gives an account a new one-time password with `user reset-password LOGIN`: the old one stops working, the new one must be changed, audited', async () => {
    const created = await cli('user', 'create', '--login', 'Ivan@Peshtera.example', '--name', 'Иван Петров', '--role', 'municipal_officer', '--territory', 'PAZ19', '--password', 'стара дълга парола 2024');
    expect(created.code).toBe(0);
    const res = await cli('user', 'reset-password', 'IVAN@peshtera.example');
    expect(res).toMatchObject({ code: 0, err: '' });
    const lines = res.out.trimEnd().split('\n');
    expect(lines[0]).toBe('Account ivan@peshtera.example has a new one-time password; its sessions have ended.');
    const otp = /^One-time password: (\S+) /.exec(lines[1]!)?.[1];
    expect(otp).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
    const audit = await withDatabase(({ db }) =>
      rows<{ action: string; actor: string; entity: string }>(db, sql`select action, actor, entity from audit_log where entity = 'user' order by id desc limit 1`),
    );
    expect(audit).toEqual([{ action: 'password_reset', actor: `cli:${userInfo().username}`, entity: 'user' }]);

    await withDatabase(async (database) => {
      const app = await buildApp({ database, webDist: null });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
        expect((await new Client(url).post('/api/v1/session', { login: 'ivan@peshtera.example', password: 'стара дълга парола 2024' })).status).toBe(401);
        const signIn = await new Client(url).post('/api/v1/session', { login: 'ivan@peshtera.example', password: otp });
        expect(signIn.status).toBe(200);
        expect(signIn.body.user.mustChangePassword).toBe(true);
      } finally {
        await app.close();
      }
    });

    const unknown = await cli('user', 'reset-password', 'nobody@example.org');
    expect(unknown).toEqual({ code: 1, out: '', err: 'There is no account with the sign-in name “nobody@example.org”.\n' });
  });

  it('exports a table as CSV and as XLSX, as the app does', async () => {
    const csvPath = join(work, 'services.csv');
    const res = await cli('--lang', 'bg', 'export', 'services', '--out', csvPath, '--territory', 'PAZ');
    expect(res).toEqual({ code: 0, out: '', err: '' });
    const bytes = readFileSync(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Идентификатор на услугата,Наименование,Вид услуга,Доставчик,Вид доставчик,Код на населеното място,Обслужва (кодове),Година,Капацитет,Потребители,Чакащи,Щатни бройки,Незаети щатни бройки,Финансиране,Мобилна,Открита');
    expect(lines).toHaveLength(1 + 29);
    expect(lines.some((l) => l.startsWith('DEMO-PAZ20-') && l.includes('Домашен социален патронаж – Панагюрище,bg.home_care,Община Панагюрище,Публичен,55302,,2025,110,104,0,12,0,Общински бюджет,не,2003-01-01'))).toBe(true);

    const xlsxPath = join(work, 'population.xlsx');
    expect((await cli('export', 'population', '--out', xlsxPath, '--format', 'xlsx', '--territory', 'PAZ', '--year', '2021')).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Code', 'Year', 'Sex', 'Age from', 'Age to', 'Persons']);
    let total = 0;
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === 'PAZ') total += row.getCell(6).value as number;
    });
    expect(total).toBe(227_625);
  });

  it('answers a wrongly written command with exit 2 and says what is wrong', async () => {
    const unknownOption = await cli('gap', '--territory', 'PAZ', '--bogus');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.err).toContain("unknown option '--bogus'");
    const badChoice = await cli('gap', '--territory', 'PAZ', '--format', 'xml');
    expect(badChoice.code).toBe(2);
    expect(badChoice.err).toContain("'xml' is invalid");
    expect((await cli('gap')).code).toBe(2);
    expect((await cli('import', 'people', 'x.csv')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('--lang', 'de', 'gap', '--territory', 'PAZ')).code).toBe(2);
  });

  it('says what is wrong with a missing file, a folder or an unwritable output in one translated line, with no stack trace', async () => {
    const stackLine = /^\s+at /m;
    const missing = await cli('import', 'services', join(work, 'nonexistent.csv'));
    expect(missing).toEqual({ code: 2, out: '', err: `There is no file ${join(work, 'nonexistent.csv')}.\n` });
    const folder = await cli('--lang', 'bg', 'import', 'services', work);
    expect(folder).toEqual({ code: 2, out: '', err: `${work} е папка, а не файл.\n` });
    for (const argv of [
      ['survey', 'import-xlsform', work, '--territory', 'PAZ19'],
      ['survey', 'import-responses', join(work, 'none.csv'), '--questionnaire', '1'],
      ['import', 'boundaries', '/'],
      ['export', 'services', '--out', join(work, 'no-such-folder', 'services.csv')],
      ['export', 'services', '--out', work, '--format', 'xlsx'],
      ['gap', '--territory', 'PAZ', '--year', 'last'],
      ['import', 'population', join(work, 'nonexistent.csv'), '--year', '99999'],
      ['survey', 'stats', '--questionnaire', '99999999999'],
    ]) {
      const res = await cli(...argv);
      expect(res.code, argv.join(' ')).toBeGreaterThan(0);
      expect(res.err, argv.join(' ')).not.toMatch(stackLine);
      expect(res.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
    expect((await cli('export', 'services', '--out', join(work, 'no-such-folder', 'services.csv'))).err).toBe(`The folder for ${join(work, 'no-such-folder', 'services.csv')} does not exist.\n`);
  });

  it('refuses a file that is not what it says, and a file too large to read, in a line of its own', async () => {
    const notXlsx = file('data.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await cli('import', 'services', notXlsx)).toMatchObject({ code: 1, err: 'The file data.xlsx cannot be read. Save it as CSV (UTF-8) or XLSX and try again.\n' });
    // The security review's polygon, which the command line once imported with exit 0.
    const polygon = file('bad.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'PAZ19' }, geometry: { type: 'Polygon', coordinates: [[[1e308, 'x'], [null]]] } }] }));
    expect(await cli('import', 'boundaries', polygon)).toEqual({
      code: 1,
      out: '',
      err: 'bad.geojson was rejected: 1 error. Nothing was changed.\nrow 1, geometry: A point of the boundary is not a longitude between −180 and 180 and a latitude between −90 and 90: “[1e+308,"x"]”.\n',
    });
    const wide = file('wide.csv', `${'a,'.repeat(20_000)}b\n1\n`);
    expect(await cli('import', 'services', wide)).toMatchObject({ code: 1, err: 'The file is too large.\n' });
  });

  it('runs as the installed binary: `potreby gap --territory PAZ19 --method normative --format csv`', async () => {
    const { stdout, stderr } = await promisify(execFile)('node', ['packages/cli/bin/potreby.js', 'gap', '--territory', 'PAZ19', '--method', 'normative', '--format', 'csv'], {
      cwd: ROOT,
      env: process.env,
      timeout: 60_000,
    });
    expect(stderr).toBe('');
    const [header, ...data] = parseCsv(stdout.replace(/^\uFEFF/, ''));
    const at = (name: (typeof GAP_EXPORT_COLUMNS)[number]) => GAP_EXPORT_COLUMNS.indexOf(name);
    expect(header![at('service_type_code')]).toBe('Service type code');
    // Pazardzhik's 16 service types, its totals, and the totals per unit (places, persons a year).
    expect(data.filter((r) => r[at('service_type_code')] !== '')).toHaveLength(32);
    expect(data.every((r) => r[at('method')] === 'Normative')).toBe(true);
    const homeCare = data.find((r) => r[at('service_type_code')] === 'bg.home_care')!;
    expect(Number(homeCare[at('capacity')])).toBe(260);
    expect(Number(homeCare[at('gap')])).toBeCloseTo(Number(homeCare[at('need')]) - 260, 1);
    // A refused command exits with its code.
    const failed = await promisify(execFile)('node', ['packages/cli/bin/potreby.js', 'gap', '--territory', 'XX99'], { cwd: ROOT, env: process.env }).catch((e: { code: number; stderr: string }) => e);
    expect([(failed as { code: number }).code, (failed as { stderr: string }).stderr]).toEqual([1, 'No territory has the code XX99.\n']);
  });
});
