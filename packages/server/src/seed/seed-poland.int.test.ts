import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessment } from '../assessments/tables';
import { norm } from '../norms/tables';
import { dataset, population } from '../population/tables';
import { serviceSite } from '../service-sites/tables';
import { questionnaire, response } from '../surveys/tables';
import { territory } from '../territories/tables';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { NIEMCE, NIEMCE_ANSWERS_PER_GROUP, NIEMCE_SITES, NIEMCE_YEAR } from './demo-poland';
import { gminaTotals } from './seed-poland';

/**
 * The Polish demonstration (issue 9, point 4): Poland's real TERYT units and Lubelskie's real
 * population, and gmina Niemce's illustrative diagnosis of needs and potential, marked so.
 */
describe(`the Polish demonstration (${ENGINE})`, () => {
  let t: TestApp;
  let officer: Client;
  let niemce: number;

  beforeAll(async () => {
    t = await startTestApp();
    niemce = await t.territoryId(NIEMCE);
    officer = await t.as('municipal_officer', NIEMCE);
  });
  afterAll(() => t.close());

  it('has the TERYT tree: 16 voivodeships, powiat lubelski with its 16 gminas, Lublin a city powiat of its own', async () => {
    const { db } = t.database;
    const units = await db.select({ code: territory.code, name: territory.name, level: territory.level, path: territory.path }).from(territory).where(eq(territory.country, 'PL'));
    expect(units.filter((u) => u.level === 'region')).toHaveLength(16);
    expect(units.find((u) => u.code === '06')).toMatchObject({ name: 'lubelskie', level: 'region' });
    const powiat = units.find((u) => u.code === '0609')!;
    expect(powiat).toMatchObject({ name: 'lubelski', level: 'district' });
    const gminas = units.filter((u) => u.level === 'municipality' && u.path.startsWith(powiat.path));
    expect(gminas).toHaveLength(16);
    expect(gminas.find((g) => g.code === NIEMCE)?.name).toBe('Niemce');
    expect(units.find((u) => u.code === '0663011')).toMatchObject({ name: 'Lublin', level: 'municipality' });
    // Every gmina of Poland (2,477 on 1 January 2024), not only Lubelskie's.
    expect(units.filter((u) => u.level === 'municipality')).toHaveLength(2477);
  });

  it("gives Niemce's population of 2020–2023 exactly as the reference file", async () => {
    const expected = gminaTotals().find((g) => g.code === NIEMCE)!;
    const rows = await t.database.db.select().from(population).where(eq(population.territoryId, niemce));
    const sum = (year: number, sex: string) => rows.filter((r) => r.year === year && r.sex === sex).reduce((s, r) => s + r.count, 0);
    expect(sum(2020, 'T')).toBe(Number(expected['2020_T']));
    expect(sum(2020, 'M')).toBe(Number(expected['2020_M']));
    expect(sum(2020, 'F')).toBe(Number(expected['2020_F']));
    // 2020 by 5-year band (18 bands, 85+ open), 2021–2023 as totals.
    expect(rows.filter((r) => r.year === 2020 && r.sex === 'T')).toHaveLength(18);
    for (const year of [2021, 2022, 2023] as const) expect(sum(year, 'T')).toBe(Number(expected[`${year}_T`]));
    expect(expected['2023_T']).toBe('22039');
    // The territory page shows the latest total, from the table itself.
    const { body } = await officer.get(`/api/v1/territories/${niemce}`);
    expect(body.population).toMatchObject({ value: 22039 });
  });

  it('has the boundaries of the 16 gminas of powiat lubelski and of Lublin city', async () => {
    const viewer = await t.as('viewer', '06');
    const { status, body } = await viewer.get(`/api/v1/geo/boundaries?territoryId=${await t.territoryId('0609')}`);
    expect(status).toBe(200);
    expect(body.features).toHaveLength(16);
    const [row] = await t.database.db.select().from(dataset).where(and(eq(dataset.kind, 'boundaries'), eq(dataset.country, 'PL')));
    expect(row?.rows).toBe(17);
  });

  it("has the CUS's illustrative diagnosis with its team, plan, methods, groups and findings, in Polish", async () => {
    const list = (await officer.get(`/api/v1/assessments?territoryId=${niemce}`)).body.items as { id: number; title: string }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.title).toMatch(/^Diagnoza potrzeb i potencjału .* \(demonstracja\)$/);
    const { body } = await officer.get(`/api/v1/assessments/${list[0]!.id}`);
    expect(body).toMatchObject({ language: 'pl', status: 'analysing' });
    expect(body.members.length).toBeGreaterThanOrEqual(4);
    for (const m of body.members) expect(m.name).toMatch(/\(ilustracyjnie\)$/);
    expect(body.measures.length).toBeGreaterThanOrEqual(5);
    expect(body.methods.map((m: { method: string }) => m.method).sort()).toEqual(['administrative_data', 'focus_group', 'interview', 'questionnaire']);
    expect(body.groups.map((g: { key: string }) => g.key).sort()).toEqual(Object.keys(NIEMCE_ANSWERS_PER_GROUP).sort());
    expect(body.findings.length).toBeGreaterThanOrEqual(3);
    const [stored] = await t.database.db.select().from(assessment).where(eq(assessment.id, list[0]!.id));
    expect(stored?.demo).toBe(true);
  });

  it('has a short questionnaire in Polish and English with illustrative answers of every group', async () => {
    const { db } = t.database;
    const [a] = await db.select().from(assessment).where(eq(assessment.territoryId, niemce));
    const [q] = await db.select().from(questionnaire).where(eq(questionnaire.assessmentId, a!.id));
    expect(q?.demo).toBe(true);
    const answers = await db.select().from(response).where(eq(response.questionnaireId, q!.id));
    const total = Object.values(NIEMCE_ANSWERS_PER_GROUP).reduce((s, n) => s + n, 0);
    expect(answers).toHaveLength(total);
    expect(answers.every((r) => r.demo)).toBe(true);
    const progress = (await officer.get(`/api/v1/assessments/${a!.id}/progress`)).body;
    expect(JSON.stringify(progress)).toContain('Seniorzy');
    const { body } = await officer.get(`/api/v1/questionnaires/${q!.id}`);
    const text = JSON.stringify(body);
    expect(text).toContain('usług opiekuńczych');
    expect(text).toContain('care services');
  });

  it("answers the gmina's gap dashboard with need and capacity for the Polish services, all illustrative", async () => {
    const { status, body } = await officer.get(`/api/v1/gaps?territoryId=${niemce}`);
    expect(status).toBe(200);
    expect(body.year).toBe(2025);
    const rows = body.rows as { serviceType: string; need: number | null; capacity: number }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.serviceType.startsWith('pl.'))).toBe(true);
    // Care services: 25 per 1,000 people of 65+ (2,941 in 2020, the only year by age).
    const care = rows.find((r) => r.serviceType === 'pl.care_services');
    expect(care?.capacity).toBe(60);
    expect(care?.need).toBeCloseTo((25 * 2941) / 1000, 6);
    // Day support centres: needed, none in the gmina — the gap the demonstration shows.
    expect(rows.find((r) => r.serviceType === 'pl.day_support_centre')).toMatchObject({ capacity: 0 });
    // The diagnosis's answers give a survey-based need as well, in its year.
    const survey = await officer.get(`/api/v1/gaps?territoryId=${niemce}&method=survey&year=${NIEMCE_YEAR}`);
    expect(survey.status).toBe(200);
    expect((survey.body.rows as { serviceType: string; need: number | null }[]).find((r) => r.serviceType === 'pl.care_services')?.need).toBeGreaterThan(0);

    const { db } = t.database;
    const sites = await db.select().from(serviceSite).where(eq(serviceSite.country, 'PL'));
    expect(sites).toHaveLength(NIEMCE_SITES.length);
    expect(sites.every((s) => s.demo)).toBe(true);
    const [country] = await db.select().from(territory).where(and(eq(territory.country, 'PL'), eq(territory.level, 'country')));
    const norms = await db.select().from(norm).where(eq(norm.territoryId, country!.id));
    expect(norms.length).toBeGreaterThan(0);
    expect(norms.every((n) => n.illustrative)).toBe(true);
    const siteSets = await db.select().from(dataset).where(inArray(dataset.id, [...new Set(sites.map((s) => s.datasetId!))]));
    expect(siteSets.every((d) => d.illustrative)).toBe(true);
    // The real figures are not marked illustrative.
    const real = await db.select().from(dataset).where(and(eq(dataset.country, 'PL'), eq(dataset.kind, 'population')));
    expect(real).toHaveLength(2);
    expect(real.every((d) => !d.illustrative)).toBe(true);
  });

  it("has the gmina's round under Poland's procedure and the residents' consultation on the draft programme, open today", async () => {
    const rounds = (await officer.get(`/api/v1/planning/rounds?territoryId=${niemce}`)).body.items as { id: number; templateKey: string; periodStart: number; periodEnd: number }[];
    expect(rounds.map((r) => [r.templateKey, r.periodStart, r.periodEnd])).toEqual([['pl.social_services', 2026, 2029]]);
    const stages = (await officer.get(`/api/v1/planning/rounds/${rounds[0]!.id}/stages`)).body.items as { key: string; dueDate: string | null }[];
    expect(stages.find((s) => s.key === 'pl.ozps')?.dueDate).toBe('2026-04-30');
    const consultations = (await officer.get(`/api/v1/planning/rounds/${rounds[0]!.id}/consultations`)).body.items as { kind: string; title: string; phase: string }[];
    expect(consultations).toHaveLength(1);
    expect(consultations[0]).toMatchObject({ kind: 'programme', phase: 'open' });
    expect(consultations[0]!.title).toContain('Projekt programu usług społecznych gminy Niemce');
  });
});
