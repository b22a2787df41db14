import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../config';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

/** Pazardzhik province's municipalities, by name (reference/README.md). */
const PAZ_MUNICIPALITIES = ['PAZ03', 'PAZ04', 'PAZ06', 'PAZ08', 'PAZ14', 'PAZ19', 'PAZ20', 'PAZ21', 'PAZ24', 'PAZ29', 'PAZ32', 'PAZ39'];

type Band = { ageFrom: number; ageTo: number | null; female: number; male: number };

/** NSI's table of a province (reference/bg/population-by-age-sex-PAZ-SML-2012-2021.csv): total row and bands of one year. */
function nsiTable(province: string, year: number): { total: number; female: number; male: number; bands: Band[] } {
  const lines = readFileSync(join(REFERENCE_DIR, 'bg/population-by-age-sex-PAZ-SML-2012-2021.csv'), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
  const header = lines[0]!.split(',');
  const col = (suffix: string) => header.indexOf(`${year}_${suffix}`);
  const start = lines.findIndex((l) => l.startsWith(`${province},`));
  const cells = (line: string) => line.split(',');
  const totalRow = cells(lines[start]!);
  const bands: Band[] = [];
  for (const line of lines.slice(start + 1)) {
    const c = cells(line);
    const age = /^(\d+)(?: - (\d+)|\+)$/.exec(c[0]!);
    if (!age) break;
    bands.push({ ageFrom: Number(age[1]), ageTo: age[2] ? Number(age[2]) : null, female: Number(c[col('F')]), male: Number(c[col('M')]) });
  }
  return { total: Number(totalRow[col('T')]), female: Number(totalRow[col('F')]), male: Number(totalRow[col('M')]), bands };
}

/** A municipality's 2013 population: its settlements in reference/bg/settlements-population-2013.csv (first line of each code, as the seed does). */
function settlements2013(municipality: string): number {
  const seen = new Set<string>();
  let total = 0;
  for (const line of readFileSync(join(REFERENCE_DIR, 'bg/settlements-population-2013.csv'), 'utf8').split(/\r?\n/).slice(1)) {
    const [ekatte, code, , , , population] = line.split(',');
    if (!ekatte || seen.has(ekatte)) continue;
    seen.add(ekatte);
    if (code === municipality) total += Number(population);
  }
  return total;
}

const sum = (bands: Band[]) => bands.reduce((s, b) => s + b.female + b.male, 0);

describe(`territories and population (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    for (const code of ['BG', 'PAZ', 'SML', 'PAZ19', 'PAZ20', 'PAZ03', '55155', '55302']) ids[code] = await t.territoryId(code);
  });
  afterAll(() => t.close());

  it('starts at the top of each account’s reach', async () => {
    const top = await admin.get('/api/v1/territories');
    // The demonstration's three countries by code, each with its regions: 28 Bulgarian provinces,
    // Poland's 16 voivodeships, and Ukraine's 24 oblasts, Crimea, Kyiv and Sevastopol (KATOTTG's O
    // and K units).
    expect(top.body.items.map((i: { code: string; level: string; childCount: number }) => [i.code, i.level, i.childCount])).toEqual([
      ['BG', 'country', 28],
      ['PL', 'country', 16],
      ['UA', 'country', 27],
    ]);
    const regional = await t.as('regional_officer', 'PAZ');
    const own = await regional.get('/api/v1/territories');
    expect(own.body.items.map((i: { code: string }) => i.code)).toEqual(['PAZ']);
    expect(own.body.items[0].childCount).toBe(12);
    // Another province's children are outside its reach: an empty list, not someone else's units.
    expect((await regional.get(`/api/v1/territories?parentId=${ids.SML}`)).body.items).toEqual([]);
  });

  it('lists the 12 municipalities of Pazardzhik province as its children, by name', async () => {
    const res = await admin.get(`/api/v1/territories?parentId=${ids.PAZ}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { code: string }) => i.code)).toEqual(PAZ_MUNICIPALITIES);
    for (const item of res.body.items) {
      expect(item).toMatchObject({ level: 'municipality', parentId: ids.PAZ, country: 'BG' });
      expect(item.childCount).toBeGreaterThan(0);
    }
    expect(res.body.items.find((i: { code: string }) => i.code === 'PAZ20').name).toBe('Панагюрище');
    // The settlements of Batak municipality (EKATTE; reference/bg/settlements-population-2013.csv).
    const batak = await admin.get(`/api/v1/territories?parentId=${ids.PAZ03}`);
    expect(batak.body.items.map((i: { code: string }) => i.code).sort()).toEqual(['02837', '51874', '76162']);
    expect(batak.body.items.every((i: { level: string; childCount: number }) => i.level === 'settlement' && i.childCount === 0)).toBe(true);
  });

  it('finds units by name, larger units first, and by the start of their code', async () => {
    const byName = await admin.get(`/api/v1/territories?q=${encodeURIComponent('Панагюрище')}`);
    expect(byName.body.items.map((i: { code: string; level: string }) => [i.code, i.level])).toEqual([
      ['PAZ20', 'municipality'],
      ['55302', 'settlement'],
    ]);
    // As people type it: lower case.
    const lowerCase = await admin.get(`/api/v1/territories?q=${encodeURIComponent('панагюрище')}`);
    expect(lowerCase.body.items.map((i: { code: string }) => i.code)).toEqual(['PAZ20', '55302']);
    const byEnglishName = await admin.get('/api/v1/territories?q=panagyurishte');
    expect(byEnglishName.body.items.map((i: { code: string }) => i.code)).toContain('55302');
    const byCode = await admin.get('/api/v1/territories?q=PAZ2');
    expect(byCode.body.items.map((i: { code: string }) => i.code)).toEqual(['PAZ20', 'PAZ21', 'PAZ24', 'PAZ29']);
    const byEkatte = await admin.get('/api/v1/territories?q=55155');
    expect(byEkatte.body.items.map((i: { code: string; name: string }) => [i.code, i.name])).toEqual([['55155', 'Пазарджик']]);
    // Within a level and a country only.
    const provinces = await admin.get(`/api/v1/territories?q=${encodeURIComponent('Пазарджик')}&level=region`);
    expect(provinces.body.items.map((i: { code: string }) => i.code)).toEqual(['PAZ']);
    const tooShort = await admin.get('/api/v1/territories?q=P');
    expect([tooShort.status, tooShort.body.issues[0].path]).toEqual([400, 'q']);
  });

  it('gives a unit with its ancestors from the country down and its latest population', async () => {
    const res = await admin.get(`/api/v1/territories/${ids['55155']}`);
    expect(res.status).toBe(200);
    expect(res.body.territory).toMatchObject({ code: '55155', name: 'Пазарджик', nameEn: 'Pazardzhik', level: 'settlement', parentId: ids.PAZ19, childCount: 0 });
    expect(res.body.territory.lat).toBeCloseTo(42.19, 1);
    expect(res.body.territory.lon).toBeCloseTo(24.33, 1);
    expect(res.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['BG', 'PAZ', 'PAZ19']);
    expect(res.body.populationYears).toEqual([2021, 2020, 2019, 2018, 2017, 2016, 2015, 2014, 2013, 2012]);

    const province = await admin.get(`/api/v1/territories/${ids.PAZ}`);
    expect(province.body.ancestors.map((a: { code: string }) => a.code)).toEqual(['BG']);
    expect(province.body.population).toEqual({ year: 2021, value: 227_625, how: 'direct', dataYear: 2021 });
    expect(province.body.territory.childCount).toBe(12);
    expect((await admin.get('/api/v1/territories/99999999')).status).toBe(404);
  });

  it('shows the pyramid of Pazardzhik province for 2021 from its own NSI table: women and men add up to 227,625', async () => {
    const res = await admin.get(`/api/v1/territories/${ids.PAZ}/population?year=2021`);
    expect(res.status).toBe(200);
    const nsi = nsiTable('Pazardzhik', 2021);
    expect(nsi.total).toBe(227_625);
    expect(res.body).toMatchObject({ territoryId: ids.PAZ, year: 2021, how: 'direct', dataYear: 2021, from: null });
    expect(res.body.bands).toEqual(nsi.bands);
    expect(res.body.bands).toHaveLength(21);
    expect(res.body.bands.at(-1)).toMatchObject({ ageFrom: 100, ageTo: null });
    expect(sum(res.body.bands)).toBe(227_625);
    expect(res.body.bands.reduce((s: number, b: Band) => s + b.female, 0)).toBe(nsi.female);
    expect(res.body.sources).toEqual([expect.objectContaining({ fileName: 'population-by-age-sex-PAZ-SML-2012-2021.csv', illustrative: false, source: expect.stringContaining('NSI') })]);
    // Without a year: the latest; an earlier year gives that year's table.
    expect((await admin.get(`/api/v1/territories/${ids.PAZ}/population`)).body.year).toBe(2021);
    const y2013 = await admin.get(`/api/v1/territories/${ids.PAZ}/population?year=2013`);
    expect(sum(y2013.body.bands)).toBe(nsiTable('Pazardzhik', 2013).total);
  });

  it('apportions Batak’s pyramid from the province: PAZ 2021 × Batak’s 2013 share of PAZ’s municipalities', async () => {
    const res = await admin.get(`/api/v1/territories/${ids.PAZ03}/population?year=2021`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ how: 'apportioned', dataYear: 2021, from: { id: ids.PAZ, code: 'PAZ' } });
    const own2013 = settlements2013('PAZ03');
    // The share is of the municipalities' 2013 totals added up, the same source as Batak's own
    // (not NSI's revised province total, which differs): all twelve shares add up to one.
    const paz2013 = PAZ_MUNICIPALITIES.reduce((s, code) => s + settlements2013(code), 0);
    const share = own2013 / paz2013;
    expect(own2013).toBe(3121 + 2060 + 649);
    expect(sum(res.body.bands)).toBeCloseTo(227_625 * share, 6);
    // Every band is the province's band scaled by the same share.
    const province = nsiTable('Pazardzhik', 2021).bands;
    res.body.bands.forEach((b: Band, i: number) => {
      expect(b.female).toBeCloseTo(province[i]!.female * share, 6);
      expect(b.male).toBeCloseTo(province[i]!.male * share, 6);
    });
    // The detail page says the same.
    const detail = await admin.get(`/api/v1/territories/${ids.PAZ03}`);
    expect(detail.body.population.how).toBe('apportioned');
    expect(detail.body.population.value).toBeCloseTo(227_625 * share, 6);
  });

  it('reads back imported indicators with their source and date', async () => {
    const file = [
      'code,year,indicator,value,source,source_date',
      'PAZ19,2023,persons_with_disability,4120,Агенция за хората с увреждания,2024-01-15',
      'PAZ19,2023,older_living_alone,2875.5,"Анкета на общината, 2023",',
      'PAZ19,2022,persons_with_disability,3990,Агенция за хората с увреждания,2023-01-10',
      'PAZ20,2023,children_at_risk,57,Дирекция „Социално подпомагане“ Панагюрище,2024-02-01',
    ].join('\n');
    const imported = await admin.upload('indicators', 'indicators.csv', file);
    expect([imported.status, imported.body.rows]).toEqual([200, 4]);
    const res = await admin.get(`/api/v1/territories/${ids.PAZ19}/indicators`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { indicator: 'older_living_alone', year: 2023, value: 2875.5, source: 'Анкета на общината, 2023', sourceDate: null },
      { indicator: 'persons_with_disability', year: 2023, value: 4120, source: 'Агенция за хората с увреждания', sourceDate: '2024-01-15' },
      { indicator: 'persons_with_disability', year: 2022, value: 3990, source: 'Агенция за хората с увреждания', sourceDate: '2023-01-10' },
    ]);
    const panagyurishte = await admin.get(`/api/v1/territories/${ids.PAZ20}/indicators`);
    expect(panagyurishte.body.items).toEqual([{ indicator: 'children_at_risk', year: 2023, value: 57, source: 'Дирекция „Социално подпомагане“ Панагюрище', sourceDate: '2024-02-01' }]);
    expect((await admin.get(`/api/v1/territories/${ids.SML}/indicators`)).body.items).toEqual([]);
  });
});
