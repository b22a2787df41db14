import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/database';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { serviceType } from './tables';

type Type = { key: string; country: string; officialCode: string | null; name: string; nameEn: string; translations?: Record<string, string>; retiredAt?: string | null; unit: string };
type AuditItem = { action: string; entityId: string | null; country: string | null; before: any; after: any };

const HEADER = 'key,country,official_code,name,name_en,category,residential,unit,target_groups';
const respite = {
  key: 'bg.respite_care',
  country: 'BG',
  officialCode: 'BG-RC-1',
  names: { bg: 'Временна грижа', en: 'Respite care' },
  category: 'specialised',
  residential: false,
  unit: 'places',
  targetGroups: ['older_people', 'persons_with_dementia'],
};

/** The service catalogue kept by administrators: add, rename, retire, import — each audited. */
describe(`service catalogue (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;

  const catalogue = async (country = 'BG'): Promise<Type[]> => (await admin.get(`/api/v1/service-types?country=${country}`)).body.items;
  const typeOf = async (key: string) => (await catalogue(key.slice(0, 2).toUpperCase())).find((s) => s.key === key);
  const audit = async (n = 5): Promise<AuditItem[]> => (await admin.get(`/api/v1/audit?entity=service_type&pageSize=${n}`)).body.items;
  const rejected = (res: { status: number; body: any }) => {
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('import.rejected');
    return res.body.errors as { row: number; column: string | null; code: string; message: string }[];
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  it('the OpenAPI document describes the catalogue routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['/api/v1/service-types', '/api/v1/service-types/{key}', '/api/v1/service-types/{key}/retire', '/api/v1/service-types/{key}/unretire']) expect(doc.paths[path], path).toBeDefined();
    expect(doc.paths['/api/v1/service-types'].post.requestBody).toBeDefined();
  });

  it('an administrator adds a type: offered in its country, audited with what was added', async () => {
    const res = await admin.post('/api/v1/service-types', respite);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ key: 'bg.respite_care', officialCode: 'BG-RC-1', name: 'Временна грижа', nameEn: 'Respite care', retiredAt: null });
    const listed = await catalogue();
    expect(listed.at(-1)!.key).toBe('bg.respite_care');
    const [entry] = await audit(1);
    expect(entry).toMatchObject({ action: 'create', entityId: 'bg.respite_care', before: null, after: { name: 'Временна грижа', officialCode: 'BG-RC-1' } });
  });

  it('refuses a second type with the same key or the same official code in the country, and a key of another country', async () => {
    expect((await admin.post('/api/v1/service-types', respite)).body).toMatchObject({ code: 'conflict.duplicate' });
    const sameCode = await admin.post('/api/v1/service-types', { ...respite, key: 'bg.respite_two' });
    expect(sameCode.status).toBe(409);
    expect(sameCode.body.detail ?? sameCode.body.title).toContain('bg.respite_care');
    // The same code in another country is another country's business.
    expect((await admin.post('/api/v1/service-types', { ...respite, key: 'pl.respite_test', country: 'PL', names: { pl: 'Opieka wytchnieniowa', en: 'Respite care' } })).status).toBe(200);
    const wrong = await admin.post('/api/v1/service-types', { ...respite, key: 'ua.respite_care' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.issues).toContainEqual(expect.objectContaining({ path: 'key', message: 'wrong_country' }));
  });

  it('renames a type in any language and changes its code: before and after in the audit log', async () => {
    const res = await admin.put('/api/v1/service-types/bg.respite_care', { names: { bg: 'Краткосрочна грижа', uk: 'Короткостроковий догляд' }, officialCode: 'BG-RC-2' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ name: 'Краткосрочна грижа', nameEn: 'Respite care', officialCode: 'BG-RC-2', translations: { uk: 'Короткостроковий догляд' } });
    const [entry] = await audit(1);
    expect(entry).toMatchObject({ action: 'update', entityId: 'bg.respite_care', before: { name: 'Временна грижа', officialCode: 'BG-RC-1' }, after: { name: 'Краткосрочна грижа', officialCode: 'BG-RC-2' } });
    // A seeded type too: the administrator's words win over the reference file's.
    expect((await admin.put('/api/v1/service-types/bg.home_care', { names: { bg: 'Домашни грижи (патронаж)' } })).status).toBe(200);
  });

  it('the unit of a type that sites count in cannot change', async () => {
    const res = await admin.put('/api/v1/service-types/bg.home_care', { unit: 'places' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('conflict.in_use');
    expect((await typeOf('bg.home_care'))!.unit).toBe('persons_per_year');
  });

  it('retires a type (marked in the catalogue, audited) and offers it again', async () => {
    const retired = await admin.post('/api/v1/service-types/bg.respite_care/retire');
    expect(retired.status).toBe(200);
    expect(retired.body.retiredAt).toEqual(expect.any(String));
    expect((await typeOf('bg.respite_care'))!.retiredAt).toBe(retired.body.retiredAt);
    expect((await audit(1))[0]).toMatchObject({ action: 'update', before: { retiredAt: null }, after: { retiredAt: expect.any(String) } });
    const back = await admin.post('/api/v1/service-types/bg.respite_care/unretire');
    expect(back.body.retiredAt).toBeNull();
    expect((await admin.post('/api/v1/service-types/bg.nothing/retire')).status).toBe(404);
  });

  it('a type in use is retired, not removed: its sites stay listed with it', async () => {
    const retired = await admin.post('/api/v1/service-types/bg.home_care/retire');
    expect(retired.status).toBe(200);
    const paz = await t.territoryId('PAZ');
    const sites = (await admin.get(`/api/v1/service-sites?territoryId=${paz}&serviceType=bg.home_care&pageSize=100`)).body;
    expect(sites.items.length).toBeGreaterThan(0);
    expect(sites.items.every((s: { serviceType: string }) => s.serviceType === 'bg.home_care')).toBe(true);
    // Past figures keep it: the gap dashboard still has its row.
    const gaps = (await admin.get(`/api/v1/gaps?territoryId=${paz}`)).body;
    expect(gaps.rows.some((r: { serviceType: string }) => r.serviceType === 'bg.home_care')).toBe(true);
  });

  it('bringing the database up to date again neither offers a retired type again nor undoes a rename', async () => {
    await migrate(t.database);
    const homeCare = (await t.database.db.select().from(serviceType).where(eq(serviceType.key, 'bg.home_care')))[0]!;
    expect(homeCare.name).toBe('Домашни грижи (патронаж)');
    expect(homeCare.retiredAt).not.toBeNull();
    expect((await typeOf('bg.respite_care'))!.name).toBe('Краткосрочна грижа');
  });

  it('nobody but a national administrator changes the catalogue: every route and the import refuse', async () => {
    const others = [await t.as('agency', 'BG'), await t.as('regional_officer', 'PAZ'), await t.as('municipal_officer', 'PAZ19'), await t.as('provider', 'PAZ19', 'X'), await t.as('viewer', 'PAZ')];
    const before = await catalogue();
    for (const c of others) {
      expect((await c.post('/api/v1/service-types', { ...respite, key: 'bg.sneaky', officialCode: null })).status).toBe(403);
      expect((await c.put('/api/v1/service-types/bg.day_care_elderly', { names: { bg: 'Хакнато' } })).status).toBe(403);
      expect((await c.post('/api/v1/service-types/bg.day_care_elderly/retire')).status).toBe(403);
      expect((await c.post('/api/v1/service-types/bg.home_care/unretire')).status).toBe(403);
      expect((await c.upload('service-types', 'types.csv', `${HEADER}\nbg.sneaky,BG,,Хакнато,Hacked,specialised,no,places,all\n`)).status).toBe(403);
      // Reading it is everyone's.
      expect((await c.get('/api/v1/service-types?country=BG')).status).toBe(200);
    }
    expect(await catalogue()).toEqual(before);
    expect((await t.anonymous().post('/api/v1/service-types', respite)).status).toBe(401);
  });

  it('imports a file all or nothing: one bad row and no type is added or renamed, every error named by row and column', async () => {
    const before = await catalogue();
    const file = [
      HEADER,
      'bg.family_mediation,BG,BG-FM-1,Семейна медиация,Family mediation,family_support,no,persons_per_year,families_with_children',
      'bg.day_care_elderly,BG,,Дневен център за възрастни,Day care centre for older people,specialised,no,places,older_people',
      'bg.family_mediation,BG,,Повторен,Repeated,other,no,places,all',
      'ua.something,BG,BG-RC-2,Нещо,Something,wellness,maybe,hours,cats',
    ].join('\n');
    const errors = rejected(await admin.upload('service-types', 'types.csv', file));
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'key', 'duplicate_row'],
      [5, 'key', 'wrong_country'],
      [5, 'category', 'invalid_choice'],
      [5, 'residential', 'not_yes_no'],
      [5, 'unit', 'invalid_choice'],
      [5, 'target_groups', 'invalid_choice'],
    ]);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await catalogue()).toEqual(before);

    // An official code another type holds is named with that type.
    const taken = rejected(await admin.upload('service-types', 'types.csv', `${HEADER}\nbg.family_mediation,BG,BG-RC-2,Семейна медиация,Family mediation,family_support,no,persons_per_year,families_with_children\n`));
    expect(taken).toEqual([expect.objectContaining({ row: 2, column: 'official_code', code: 'official_code_taken', message: expect.stringContaining('bg.respite_care') })]);
  });

  it('imports a good XLSX file: adds and renames types, audited type by type and as one import', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('types');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['bg.family_mediation', 'BG', 'BG-FM-1', 'Семейна медиация', 'Family mediation', 'family_support', 'no', 'persons_per_year', 'families_with_children']);
    sheet.addRow(['bg.day_care_elderly', 'BG', '', 'Дневен център за възрастни', 'Day care centre for older people', 'specialised', 'no', 'places', 'older_people']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await admin.upload('service-types', 'types.xlsx', bytes, { country: 'BG' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ kind: 'service-types', rows: 2, format: 'canonical' });
    expect(await typeOf('bg.family_mediation')).toMatchObject({ officialCode: 'BG-FM-1', name: 'Семейна медиация', retiredAt: null });
    expect((await typeOf('bg.day_care_elderly'))!.name).toBe('Дневен център за възрастни');
    const entries = await audit(3);
    expect(entries.map((e) => [e.action, e.entityId === String(res.body.datasetId) ? 'dataset' : e.entityId])).toEqual([
      ['import', 'dataset'],
      ['update', 'bg.day_care_elderly'],
      ['create', 'bg.family_mediation'],
    ]);
    expect(entries[0]!.after).toMatchObject({ added: ['bg.family_mediation'], changed: ['bg.day_care_elderly'] });
    // `--country BG`: a Polish row does not belong in the file.
    const foreign = rejected(await admin.upload('service-types', 'types.csv', `${HEADER}\npl.x,PL,,X,X,other,no,places,all\n`, { country: 'BG' }));
    expect(foreign).toEqual([expect.objectContaining({ row: 2, column: 'country', code: 'wrong_country' })]);
  });
});
