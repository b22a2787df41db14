import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../reports/read-document-text';
import { NIEMCE } from '../seed/demo-poland';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';

/**
 * Story 5's last step: the Polish gmina's figures for its assessment of social-assistance
 * resources (OZPS) — entered, checked, audited, refused to those who may not — and the document
 * written from them and from the population data and the service registry.
 */
describe(`the OZPS of a Polish gmina (${ENGINE})`, () => {
  let t: TestApp;
  let niemce: Client;
  const ids: Record<string, number> = {};
  const path = (code: string, year: number) => `/api/v1/municipalities/${ids[code]}/ozps?year=${year}`;
  type Row = { key: string; values: (number | null)[]; forecast: number | null; unit: string };
  const row = (view: { rows: Row[] }, key: string) => view.rows.find((r) => r.key === key)!;
  const document = async (client: Client, year: number, format: 'docx' | 'pdf', lang = '') => {
    const res = await fetch(`${t.url}/api/v1/territories/${ids[NIEMCE]}/documents/pl.ozps/${format}?year=${year}${lang}`, { headers: { cookie: client.cookie ?? '' } });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, body, problem: res.headers.get('content-type')?.includes('json') ? JSON.parse(body.toString('utf8')) : null };
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of [NIEMCE, 'PAZ19']) ids[code] = await t.territoryId(code);
    niemce = await t.as('municipal_officer', NIEMCE);
  });
  afterAll(() => t.close());

  it("shows the demonstration's illustrative figures of 2023–2025 with the forecast of 2026 by the straight line", async () => {
    const res = await niemce.get(path(NIEMCE, 2025));
    expect(res.status).toBe(200);
    expect(res.body.years).toEqual([2023, 2024, 2025]);
    expect(res.body.demo).toBe(true);
    // 402, 388, 371: slope −15.5 a year through their mean 387 → 356.
    expect(row(res.body, 'beneficiaries.families')).toMatchObject({ unit: 'families', values: [402, 388, 371], forecast: 356 });
    expect(row(res.body, 'staff.social_workers')).toMatchObject({ unit: 'fte', values: [9, 9.5, 10], forecast: 10.5 });
    expect(res.body.problems).toEqual([]);
    // A year with one known year before it: figures where entered, blank (never 0) elsewhere, no forecast.
    const later = (await niemce.get(path(NIEMCE, 2027))).body;
    expect(row(later, 'beneficiaries.families')).toMatchObject({ values: [371, null, null], forecast: null });
    expect(later.problems).toEqual([{ code: 'year_empty', year: 2027 }]);
  });

  it('saves changed figures with an audit entry each, removes a figure on null, and points at contradictions', async () => {
    const saved = await niemce.put(path(NIEMCE, 2025), {
      figures: [
        { indicator: 'beneficiaries.families', year: 2025, value: 380 },
        { indicator: 'causes.random_event', year: 2024, value: null },
        { indicator: 'spending.other', year: 2025, value: 500_000 },
      ],
    });
    expect(saved.status).toBe(200);
    expect(row(saved.body, 'beneficiaries.families').values).toEqual([402, 388, 380]);
    expect(row(saved.body, 'causes.random_event').values).toEqual([3, null, 2]);
    // 4,580,000 + 2,980,000 + 500,000 = 8,060,000 > 7,910,000 spent in all.
    expect(saved.body.problems).toEqual([{ code: 'spending_parts', year: 2025, parts: 8_060_000, total: 7_910_000 }]);
    const admin = await t.as('admin');
    const audit = (await admin.get('/api/v1/audit?entity=ozps_figure')).body.items as { action: string; before: { value: number } | null; after: { indicator: string; year: number; value: number } | null }[];
    expect(audit.filter((a) => a.action !== 'seed').map((a) => a.action).sort()).toEqual(['delete', 'update', 'update']);
    expect(audit).toContainEqual(expect.objectContaining({ action: 'update', before: { indicator: 'beneficiaries.families', year: 2025, value: 371 }, after: { indicator: 'beneficiaries.families', year: 2025, value: 380 } }));
    // Saving the same again changes nothing and writes nothing.
    const again = await niemce.put(path(NIEMCE, 2025), { figures: [{ indicator: 'beneficiaries.families', year: 2025, value: 380 }] });
    expect(again.status).toBe(200);
    expect(((await admin.get('/api/v1/audit?entity=ozps_figure')).body.items as unknown[]).length).toBe(audit.length);
    await niemce.put(path(NIEMCE, 2025), { figures: [{ indicator: 'spending.other', year: 2025, value: 350_000 }] });
  });

  it('refuses a bad figure with the reason and changes nothing', async () => {
    const before = (await niemce.get(path(NIEMCE, 2025))).body;
    for (const [figure, message] of [
      [{ indicator: 'beneficiaries.persons', year: 2025, value: 412.5 }, 'whole_number'],
      [{ indicator: 'staff.other', year: 2025, value: 7.125 }, 'too_precise'],
      [{ indicator: 'spending.total', year: 2025, value: -1 }, 'negative'],
      [{ indicator: 'causes.witchcraft', year: 2025, value: 1 }, 'unknown_indicator'],
    ] as const) {
      const res = await niemce.put(path(NIEMCE, 2025), { figures: [{ indicator: 'beneficiaries.families', year: 2025, value: 1 }, figure] });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(message);
    }
    expect((await niemce.get(path(NIEMCE, 2025))).body.rows).toEqual(before.rows);
  });

  it("refuses another municipality's officer and a viewer's change, and tells a Bulgarian municipality the OZPS is Polish", async () => {
    const pazardzhik = await t.as('municipal_officer', 'PAZ19');
    expect((await pazardzhik.get(path(NIEMCE, 2025))).status).toBe(403);
    expect((await pazardzhik.put(path(NIEMCE, 2025), { figures: [{ indicator: 'beneficiaries.families', year: 2025, value: 1 }] })).status).toBe(403);
    const viewer = await t.as('viewer', NIEMCE);
    expect((await viewer.get(path(NIEMCE, 2025))).status).toBe(200);
    expect((await viewer.put(path(NIEMCE, 2025), { figures: [{ indicator: 'beneficiaries.families', year: 2025, value: 1 }] })).status).toBe(403);
    const own = await pazardzhik.get(path('PAZ19', 2025));
    expect(own.status).toBe(409);
    expect(own.body.title).toContain('Polish');
    expect((await t.anonymous().get(path(NIEMCE, 2025))).status).toBe(401);
  });

  it('writes the OZPS in Polish with its legal basis, the figures of each year, the forecast, the population and the institutions; the PDF pages render', async () => {
    const docx = await document(niemce, 2025, 'docx');
    expect(docx.status).toBe(200);
    const text = flatten(readDocx(docx.body).text);
    for (const expected of ['OCENA ZASOBÓW', 'pomocy społecznej', 'za 2025 r.', 'art. 16a ustawy z dnia 12 marca 2004 r. o pomocy społecznej', 'Gmina Niemce', 'Prognoza 2026', 'Przemoc w rodzinie', 'Bezradność w sprawach opiekuńczo-wychowawczych', 'Kierownik ośrodka pomocy społecznej', 'Ludność ogółem', 'Dane demonstracyjne — liczby przykładowe'])
      expect(text).toContain(expected);
    expect(text).toMatch(/Rodziny objęte pomocą rodziny 402 388 380/);
    expect(text).toMatch(/Wydatki na pomoc społeczną ogółem zł 6\s850\s000\szł 7\s320\s000\szł 7\s910\s000\szł/);
    // Population: 2023's own figure; 2025 has none of its own and says whose year it shows.
    expect(text).toMatch(/Ludność ogółem 22\s039 .*\(stan z 2023 r\.\)/);
    for (const letter of ['ą', 'ę', 'ł', 'ó', 'ś', 'ż']) expect(text).toContain(letter);
    // The charts: families and spending over the years and the forecast, each in its unit.
    expect(text).toContain('Rodziny objęte pomocą w kolejnych latach (rodziny)');
    expect(text).toContain('Wydatki na pomoc społeczną w kolejnych latach (zł)');
    expect(text).toMatch(/█+ 380/);
    const pdf = await document(niemce, 2025, 'pdf');
    expect(pdf.status).toBe(200);
    const read = readPdf(pdf.body);
    expect(flatten(read.text)).toContain('OCENA ZASOBÓW');
    expect(flatten(read.text)).toContain('Rodziny objęte pomocą w kolejnych latach (rodziny)');
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'potreby-ozps-'));
    try {
      writeFileSync(join(dir, 'ozps.pdf'), pdf.body);
      execFileSync('pdftoppm', ['-r', '30', '-png', join(dir, 'ozps.pdf'), join(dir, 'page')]);
      expect(readdirSync(dir).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const english = await document(niemce, 2025, 'docx', '&lang=en');
    expect(flatten(readDocx(english.body).text)).toContain('Art. 16a of the Act of 12 March 2004 on social assistance');
  });

  it('says where to enter the figures when the year has none', async () => {
    const res = await document(niemce, 2027, 'pdf');
    expect(res.status).toBe(409);
    expect(res.problem.title).toBe('Niemce (0609112) has no figures of its assessment of social-assistance resources (OZPS) for 2027. Enter them under OZPS, with the year set to 2027.');
  });
});
