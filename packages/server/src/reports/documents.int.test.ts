import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { flatten, readDocx, readPdf } from './read-document-text';

/** The assessment's documents, generated from the Khmilnyk demonstration's own data. */
describe(`assessment documents (${ENGINE})`, () => {
  let t: TestApp;
  let officer: Client;
  let assessmentId: number;
  let detail: { title: string; groups: { name: string }[]; members: { name: string }[]; measures: { activity: string }[] };

  const download = async (client: Client, document: string, format: string) => {
    const res = await fetch(`${t.url}/api/v1/assessments/${assessmentId}/documents/${document}/${format}`, { headers: { cookie: client.cookie ?? '' } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as('municipal_officer', 'UA05120170000013778');
    const khmilnyk = await t.territoryId('UA05120170000013778');
    assessmentId = (await officer.get(`/api/v1/assessments?territoryId=${khmilnyk}`)).body.items[0].id;
    detail = (await officer.get(`/api/v1/assessments/${assessmentId}`)).body;
  });
  afterAll(() => t.close());

  it('gives the report as DOCX in Ukrainian, with the working group, the respondent groups and the survey’s estimates', async () => {
    const file = await download(officer, 'report', 'docx');
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    expect(file.disposition).toMatch(/^attachment; filename="[a-z0-9-]+-khmilnytska-\d{4}\.docx"$/);
    const text = flatten(readDocx(file.body).text);
    expect(text).toContain(detail.title);
    for (const g of detail.groups) expect(text).toContain(g.name);
    for (const m of detail.members) expect(text).toContain(m.name);
    // The estimates table names the service types in Ukrainian, e.g. home care.
    const estimates = (await officer.get(`/api/v1/assessments/${assessmentId}/estimates`)).body.items;
    expect(estimates.length).toBeGreaterThan(0);
    expect(text).toMatch(/догляд/i);
    // The survey counts persons who would use day care at some time; day care's capacity counts
    // places: the report names both units, gives no gap or coverage between them, and says how to read them.
    expect(estimates.some((e: { serviceType: string }) => e.serviceType === 'ua.day_care')).toBe(true);
    expect(text).toContain('потреба: особи; потужність: місця');
    expect(text).toContain('не порівнюється');
    expect(text).toContain('Для таких послуг ці величини не порівнюються один до одного');
  });

  it('gives the plan of measures and the social passport as PDF with embedded fonts (Cyrillic intact)', async () => {
    const plan = await download(officer, 'plan', 'pdf');
    expect(plan.status).toBe(200);
    expect(plan.type).toBe('application/pdf');
    const pdf = readPdf(plan.body);
    expect(flatten(pdf.text)).toContain(detail.measures[0]!.activity);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
    const passport = await download(officer, 'passport', 'pdf');
    expect(passport.status).toBe(200);
    expect(flatten(readPdf(passport.body).text)).toContain('Хмільницька');
  });

  it('refuses a document outside one’s reach (404), an unknown document (400), and without a session (401)', async () => {
    const other = await t.as('municipal_officer', 'PAZ19');
    expect((await download(other, 'report', 'pdf')).status).toBe(404);
    expect((await download(officer, 'minutes', 'pdf')).status).toBe(400);
    expect((await download(t.anonymous(), 'report', 'pdf')).status).toBe(401);
  });
});
