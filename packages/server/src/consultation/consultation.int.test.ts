import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../reports/read-document-text';
import { auditOf, openPazardzhikRound, roundPeople, territoryIds, type RoundPeople } from '../testing/round-people';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { ENGINE } from '../testing/test-database';
import { today } from '../planning/rounds';
import { MIN_SECONDS_TO_COMMENT, solveChallenge } from './proof';

const shift = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Public consultation (issue 9, item 1) through HTTP: the authority publishes a round's document
 * for a period; residents read it without an account (JSON and plain HTML) and comment with a
 * solved challenge; the authority moderates, answers and erases names on request; the report
 * lists everything. Every role's reach is checked, and nothing unmoderated or unconsented leaks.
 */
describe(`public consultation (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  let ids: Record<string, number> = {};
  let roundId: number;
  let itemId: number;
  let agreement: { id: number; publicPath: string };
  let proposal19: { id: number };
  const audit = auditOf(() => admin);
  const resident = () => t.anonymous();

  const draft = (extra: Record<string, unknown> = {}) => ({
    kind: 'draft_agreement',
    title: 'Проект на споразумение за социалните услуги в област Пазарджик <script>alert(1)</script>',
    intro: 'Общините на областта съгласуват кои услуги къде се предоставят.',
    sections: [
      { heading: 'Цел на споразумението', body: 'Услугите да достигнат до всички села.' },
      { heading: 'Споделени услуги', body: 'Мобилни екипи за отдалечените населени места.' },
    ],
    opensOn: today(),
    closesOn: shift(29),
    ...extra,
  });

  /** Challenges from the public page, old enough to be used (one comment each). */
  const challenges = async (id: number, n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i += 1) out.push((await resident().get(`/api/v1/public/consultations/${id}`)).body.challenge);
    await sleep(MIN_SECONDS_TO_COMMENT * 1000 + 200);
    return out;
  };
  const comment = (id: number, challenge: string, body: Record<string, unknown>) => resident().post(`/api/v1/public/consultations/${id}/comments`, { challenge, nonce: solveChallenge(challenge), ...body });
  const download = async (client: Client, path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { cookie: client.cookie ?? '' } });
    return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    ids = await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20']);
    roundId = await openPazardzhikRound(regional, ids.PAZ!);
    const item = await officer19.post(`/api/v1/planning/rounds/${roundId}/items`, { municipalityId: ids.PAZ19, action: 'open', serviceType: 'bg.day_care_adults_disability', capacityChange: 15, startYear: 2027, fundingSource: 'state_delegated', annualCost: null, explanation: 'Няма такава услуга в общината.', served: [] });
    expect(item.status, item.text).toBe(201);
    itemId = item.body.id;
  });
  afterAll(() => t.close());

  it("publishes the region's draft agreement by the region's officer only, and a municipality's proposal by its own officer", async () => {
    for (const client of [officer19, provider, viewer, otherRegional]) expect([403, 404]).toContain((await client.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft())).status);
    expect((await resident().post(`/api/v1/planning/rounds/${roundId}/consultations`, draft())).status).toBe(401);
    const created = await regional.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft());
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ kind: 'draft_agreement', phase: 'open', territory: { code: 'PAZ' }, counts: { received: 0 } });
    agreement = created.body;
    expect((await audit('consultation'))[0]).toMatchObject({ action: 'create', entityId: String(agreement.id) });

    const mine = { ...draft(), kind: 'planning_proposal', municipalityId: ids.PAZ19, title: 'Предложение на община Пазарджик' };
    expect((await officer20.post(`/api/v1/planning/rounds/${roundId}/consultations`, mine)).status).toBe(403);
    const own = await officer19.post(`/api/v1/planning/rounds/${roundId}/consultations`, mine);
    expect(own.status, own.text).toBe(201);
    proposal19 = own.body;
    // Each officer lists what they run: Peshtera's officer its proposal, not the region's draft.
    expect((await officer19.get(`/api/v1/planning/rounds/${roundId}/consultations`)).body.items.map((c: { id: number }) => c.id)).toEqual([proposal19.id]);
    expect((await regional.get(`/api/v1/planning/rounds/${roundId}/consultations`)).body.items.map((c: { id: number }) => c.id)).toEqual([agreement.id, proposal19.id]);
    expect((await officer20.get(`/api/v1/planning/rounds/${roundId}/consultations`)).body.items).toEqual([]);
    for (const client of [officer20, viewer, provider, otherRegional]) expect([403, 404]).toContain((await client.get(`/api/v1/consultations/${proposal19.id}/comments`)).status);
  });

  it('refuses a period that ends before it begins, and a proposal of a municipality outside the round, changing nothing', async () => {
    const bad = await regional.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft({ closesOn: shift(-1) }));
    expect(bad.status).toBe(400);
    const outside = await regional.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft({ kind: 'planning_proposal', municipalityId: await t.territoryId('SML31') }));
    expect(outside.status).toBe(400);
    expect((await regional.get(`/api/v1/planning/rounds/${roundId}/consultations`)).body.items).toHaveLength(2);
  });

  it('shows residents the document and its items without an account, in the country language or the one asked for, escaped', async () => {
    const json = await resident().get(`/api/v1/public/consultations/${agreement.id}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ language: 'bg', phase: 'open', authority: 'Пазарджик', kind: 'Проект на споразумение между общините', comments: [] });
    expect(json.body.items).toEqual([expect.objectContaining({ id: itemId, municipality: 'Пазарджик', action: 'разкриване', serviceType: 'Дневна грижа за пълнолетни лица с трайни увреждания', unit: 'места', capacityChange: 15 })]);
    expect(json.body.challenge).toMatch(/^\d+\./);
    const polish = await resident().get(`/api/v1/public/consultations/${agreement.id}?lang=pl`);
    expect(polish.body.kind).toBe('Projekt porozumienia międzygminnego');

    const page = await resident().get(`${agreement.publicPath}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<html lang="bg">');
    expect(page.text).toContain('Мобилни екипи за отдалечените населени места.');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page.text).toContain(`id="item-${itemId}"`);
    expect((await resident().get(`/consultations/999999`)).status).toBe(404);
    expect((await resident().get(`/consultations/abc`)).status).toBe(404);
    const notANumber = await fetch(`${t.url}/consultations/abc/comments`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'body=x' });
    expect(notANumber.status).toBe(404);
  });

  it("takes a resident's comment only with a solved, fresh, unused challenge, aimed at a part of the document", async () => {
    const [first, second, third] = await challenges(agreement.id, 3);
    // Unsolved, forged or too fast: refused, nothing stored.
    expect((await resident().post(`/api/v1/public/consultations/${agreement.id}/comments`, { challenge: first, nonce: 'x', target: { kind: 'whole' }, body: 'Спам' })).body.code).toBe('consultation.proof_failed');
    expect((await comment(agreement.id, `${first!.split('.').slice(0, 2).join('.')}.forged`, { target: { kind: 'whole' }, body: 'Спам' })).body.code).toBe('consultation.proof_failed');
    const fresh = (await resident().get(`/api/v1/public/consultations/${agreement.id}`)).body.challenge;
    expect((await comment(agreement.id, fresh, { target: { kind: 'whole' }, body: 'Твърде бързо' })).body.code).toBe('consultation.proof_failed');
    // A section the document does not have.
    expect((await comment(agreement.id, first!, { target: { kind: 'section', section: 7 }, body: 'Къде е раздел 8?' })).status).toBe(400);

    const onItem = await comment(agreement.id, second!, { target: { kind: 'item', itemId }, body: 'Дневният център да бъде и за Батак.', name: 'Мария Петрова', organisation: 'Сдружение „Родопи“', consent: true });
    expect(onItem.status, onItem.text).toBe(201);
    // One challenge, one comment.
    expect((await comment(agreement.id, second!, { target: { kind: 'whole' }, body: 'Отново' })).body.code).toBe('consultation.proof_failed');
    const unsigned = await comment(agreement.id, third!, { target: { kind: 'section', section: 1 }, body: 'Колко екипа?', name: 'Иван Иванов', consent: false });
    expect(unsigned.status).toBe(201);
    // A bot filling the honeypot is told "taken" and nothing is stored.
    const [fourth] = await challenges(agreement.id, 1);
    expect((await comment(agreement.id, fourth!, { target: { kind: 'whole' }, body: 'Купете сега', website: 'http://spam.example' })).status).toBe(201);

    const listed = await regional.get(`/api/v1/consultations/${agreement.id}/comments`);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.map((c: { status: string }) => c.status)).toEqual(['pending', 'pending']);
    const entry = (await audit('consultation_comment'))[0]!;
    expect(entry).toMatchObject({ action: 'create' });
    expect(JSON.stringify(entry)).not.toContain('Иван');
    // Nothing pending reaches the public.
    const page = await resident().get(`/api/v1/public/consultations/${agreement.id}`);
    expect(page.body.comments).toEqual([]);
  });

  it('lets the moderator publish and hide with a reason; the public sees names only with consent, a hidden comment only by its reason', async () => {
    const [withName, without] = (await regional.get(`/api/v1/consultations/${agreement.id}/comments`)).body.items as { id: number }[];
    for (const client of [officer19, viewer, provider, otherRegional]) expect([403, 404]).toContain((await client.put(`/api/v1/consultation-comments/${withName!.id}/moderation`, { status: 'published' })).status);
    expect((await regional.put(`/api/v1/consultation-comments/${withName!.id}/moderation`, { status: 'hidden', reason: '' })).status).toBe(400);
    expect((await regional.put(`/api/v1/consultation-comments/${withName!.id}/moderation`, { status: 'published' })).status).toBe(200);
    expect((await regional.put(`/api/v1/consultation-comments/${without!.id}/moderation`, { status: 'published' })).status).toBe(200);

    let page = (await resident().get(`/api/v1/public/consultations/${agreement.id}`)).body;
    expect(page.comments).toEqual([
      expect.objectContaining({ target: { kind: 'item', itemId }, body: 'Дневният център да бъде и за Батак.', name: 'Мария Петрова', organisation: 'Сдружение „Родопи“' }),
      expect.objectContaining({ target: { kind: 'section', section: 1 }, body: 'Колко екипа?', name: null, organisation: null }),
    ]);
    expect(JSON.stringify(page)).not.toContain('Иван Иванов');

    expect((await regional.put(`/api/v1/consultation-comments/${without!.id}/moderation`, { status: 'hidden', reason: 'Лични данни на трети лица' })).status).toBe(200);
    page = (await resident().get(`/api/v1/public/consultations/${agreement.id}`)).body;
    expect(page.comments[1]).toMatchObject({ body: null, hiddenReason: 'Лични данни на трети лица' });
    expect(JSON.stringify(page)).not.toContain('Колко екипа?');
  });

  it('answers a comment where it was asked, with the item it changed, and erases a name on request', async () => {
    const [withName] = (await regional.get(`/api/v1/consultations/${agreement.id}/comments`)).body.items as { id: number }[];
    expect((await regional.put(`/api/v1/consultation-comments/${withName!.id}/answer`, { verdict: 'partly', reason: '' })).status).toBe(400);
    expect((await regional.put(`/api/v1/consultation-comments/${withName!.id}/answer`, { verdict: 'partly', reason: 'Батак се включва от 2028 г.', change: 'Капацитетът е увеличен на 20 места.', changedItemId: 999_999 })).status).toBe(400);
    const answered = await regional.put(`/api/v1/consultation-comments/${withName!.id}/answer`, { verdict: 'partly', reason: 'Батак се включва от 2028 г.', change: 'Капацитетът е увеличен на 20 места.', changedItemId: itemId });
    expect(answered.status, answered.text).toBe(200);
    expect(answered.body).toMatchObject({ verdict: 'partly', changedItemId: itemId });

    const page = await resident().get(agreement.publicPath);
    expect(page.text).toContain('Приема се частично');
    expect(page.text).toContain(`href="#item-${itemId}"`);

    for (const client of [officer19, viewer]) expect([403, 404]).toContain((await client.delete(`/api/v1/consultation-comments/${withName!.id}/commenter`)).status);
    const erased = await regional.delete(`/api/v1/consultation-comments/${withName!.id}/commenter`);
    expect(erased.body).toMatchObject({ name: null, organisation: null, erased: true });
    const after = await resident().get(`/api/v1/public/consultations/${agreement.id}`);
    expect(JSON.stringify(after.body)).not.toContain('Мария Петрова');
    expect(JSON.stringify(await audit('consultation_comment', 10))).not.toContain('Мария Петрова');
  });

  it('takes a comment from the plain HTML form and sends the resident back to the page; a refused one keeps what was typed', async () => {
    const [challenge] = await challenges(proposal19.id, 1);
    const post = (fields: Record<string, string>) =>
      fetch(`${t.url}/consultations/${proposal19.id}/comments?lang=bg`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
    const refused = await post({ target: `item-${itemId}`, body: 'Без доказателство', challenge: challenge!, nonce: '' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Коментарът не беше приет');
    expect(html).toContain('Без доказателство</textarea>');
    const taken = await post({ target: `item-${itemId}`, body: 'Добре е, но кога?', name: 'Петър', consent: 'yes', challenge: challenge!, nonce: solveChallenge(challenge!), website: '' });
    expect(taken.status).toBe(303);
    expect(taken.headers.get('location')).toBe(`/consultations/${proposal19.id}?lang=bg&sent=1#top`);
    const stored = (await officer19.get(`/api/v1/consultations/${proposal19.id}/comments`)).body.items;
    expect(stored).toEqual([expect.objectContaining({ target: { kind: 'item', itemId }, body: 'Добре е, но кога?', name: 'Петър', consent: true, status: 'pending' })]);
  });

  it('keeps the published text as residents read it: only the closing date changes once open; nothing is taken after it closes', async () => {
    expect((await regional.put(`/api/v1/consultations/${agreement.id}`, draft({ title: 'Друг текст' }))).body.code).toBe('consultation.text_published');
    const extended = await regional.put(`/api/v1/consultations/${agreement.id}`, draft({ closesOn: shift(40) }));
    expect(extended.status, extended.text).toBe(200);
    expect(extended.body.closesOn).toBe(shift(40));

    // A consultation held before (on paper, say) is recorded closed: readable, not open to comments.
    const past = await regional.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft({ title: 'Минала консултация', opensOn: shift(-40), closesOn: shift(-10) }));
    expect(past.body.phase).toBe('closed');
    const closed = await resident().get(`/api/v1/public/consultations/${past.body.id}`);
    expect(closed.body).toMatchObject({ phase: 'closed', challenge: null });
    expect((await resident().post(`/api/v1/public/consultations/${past.body.id}/comments`, { challenge: 'x', nonce: 'y', target: { kind: 'whole' }, body: 'Късно' })).body.code).toBe('consultation.not_open');
    // One not yet open is not public at all.
    const later = await regional.post(`/api/v1/planning/rounds/${roundId}/consultations`, draft({ title: 'Бъдеща консултация', opensOn: shift(5), closesOn: shift(35) }));
    expect((await resident().get(`/api/v1/public/consultations/${later.body.id}`)).status).toBe(404);
    expect((await resident().get(`/consultations/${later.body.id}`)).status).toBe(404);
  });

  it('writes the report with every comment, its answer and the change, as DOCX and PDF, to its runners only', async () => {
    for (const client of [officer19, viewer, provider]) expect([403, 404]).toContain((await download(client, `/api/v1/consultations/${agreement.id}/report/pdf`)).status);
    const docx = await download(regional, `/api/v1/consultations/${agreement.id}/report/docx`);
    expect(docx.status).toBe(200);
    const text = flatten(readDocx(docx.body).text);
    expect(text).toContain('Справка за общественото обсъждане');
    expect(text).toContain('Дневният център да бъде и за Батак.');
    expect(text).toContain('Приема се частично: Батак се включва от 2028 г.');
    expect(text).toContain('Капацитетът е увеличен на 20 места.');
    expect(text).toContain('Скрит от модератора: Лични данни на трети лица');
    expect(text).not.toContain('Мария Петрова');
    expect(text).not.toContain('Иван Иванов');
    expect(text).toContain('Междинна справка');
    const pdf = await download(regional, `/api/v1/consultations/${agreement.id}/report/pdf`);
    expect(pdf.type).toBe('application/pdf');
    expect(flatten(readPdf(pdf.body).text)).toContain('Дневният център да бъде и за Батак.');
  });

  it('takes comments on a published service of the registry and a published figure of need against capacity; each answer lands where it was asked, in the page, the report and the open data', async () => {
    // Nothing of the registry is put to residents before the municipality publishes it.
    const before = (await resident().get(`/api/v1/public/consultations/${proposal19.id}`)).body as { sites: unknown[]; figures: unknown[] };
    expect(before.sites).toEqual([]);
    expect(before.figures).toEqual([]);
    for (const section of ['services', 'gaps']) expect((await officer19.put(`/api/v1/territories/${ids.PAZ19}/publications/${section}`, { published: true })).status).toBe(200);
    const view = (await resident().get(`/api/v1/public/consultations/${proposal19.id}`)).body as { sites: { id: number; key: string; name: string; capacity: string }[]; figures: { key: string; municipalityId: number; serviceTypeKey: string; need: string; capacity: string; gap: string | null }[] };
    // Pazardzhik's own sites and figures (the proposal is one municipality's), units written out.
    expect(view.sites.length).toBeGreaterThan(0);
    expect(view.sites[0]!.capacity).toMatch(/^[\d\s]+ (места|лица годишно|лица)$/);
    expect(view.figures.length).toBeGreaterThan(0);
    expect(view.figures.every((f) => f.municipalityId === ids.PAZ19)).toBe(true);
    const site = view.sites[0]!;
    const figure = view.figures.find((f) => f.gap !== null)!;
    const [a, b, c] = await challenges(proposal19.id, 3);
    expect((await comment(proposal19.id, a!, { target: { kind: 'site', siteId: 999_999 }, body: 'Няма такава услуга' })).status).toBe(400);
    const onSite = await comment(proposal19.id, b!, { target: { kind: 'site', siteId: site.id }, body: 'Работното време да е и в събота.' });
    expect(onSite.status, onSite.text).toBe(201);
    const onFigure = await comment(proposal19.id, c!, { target: { kind: 'figure', municipalityId: ids.PAZ19, serviceType: figure.serviceTypeKey }, body: 'Потребността е по-голяма от показаната.' });
    expect(onFigure.status, onFigure.text).toBe(201);
    const listed = (await officer19.get(`/api/v1/consultations/${proposal19.id}/comments`)).body.items as { id: number }[];
    for (const x of listed) {
      expect((await officer19.put(`/api/v1/consultation-comments/${x.id}/moderation`, { status: 'published' })).status).toBe(200);
      expect((await officer19.put(`/api/v1/consultation-comments/${x.id}/answer`, { verdict: 'accepted', reason: `Отговор ${x.id}` })).status).toBe(200);
    }
    const page = (await resident().get(`/consultations/${proposal19.id}`)).text;
    // Under the site's own heading and the figure's, not at the end of the page.
    const siteArticle = page.slice(page.indexOf(`<article id="${site.key}"`), page.indexOf('</article>', page.indexOf(`<article id="${site.key}"`)));
    expect(siteArticle).toContain('Работното време да е и в събота.');
    const figureArticle = page.slice(page.indexOf(`<article id="${figure.key}"`), page.indexOf('</article>', page.indexOf(`<article id="${figure.key}"`)));
    expect(figureArticle).toContain('Потребността е по-голяма от показаната.');
    expect(page).toContain(`<option value="${figure.key}">`);
    const report = flatten(readDocx((await download(officer19, `/api/v1/consultations/${proposal19.id}/report/docx`)).body).text);
    expect(report).toContain(`Услуга: ${site.name}`);
    expect(report).toContain('Работното време да е и в събота.');
    const csv = await resident().get(`/api/v1/public/territories/BG/PAZ19/open-data/consultation-comments?format=csv&lang=bg`);
    expect(csv.text).toContain(`Услуга № ${site.id}`);
    expect(csv.text).toContain('Пазарджик: ');
    expect(csv.text).not.toContain(figure.serviceTypeKey);
  });
});
