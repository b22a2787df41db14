import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../planning/rounds';
import { openPazardzhikRound, roundPeople, territoryIds, type RoundPeople } from '../testing/round-people';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';
import { consultationComment } from './tables';

const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A territory's public page and open data (issue 9, item 5), and the property the issue asks of
 * every public answer: nothing unpublished (a consultation not yet open, a comment not yet
 * moderated, a hidden comment's text) and no personal data (a name without consent, or erased)
 * appears in any public page, public API answer or open-data file.
 */
describe(`a territory's public page and open data (${ENGINE})`, () => {
  let t: TestApp;
  let { regional } = {} as RoundPeople;
  let ids: Record<string, number> = {};
  let open: number;
  let scheduled: number;

  const consultation = async (title: string, opensOn: string, closesOn: string, municipalityId: number | null = null) => {
    const res = await regional.post(`/api/v1/planning/rounds/${roundIdOf}/consultations`, { kind: municipalityId ? 'planning_proposal' : 'draft_agreement', municipalityId, title, sections: [{ heading: 'Раздел', body: '' }], opensOn, closesOn });
    expect(res.status, res.text).toBe(201);
    return res.body.id as number;
  };
  let roundIdOf: number;

  /** Everything the public can read about the province, as one text. */
  const everythingPublic = async () => {
    const anonymous = t.anonymous();
    const answers = await Promise.all([
      anonymous.get(`/api/v1/public/consultations/${open}`),
      anonymous.get(`/consultations/${open}`),
      anonymous.get('/public/BG/PAZ'),
      anonymous.get('/api/v1/public/territories/BG/PAZ/consultations'),
      anonymous.get('/api/v1/public/territories/BG/PAZ/open-data/consultation-comments?format=csv'),
      anonymous.get('/api/v1/public/territories/BG/PAZ/open-data/consultation-comments?format=json'),
    ]);
    for (const a of answers) expect(a.status).toBe(200);
    return answers.map((a) => a.text).join('\n');
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ regional } = await roundPeople(t));
    ids = await territoryIds(t, ['PAZ', 'PAZ21']);
    roundIdOf = await openPazardzhikRound(regional, ids.PAZ!);
    open = await consultation('Отворена консултация', today(), shift(29));
    await consultation('Приключила консултация', shift(-60), shift(-31), ids.PAZ21!);
    scheduled = await consultation('Бъдеща консултация ТАЙНА', shift(3), shift(33));
  });
  afterAll(() => t.close());

  it("lists the territory's opened consultations, open first, in the country language, without the one not yet open", async () => {
    const listing = await t.anonymous().get('/api/v1/public/territories/BG/PAZ/consultations');
    expect(listing.body.territory).toEqual({ code: 'PAZ', name: 'Пазарджик', country: 'BG' });
    const mine = listing.body.consultations.filter((c: { title: string }) => c.title.endsWith('консултация'));
    expect(mine.map((c: { title: string; phase: string }) => [c.title, c.phase])).toEqual([
      ['Отворена консултация', 'open'],
      ['Приключила консултация', 'closed'],
    ]);
    expect(mine[1].authority).toBe('Пещера');
    expect(JSON.stringify(listing.body)).not.toContain('ТАЙНА');
    const page = await t.anonymous().get('/public/BG/PAZ?lang=pl');
    expect(page.text).toContain('<html lang="pl">');
    expect(page.text).toContain('Informacja publiczna: Pazardzhik');
    expect(page.text).toContain(`href="/consultations/${open}?lang=pl"`);
    // The authority's Bulgarian title on a Polish page says it is Bulgarian (WCAG 3.1.2).
    expect(page.text).toContain(`<h3 id="c-${open}" lang="bg"><a href="/consultations/${open}?lang=pl">Отворена консултация</a></h3>`);
    expect((await t.anonymous().get(`/consultations/${open}?lang=pl`)).text).toContain('<h1 lang="bg">Отворена консултация</h1>');
    expect((await t.anonymous().get(`/consultations/${open}?lang=bg`)).text).toContain('<h1>Отворена консултация</h1>');
    expect(page.text).not.toContain(`/consultations/${scheduled}`);
    const missing = await t.anonymous().get('/public/BG/NOPE');
    expect(missing.status).toBe(404);
    // The country the address names gives the page's language.
    expect(missing.text).toContain('Няма такава територия.');
    expect((await t.anonymous().get('/api/v1/public/territories/BG/NOPE/consultations')).status).toBe(404);
  });

  it('gives the comments as open data: CSV for a spreadsheet (headers in words, formulas neutralised), JSON with licence and date', async () => {
    const [row] = await t.database.db.insert(consultationComment).values({ consultationId: open, target: { kind: 'whole' }, body: '=HYPERLINK("http://evil.example")', name: 'Стоян', consent: true, status: 'published' }).returning();
    const csv = await t.anonymous().get('/api/v1/public/territories/BG/PAZ/open-data/consultation-comments?format=csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0');
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('№ на консултацията,Консултация,Институция,Относно,Получен на,Коментар,"Скрит, защото",Автор (със съгласие),Отговор,Мотиви,Направена промяна');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const json = await t.anonymous().get('/api/v1/public/territories/BG/PAZ/open-data/consultation-comments?format=json&lang=en');
    expect(json.body).toMatchObject({ licence: { name: 'CC BY 4.0' }, generatedOn: today(), territory: { country: 'BG', code: 'PAZ' } });
    expect(json.body.rows).toContainEqual(expect.objectContaining({ consultationId: open, target: 'The whole document', author: 'Стоян', comment: '=HYPERLINK("http://evil.example")' }));
    await t.database.db.delete(consultationComment).where((await import('drizzle-orm')).eq(consultationComment.id, row!.id));
  });

  it('property: no unmoderated text, hidden text or name without consent reaches any public page, API answer or open-data file', async () => {
    const comment = fc.record({
      status: fc.constantFrom('pending', 'published', 'hidden'),
      consent: fc.boolean(),
      erased: fc.boolean(),
      withName: fc.boolean(),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(comment, { minLength: 1, maxLength: 6 }), async (comments) => {
        run += 1;
        const rows = comments.map((c, i) => ({
          consultationId: open,
          target: { kind: 'whole' as const },
          body: `ТЕКСТ${run}x${i}`,
          name: c.withName ? `ИМЕ${run}x${i}` : null,
          organisation: c.withName ? `ОРГ${run}x${i}` : null,
          consent: c.consent,
          erasedAt: c.erased ? new Date() : null,
          status: c.status,
          hiddenReason: c.status === 'hidden' ? `ПРИЧИНА${run}x${i}` : null,
        }));
        await t.database.db.insert(consultationComment).values(rows);
        const text = await everythingPublic();
        comments.forEach((c, i) => {
          const shown = c.status !== 'pending';
          expect(text.includes(`ТЕКСТ${run}x${i}`), `text ${JSON.stringify(c)}`).toBe(c.status === 'published');
          if (c.status === 'hidden') expect(text.includes(`ПРИЧИНА${run}x${i}`)).toBe(true);
          const named = shown && c.status === 'published' && c.withName && c.consent && !c.erased;
          expect(text.includes(`ИМЕ${run}x${i}`), `name ${JSON.stringify(c)}`).toBe(named);
          expect(text.includes(`ОРГ${run}x${i}`), `organisation ${JSON.stringify(c)}`).toBe(named);
        });
        expect(text).not.toContain('ТАЙНА');
      }),
      { numRuns: 6 },
    );
  });
});
