import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../config';
import { DEMO_SITES, DEMO_YEAR } from '../seed/demo-sites';
import { rows } from '../db/database';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Snapshot = Record<string, number>;
type ReportedError = { row: number; column: string | null; value: string | null; code: string; message: string };

/** Windows-1251, as a Cyrillic Windows saves "CSV": ASCII as is, А–я at 0xC0–0xFF, and a few typographic signs. */
function cp1251(text: string): Uint8Array {
  const special: Record<string, number> = { '„': 0x84, '“': 0x93, '–': 0x96, '№': 0xb9 };
  return Uint8Array.from([...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x350;
    if (special[ch] !== undefined) return special[ch];
    throw new Error(`no windows-1251 byte for ${ch}`);
  }));
}

const SERVICES_HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,serves_codes,year,capacity,users,waiting_list,staff_positions,staff_vacancies,funding,mobile,opened';

/** Imports of every kind: all or nothing, row-by-row reports, registers and spreadsheets as people have them. */
describe(`imports (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let adminName: string;

  /** Rows of every table, sums of the figures, and the newest audit entry: what "nothing changed" means. */
  const snapshot = async (): Promise<Snapshot> => {
    const [row] = await rows<Snapshot>(
      t.database.db,
      sql`select (select count(*) from territory)::int as territory,
        (select count(*) from territory_boundary)::int as territory_boundary,
        (select count(*) from population)::int as population,
        (select coalesce(sum(count), 0)::bigint from population)::text as population_sum,
        (select count(*) from indicator_value)::int as indicator_value,
        (select count(*) from dataset)::int as dataset,
        (select count(*) from service_site)::int as service_site,
        (select coalesce(sum(capacity), 0)::bigint from service_site)::text as capacity_sum,
        (select count(*) from norm)::int as norm,
        (select count(*) from service_type)::int as service_type,
        (select count(*) from app_user)::int as app_user,
        (select count(*) from session)::int as session,
        (select count(*) from audit_log)::int as audit_log,
        (select max(id) from audit_log)::text as max_audit_id,
        (select max(updated_at) from territory)::text as territory_updated,
        (select max(updated_at) from service_site)::text as site_updated`,
    );
    return row!;
  };
  const territoryByCode = async (country: string, code: string) =>
    (await rows<{ id: number; name: string; level: string; parent_code: string | null; path: string; name_en: string | null }>(
      t.database.db,
      sql`select t.id, t.name, t.level, p.code as parent_code, t.path, t.name_en from territory t left join territory p on p.id = t.parent_id where t.country = ${country} and t.code = ${code}`,
    ))[0];
  const rejected = (res: { status: number; body: { code: string; errors: ReportedError[]; totalErrors: number } }) => {
    expect([res.status, res.body.code]).toEqual([422, 'import.rejected']);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    adminName = (await admin.get('/api/v1/session')).body.user.name;
  });
  afterAll(() => t.close());

  describe('each canonical kind', () => {
    it('territories: new units under their parent, known ones updated', async () => {
      const file = ['code,name,name_en,level,parent_code,country,lat,lon', '99901,Нова махала-2,Nova mahala 2,settlement,PAZ19,BG,42.21,24.35', '99902,Горно поле,,settlement,PAZ19,BG,,', 'PAZ19,Пазарджик,Pazardzhik,municipality,PAZ,BG,,'].join('\n');
      const res = await admin.upload('territories', 'territories.csv', file);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'territories', format: 'canonical', rows: 3, skipped: [] });
      const paz19 = (await territoryByCode('BG', 'PAZ19'))!;
      expect(paz19.name_en).toBe('Pazardzhik');
      const created = (await territoryByCode('BG', '99901'))!;
      expect(created).toMatchObject({ name: 'Нова махала-2', name_en: 'Nova mahala 2', level: 'settlement', parent_code: 'PAZ19', path: `${paz19.path}${created.id}/` });
      const children = await admin.get(`/api/v1/territories?parentId=${paz19.id}&limit=1000`);
      expect(children.body.items.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['99901', '99902']));
      expect((await admin.get(`/api/v1/territories/${created.id}`)).body.ancestors.map((a: { code: string }) => a.code)).toEqual(['BG', 'PAZ', 'PAZ19']);
    });

    it('population: the bands of a territory and year, replacing that table when imported again', async () => {
      const file = (bands: [string, number, number | null, number][]) => ['code,year,sex,age_from,age_to,count', ...bands.map(([sex, from, to, n]) => `PAZ20,2024,${sex},${from},${to ?? ''},${n}`)].join('\n');
      const first = await admin.upload('population', 'paz20-2024.csv', file([['F', 0, 64, 7100], ['F', 65, null, 2900], ['M', 0, 64, 7300], ['M', 65, null, 2200], ['T', 0, null, 19500]]), { source: 'Община Панагюрище, ГРАО' });
      expect([first.status, first.body.rows]).toEqual([200, 5]);
      const stored = () => rows<{ sex: string; age_from: number; age_to: number | null; count: number }>(t.database.db, sql`select p.sex, p.age_from, p.age_to, p.count from population p join territory t on t.id = p.territory_id where t.code = 'PAZ20' and p.year = 2024 order by p.sex, p.age_from`);
      expect(await stored()).toHaveLength(5);
      const second = await admin.upload('population', 'paz20-2024.csv', file([['F', 0, 64, 7000], ['F', 65, null, 3000], ['M', 0, 64, 7200], ['M', 65, null, 2300]]));
      expect(second.status).toBe(200);
      expect(await stored()).toEqual([
        { sex: 'F', age_from: 0, age_to: 64, count: 7000 },
        { sex: 'F', age_from: 65, age_to: null, count: 3000 },
        { sex: 'M', age_from: 0, age_to: 64, count: 7200 },
        { sex: 'M', age_from: 65, age_to: null, count: 2300 },
      ]);
      // Panagyurishte's own table now gives its pyramid for 2024.
      const pyramid = await admin.get(`/api/v1/territories/${await t.territoryId('PAZ20')}/population?year=2024`);
      expect(pyramid.body).toMatchObject({ how: 'direct', dataYear: 2024, bands: [{ ageFrom: 0, ageTo: 64, female: 7000, male: 7200 }, { ageFrom: 65, ageTo: null, female: 3000, male: 2300 }] });
    });

    it('indicators: one value per territory, year and indicator, with its source', async () => {
      const file = 'code,year,indicator,value,source,source_date\nPAZ,2023,children_at_risk,812,ДСП Пазарджик,2024-01-31\nSML,2023,children_at_risk,301,ДСП Смолян,31.01.2024\n';
      const res = await admin.upload('indicators', 'children-at-risk.csv', file);
      expect([res.status, res.body.rows]).toEqual([200, 2]);
      const stored = await rows<{ code: string; value: number; source: string; source_date: string; dataset_id: number }>(
        t.database.db,
        sql`select t.code, i.value, i.source, i.source_date::text as source_date, i.dataset_id from indicator_value i join territory t on t.id = i.territory_id where i.indicator = 'children_at_risk' order by t.code`,
      );
      expect(stored).toEqual([
        { code: 'PAZ', value: 812, source: 'ДСП Пазарджик', source_date: '2024-01-31', dataset_id: res.body.datasetId },
        { code: 'SML', value: 301, source: 'ДСП Смолян', source_date: '2024-01-31', dataset_id: res.body.datasetId },
      ]);
    });

    it('services: sites with their figures, where they stand and whom they serve; imported again, updated in place', async () => {
      const line = (capacity: number, users: number) => [
        `SML-DC-1,"Дневен център за възрастни хора, Смолян",bg.day_care_elderly,Община Смолян,public,67653,SML31|SML05,2024,${capacity},${users},3,6,1,state,no,2012-05-01`,
        `SML-MOB-1,Мобилен екип Родопи,bg.home_care,"Сдружение ""Родопи""",ngo,67653,,2024,25,25,0,4,0,project,yes,`,
      ];
      const first = await admin.upload('services', 'smolyan-sites.csv', [SERVICES_HEADER, ...line(30, 28)].join('\n'), { illustrative: 'no' });
      expect([first.status, first.body.rows]).toEqual([200, 2]);
      const sites = (await admin.get('/api/v1/service-sites?q=SML-&pageSize=10')).body.items as { id: number; siteKey: string; capacity: number; users: number }[];
      expect(sites.map((s) => s.siteKey).sort()).toEqual(['SML-DC-1', 'SML-MOB-1']);
      const dayCentre = sites.find((s) => s.siteKey === 'SML-DC-1')!;
      expect(dayCentre).toMatchObject({
        name: 'Дневен център за възрастни хора, Смолян',
        provider: 'Община Смолян',
        settlement: { code: '67653', name: 'Смолян' },
        municipality: { code: 'SML31' },
        serves: [{ code: 'SML31' }, { code: 'SML05' }],
        capacity: 30,
        users: 28,
        waitingList: 3,
        staffPositions: 6,
        staffVacancies: 1,
        funding: 'state',
        mobile: false,
        opened: '2012-05-01',
        demo: false,
      });
      expect(sites.find((s) => s.siteKey === 'SML-MOB-1')).toMatchObject({ provider: 'Сдружение "Родопи"', mobile: true, opened: null, serves: [] });

      const before = await snapshot();
      const again = await admin.upload('services', 'smolyan-sites.csv', [SERVICES_HEADER, ...line(35, 33)].join('\n'));
      expect(again.status).toBe(200);
      const after = (await admin.get('/api/v1/service-sites?q=SML-&pageSize=10')).body.items as { id: number; siteKey: string; capacity: number; users: number }[];
      expect(after.map((s) => s.id).sort()).toEqual(sites.map((s) => s.id).sort());
      expect(after.find((s) => s.siteKey === 'SML-DC-1')).toMatchObject({ id: dayCentre.id, capacity: 35, users: 33 });
      const now = await snapshot();
      expect(now.service_site).toBe(before.service_site);
      expect(Number(now.capacity_sum)).toBe(Number(before.capacity_sum) + 5);
      const entry = (await admin.get('/api/v1/audit?entity=services&pageSize=1')).body.items[0];
      expect(entry.after).toMatchObject({ dataset: again.body.datasetId, inserted: 0, updated: 2, rows: 2 });
    });

    it('boundaries: a GeoJSON polygon per municipality, shown on the map', async () => {
      const polygon = { type: 'Polygon', coordinates: [[[24.1, 42.1], [24.5, 42.1], [24.5, 42.4], [24.1, 42.4], [24.1, 42.1]]] };
      const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'PAZ19', name: 'Пазарджик' }, geometry: polygon }] };
      const res = await admin.upload('boundaries', 'paz19.geojson', JSON.stringify(geojson), { source: 'Кадастър, 2025' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ kind: 'boundaries', format: 'geojson', rows: 1 });
      const map = await admin.get(`/api/v1/geo/boundaries?territoryId=${await t.territoryId('PAZ19')}`);
      expect(map.body.features).toEqual([{ type: 'Feature', properties: { id: await t.territoryId('PAZ19'), code: 'PAZ19', name: 'Пазарджик' }, geometry: polygon }]);
      // The other municipalities keep theirs.
      expect((await admin.get(`/api/v1/geo/boundaries?territoryId=${await t.territoryId('PAZ')}`)).body.features).toHaveLength(12);
    });
  });

  describe('a bad file changes nothing', () => {
    it('reports every bad row of a population file, sorted by row, in the language asked for', async () => {
      const before = await snapshot();
      const file = [
        'code,year,sex,age_from,age_to,count',
        'PAZ19,2024,F,0,14,5000',
        'XX999,2024,F,15,64,100',
        'PAZ19,2024,F,10,20,300',
        'PAZ19,2024,M,0,,-5',
        'PAZ19,twenty,M,0,14,1',
        'PAZ19,2024,X,0,,1',
        'PAZ19,2024,M,30,20,5',
        'PAZ19,2024,M,65,,4000',
      ].join('\n');
      const report = rejected(await admin.upload('population', 'bad.csv', file, {}, { 'x-potreby-language': 'bg' }));
      expect(report.totalErrors).toBe(6);
      expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [3, 'code', 'XX999', 'unknown_territory'],
        [4, 'age_from', '10', 'overlapping_band'],
        [5, 'count', '-5', 'negative'],
        [6, 'year', 'twenty', 'not_integer'],
        [7, 'sex', 'X', 'invalid_choice'],
        [8, 'age_to', '20', 'age_order'],
      ]);
      expect(report.errors.map((e) => e.message).slice(0, 3)).toEqual([
        'Няма територия с код „XX999“.',
        'Тази възрастова група се припокрива с групата на ред 2.',
        '„Брой лица“ не може да е отрицателно.',
      ]);
      expect((report as unknown as { title: string }).title).toBe('Файлът е отхвърлен: 6 грешки. Нищо не е променено.');
      // The same report in English.
      const english = rejected(await admin.upload('population', 'bad.csv', file));
      expect(english.errors.map((e) => e.message).slice(0, 3)).toEqual(['No territory has the code “XX999”.', 'This age band overlaps the band in row 2.', 'Persons cannot be negative.']);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses unknown and missing columns before reading any row', async () => {
      const before = await snapshot();
      const report = rejected(await admin.upload('population', 'extra-column.csv', 'code,year,sex,age_from,age_to,count,comment\nPAZ19,2024,T,0,,90000,ok\n'));
      expect(report.errors).toEqual([expect.objectContaining({ row: 1, column: null, value: 'comment', code: 'unknown_column' })]);
      // A misspelt required column: the report says which column is unknown and which is missing.
      const misspelt = rejected(await admin.upload('services', 'no-capacity.csv', 'site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity_places\nX,Y,bg.home_care,Z,public,55155,2025,10\n'));
      expect(misspelt.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [1, null, 'capacity_places', 'unknown_column'],
        [1, 'capacity', null, 'missing_column'],
      ]);
      // A population file sent as services is not taken for one.
      const wrongKind = rejected(await admin.upload('services', 'population.csv', 'code,year,sex,age_from,age_to,count\nPAZ19,2024,T,0,,90000\n'));
      expect(wrongKind.errors.map((e) => [e.row, e.code])).toEqual([[1, 'unrecognised_format']]);
      expect(await snapshot()).toEqual(before);
    });

    it('reports the bad rows of a services file and keeps every site as it was', async () => {
      const before = await snapshot();
      const file = [
        SERVICES_HEADER,
        'OK-1,Добър ред,bg.home_care,Община Батак,public,02837,,2025,10,10,0,2,0,municipal,no,2020-01-01',
        'BAD-1,Непознат вид,bg.massage,Община Батак,public,02837,,2025,10,,,,,,,',
        'BAD-2,Повече незаети,bg.home_care,Община Батак,public,02837,,2025,10,,,2,3,,,',
        'BAD-3,Няма село,bg.home_care,Община Батак,public,00000,,2025,10,,,,,,,',
        'OK-1,Повторен,bg.home_care,Община Батак,public,02837,,2025,10,,,,,,,',
        'BAD-4,Украински вид,ua.information,Община Батак,public,02837,PAZ03|NOWHERE,2025,many,,,,,,maybe,',
      ].join('\n');
      const report = rejected(await admin.upload('services', 'sites.csv', file));
      expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
        [3, 'service_type', 'unknown_service_type'],
        [4, 'staff_vacancies', 'vacancies_exceed_positions'],
        [5, 'settlement_code', 'unknown_territory'],
        [6, 'site_id', 'duplicate_row'],
        [7, 'capacity', 'not_integer'],
        [7, 'mobile', 'not_yes_no'],
      ]);
      expect(report.totalErrors).toBe(6);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a 50,000-row population file whose last line is bad, and writes none of the 49,999 good ones', async () => {
      const codes: string[] = [];
      for (const line of readFileSync(join(REFERENCE_DIR, 'bg/settlements-population-2013.csv'), 'utf8').split(/\r?\n/).slice(1)) {
        const code = line.slice(0, line.indexOf(','));
        if (code && !codes.includes(code)) codes.push(code);
        if (codes.length === 5000) break;
      }
      const lines = ['code,year,sex,age_from,age_to,count'];
      for (const code of codes) for (const sex of ['F', 'M']) for (const [from, to] of [[0, 14], [15, 29], [30, 49], [50, 64], [65, null]]) lines.push(`${code},2030,${sex},${from},${to ?? ''},${(from! % 7) + 10}`);
      expect(lines).toHaveLength(50_001);
      lines[50_000] = lines[50_000]!.replace(/,\d+$/, ',-1');
      const before = await snapshot();
      const report = rejected(await admin.upload('population', 'big.csv', lines.join('\n') + '\n'));
      expect(report.totalErrors).toBe(1);
      expect(report.errors).toEqual([expect.objectContaining({ row: 50_001, column: 'count', value: '-1', code: 'negative' })]);
      expect(await snapshot()).toEqual(before);
      const [stored] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from population where year = 2030`);
      expect(stored!.n).toBe(0);
    });

    it('refuses a GeoJSON file with a feature of an unknown unit, leaving every boundary as it was', async () => {
      const before = await snapshot();
      const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
      const geojson = {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { nuts4: 'PAZ20' }, geometry: square },
          { type: 'Feature', properties: { nuts4: 'XYZ99' }, geometry: square },
          { type: 'Feature', properties: { code: 'PAZ21' }, geometry: { type: 'Point', coordinates: [0, 0] } },
        ],
      };
      const report = rejected(await admin.upload('boundaries', 'bad.geojson', JSON.stringify(geojson)));
      expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [2, 'code', 'XYZ99', 'unknown_territory'],
        [3, 'geometry', 'Point', 'invalid_choice'],
      ]);
      expect(await snapshot()).toEqual(before);
    });
  });

  /** Issue 6, finding 2: an import may do, row by row, what the form lets the same user do — no more. */
  describe('the sites and territories an import may change', () => {
    const demoKey = (match: (s: (typeof DEMO_SITES)[number]) => boolean) => {
      const i = DEMO_SITES.findIndex(match);
      return `DEMO-${DEMO_SITES[i]!.municipality}-${String(i + 1).padStart(3, '0')}`;
    };
    type SiteView = { id: number; siteKey: string; name: string; provider: string; capacity: number; settlement: { code: string }; year: number };
    const sitesByKey = async (siteKey: string): Promise<SiteView[]> =>
      ((await admin.get(`/api/v1/service-sites?q=${encodeURIComponent(siteKey)}&pageSize=50`)).body.items as SiteView[]).filter((s) => s.siteKey === siteKey);
    /** A row as the reviewer sent it: renamed, another provider, no places, standing in Pazardzhik (55155). */
    const takeover = (siteKey: string, year: number) => `${siteKey},Превзет обект,bg.home_care,Друг доставчик,private,55155,,${year},0,,,,,,no,`;

    it('never reaches another municipality’s or province’s site through its id: Velingrad’s and Smolyan’s sites stay theirs', async () => {
      const smolyanKey = 'SML-F2-1';
      const smolyan = await t.as('regional_officer', 'SML');
      expect((await smolyan.upload('services', 'smolyan.csv', `${SERVICES_HEADER}\n${smolyanKey},Дневен център Смолян,bg.day_care_elderly,Община Смолян,public,67653,,2025,30,,,,,,no,`)).status).toBe(200);
      const velingradKey = demoKey((s) => s.municipality === 'PAZ08');
      const [velingradBefore] = await sitesByKey(velingradKey);
      const [smolyanBefore] = await sitesByKey(smolyanKey);
      expect(velingradBefore).toMatchObject({ settlement: { code: '10450' } });

      const officer = await t.as('municipal_officer', 'PAZ19');
      const res = await officer.upload('services', 'takeover.csv', [SERVICES_HEADER, takeover(velingradKey, DEMO_YEAR), takeover(smolyanKey, 2025)].join('\n'));
      // An id names a site within its place: in Pazardzhik these rows are Pazardzhik's own new
      // sites. Refusing them would tell the officer that the ids exist elsewhere.
      expect([res.status, res.body.rows]).toEqual([200, 2]);
      const [velingradAfter, ...others] = (await sitesByKey(velingradKey)).filter((s) => s.year === DEMO_YEAR).sort((a, b) => a.id - b.id);
      expect(velingradAfter).toEqual(velingradBefore);
      expect(others.map((s) => [s.settlement.code, s.name, s.capacity])).toEqual([['55155', 'Превзет обект', 0]]);
      expect((await sitesByKey(smolyanKey)).find((s) => s.id === smolyanBefore!.id)).toEqual(smolyanBefore);
      // Velingrad's officer still has its site, as it was.
      const velingrad = await t.as('municipal_officer', 'PAZ08');
      const own = await velingrad.get(`/api/v1/service-sites/${velingradBefore!.id}`);
      expect([own.status, own.body.name, own.body.capacity, own.body.editable]).toEqual([200, velingradBefore!.name, velingradBefore!.capacity, true]);
    });

    it('refuses, naming the rows, a file that would change a site the form would not let the user change, and changes nothing', async () => {
      const officer = await t.as('municipal_officer', 'PAZ19');
      const ownKey = demoKey((s) => s.municipality === 'PAZ19' && !s.serves);
      const provinceWideKey = demoKey((s) => s.municipality === 'PAZ19' && (s.serves ?? []).includes('PAZ'));
      const before = await snapshot();
      const file = [
        SERVICES_HEADER,
        `${ownKey},Домашен социален патронаж – Пазарджик,bg.home_care,Община Пазарджик,public,55155,,${DEMO_YEAR},250,,,,,,no,`,
        takeover(provinceWideKey, DEMO_YEAR),
        `PAZ19-NEW-1,Нов обект,bg.home_care,Община Пазарджик,public,55155,PAZ08,${DEMO_YEAR},5,,,,,,no,`,
      ].join('\n');
      const report = rejected(await officer.upload('services', 'mine-and-theirs.csv', file, {}, { 'x-potreby-language': 'bg' }));
      expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [3, 'site_id', provinceWideKey, 'outside_scope'],
        [4, 'serves_codes', 'PAZ08', 'outside_scope'],
      ]);
      expect(report.errors[0]!.message).toBe(`„${provinceWideKey}“ е извън територията, която можете да променяте.`);
      expect(await snapshot()).toEqual(before);
      // The province's officer may change the province-wide site by import, as in the form.
      const regional = await t.as('regional_officer', 'PAZ');
      const [site] = await sitesByKey(provinceWideKey);
      const line = `${provinceWideKey},Център за рехабилитация – Пазарджик,bg.therapy_rehabilitation,Община Пазарджик,public,55155,PAZ,${DEMO_YEAR},${site!.capacity + 1},,,,,,no,`;
      expect((await regional.upload('services', 'province.csv', `${SERVICES_HEADER}\n${line}`)).status).toBe(200);
    });

    it('records every site an import changes in the audit log, with its values before and after', async () => {
      const officer = await t.as('municipal_officer', 'PAZ19');
      const ownKey = demoKey((s) => s.municipality === 'PAZ19' && s.type === 'bg.assistant_support');
      const [site] = await sitesByKey(ownKey);
      const row = (capacity: number) => `${ownKey},Асистентска подкрепа – Пазарджик,bg.assistant_support,Община Пазарджик,public,55155,,${DEMO_YEAR},${capacity},176,40,45,6,state,no,2021-01-01`;
      type Entry = { action: string; entity: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown>; territory: { code: string } };
      const audit = async (query: string) => (await admin.get(`/api/v1/audit?${query}`)).body as { items: Entry[]; total: number };
      const sitesBefore = (await audit('entity=service_site&pageSize=1')).total;

      const res = await officer.upload('services', 'changes.csv', [SERVICES_HEADER, row(site!.capacity + 20), `PAZ19-AUDIT-1,Нов център,bg.home_care,Община Пазарджик,public,55155,,${DEMO_YEAR},7,,,,,,no,`].join('\n'));
      expect(res.status).toBe(200);
      const changed = await audit('entity=service_site&pageSize=5');
      // One entry for the site changed; the site added is the import's, told by its dataset.
      expect(changed.total).toBe(sitesBefore + 1);
      const [update] = changed.items;
      expect(update).toMatchObject({ action: 'update', entityId: String(site!.id), territory: { code: '55155' } });
      expect(update!.before).toMatchObject({ id: site!.id, siteKey: ownKey, capacity: site!.capacity, users: 176 });
      expect(update!.after).toMatchObject({ id: site!.id, siteKey: ownKey, capacity: site!.capacity + 20, users: 176, datasetId: res.body.datasetId });
      const [summary] = (await audit('entity=services&pageSize=1')).items;
      expect(summary!.after).toMatchObject({ dataset: res.body.datasetId, inserted: 1, updated: 1 });
      const [added] = await rows<{ dataset_id: number }>(t.database.db, sql`select dataset_id from service_site where site_key = 'PAZ19-AUDIT-1'`);
      expect(added!.dataset_id).toBe(res.body.datasetId);

      // The same row again changes no site: nothing more to record about one.
      expect((await officer.upload('services', 'changes.csv', [SERVICES_HEADER, row(site!.capacity + 20)].join('\n'))).status).toBe(200);
      expect((await audit('entity=service_site&pageSize=1')).total).toBe(sitesBefore + 1);
    });

    it('refuses a municipal officer’s population or indicators file with a row for another municipality, writing none of it', async () => {
      const officer = await t.as('municipal_officer', 'PAZ19');
      const before = await snapshot();
      const population = rejected(await officer.upload('population', 'two.csv', 'code,year,sex,age_from,age_to,count\nPAZ19,2031,T,0,,70000\nPAZ08,2031,T,0,,1\n'));
      expect(population.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([[3, 'code', 'PAZ08', 'outside_scope']]);
      const indicators = rejected(await officer.upload('indicators', 'two.csv', 'code,year,indicator,value,source\nPAZ19,2031,children_at_risk,5,x\nPAZ,2031,children_at_risk,1,x\n'));
      expect(indicators.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([[3, 'code', 'PAZ', 'outside_scope']]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('files as people have them', () => {
    it('reads an XLSX workbook: numbers, dates, and codes kept with their leading zeros', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Услуги');
      sheet.addRow(SERVICES_HEADER.split(','));
      sheet.addRow(['XLSX-1', 'Център за рехабилитация – Батак', 'bg.therapy_rehabilitation', 'Община Батак', 'public', 2837, 'PAZ03', 2025, 12, 11, 2, 3.5, 0.5, 'state', 'no', new Date(Date.UTC(2022, 8, 15))]);
      sheet.addRow(['XLSX-2', 'Мобилна грижа – Фотиново', 'bg.home_care', 'Община Батак', 'public', '76162', '', 2025, 8, 8, 0, 1, 0, 'project', 'yes', null]);
      sheet.getCell('F2').numFmt = '00000';
      sheet.getCell('P2').numFmt = 'dd.mm.yyyy';
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const res = await admin.upload('services', 'batak.xlsx', bytes);
      expect(res.status).toBe(200);
      expect(res.body.rows).toBe(2);
      const sites = (await admin.get('/api/v1/service-sites?q=XLSX-&pageSize=10')).body.items;
      expect(sites.find((s: { siteKey: string }) => s.siteKey === 'XLSX-1')).toMatchObject({
        name: 'Център за рехабилитация – Батак',
        settlement: { code: '02837', name: 'Батак' },
        serves: [{ code: 'PAZ03' }],
        capacity: 12,
        staffPositions: 3.5,
        staffVacancies: 0.5,
        opened: '2022-09-15',
      });
      expect(sites.find((s: { siteKey: string }) => s.siteKey === 'XLSX-2')).toMatchObject({ settlement: { code: '76162' }, mobile: true, opened: null });
    });

    it('reads a CSV saved as Windows-1251 with semicolons, Cyrillic intact', async () => {
      const text = ['site_id;name;service_type;provider;provider_kind;settlement_code;year;capacity', 'CP1251-1;Дневен център „Слънчоглед“ – Пещера;bg.day_care_children_disability;Сдружение „Шанс“ № 3;ngo;56277;2025;14'].join('\r\n');
      const bytes = cp1251(text);
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const res = await admin.upload('services', 'peshtera.csv', bytes);
      expect(res.status).toBe(200);
      const [site] = (await admin.get('/api/v1/service-sites?q=CP1251-1')).body.items;
      expect(site).toMatchObject({ name: 'Дневен център „Слънчоглед“ – Пещера', provider: 'Сдружение „Шанс“ № 3', providerKind: 'ngo', capacity: 14, settlement: { code: '56277', name: 'Пещера' } });
    });

    it('accepts the translated headers of its own exports (Bulgarian, Polish, English)', async () => {
      for (const [language, header] of [
        ['bg', 'Код,Година,Пол,Възраст от,Възраст до,Брой лица'],
        ['pl', 'Kod,Rok,Płeć,Wiek od,Wiek do,Liczba osób'],
        ['en', 'code,YEAR,Sex,age from,Age to,Persons'],
      ]) {
        const res = await admin.upload('population', `headers-${language}.csv`, `${header}\nPAZ32,2023,T,0,,6500\n`);
        expect([res.status, res.body.rows], language).toEqual([200, 1]);
      }
      const [stored] = await rows<{ count: number }>(t.database.db, sql`select p.count from population p join territory t on t.id = p.territory_id where t.code = 'PAZ32' and p.year = 2023`);
      expect(stored!.count).toBe(6500);
    });

    it('refuses an unreadable file with 400 import.unreadable naming it, and an empty one with 400 import.empty', async () => {
      const before = await snapshot();
      for (const [name, bytes] of [
        ['photo.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])],
        ['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
        ['broken.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('not a real archive at all')])],
      ] as const) {
        const res = await admin.upload('population', name, bytes);
        expect([res.status, res.body.code], name).toEqual([400, 'import.unreadable']);
        expect(res.body.title).toContain(name);
      }
      const notJson = await admin.upload('boundaries', 'map.geojson', '{"type": "FeatureCollection", "features": [');
      expect([notJson.status, notJson.body.code]).toEqual([400, 'import.unreadable']);
      for (const [name, content] of [
        ['nothing.csv', ''],
        ['header-only.csv', 'code,year,sex,age_from,age_to,count\n'],
        ['blank-lines.csv', '\n\n  \n'],
      ] as const) {
        const res = await admin.upload('population', name, content, {}, { 'x-potreby-language': 'bg' });
        expect([res.status, res.body.code], name).toEqual([400, 'import.empty']);
        expect(res.body.title).toBe(`Във файла ${name} няма редове за внасяне.`);
      }
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('official registers', () => {
    it('builds Ukraine’s oblast → raion → hromada → settlement hierarchy from KATOTTG, skipping city districts', async () => {
      const all = readFileSync(join(REFERENCE_DIR, 'ua/katottg-2025-05-16.csv'), 'utf8').split('\r\n');
      // The first 300 lines, and Simferopol's raion, hromada, city and its three districts (lines 998, 1099–1103).
      const lines = [...all.slice(0, 300), all[997]!, ...all.slice(1098, 1103)];
      expect(lines.slice(-3).every((l) => l.split(';')[5] === 'B')).toBe(true);
      // The demonstration already holds the whole codifier: importing a part of it again updates
      // those units and creates none.
      const countUA = async () => ((await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from territory where country = 'UA'`)) as [{ n: number }])[0].n;
      const before = await countUA();
      expect(before).toBeGreaterThan(30_000);
      const res = await admin.upload('territories', 'katottg.csv', lines.join('\r\n') + '\r\n');
      expect(res.status).toBe(200);
      const units = lines.length - 1 - 3;
      expect(res.body).toMatchObject({ format: 'katottg', rows: units + 1, skipped: [{ reason: 'city_districts', count: 3 }] });
      expect(await countUA()).toBe(before);

      const country = (await territoryByCode('UA', 'UA'))!;
      expect(country).toMatchObject({ level: 'country', parent_code: null, name: 'Україна' });
      const oblast = (await territoryByCode('UA', 'UA01000000000013043'))!;
      expect(oblast).toMatchObject({ level: 'region', parent_code: 'UA', name: 'Автономна Республіка Крим' });
      const raion = (await territoryByCode('UA', 'UA01020000000022387'))!;
      expect(raion).toMatchObject({ level: 'district', parent_code: 'UA01000000000013043', name: 'Бахчисарайський' });
      const hromada = (await territoryByCode('UA', 'UA01020010000048857'))!;
      expect(hromada).toMatchObject({ level: 'municipality', parent_code: 'UA01020000000022387', name: 'Андріївська' });
      const village = (await territoryByCode('UA', 'UA01020010010075540'))!;
      expect(village).toMatchObject({ level: 'settlement', parent_code: 'UA01020010000048857', name: 'Андріївка' });
      expect(village.path).toBe(`/${country.id}/${oblast.id}/${raion.id}/${hromada.id}/${village.id}/`);
      expect((await territoryByCode('UA', 'UA01160330010074014'))).toMatchObject({ level: 'settlement', name: 'Сімферополь', parent_code: 'UA01160330000011827' });
      for (const district of ['UA01160330010143565', 'UA01160330010252081', 'UA01160330010375460']) expect(await territoryByCode('UA', district)).toBeUndefined();
      // The hromada's settlements through the API, as the tree shows them.
      const children = await admin.get(`/api/v1/territories?parentId=${hromada.id}`);
      expect(children.body.items.map((c: { name: string }) => c.name)).toEqual(['Андріївка', 'Сонячний']);
    });

    it('reads TERYT TERC: powiat lubelski’s gminas, Bełżyce 0609013 with its town and rural area', async () => {
      const all = readFileSync(join(REFERENCE_DIR, 'pl/teryt-terc-2024-01-01.csv'), 'utf8').split(/\r?\n/);
      const lines = [all[0]!, ...all.filter((l) => l.startsWith('06,,') || l.startsWith('06,09,'))];
      const res = await admin.upload('territories', 'TERC.csv', lines.join('\n'));
      expect(res.status).toBe(200);
      expect(res.body.format).toBe('teryt_terc');
      expect((await territoryByCode('PL', '06'))).toMatchObject({ level: 'region', name: 'lubelskie', parent_code: 'PL' });
      expect((await territoryByCode('PL', '0609'))).toMatchObject({ level: 'district', name: 'lubelski', parent_code: '06' });
      expect((await territoryByCode('PL', '0609013'))).toMatchObject({ level: 'municipality', name: 'Bełżyce', parent_code: '0609' });
      expect((await territoryByCode('PL', '0609014'))).toMatchObject({ level: 'settlement', name: 'Bełżyce', parent_code: '0609013' });
      expect((await territoryByCode('PL', '0609015'))).toMatchObject({ level: 'settlement', name: 'Bełżyce', parent_code: '0609013' });
      const gminas = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from territory t join territory p on p.id = t.parent_id where p.country = 'PL' and p.code = '0609' and t.level = 'municipality'`);
      expect(gminas[0]!.n).toBe(16);
      const parts = await admin.get(`/api/v1/territories?parentId=${(await territoryByCode('PL', '0609013'))!.id}`);
      expect(parts.body.items.map((p: { code: string }) => p.code).sort()).toEqual(['0609014', '0609015']);
    });
  });

  it('lists the imported files with where their figures come from and who imported them', async () => {
    const res = await admin.get('/api/v1/datasets');
    expect(res.status).toBe(200);
    const items = res.body.items as { id: number; kind: string; fileName: string; format: string; source: string | null; importedBy: string; rows: number; illustrative: boolean; country: string | null }[];
    expect(items.map((d) => d.id)).toEqual([...items.map((d) => d.id)].sort((a, b) => b - a));
    expect(items.find((d) => d.fileName === 'paz20-2024.csv' && d.source !== null)).toMatchObject({ kind: 'population', format: 'canonical', source: 'Община Панагюрище, ГРАО', rows: 5, importedBy: adminName, country: 'BG' });
    expect(items.find((d) => d.fileName === 'katottg.csv')).toMatchObject({ kind: 'territories', format: 'katottg', source: 'katottg', country: 'UA', importedBy: adminName });
    expect(items.find((d) => d.fileName === 'paz19.geojson')).toMatchObject({ kind: 'boundaries', source: 'Кадастър, 2025', rows: 1 });
    expect(items.find((d) => d.fileName === 'demo-sites-pazardzhik.csv')).toMatchObject({ kind: 'services', illustrative: true, importedBy: 'system', source: 'Synthetic demonstration data' });
    expect(items.find((d) => d.fileName === 'population-by-age-sex-PAZ-SML-2012-2021.csv')).toMatchObject({ format: 'nsi_population_by_age', rows: 840, importedBy: 'system' });
    // Rejected files left no dataset behind.
    expect(items.some((d) => ['bad.csv', 'big.csv', 'sites.csv', 'photo.csv'].includes(d.fileName))).toBe(false);
  });
});
