import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { auditOf, openPazardzhikRound, roundPeople, territoryIds, type RoundPeople } from '../testing/round-people';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';

/**
 * A territory's public page shows what its authority published (issue 9, item 5): Pazardzhik's
 * officer publishes its services and project fiches; residents read them on the page and as open
 * data, never a small count nor a person's name, and nothing of a section not published.
 */
describe(`the public site's published sections (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  let ids: Record<string, number> = {};
  let year: number;
  const audit = auditOf(() => admin);
  const put = (territoryId: number, section: string) => `/api/v1/territories/${territoryId}/publications/${section}`;
  const page = async (code = 'PAZ19', lang = 'bg') => {
    const res = await t.anonymous().get(`/public/BG/${code}?lang=${lang}`);
    expect(res.status).toBe(200);
    return res.text;
  };
  const openData = (table: string, format: 'csv' | 'json', code = 'PAZ19') => t.anonymous().get(`/api/v1/public/territories/BG/${code}/open-data/${table}?format=${format}&lang=bg`);
  const SITE = 'Център за настаняване „Публикуван тест“';
  const SMALL_SITE = 'Дневен център „Трима потребители“';
  const OWNER = 'Иван Публичнов';
  const PARTICIPANT = 'Мария Участникова';
  const FICHE = 'Мобилен екип за отдалечените села';

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    ids = await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20', 'SML', '55155']);
    year = (await admin.get(`/api/v1/gaps?territoryId=${ids.PAZ19}`)).body.year;
    const site = (siteKey: string, name: string, capacity: number, users: number, waitingList: number) => ({
      siteKey, year, name, serviceType: 'bg.day_care_elderly', provider: 'Община Пазарджик', providerKind: 'public', settlementId: ids['55155'], servesIds: [], capacity, users, waitingList,
    });
    for (const s of [site('PUB-1', SITE, 30, 27, 12), site('PUB-2', SMALL_SITE, 15, 3, 0)]) {
      const made = await admin.post('/api/v1/service-sites', s);
      expect(made.status, made.text).toBe(201);
    }
    const meeting = await officer19.post(`/api/v1/municipalities/${ids.PAZ19}/workshops`, { date: '2026-11-20', topic: 'Услуги', participants: [{ name: PARTICIPANT, organisation: '', role: '' }], entries: [{ kind: 'problem', text: 'Услугите са далеч от селата' }] });
    expect(meeting.status, meeting.text).toBe(201);
    const fiche = await officer19.post(`/api/v1/municipalities/${ids.PAZ19}/fiches`, { title: FICHE, problemIds: [meeting.body.entries[0].id], objectives: 'Грижа в дома', settlementIds: [ids['55155']], startMonth: '2027-04', months: 12, budget: [{ year: 2027, source: 'municipal', amount: 50000 }], owner: OWNER });
    expect(fiche.status, fiche.text).toBe(201);
    const idea = await officer19.post(`/api/v1/municipalities/${ids.PAZ19}/fiches`, { title: 'Само идея', problemIds: [meeting.body.entries[0].id], startMonth: '2027-04', months: 12, budget: [{ year: 2027, source: 'municipal', amount: 1000 }] });
    expect(idea.status).toBe(201);
    expect((await officer19.put(`/api/v1/municipalities/${ids.PAZ19}/fiches/${fiche.body.id}/status`, { status: 'shortlisted' })).status).toBe(200);
    const round = await openPazardzhikRound(regional, ids.PAZ!);
    const item = await officer19.post(`/api/v1/planning/rounds/${round}/items`, { municipalityId: ids.PAZ19, action: 'open', serviceType: 'bg.day_care_elderly', capacityChange: 15, settlementId: ids['55155'], startYear: 2027, fundingSource: 'state_delegated', annualCost: null, explanation: '', served: [] });
    expect(item.status, item.text).toBe(201);
  });
  afterAll(() => t.close());

  it('says nothing is published yet, and refuses the open data of an unpublished table', async () => {
    const html = await page();
    expect(html).toContain('Тук все още няма нищо публикувано.');
    expect(html).not.toContain(SITE);
    for (const table of ['services', 'gaps', 'plan', 'fiches']) {
      const res = await openData(table, 'json');
      expect(res.status).toBe(404);
      expect(res.body.detail).toBe('Тази таблица не е публикувана за тази територия.');
    }
  });

  it("lets the territory's own officers publish and withdraw, and nobody else; every change audited", async () => {
    for (const client of [officer20, otherRegional]) expect([403, 404]).toContain((await client.put(put(ids.PAZ19!, 'services'), { published: true })).status);
    for (const client of [provider, viewer]) expect((await client.put(put(ids.PAZ19!, 'services'), { published: true })).status).toBe(403);
    expect((await t.anonymous().put(put(ids.PAZ19!, 'services'), { published: true })).status).toBe(401);
    expect([403, 404]).toContain((await otherRegional.put(put(ids.PAZ!, 'gaps'), { published: true })).status);
    expect([403, 404]).toContain((await officer19.put(put(ids.PAZ!, 'gaps'), { published: true })).status);
    expect((await officer19.put(put(ids.PAZ19!, 'nonsense'), { published: true })).status).toBe(400);
    expect((await officer19.get(`/api/v1/territories/${ids.PAZ19}/publications`)).body.sections.every((s: { published: boolean }) => !s.published)).toBe(true);

    const done = await officer19.put(put(ids.PAZ19!, 'services'), { published: true });
    expect(done.status, done.text).toBe(200);
    expect(done.body.publicPath).toBe('/public/BG/PAZ19');
    expect(done.body.sections.find((s: { section: string }) => s.section === 'services')).toMatchObject({ published: true, publishedBy: expect.any(String) });
    expect((await audit('publication'))[0]).toMatchObject({ action: 'create', after: { section: 'services', published: true } });
    // Publishing again keeps the first date and writes nothing.
    const again = await officer19.put(put(ids.PAZ19!, 'services'), { published: true });
    expect(again.body.sections[0].publishedAt).toBe(done.body.sections[0].publishedAt);
    expect(await audit('publication', 5)).toHaveLength(1);
    // The region's officer publishes for the region; the reader of another region is refused its list.
    expect((await regional.put(put(ids.PAZ!, 'fiches'), { published: false })).status).toBe(200);
    expect([403, 404]).toContain((await otherRegional.get(`/api/v1/territories/${ids.PAZ19}/publications`)).status);
    expect((await viewer.get(`/api/v1/territories/${ids.PAZ19}/publications`)).body.mayPublish).toBe(false);
  });

  it('shows a published section with its figures, and never a small count or a section not published', async () => {
    const html = await page();
    expect(html).not.toContain('Тук все още няма нищо публикувано.');
    expect(html).toContain(SITE);
    expect(html).toContain(SMALL_SITE);
    expect(html).toContain('по-малко от 5');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
    expect(html).toContain(`/api/v1/public/territories/BG/PAZ19/open-data/services?format=csv`);
    // Gaps and fiches are not published: not on the page, not as files.
    expect(html).not.toContain(FICHE);
    expect(html).not.toContain('Потребности и недостиг');
    expect((await openData('fiches', 'csv')).status).toBe(404);

    const csv = await openData('services', 'csv');
    expect(csv.status).toBe(200);
    const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toContain('Потребители');
    const small = rows.find((r) => r.includes(SMALL_SITE))!;
    expect(small).toContain('по-малко от 5');
    expect(small).not.toContain('3');
    expect(rows.find((r) => r.includes(SITE))).toEqual(expect.arrayContaining(['30', '27', '12']));
    const json = await openData('services', 'json');
    expect(json.body).toMatchObject({ licence: { name: 'CC BY 4.0' }, generatedOn: expect.any(String), table: 'services' });
    expect(json.body.rows.find((r: { name: string }) => r.name === SMALL_SITE)).toMatchObject({ users: 'по-малко от 5', waitingList: 0 });
  });

  it('shows fiches shortlisted or further on, the gaps and the plan once published, with no names of people', async () => {
    for (const section of ['fiches', 'gaps', 'plan']) expect((await officer19.put(put(ids.PAZ19!, section), { published: true })).status).toBe(200);
    const html = await page();
    expect(html).toContain(FICHE);
    expect(html).not.toContain('Само идея');
    expect(html).toContain('Потребности и недостиг');
    for (const name of [OWNER, PARTICIPANT]) expect(html).not.toContain(name);
    const fiches = await openData('fiches', 'json');
    expect(fiches.body.rows).toEqual([expect.objectContaining({ title: FICHE, totalCost: 50000, currency: 'EUR', problems: 'Услугите са далеч от селата' })]);
    expect(JSON.stringify(fiches.body)).not.toContain(OWNER);
    const gaps = await openData('gaps', 'json');
    expect(gaps.status).toBe(200);
    expect(gaps.body.rows.length).toBeGreaterThan(0);
    // A need nobody estimated is null, never 0; each row names its units.
    for (const r of gaps.body.rows) {
      expect(r.needUnit).toEqual(expect.any(String));
      if (r.need === null) expect(r.gap).toBeNull();
    }
    const plan = await openData('plan', 'json');
    expect(plan.body.rows).toEqual([expect.objectContaining({ action: 'разкриване', capacityChange: 15, unit: 'места', settlement: 'Пазарджик', startYear: 2027, round: '2026–2030', signed: 'не' })]);
    expect(html).toContain('Споразумението на кметовете за този план все още не е подписано.');
    expect((await openData('plan', 'csv')).status).toBe(200);
    // The region's page shows its municipality's sections.
    const region = await page('PAZ');
    expect(region).toContain(SITE);
    expect(region).toContain(FICHE);
    expect((await openData('services', 'json', 'PAZ')).body.rows.some((r: { name: string }) => r.name === SITE)).toBe(true);
  });

  it('takes a withdrawn section off the page and its file at once', async () => {
    expect((await officer19.put(put(ids.PAZ19!, 'services'), { published: false })).status).toBe(200);
    expect((await audit('publication'))[0]).toMatchObject({ action: 'delete', before: { section: 'services' } });
    const html = await page();
    expect(html).not.toContain(SITE);
    expect(html).toContain(FICHE);
    expect((await openData('services', 'json')).status).toBe(404);
  });

  it('never shows a count of users from 1 to 4, whatever the counts (property)', async () => {
    expect((await officer19.put(put(ids.PAZ19!, 'services'), { published: true })).status).toBe(200);
    const sites = (await admin.get(`/api/v1/service-sites?territoryId=${ids.PAZ19}&year=${year}&q=${encodeURIComponent('Трима')}`)).body.items as { id: number }[];
    const id = sites[0]!.id;
    const current = (await admin.get(`/api/v1/service-sites/${id}`)).body;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), async (users, waitingList) => {
        const { id: _id, serves: _serves, updatedAt: _updatedAt, ...rest } = current;
        const saved = await admin.put(`/api/v1/service-sites/${id}`, { ...rest, users, waitingList });
        expect(saved.status, saved.text).toBe(200);
        const row = (await openData('services', 'json')).body.rows.find((r: { name: string }) => r.name === SMALL_SITE);
        for (const [shown, n] of [[row.users, users], [row.waitingList, waitingList]] as const) {
          if (n > 0 && n < 5) expect(shown).toBe('по-малко от 5');
          else expect(shown).toBe(n);
        }
      }),
      { numRuns: 8 },
    );
  });
});
