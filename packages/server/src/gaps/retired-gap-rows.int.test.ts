import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import type { TGapMatrix } from './gap-matrix-schema';

/** A type with sites in the demonstration data of Pazardzhik province. */
const WITH_SITES = 'bg.day_care_elderly';
/** Types an administrator adds: one gets a norm before it is retired, the other nothing. */
const WITH_NORM = 'bg.test_retired_normed';
const UNUSED = 'bg.test_retired_unused';

const newType = (key: string, names: Record<string, string>) => ({
  key,
  country: 'BG',
  officialCode: null,
  names,
  category: 'specialised',
  residential: false,
  unit: 'places',
  targetGroups: ['older_people'],
});

/**
 * A retired type is offered no more: the gap dashboard and its matrix leave it out, unless a norm
 * or a site of the year still has it (those figures stay). Names an administrator gave are those
 * of the matrix's export.
 */
describe(`retired service types on the gap dashboard (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let paz: number;

  const matrixTypes = async () => {
    const res = await admin.get(`/api/v1/gaps/matrix?territoryId=${paz}&method=normative`);
    expect(res.status, res.text).toBe(200);
    return (res.body as TGapMatrix).serviceTypes.map((s) => s.key);
  };
  const rowTypes = async () => {
    const res = await admin.get(`/api/v1/gaps?territoryId=${paz}&method=normative`);
    expect(res.status, res.text).toBe(200);
    return (res.body.rows as { serviceType: string }[]).map((r) => r.serviceType);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    paz = await t.territoryId('PAZ');
    const bg = await t.territoryId('BG');
    for (const [key, names] of [
      [WITH_NORM, { bg: 'Изпитателна услуга с норматив', en: 'Test service with a norm', uk: 'Випробувальна послуга з нормативом' }],
      [UNUSED, { bg: 'Неизползвана услуга', en: 'Unused service' }],
    ] as const) {
      const created = await admin.post('/api/v1/service-types', newType(key, names));
      expect(created.status, created.text).toBe(200);
    }
    const norm = await admin.put('/api/v1/norms', { serviceType: WITH_NORM, territoryId: bg, target: { kind: 'population', sex: 'T', age: { from: 65, to: null } }, ratePer1000: 3, source: null, illustrative: true });
    expect(norm.status, norm.text).toBe(200);
  });
  afterAll(() => t.close());

  it('while offered, every type of the country is a column of the matrix, the one with a norm a row of the dashboard', async () => {
    expect(await matrixTypes()).toEqual(expect.arrayContaining([WITH_SITES, WITH_NORM, UNUSED]));
    expect(await rowTypes()).toEqual(expect.arrayContaining([WITH_SITES, WITH_NORM]));
  });

  it('the export names a type by the name an administrator gave in the reader’s language', async () => {
    const res = await fetch(`${t.url}/api/v1/exports/gaps/csv?territoryId=${paz}&lang=uk`, { headers: { cookie: admin.cookie! } });
    expect(res.status).toBe(200);
    const text = new TextDecoder().decode(await res.arrayBuffer()).replace(/^\uFEFF/, '');
    const cells = parseCsv(text).flat();
    expect(cells).toContain('Випробувальна послуга з нормативом');
    expect(cells).not.toContain('Test service with a norm');
  });

  it('once retired, a type without norms or sites is left out; one with a norm or sites stays', async () => {
    for (const key of [WITH_SITES, WITH_NORM, UNUSED]) expect((await admin.post(`/api/v1/service-types/${key}/retire`)).status).toBe(200);
    const columns = await matrixTypes();
    expect(columns).not.toContain(UNUSED);
    expect(columns).toEqual(expect.arrayContaining([WITH_SITES, WITH_NORM]));
    const rows = await rowTypes();
    expect(rows).toEqual(expect.arrayContaining([WITH_SITES, WITH_NORM]));
    expect(rows).not.toContain(UNUSED);
    // Offered again, it is back.
    expect((await admin.post(`/api/v1/service-types/${UNUSED}/unretire`)).status).toBe(200);
    expect(await matrixTypes()).toContain(UNUSED);
  });
});
