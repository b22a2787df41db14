import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../reports/read-document-text';
import { auditOf, roundPeople, territoryIds, type RoundPeople } from '../testing/round-people';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';

/**
 * Story 3 through HTTP (issue 9, item 2): Batak's working group records a working meeting with
 * its participants, the key problems and ideas, then project fiches tied to them; the portfolio
 * ranks them by a transparent score. Every role's reach is checked.
 */
describe(`working meetings and project fiches (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  let ids: Record<string, number> = {};
  let problems: { id: number; kind: string; text: string }[] = [];
  let workshopId: number;
  const audit = auditOf(() => admin);
  const base = () => `/api/v1/municipalities/${ids.PAZ19}`;
  const meeting = {
    date: '2026-11-20',
    place: 'Читалище „Просвета“',
    topic: 'Социални и здравни услуги в плана за интегрирано развитие',
    participants: [
      { name: 'Мария Иванова', organisation: 'Дирекция „Социално подпомагане“', role: 'социален работник' },
      { name: 'д-р Петър Георгиев', organisation: 'Общопрактикуващ лекар', role: 'лекар' },
      { name: 'Елена Стоянова', organisation: 'Сдружение „Родопи“', role: 'НПО' },
    ],
    entries: [
      { kind: 'problem', text: 'Липса на квалифициран персонал' },
      { kind: 'problem', text: 'Услугите са недостъпни за отдалечените села' },
      { kind: 'idea', text: 'Мобилни екипи за отдалечените села' },
    ],
  };
  const fiche = (extra: Record<string, unknown> = {}) => ({
    title: 'Мобилен социално-здравен екип',
    problemIds: [problems[1]!.id],
    serviceTypes: ['bg.home_care'],
    objectives: 'Грижа в дома за възрастни хора в 12 села',
    activities: ['Наемане на екип', 'Обучение', 'Посещения по график'],
    targetGroup: 'Възрастни хора в отдалечени села',
    peopleReached: 120,
    partners: ['Сдружение „Родопи“'],
    startMonth: '2027-04',
    months: 24,
    budget: [
      { year: 2027, source: 'eu_project', amount: 90000 },
      { year: 2028, source: 'eu_project', amount: 110000 },
    ],
    indicators: [{ kind: 'output', name: 'Обслужени лица', unit: 'души', baseline: 0, target: 120 }],
    owner: 'Дирекция „Социални дейности“',
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    ids = await territoryIds(t, ['PAZ', 'PAZ19']);
  });
  afterAll(() => t.close());

  it("records a working meeting with its participants, problems and ideas, by the municipality's own people only", async () => {
    for (const client of [officer20, otherRegional]) expect([403, 404]).toContain((await client.post(`${base()}/workshops`, meeting)).status);
    for (const client of [provider, viewer]) expect((await client.post(`${base()}/workshops`, meeting)).status).toBe(403);
    expect((await t.anonymous().post(`${base()}/workshops`, meeting)).status).toBe(401);
    expect((await officer19.post(`/api/v1/municipalities/${ids.PAZ}/workshops`, meeting)).status).toBeGreaterThanOrEqual(403);
    const made = await officer19.post(`${base()}/workshops`, meeting);
    expect(made.status, made.text).toBe(201);
    workshopId = made.body.id;
    problems = made.body.entries;
    expect(problems.map((p) => [p.kind, p.text])).toEqual(meeting.entries.map((e) => [e.kind, e.text]));
    expect(made.body.participants).toHaveLength(3);
    expect((await audit('fiche_workshop'))[0]).toMatchObject({ action: 'create', entityId: String(workshopId) });
    // Readers of the municipality see it; another municipality's officer does not.
    expect((await viewer.get(`${base()}/workshops`)).body.items).toHaveLength(1);
    expect([403, 404]).toContain((await officer20.get(`${base()}/workshops`)).status);
  });

  it('adds fiches tied to the problems, refusing what does not hold together and storing nothing', async () => {
    const bad = await officer19.post(`${base()}/fiches`, fiche({ problemIds: [], serviceTypes: [], budget: [{ year: 2031, source: 'municipal', amount: 5 }] }));
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string; message: string }) => [i.path, i.message])).toEqual([
      ['problemIds', 'no_problem'],
      ['budget.0.year', 'outside_duration'],
    ]);
    expect((await officer19.post(`${base()}/fiches`, fiche({ serviceTypes: ['ua.no_such'] }))).body.issues[0]).toMatchObject({ path: 'serviceTypes.0', message: 'unknown_service_type' });
    expect((await officer19.post(`${base()}/fiches`, fiche({ problemIds: [999_999] }))).body.issues[0]).toMatchObject({ path: 'problemIds.0', message: 'not_in_municipality' });
    expect((await officer19.get(`${base()}/fiches`)).body.items).toEqual([]);

    const mobile = await officer19.post(`${base()}/fiches`, fiche());
    expect(mobile.status, mobile.text).toBe(201);
    expect(mobile.body).toMatchObject({ status: 'idea', totalCost: 200000 });
    const incentives = await officer19.post(`${base()}/fiches`, fiche({ title: 'Стимули за специалисти', problemIds: [problems[0]!.id], serviceTypes: [], peopleReached: null, budget: [{ year: 2027, source: 'municipal', amount: 30000 }] }));
    expect(incentives.status).toBe(201);
    expect((await viewer.post(`${base()}/fiches`, fiche())).status).toBe(403);
    // A problem a fiche addresses cannot be dropped from its meeting.
    const dropped = await officer19.put(`${base()}/workshops/${workshopId}`, { ...meeting, entries: problems.filter((p) => p.id !== problems[1]!.id) });
    expect(dropped.body.code).toBe('conflict.in_use');
    const kept = await officer19.put(`${base()}/workshops/${workshopId}`, { ...meeting, entries: problems.map((p) => ({ id: p.id, kind: p.kind, text: p.text })) });
    expect(kept.status, kept.text).toBe(200);
    expect(kept.body.entries.map((e: { id: number }) => e.id)).toEqual(problems.map((p) => p.id));
  });

  it('ranks the portfolio by a score whose parts are shown, filters it, and sums it by status and by year and source', async () => {
    const res = await viewer.get(`${base()}/fiches`);
    expect(res.status).toBe(200);
    expect(res.body.currency).toBe('EUR');
    const [first, second] = res.body.items;
    expect(first.title).toBe('Мобилен социално-здравен екип');
    expect(first.score.reach).toEqual({ value: 120, points: 30, weight: 30 });
    expect(first.score.cost.value).toBeCloseTo(1666.7, 1);
    // Unknown people reached: no reach points, and no cost per person (never 0).
    expect(second.score.reach).toEqual({ value: null, points: 0, weight: 30 });
    expect(second.score.cost).toEqual({ value: null, points: 0, weight: 30 });
    expect(res.body.byStatus.find((s: { status: string }) => s.status === 'idea')).toEqual({ status: 'idea', count: 2, cost: 230000 });
    expect(res.body.bySource).toEqual([
      { year: 2027, source: 'eu_project', amount: 90000 },
      { year: 2027, source: 'municipal', amount: 30000 },
      { year: 2028, source: 'eu_project', amount: 110000 },
    ]);
    expect((await viewer.get(`${base()}/fiches?q=стимули`)).body.items.map((f: { title: string }) => f.title)).toEqual(['Стимули за специалисти']);
    expect((await viewer.get(`${base()}/fiches?source=eu_project`)).body.items).toHaveLength(1);
  });

  it('moves a fiche one step at a time, by its writers only', async () => {
    const [f] = (await viewer.get(`${base()}/fiches`)).body.items;
    expect((await officer19.put(`${base()}/fiches/${f.id}/status`, { status: 'funded' })).body.issues[0]).toMatchObject({ path: 'status', message: 'one_step' });
    expect((await viewer.put(`${base()}/fiches/${f.id}/status`, { status: 'shortlisted' })).status).toBe(403);
    expect((await regional.put(`${base()}/fiches/${f.id}/status`, { status: 'shortlisted' })).body.status).toBe('shortlisted');
    expect((await officer19.put(`${base()}/fiches/${f.id}/status`, { status: 'in_plan' })).body.status).toBe('in_plan');
    expect((await audit('project_fiche'))[0]).toMatchObject({ before: { status: 'shortlisted' }, after: { status: 'in_plan' } });
    // Another municipality's address for the same fiche finds nothing.
    const other = await t.territoryId('PAZ20');
    expect([403, 404]).toContain((await officer19.get(`/api/v1/municipalities/${other}/fiches/${f.id}`)).status);
    expect((await admin.get(`/api/v1/municipalities/${other}/fiches/${f.id}`)).status).toBe(404);
  });

  it('exports the portfolio and each fiche in Bulgarian as DOCX, PDF and XLSX, with the participants', async () => {
    const download = async (path: string) => {
      const res = await fetch(`${t.url}${path}`, { headers: { cookie: viewer.cookie ?? '' } });
      return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
    };
    const docx = await download(`${base()}/fiches/document/docx`);
    expect(docx.status).toBe(200);
    const text = flatten(readDocx(docx.body).text);
    expect(text).toContain('Портфейл от проектни фиши');
    expect(text).toContain('Мобилен социално-здравен екип');
    expect(text).toContain('Услугите са недостъпни за отдалечените села');
    expect(text).toContain('д-р Петър Георгиев');
    expect(text).toMatch(/200\s000\s€/u);
    expect(text).toContain('от 2027-04, 24 месеца');
    // The scores side by side: one chart in points of 100.
    expect(text).toContain('Приоритетна оценка на всяка фиша (точки от 100)');
    const pdf = await download(`${base()}/fiches/document/pdf`);
    const pdfText = flatten(readPdf(pdf.body).text);
    expect(pdfText).toContain('Стимули за специалисти');
    expect(pdfText).toContain('точки от 100');
    const [f] = (await viewer.get(`${base()}/fiches`)).body.items;
    const xlsx = await download(`${base()}/fiches/${f.id}/document/xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Проектни фиши');
    expect(sheet.getRow(1).getCell(1).value).toBe('Наименование');
    expect(sheet.getRow(2).getCell(1).value).toBe('Мобилен социално-здравен екип');
    expect(sheet.rowCount).toBe(2);
    expect([403, 404]).toContain((await fetch(`${t.url}${base()}/fiches/document/pdf`, { headers: { cookie: officer20.cookie ?? '' } })).status);
  });
});
