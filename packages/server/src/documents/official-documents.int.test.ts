import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NIEMCE } from '../seed/demo-poland';
import { flatten, readDocx, readPdf } from '../reports/read-document-text';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';

/**
 * The official documents of issue 9, item 3, written from the demonstration's own data: the
 * Pazardzhik planning round's proposals, Niemce's diagnosis, Khmilnyk's assessment.
 */
describe(`official documents (${ENGINE})`, () => {
  let t: TestApp;
  let pazardzhik: Client;
  let niemce: Client;
  const ids: Record<string, number> = {};

  const get = async (client: Client, code: string, kind: string, format: string, query: string) => {
    const res = await fetch(`${t.url}/api/v1/territories/${ids[code]}/documents/${kind}/${format}?${query}`, { headers: { cookie: client.cookie ?? '' } });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, disposition: res.headers.get('content-disposition'), body, problem: res.headers.get('content-type')?.includes('json') ? JSON.parse(body.toString('utf8')) : null };
  };
  const docxText = (body: Buffer) => flatten(readDocx(body).text);

  /** Every page of a PDF drawn by poppler, as a person's viewer would: how many pages came out. */
  const renderedPages = (body: Buffer): number => {
    const dir = mkdtempSync(join(tmpdir(), 'potreby-pdf-'));
    try {
      writeFileSync(join(dir, 'file.pdf'), body);
      execFileSync('pdftoppm', ['-r', '30', '-png', join(dir, 'file.pdf'), join(dir, 'page')]);
      return readdirSync(dir).filter((f) => f.endsWith('.png')).length;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['PAZ19', 'PAZ', NIEMCE, 'UA05120170000013778']) ids[code] = await t.territoryId(code);
    pazardzhik = await t.as('municipal_officer', 'PAZ19');
    niemce = await t.as('municipal_officer', NIEMCE);
  });
  afterAll(() => t.close());

  it("writes Pazardzhik's planning proposal in Bulgarian with its proposals, the need, the legal basis and the mayor's line; the PDF's pages render", async () => {
    const docx = await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027');
    expect(docx.status).toBe(200);
    expect(docx.disposition).toBe('attachment; filename="predlozhenie-za-planirane-pazardzhik-2027.docx"');
    const text = docxText(docx.body);
    for (const expected of ['ПРЕДЛОЖЕНИЕ', 'Община Пазарджик', 'Период на планиране: 2026–2030 г.', 'Наредба за планирането на социалните услуги', 'втори дневен център в Пазарджик', 'Разширяване', 'Кмет на общината', '+20 места']) expect(text).toContain(expected);
    // The rehabilitation item serves Septemvri and Lesichovo: named with their places.
    expect(text).toMatch(/Септември \(4\)/);
    // The chart of the yearly cost, in money a year only; in the DOCX its bars are text beside each figure.
    expect(text).toContain('Годишна стойност на промените по източник на финансиране (€ годишно)');
    const pdf = await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'pdf', 'year=2027');
    expect(pdf.status).toBe(200);
    const read = readPdf(pdf.body);
    expect(flatten(read.text)).toContain('Община Пазарджик');
    expect(flatten(read.text)).toContain('€ годишно');
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect(renderedPages(pdf.body)).toBeGreaterThanOrEqual(2);
  });

  it('writes the annual plan of a year with the changes that start in it, and the same proposal in English on request', async () => {
    const plan = await get(pazardzhik, 'PAZ19', 'bg.annual_plan', 'docx', 'year=2026');
    expect(plan.status).toBe(200);
    const text = docxText(plan.body);
    expect(text).toContain('ГОДИШЕН ПЛАН');
    expect(text).toContain('за 2026 г.');
    expect(text).toMatch(/Разширяване Информиране и консултиране \+300 лица годишно/);
    expect(text).toMatch(/60\s000\s€/);
    // An item starting in 2027 is not in 2026's plan.
    expect(text).not.toContain('втори дневен център');
    const english = await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027&lang=en');
    expect(docxText(english.body)).toContain('PROPOSAL');
    expect(docxText(english.body)).toContain('Pazardzhik Municipality');
  });

  it("says what is missing and where to enter it, and writes the analysis once the assessment exists", async () => {
    const before = await get(pazardzhik, 'PAZ19', 'bg.needs_analysis', 'docx', 'year=2026&lang=bg');
    expect(before.status).toBe(409);
    expect(before.problem.code).toBe('document.missing_data');
    expect(before.problem.title).toBe('Пазарджик (PAZ19) has no needs assessment for 2026. Create it under Needs assessments, with its year set to 2026.');
    const created = await pazardzhik.post('/api/v1/assessments', { territoryId: ids.PAZ19, title: 'Анализ на потребностите 2026 (тест)', periodFrom: '2026-02-01', periodTo: '2026-05-31', year: 2026, language: 'bg' });
    expect(created.status).toBe(201);
    const after = await get(pazardzhik, 'PAZ19', 'bg.needs_analysis', 'pdf', 'year=2026');
    expect(after.status).toBe(200);
    const text = flatten(readPdf(after.body).text);
    for (const expected of ['АНАЛИЗ', 'Анализ на потребностите 2026 (тест)', '7. Необходим капацитет за планирането', 'Закон за социалните услуги']) expect(text).toContain(expected);
    expect(renderedPages(after.body)).toBeGreaterThanOrEqual(3);
  });

  it("writes Niemce's diagnosis and programme in Polish, letters intact, with the community's potential", async () => {
    const diagnosis = await get(niemce, NIEMCE, 'pl.diagnosis', 'docx', 'year=2026');
    expect(diagnosis.status).toBe(200);
    const text = docxText(diagnosis.body);
    for (const expected of ['DIAGNOZA', 'potrzeb i potencjału wspólnoty samorządowej', '4. Potencjał wspólnoty', 'Gmina Niemce', 'Ustawa z dnia 19 lipca 2019 r.']) expect(text).toContain(expected);
    const programme = await get(niemce, NIEMCE, 'pl.programme', 'pdf', 'year=2026');
    expect(programme.status).toBe(200);
    const pdfText = flatten(readPdf(programme.body).text);
    for (const expected of ['PROGRAM', 'usług społecznych', 'Dyrektor centrum usług społecznych', 'Wnioski z diagnozy']) expect(pdfText).toContain(expected);
    expect(renderedPages(programme.body)).toBeGreaterThanOrEqual(2);
  });

  it("keeps each country's documents to its territories and the municipal ones to municipalities, and lists the documents a territory has", async () => {
    const wrongCountry = await get(pazardzhik, 'PAZ19', 'pl.programme', 'docx', 'year=2026&lang=en');
    expect(wrongCountry.status).toBe(409);
    expect(wrongCountry.problem.title).toContain('This document is Polish');
    const admin = await t.as('admin');
    const region = await get(admin, 'PAZ', 'bg.planning_proposal', 'docx', 'year=2027&lang=en');
    expect(region.problem.title).toContain('written for a municipality');
    const kinds = (await pazardzhik.get(`/api/v1/territories/${ids.PAZ19}/documents`)).body.items.map((k: { kind: string }) => k.kind);
    expect(kinds).toContain('bg.annual_plan');
    expect(kinds).toContain('consultation_report');
    expect(kinds).not.toContain('pl.ozps');
  });

  it('refuses a territory beyond reach, an unknown kind, a missing year, and no session', async () => {
    expect((await get(pazardzhik, NIEMCE, 'pl.diagnosis', 'docx', 'year=2026')).status).toBe(403);
    expect((await get(pazardzhik, 'PAZ19', 'bg.minutes', 'docx', 'year=2026')).status).toBe(400);
    expect((await get(pazardzhik, 'PAZ19', 'bg.annual_plan', 'docx', '')).status).toBe(400);
    expect((await get(t.anonymous(), 'PAZ19', 'bg.annual_plan', 'docx', 'year=2026')).status).toBe(401);
  });

  it("takes an administrator's rewording of a fixed text for the country, refuses it to others, and restores the files' text", async () => {
    const admin = await t.as('admin');
    const path = '/api/v1/document-wording/BG/bg.planning_proposal';
    const listed = (await admin.get(`${path}?lang=bg`)).body.items as { key: string; default: string; text: string | null }[];
    expect(listed.find((i) => i.key === 'documents.planningProposal.intro')?.default).toContain('{{round}}');
    const saved = await admin.put(path, { lang: 'bg', key: 'documents.planningProposal.signMayor', text: 'Кмет на Община Пазарджик (подпис и печат)' });
    expect(saved.status).toBe(200);
    expect(saved.body.text).toBe('Кмет на Община Пазарджик (подпис и печат)');
    const withText = docxText((await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027')).body);
    expect(withText).toContain('Кмет на Община Пазарджик (подпис и печат)');
    // Another language's document keeps the files' text.
    expect(docxText((await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027&lang=en')).body)).toContain('Mayor of the municipality');

    expect((await pazardzhik.put(path, { lang: 'bg', key: 'documents.planningProposal.signMayor', text: 'Подменено' })).status).toBe(403);
    expect((await pazardzhik.get(`${path}?lang=bg`)).status).toBe(403);
    expect((await admin.put(path, { lang: 'bg', key: 'documents.common.none', text: 'x' })).status).toBe(400);
    expect((await admin.put('/api/v1/document-wording/PL/bg.planning_proposal', { lang: 'bg', key: 'documents.planningProposal.signMayor', text: 'x' })).status).toBe(400);
    expect(docxText((await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027')).body)).not.toContain('Подменено');

    const audit = (await admin.get('/api/v1/audit?entity=document_wording')).body.items as { action: string; after: { text: string } | null }[];
    expect(audit[0]).toMatchObject({ action: 'create', after: { text: 'Кмет на Община Пазарджик (подпис и печат)' } });
    expect((await admin.put(path, { lang: 'bg', key: 'documents.planningProposal.signMayor', text: null })).body.text).toBeNull();
    expect(docxText((await get(pazardzhik, 'PAZ19', 'bg.planning_proposal', 'docx', 'year=2027')).body)).toContain('Кмет на общината');
  });

  it("uses a reworded text of the fiches wherever they are downloaded, and of Niemce's OZPS", async () => {
    const admin = await t.as('admin');
    const put = (path: string, lang: string, key: string, text: string | null) => admin.put(`/api/v1/document-wording/${path}`, { lang, key, text });
    expect((await put('PL/pl.ozps', 'pl', 'documents.ozps.signDirector', 'Dyrektor Centrum Usług Społecznych w Niemcach')).status).toBe(200);
    expect(docxText((await get(niemce, NIEMCE, 'pl.ozps', 'docx', 'year=2025')).body)).toContain('Dyrektor Centrum Usług Społecznych w Niemcach');
    // The fiches' portfolio from the Project fiches screen's own download, not only the Documents screen's.
    const workshop = await pazardzhik.post(`/api/v1/municipalities/${ids.PAZ19}/workshops`, { date: '2026-03-10', place: 'Зала', topic: 'Среща', participants: [], entries: [{ kind: 'problem', text: 'Няма персонал' }] });
    const entry = (await pazardzhik.get(`/api/v1/municipalities/${ids.PAZ19}/workshops`)).body.items.find((w: { id: number }) => w.id === workshop.body.id).entries[0].id;
    expect((await pazardzhik.post(`/api/v1/municipalities/${ids.PAZ19}/fiches`, { title: 'Мобилен екип', problemIds: [entry], startMonth: '2027-01', months: 12, budget: [] })).status).toBe(201);
    expect((await put('BG/fiches', 'bg', 'fiches.document.portfolioTitle', 'Портфейл на проектните идеи на Община Пазарджик')).status).toBe(200);
    const res = await fetch(`${t.url}/api/v1/municipalities/${ids.PAZ19}/fiches/document/docx`, { headers: { cookie: pazardzhik.cookie ?? '' } });
    expect(docxText(Buffer.from(await res.arrayBuffer()))).toContain('Портфейл на проектните идеи на Община Пазарджик');
    expect(docxText((await get(pazardzhik, 'PAZ19', 'fiches', 'docx', 'year=2026')).body)).toContain('Портфейл на проектните идеи на Община Пазарджик');
    // A Polish gmina's portfolio keeps its own country's text.
    expect((await put('PL/fiches', 'pl', 'fiches.document.portfolioTitle', null)).status).toBe(200);
  });
});
