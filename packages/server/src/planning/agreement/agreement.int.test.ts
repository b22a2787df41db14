import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../../reports/read-document-text';
import { ENGINE } from '../../testing/test-database';
import { auditOf, openPazardzhikRound, type RoundPeople, roundPeople, territoryIds } from '../../testing/round-people';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';

type Version = {
  id: number;
  number: number;
  status: 'draft' | 'signed';
  contentHash: string;
  created?: boolean;
  content: { parties: { municipalityId: number; code: string; name: string }[]; services: { itemId: number; host: number; capacity: number; parts: { municipalityId: number; places: number; cost: number | null }[] }[]; items: unknown[] };
  positions: { municipalityId: number; position: string; reason: string; decisionNumber: string | null }[];
};

/** The mayors' agreement (issue 8, item 11): versions, positions, signatures, frozen versions, comparison and documents. */
describe(`mayors' agreement (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  const ids: Record<string, number> = {};
  let roundId: number;
  let sharedItem: number;
  let v1: Version;
  let v2: Version;

  const audit = auditOf(() => admin);
  const generate = (client: Client) => client.post(`/api/v1/planning/rounds/${roundId}/agreement`, {});
  const position = (client: Client, version: number, municipality: string, body: Record<string, unknown>) => client.put(`/api/v1/planning/agreements/${version}/position`, { municipalityId: ids[municipality], ...body });
  const sign = (client: Client, version: number, municipalityId: number) =>
    client.put(`/api/v1/planning/agreements/${version}/position`, { municipalityId, position: 'signed', decisionNumber: `${municipalityId}/2026`, decisionDate: '2026-03-10', signatoryName: `Кмет ${municipalityId}` });
  const download = async (client: Client, version: number, format: string) => {
    const res = await fetch(`${t.url}/api/v1/planning/agreements/${version}/document/${format}`, { headers: { cookie: client.cookie ?? '', 'x-potreby-language': 'en' } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(ids, await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20']));
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    roundId = await openPazardzhikRound(regional, ids.PAZ!);
    // PAZ19 hosts a day centre of 12 places, 4 of them for PAZ20's residents, for 90 000 a year.
    const shared = await officer19.post(`/api/v1/planning/rounds/${roundId}/items`, {
      municipalityId: ids.PAZ19,
      action: 'open',
      serviceType: 'bg.day_care_adults_disability',
      capacityChange: 12,
      served: [{ municipalityId: ids.PAZ20, capacity: 4 }],
      startYear: 2027,
      fundingSource: 'state_delegated',
      annualCost: 90000,
      explanation: 'Общ дневен център',
    });
    expect(shared.status, shared.text).toBe(201);
    sharedItem = shared.body.id;
  });
  afterAll(() => t.close());

  it('the OpenAPI document describes the agreement routes', async () => {
    const doc = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['/api/v1/planning/rounds/{id}/agreement', '/api/v1/planning/rounds/{id}/agreement/compare', '/api/v1/planning/agreements/{id}', '/api/v1/planning/agreements/{id}/position', '/api/v1/planning/agreements/{id}/document/{format}'])
      expect(doc.paths[path], path).toBeDefined();
  });

  it("only the region's officers generate the draft; generating again without a change gives the same version", async () => {
    expect((await t.anonymous().post(`/api/v1/planning/rounds/${roundId}/agreement`, {})).status).toBe(401);
    for (const client of [officer19, provider, viewer]) expect((await generate(client)).status).toBe(403);
    expect((await generate(otherRegional)).status).toBe(404);
    const res = await generate(regional);
    expect(res.status, res.text).toBe(201);
    v1 = res.body;
    expect(v1).toMatchObject({ number: 1, status: 'draft', created: true });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.content.parties.map((p) => p.municipalityId)).toEqual(expect.arrayContaining([ids.PAZ19, ids.PAZ20]));
    const service = v1.content.services.find((s) => s.itemId === sharedItem)!;
    expect(service).toMatchObject({ host: ids.PAZ19, capacity: 12 });
    expect(service.parts).toEqual([
      { municipalityId: ids.PAZ19, host: true, places: 8, cost: 60000 },
      { municipalityId: ids.PAZ20, host: false, places: 4, cost: 30000 },
    ]);
    expect((await audit('agreement_version'))[0]).toMatchObject({ action: 'create', entityId: String(v1.id) });

    const again = await generate(regional);
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ id: v1.id, number: 1, contentHash: v1.contentHash, created: false });
    expect((await regional.get(`/api/v1/planning/rounds/${roundId}/agreement`)).body.items).toHaveLength(1);
  });

  it('everyone whose reach meets the province reads the versions; outsiders do not', async () => {
    for (const client of [admin, regional, officer19, officer20, provider, viewer]) {
      expect((await client.get(`/api/v1/planning/rounds/${roundId}/agreement`)).status).toBe(200);
      expect((await client.get(`/api/v1/planning/agreements/${v1.id}`)).status).toBe(200);
    }
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/agreement`)).status).toBe(404);
    expect((await otherRegional.get(`/api/v1/planning/agreements/${v1.id}`)).status).toBe(404);
    expect((await otherRegional.get(`/api/v1/planning/agreements/${v1.id}/document/pdf`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/planning/agreements/${v1.id}`)).status).toBe(401);
  });

  it("each municipal officer records only their own municipality's position; an objection needs a reason, a signature the decision", async () => {
    expect((await position(officer19, v1.id, 'PAZ20', { position: 'agrees' })).status).toBe(403);
    for (const client of [regional, provider, viewer]) expect((await position(client, v1.id, 'PAZ19', { position: 'agrees' })).status).toBe(403);
    expect((await position(otherRegional, v1.id, 'PAZ19', { position: 'agrees' })).status).toBe(404);
    expect((await position(t.anonymous(), v1.id, 'PAZ19', { position: 'agrees' })).status).toBe(401);

    const noReason = await position(officer20, v1.id, 'PAZ20', { position: 'objects', reason: '  ' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('position_reason_required');
    const noDecision = await position(officer20, v1.id, 'PAZ20', { position: 'signed' });
    expect(noDecision.status).toBe(400);
    expect(JSON.stringify(noDecision.body)).toContain('decision_required');
    // The region itself is not a party to the agreement: its own code, not a field mistake.
    const notParty = await position(admin, v1.id, 'PAZ', { position: 'agrees' });
    expect(notParty.status).toBe(422);
    expect(notParty.body).toMatchObject({ code: 'agreement.not_a_party' });

    const reason = 'Делът на разходите е твърде висок <b>!</b>';
    const objects = await position(officer20, v1.id, 'PAZ20', { position: 'objects', reason });
    expect(objects.status, objects.text).toBe(200);
    expect(objects.body.positions.find((p: Version['positions'][number]) => p.municipalityId === ids.PAZ20)).toMatchObject({ position: 'objects', reason });
    const agrees = await position(officer19, v1.id, 'PAZ19', { position: 'agrees' });
    expect(agrees.status, agrees.text).toBe(200);
    expect((await audit('mayor_position'))[0]).toMatchObject({ action: 'create', after: { position: 'agrees', municipalityId: ids.PAZ19 } });

    const signed = await sign(officer20, v1.id, ids.PAZ20!);
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.positions.find((p: Version['positions'][number]) => p.municipalityId === ids.PAZ20)).toMatchObject({ position: 'signed', reason: '', decisionNumber: `${ids.PAZ20}/2026` });
    expect((await audit('mayor_position'))[0]).toMatchObject({ action: 'update', before: { position: 'objects' }, after: { position: 'signed' } });
    expect(signed.body.status).toBe('draft');
  });

  it('when every municipality has signed, the version is signed and frozen', async () => {
    let last: Version | undefined;
    for (const party of v1.content.parties) {
      if (party.municipalityId === ids.PAZ20) continue;
      const client = party.municipalityId === ids.PAZ19 ? officer19 : admin;
      const res = await sign(client, v1.id, party.municipalityId);
      expect(res.status, res.text).toBe(200);
      last = res.body;
    }
    expect(last!.status).toBe('signed');
    expect((await audit('agreement_version'))[0]).toMatchObject({ action: 'update', entityId: String(v1.id), after: { status: 'signed' } });
    const frozen = await position(officer19, v1.id, 'PAZ19', { position: 'objects', reason: 'Късно възражение' });
    // Not a form mistake: the version was signed meanwhile (409, its own code and translated title).
    expect(frozen.status).toBe(409);
    expect(frozen.body).toMatchObject({ code: 'agreement.signed', title: expect.stringContaining('signed by all parties') });
    const read = (await officer19.get(`/api/v1/planning/agreements/${v1.id}`)).body as Version;
    expect(read.positions.find((p) => p.municipalityId === ids.PAZ19)!.position).toBe('signed');
    // Nothing changed in the plan: generating gives the signed version back, untouched.
    const again = await generate(regional);
    expect(again.body).toMatchObject({ id: v1.id, status: 'signed', created: false });
  });

  it('a change of the plan makes a new draft version; the signed one stays as it was', async () => {
    const item = (await officer19.get(`/api/v1/planning/items/${sharedItem}`)).body;
    const changed = await officer19.put(`/api/v1/planning/items/${sharedItem}`, { ...item, capacityChange: 15, served: [{ municipalityId: ids.PAZ20, capacity: 5 }] });
    expect(changed.status, changed.text).toBe(200);
    const res = await generate(regional);
    expect(res.status, res.text).toBe(201);
    v2 = res.body;
    expect(v2).toMatchObject({ number: 2, status: 'draft' });
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const old = (await regional.get(`/api/v1/planning/agreements/${v1.id}`)).body as Version;
    expect(old).toMatchObject({ status: 'signed', contentHash: v1.contentHash });
    expect(old.content.services.find((s) => s.itemId === sharedItem)!.capacity).toBe(12);
    expect((await regional.get(`/api/v1/planning/rounds/${roundId}/agreement`)).body.items.map((v: Version) => v.number)).toEqual([2, 1]);
  });

  it('compares two versions side by side, naming the changed fields', async () => {
    const res = await officer20.get(`/api/v1/planning/rounds/${roundId}/agreement/compare?a=${v1.id}&b=${v2.id}`);
    expect(res.status, res.text).toBe(200);
    const service = res.body.rows.find((r: { section: string; key: number }) => r.section === 'service' && r.key === sharedItem);
    expect(service.change).toBe('changed');
    expect(service.fields).toEqual(expect.arrayContaining(['capacity', `places.${ids.PAZ19}`, `places.${ids.PAZ20}`]));
    expect(service.a.capacity).toBe(12);
    expect(service.b.capacity).toBe(15);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/agreement/compare?a=${v1.id}&b=${v2.id}`)).status).toBe(404);
  });

  it('a position on a draft that a newer draft replaced is refused as superseded (409), not as a form mistake', async () => {
    const item = (await officer19.get(`/api/v1/planning/items/${sharedItem}`)).body;
    expect((await officer19.put(`/api/v1/planning/items/${sharedItem}`, { ...item, annualCost: 95000 })).status).toBe(200);
    const v3 = await generate(regional);
    expect(v3.status, v3.text).toBe(201);
    const late = await position(officer19, v2.id, 'PAZ19', { position: 'agrees' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'agreement.superseded' });
    expect((await position(officer19, v3.body.id, 'PAZ19', { position: 'agrees' })).status).toBe(200);
  });

  it("gives a version as DOCX and PDF in the round's country's language, Cyrillic intact", async () => {
    const docx = await download(officer20, v2.id, 'docx');
    expect(docx.status).toBe(200);
    expect(docx.disposition).toMatch(/^attachment; filename="sporazumenie-na-kmetovete-[a-z0-9-]+-v2\.docx"$/);
    const text = flatten(readDocx(docx.body).text);
    expect(text).toContain('СПОРАЗУМЕНИЕ');
    for (const p of v2.content.parties) expect(text).toContain(p.name);
    expect(text).toContain('места');
    expect(text).toContain(`${new Intl.NumberFormat('bg-BG').format(90000)} €`);
    expect(text).toContain(new Intl.NumberFormat('bg-BG').format(30000));
    // The euro by its sign, as a Bulgarian document writes it: no Latin code.
    expect(text).not.toMatch(/EUR/);
    expect(text).toContain(v2.contentHash);

    const pdf = await download(provider, v2.id, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const read = readPdf(pdf.body);
    const pdfText = flatten(read.text);
    expect(pdfText).toContain('СПОРАЗУМЕНИЕ');
    expect(pdfText).toContain('€');
    expect(pdfText).toContain(v2.content.parties.find((p) => p.municipalityId === ids.PAZ19)!.name);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('names in the signed version the mayors who signed it, without making it a new version', async () => {
    const text = flatten(readDocx((await download(officer19, v1.id, 'docx')).body).text);
    for (const p of v1.content.parties) expect(text).toContain(`Кмет ${p.municipalityId}`);
    // The newest draft, where nobody has signed: lines to write the names on.
    const v3 = (await officer19.get(`/api/v1/planning/rounds/${roundId}/agreement`)).body.items[0] as { id: number; number: number };
    const draft = flatten(readDocx((await download(officer19, v3.id, 'docx')).body).text);
    expect(draft).not.toContain(`Кмет ${ids.PAZ20}`);
    expect(draft).toContain('________________');
    // Naming signatories changed no content: generating again gives the same newest version back.
    expect((await generate(regional)).body).toMatchObject({ id: v3.id, created: false });
  });

  it("writes the agreement with the fixed text the country's administrator reworded, and the files' text again once restored", async () => {
    const put = (text: string | null) => admin.put('/api/v1/document-wording/BG/bg.agreement', { lang: 'bg', key: 'agreement.document.kind', text });
    expect((await put('СПОРАЗУМЕНИЕ ЗА СЪВМЕСТНО ПРЕДОСТАВЯНЕ')).status).toBe(200);
    expect(flatten(readDocx((await download(officer20, v2.id, 'docx')).body).text)).toContain('СПОРАЗУМЕНИЕ ЗА СЪВМЕСТНО ПРЕДОСТАВЯНЕ');
    expect((await put(null)).status).toBe(200);
    expect(flatten(readDocx((await download(officer20, v2.id, 'docx')).body).text)).not.toContain('СЪВМЕСТНО ПРЕДОСТАВЯНЕ');
  });
});
