import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../reports/read-document-text';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import type { TReviewedService, TServicesReview } from './schema';

/** The municipal services review (issue 8, story 2) on the Pazardzhik demonstration's registry. */
describe(`services review (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let regional: Client;
  let otherOfficer: Client;
  let otherRegional: Client;
  let provider: Client;
  let viewer: Client;
  let paz19: number;
  let review: TServicesReview;
  let service: TReviewedService;
  // Stored text is hostile: it must come back as written, and escaped wherever HTML shows it.
  const NOTES = {
    results: 'Обслужени 42 потребители <script>alert(1)</script>',
    challenges: 'Трудно се откриват нови услуги; липсва персонал',
    goodPractices: 'Мобилен екип за отдалечените села',
    partner: 'Сдружение „Подкрепа“ & Co',
  };
  const body = () => ({ settlementId: service.settlementId, siteKey: service.siteKey, year: review.year, ...NOTES });
  const download = async (client: Client, format: string, language = 'bg') => {
    const res = await fetch(`${t.url}/api/v1/services-review/${paz19}/document/${format}`, { headers: { cookie: client.cookie ?? '', 'x-potreby-language': language } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    paz19 = await t.territoryId('PAZ19');
    admin = await t.as('admin');
    officer = await t.as('municipal_officer', 'PAZ19');
    regional = await t.as('regional_officer', 'PAZ');
    otherOfficer = await t.as('municipal_officer', 'PAZ20');
    otherRegional = await t.as('regional_officer', 'SML');
    provider = await t.as('provider', 'PAZ', 'Община Пазарджик');
    viewer = await t.as('viewer', 'PAZ');
  });
  afterAll(() => t.close());

  it("reads the municipality's active services with users in every registry year", async () => {
    const res = await officer.get(`/api/v1/services-review/${paz19}`);
    expect(res.status, res.text).toBe(200);
    review = res.body as TServicesReview;
    expect(review.municipality.id).toBe(paz19);
    expect(review.mayEdit).toBe(true);
    expect(review.services.length).toBeGreaterThan(0);
    expect(review.years.length).toBeGreaterThan(0);
    // The year reviewed is the registry list's default year for the municipality.
    const years = (await officer.get(`/api/v1/service-sites/years?territoryId=${paz19}`)).body;
    expect(review.year).toBe(years.defaultYear);
    for (const s of review.services) {
      expect(s.figures.map((f) => f.year)).toContain(review.year);
      expect(s.figures.map((f) => f.year)).toEqual([...s.figures.map((f) => f.year)].sort((a, b) => a - b));
      expect(['places', 'persons_per_year']).toContain(s.unit);
    }
    service = review.services[0]!;
    expect(service.notes).toEqual({ results: '', challenges: '', goodPractices: '', partner: '', updatedAt: null });
  });

  it("is read by whoever reaches the municipality, and refused to others", async () => {
    for (const client of [admin, regional, provider, viewer]) expect((await client.get(`/api/v1/services-review/${paz19}`)).status).toBe(200);
    expect((await provider.get(`/api/v1/services-review/${paz19}`)).body.mayEdit).toBe(false);
    expect((await viewer.get(`/api/v1/services-review/${paz19}`)).body.mayEdit).toBe(false);
    expect((await otherOfficer.get(`/api/v1/services-review/${paz19}`)).status).toBe(403);
    expect((await otherRegional.get(`/api/v1/services-review/${paz19}`)).status).toBe(403);
    expect((await t.anonymous().get(`/api/v1/services-review/${paz19}`)).status).toBe(401);
    expect((await download(otherOfficer, 'docx')).status).toBe(403);
    expect((await download(t.anonymous(), 'pdf')).status).toBe(401);
    // Only municipalities have a review.
    expect((await admin.get(`/api/v1/services-review/${await t.territoryId('PAZ')}`)).status).toBe(404);
  });

  it("refuses notes from another municipality's officer, providers, viewers and the public", async () => {
    expect((await t.anonymous().request('PUT', `/api/v1/services-review/${paz19}`, body())).status).toBe(401);
    for (const client of [otherOfficer, otherRegional, provider, viewer]) expect((await client.put(`/api/v1/services-review/${paz19}`, body())).status).toBe(403);
    // Nor through one's own municipality: the site stands in PAZ19, not PAZ20.
    const paz20 = await t.territoryId('PAZ20');
    expect((await otherOfficer.put(`/api/v1/services-review/${paz20}`, body())).status).toBe(404);
    expect((await admin.get(`/api/v1/services-review/${paz19}`)).body.services[0].notes.results).toBe('');
  });

  it("saves the municipality officer's notes, audited, and reads them back", async () => {
    const res = await officer.put(`/api/v1/services-review/${paz19}`, body());
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject(NOTES);
    const back = (await viewer.get(`/api/v1/services-review/${paz19}`)).body as TServicesReview;
    const saved = back.services.find((s) => s.siteKey === service.siteKey && s.settlementId === service.settlementId)!;
    expect(saved.notes).toMatchObject(NOTES);
    const [entry] = (await admin.get('/api/v1/audit?entity=service_review&pageSize=1')).body.items;
    expect(entry).toMatchObject({ action: 'create', entity: 'service_review' });
    expect(entry.after).toMatchObject({ results: NOTES.results, partner: NOTES.partner });

    const again = await regional.put(`/api/v1/services-review/${paz19}`, { ...body(), challenges: 'Липсват социални работници' });
    expect(again.status, again.text).toBe(200);
    const [update] = (await admin.get('/api/v1/audit?entity=service_review&pageSize=1')).body.items;
    expect(update).toMatchObject({ action: 'update' });
    expect(update.before).toMatchObject({ challenges: NOTES.challenges });
    // Back to the first notes for the documents below.
    expect((await admin.put(`/api/v1/services-review/${paz19}`, body())).status).toBe(200);
  });

  it('refuses notes too long or on a site not in the registry that year', async () => {
    expect((await officer.put(`/api/v1/services-review/${paz19}`, { ...body(), results: 'я'.repeat(4001) })).status).toBe(400);
    expect((await officer.put(`/api/v1/services-review/${paz19}`, { ...body(), siteKey: 'NO-SUCH-SITE' })).status).toBe(404);
  });

  it('gives the review as DOCX in Bulgarian: the municipality, the services, users and notes, Cyrillic intact', async () => {
    const file = await download(officer, 'docx');
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/officedocument\.wordprocessingml/);
    expect(file.disposition).toMatch(/^attachment; filename="[a-z0-9-]+-pazardzhik-\d{4}\.docx"$/);
    const text = flatten(readDocx(file.body).text);
    expect(text).toContain('Община Пазарджик');
    expect(text).toContain('Преглед на действащите социални услуги');
    for (const s of review.services) expect(text).toContain(s.name);
    const users = service.figures.find((f) => f.users !== null)?.users;
    if (users !== undefined && users !== null) expect(text).toContain(new Intl.NumberFormat('bg-BG').format(users));
    expect(text).toContain(NOTES.results);
    expect(text).toContain(NOTES.goodPractices);
    expect(text).toContain(NOTES.partner);
    // The year's users of every service in one chart of persons (in the DOCX, bars of text beside each figure).
    expect(text).toContain(`Потребители на всяка услуга през ${review.year} г. (лица)`);
  });

  it("gives the review as PDF in the reader's language with embedded fonts", async () => {
    const file = await download(officer, 'pdf', 'en');
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    const pdf = readPdf(file.body);
    const text = flatten(pdf.text);
    expect(text).toContain('Review of the active social services');
    expect(text).toContain(NOTES.challenges);
    expect(text).toContain(`Users of each service in ${review.year}`);
    expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  });

  it("writes the review with the fixed text the country's administrator reworded", async () => {
    expect((await admin.put('/api/v1/document-wording/BG/bg.services_review', { lang: 'bg', key: 'review.document.kind', text: 'ПРЕГЛЕД НА УСЛУГИТЕ (ПРЕРАБОТЕН)' })).status).toBe(200);
    const docx = await download(officer, 'docx');
    expect(docx.status).toBe(200);
    expect(flatten(readDocx(docx.body).text)).toContain('ПРЕГЛЕД НА УСЛУГИТЕ (ПРЕРАБОТЕН)');
  });
});
