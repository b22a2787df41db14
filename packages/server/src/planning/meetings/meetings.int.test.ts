import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../../reports/read-document-text';
import { ENGINE } from '../../testing/test-database';
import { auditOf, openPazardzhikRound, roundPeople, type RoundPeople, territoryIds } from '../../testing/round-people';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';

type Meeting = { id: number; followUpOf: number | null; agenda: string; minutes: string; participants: { personName: string; present: boolean }[]; decisions: { id: number; number: number; text: string; taskIds: number[] }[]; attachments: { id: number; fileName: string; mediaType: string; size: number }[] };
type Task = { id: number; title: string; status: string; ownerTerritoryId: number | null; dueDate: string | null; decisionId: number | null };

/** Tasks and working meetings of a planning round (issue 8, items 3 and 4), with every role's denials. */
describe(`round meetings and tasks (${ENGINE})`, () => {
  let t: TestApp;
  let { admin, regional, otherRegional, officer19, officer20, provider, viewer } = {} as RoundPeople;
  const ids: Record<string, number> = {};
  let roundId: number;
  let meeting: Meeting;
  let task: Task;
  // Stored text is hostile: it comes back as written and is set as text in the documents.
  const MINUTES = 'Обсъдени са картите на потребностите <script>alert(1)</script> & „кавички“';
  const meetingBody = () => ({
    date: '2026-03-10',
    time: '10:00',
    place: 'Областна администрация, зала 2',
    chair: 'Иван Петров',
    agenda: '1. Картата на услугите',
    minutes: MINUTES,
    participants: [
      { personName: 'Мария Иванова', organisation: 'Община Пазарджик', role: 'експерт', present: true },
      { personName: 'Георги Георгиев', organisation: 'Община Белово', role: 'заместник-кмет', present: false },
    ],
  });
  const audit = auditOf(() => admin);
  const attach = (client: Client, fileName: string, bytes: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
    return client.request('POST', `/api/v1/planning/meetings/${meeting.id}/attachments`, form);
  };
  const download = async (client: Client, path: string) => {
    const res = await fetch(`${t.url}${path}`, { headers: { cookie: client.cookie ?? '' } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
  };
  const attachmentCount = async () => (await admin.get(`/api/v1/planning/meetings/${meeting.id}`)).body.attachments.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    Object.assign(ids, await territoryIds(t, ['PAZ', 'PAZ19', 'PAZ20']));
    ({ admin, regional, otherRegional, officer19, officer20, provider, viewer } = await roundPeople(t));
    roundId = await openPazardzhikRound(regional, ids.PAZ!);
  });
  afterAll(() => t.close());

  it("only the region's officers record a meeting; everyone in reach reads it; outsiders do not see it", async () => {
    expect((await t.anonymous().post(`/api/v1/planning/rounds/${roundId}/meetings`, meetingBody())).status).toBe(401);
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/rounds/${roundId}/meetings`, meetingBody())).status).toBe(403);
    expect((await otherRegional.post(`/api/v1/planning/rounds/${roundId}/meetings`, meetingBody())).status).toBe(404);
    expect((await regional.post(`/api/v1/planning/rounds/${roundId}/meetings`, { ...meetingBody(), time: '25:00' })).status).toBe(400);
    const res = await regional.post(`/api/v1/planning/rounds/${roundId}/meetings`, meetingBody());
    expect(res.status, res.text).toBe(201);
    meeting = res.body;
    expect(meeting.minutes).toBe(MINUTES);
    expect(meeting.participants.map((p) => [p.personName, p.present])).toEqual([
      ['Мария Иванова', true],
      ['Георги Георгиев', false],
    ]);
    const [entry] = await audit('round_meeting');
    expect(entry).toMatchObject({ action: 'create', entityId: String(meeting.id) });
    for (const client of [admin, regional, officer19, officer20, provider, viewer]) {
      expect((await client.get(`/api/v1/planning/meetings/${meeting.id}`)).status).toBe(200);
      expect((await client.get(`/api/v1/planning/rounds/${roundId}/meetings`)).body.items).toEqual([expect.objectContaining({ id: meeting.id, participants: 2, present: 1, decisions: 0 })]);
    }
    expect((await otherRegional.get(`/api/v1/planning/meetings/${meeting.id}`)).status).toBe(404);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/meetings`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/v1/planning/meetings/${meeting.id}`)).status).toBe(401);
  });

  it('changes a meeting (the region only), audited with before and after', async () => {
    const body = { ...meetingBody(), participants: [...meetingBody().participants, { personName: 'Анна Димитрова', organisation: 'Сдружение „Подкрепа“', role: 'доставчик', present: true }] };
    for (const client of [officer19, provider, viewer]) expect((await client.put(`/api/v1/planning/meetings/${meeting.id}`, body)).status).toBe(403);
    expect((await otherRegional.put(`/api/v1/planning/meetings/${meeting.id}`, body)).status).toBe(404);
    const res = await regional.put(`/api/v1/planning/meetings/${meeting.id}`, body);
    expect(res.status, res.text).toBe(200);
    expect(res.body.participants).toHaveLength(3);
    const [entry] = await audit('round_meeting');
    expect(entry).toMatchObject({ action: 'update', entityId: String(meeting.id) });
    expect(entry!.before.participants).toHaveLength(2);
    expect(entry!.after.participants).toHaveLength(3);
  });

  it('records numbered decisions; one becomes a task of its municipality with one click', async () => {
    const decision = { text: 'Община Пазарджик да предложи дневен център', ownerTerritoryId: ids.PAZ19, dueDate: '2026-03-20' };
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/meetings/${meeting.id}/decisions`, decision)).status).toBe(403);
    // An owner outside the round is refused.
    expect((await regional.post(`/api/v1/planning/meetings/${meeting.id}/decisions`, { ...decision, ownerTerritoryId: await t.territoryId('SML') })).status).toBe(400);
    let res = await regional.post(`/api/v1/planning/meetings/${meeting.id}/decisions`, decision);
    expect(res.status, res.text).toBe(201);
    res = await regional.post(`/api/v1/planning/meetings/${meeting.id}/decisions`, { text: 'Областта да събере данните', ownerTerritoryId: null, dueDate: null });
    meeting = res.body;
    expect(meeting.decisions.map((d) => d.number)).toEqual([1, 2]);
    expect((await audit('meeting_decision'))[0]).toMatchObject({ action: 'create' });
    const first = meeting.decisions[0]!;
    expect((await regional.put(`/api/v1/planning/decisions/${first.id}`, { ...decision, text: 'Община Пазарджик да предложи дневен център за възрастни' })).status).toBe(200);
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/decisions/${first.id}/task`)).status).toBe(403);
    const made = await regional.post(`/api/v1/planning/decisions/${first.id}/task`);
    expect(made.status, made.text).toBe(201);
    task = made.body;
    expect(task).toMatchObject({ title: 'Община Пазарджик да предложи дневен център за възрастни', ownerTerritoryId: ids.PAZ19, dueDate: '2026-03-20', status: 'open', decisionId: first.id });
    expect((await audit('round_task'))[0]).toMatchObject({ action: 'create', entityId: String(task.id) });
    expect((await regional.get(`/api/v1/planning/meetings/${meeting.id}`)).body.decisions[0].taskIds).toEqual([task.id]);
  });

  it('lists tasks: all, overdue, mine; the municipality marks its own task done, not another one', async () => {
    const own = await regional.post(`/api/v1/planning/rounds/${roundId}/tasks`, { title: 'Регионален анализ', dueDate: '2099-01-01', ownerTerritoryId: null, stageId: null });
    expect(own.status, own.text).toBe(201);
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/rounds/${roundId}/tasks`, { title: 'x' })).status).toBe(403);
    expect((await otherRegional.get(`/api/v1/planning/rounds/${roundId}/tasks`)).status).toBe(404);
    const titles = async (client: Client, query = '') => ((await client.get(`/api/v1/planning/rounds/${roundId}/tasks${query}`)).body.items as Task[]).map((x) => x.id);
    expect(await titles(viewer)).toEqual([task.id, own.body.id]);
    expect(await titles(regional, '?filter=overdue')).toEqual([task.id]);
    expect(await titles(regional, '?filter=thisWeek')).toEqual([]);
    expect(await titles(officer19, '?mine=true')).toEqual([task.id]);
    expect(await titles(officer20, '?mine=true')).toEqual([]);
    // Edits are the region's.
    expect((await officer19.put(`/api/v1/planning/tasks/${task.id}`, { title: 'друго' })).status).toBe(403);
    expect((await regional.put(`/api/v1/planning/tasks/${own.body.id}`, { title: 'Регионален анализ на картата', dueDate: '2099-01-02', ownerTerritoryId: null, stageId: null })).body.title).toBe('Регионален анализ на картата');
    for (const client of [officer20, provider, viewer]) expect((await client.put(`/api/v1/planning/tasks/${task.id}/done`, { doneDate: '2026-03-18' })).status).toBe(403);
    expect((await officer19.put(`/api/v1/planning/tasks/${own.body.id}/done`, { doneDate: '2026-03-18' })).status).toBe(403);
    const done = await officer19.put(`/api/v1/planning/tasks/${task.id}/done`, { doneDate: '2026-03-18' });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneDate: '2026-03-18' });
    expect((await audit('round_task'))[0]).toMatchObject({ action: 'update', entityId: String(task.id), before: { status: 'open' }, after: { status: 'done' } });
    expect(await titles(regional, '?filter=overdue')).toEqual([]);
  });

  it('keeps attachments in the database: PDF and PNG taken; too big, wrong bytes or kind refused and nothing stored', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% протокол\n%%EOF\n');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    for (const client of [officer19, provider, viewer]) expect((await attach(client, 'p.pdf', pdf)).status).toBe(403);
    expect((await attach(otherRegional, 'p.pdf', pdf)).status).toBe(404);
    const before = await attachmentCount();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    pdf.copy(big);
    expect((await attach(regional, 'big.pdf', big)).body).toMatchObject({ status: 413, code: 'attachment.too_large' });
    const fake = await attach(regional, 'minutes.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(fake.status).toBe(400);
    expect(fake.body).toMatchObject({ code: 'attachment.type_not_allowed', title: expect.stringContaining('Only PDF, DOCX') });
    expect((await attach(regional, 'empty.pdf', Buffer.alloc(0))).body).toMatchObject({ status: 400, code: 'attachment.empty' });
    expect((await attach(regional, 'program.exe', Buffer.from('MZ\x90\x00'))).status).toBe(400);
    expect((await attach(regional, 'picture.png', pdf)).status).toBe(400);
    expect(await attachmentCount()).toBe(before);
    const res = await attach(regional, 'протокол.pdf', pdf);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'протокол.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect((await attach(regional, 'снимка.png', png)).status).toBe(201);
    expect((await audit('meeting_attachment'))[0]).toMatchObject({ action: 'create', after: { fileName: 'снимка.png', mediaType: 'image/png' } });
    for (const client of [regional, officer19, provider, viewer]) {
      const file = await download(client, `/api/v1/planning/attachments/${res.body.id}`);
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/pdf');
      expect(file.disposition).toMatch(/^attachment; /);
      expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('протокол.pdf')}`);
      expect(file.body.equals(pdf)).toBe(true);
    }
    expect((await download(otherRegional, `/api/v1/planning/attachments/${res.body.id}`)).status).toBe(404);
    expect((await viewer.request('DELETE', `/api/v1/planning/attachments/${res.body.id}`)).status).toBe(403);
    expect((await regional.request('DELETE', `/api/v1/planning/attachments/${res.body.id}`)).status).toBe(204);
    expect((await audit('meeting_attachment'))[0]).toMatchObject({ action: 'delete', entityId: String(res.body.id) });
  });

  it('gives the participants list and the minutes as DOCX and PDF in Bulgarian, Cyrillic intact; a DOCX can be attached', async () => {
    const docx = await download(viewer, `/api/v1/planning/meetings/${meeting.id}/documents/minutes?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.type).toMatch(/officedocument\.wordprocessingml/);
    expect(docx.disposition).toMatch(/^attachment; filename="protokol-2026-03-10\.docx"$/);
    const text = flatten(readDocx(docx.body).text);
    for (const s of ['Протокол от работна среща', MINUTES, 'Мария Иванова', 'Община Пазарджик да предложи дневен център за възрастни', 'Иван Петров', 'Пазарджик']) expect(text).toContain(s);
    const pdf = await download(officer19, `/api/v1/planning/meetings/${meeting.id}/documents/participants?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    const read = readPdf(pdf.body);
    const ptext = flatten(read.text);
    for (const s of ['Списък на участниците', 'Мария Иванова', 'Георги Георгиев', 'отсъства']) expect(ptext).toContain(s);
    expect(read.fonts.every((f) => f.embedded)).toBe(true);
    expect((await download(otherRegional, `/api/v1/planning/meetings/${meeting.id}/documents/minutes?format=pdf`)).status).toBe(404);
    const attached = await attach(regional, 'протокол.docx', docx.body);
    expect(attached.status, attached.text).toBe(201);
    expect(attached.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('schedules the follow-up meeting with the open decisions in its agenda', async () => {
    for (const client of [officer19, provider, viewer]) expect((await client.post(`/api/v1/planning/meetings/${meeting.id}/follow-up`, { date: '2026-04-10' })).status).toBe(403);
    const res = await regional.post(`/api/v1/planning/meetings/${meeting.id}/follow-up`, { date: '2026-04-10', time: '11:00', place: 'Зала 3' });
    expect(res.status, res.text).toBe(201);
    const next: Meeting = res.body;
    expect(next.followUpOf).toBe(meeting.id);
    // Decision 1's task is done: only decision 2 is still open.
    expect(next.agenda).toContain('Неизпълнени решения от предходната среща');
    expect(next.agenda).toContain('2. Областта да събере данните');
    expect(next.agenda).not.toContain('дневен център');
    expect(next.participants.every((p) => !p.present)).toBe(true);
    expect((await audit('round_meeting'))[0]).toMatchObject({ action: 'create', entityId: String(next.id) });
  });
});
