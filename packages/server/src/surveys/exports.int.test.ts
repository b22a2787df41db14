import { translator } from '@potreby/i18n';
import { sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { seedManyResponses } from '../seed/seed-many-responses';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { questionnaireStats } from './analysis';
import { exportFileName, EXPORTS_PER_PERSON } from './request-export';
import { parseCsv } from '../testing/parse-csv';

type Job = { id: string; state: 'waiting' | 'running' | 'done' | 'failed'; progress: number; fileName: string | null; error: string | null };

/** The cells of a worksheet as text, row by row (exceljs rows and columns count from 1). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const uk = translator('uk');
const en = translator('en');

/** Exports of a questionnaire as background jobs (issue 3, item 5): ask, poll, download, on the demo of Khmilnyk hromada. */
describe(`questionnaire exports as background jobs (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let colleague: Client;
  let viewer: Client;
  let stranger: Client;
  let questionnaireId: number;
  let title: string;

  const query = <T>(q: SQL) => rows<T>(t.database.db, q);

  /** Ask for an export and poll its job until it ends, as the analysis screen does. */
  async function exportOf(client: Client, body: Record<string, unknown>, id = questionnaireId): Promise<Job> {
    const asked = await client.post<Job>(`/api/v1/questionnaires/${id}/exports`, body);
    expect(asked.status, asked.text).toBe(202);
    expect(asked.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), state: expect.stringMatching(/^(waiting|running|done)$/) });
    for (let i = 0; i < 600; i++) {
      const polled = await client.get<Job>(`/api/v1/jobs/${asked.body.id}`);
      expect(polled.status).toBe(200);
      if (polled.body.state === 'done' || polled.body.state === 'failed') return polled.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`export ${asked.body.id} did not finish`);
  }

  /** The file as bytes (the test client would decode it as text). */
  async function download(client: Client, jobId: string) {
    const res = await fetch(`${t.url}/api/v1/jobs/${jobId}/file`, { headers: client.cookie ? { cookie: client.cookie } : {} });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    [admin, officer, colleague, viewer, stranger] = await Promise.all([
      t.as('admin'),
      t.as('municipal_officer', KHMILNYK),
      t.as('municipal_officer', KHMILNYK),
      t.as('viewer', KHMILNYK),
      t.as('municipal_officer', 'PAZ19'),
    ]);
    const [demo] = await query<{ id: number; title: string }>(sql`select q.id, q.title from questionnaire q join territory t on t.id = q.territory_id where t.code = ${KHMILNYK} and q.demo order by q.id limit 1`);
    questionnaireId = demo!.id;
    title = demo!.title;
  });
  afterAll(() => t?.close());

  it('exports the raw responses as CSV: UTF-8 with BOM, translated headers, one row per response, the answers as stored', async () => {
    const job = await exportOf(officer, { what: 'responses', format: 'csv', language: 'uk' });
    expect(job).toMatchObject({ state: 'done', progress: 1, error: null, fileName: exportFileName(title, 'responses', 'csv', 'uk') });
    expect(job.fileName).toContain('Анкета');

    const file = await download(officer, job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Number(file.headers.get('content-length'))).toBe(file.bytes.length);
    // The real name, Cyrillic and all, for browsers (RFC 6266 filename*), and an ASCII one for the rest.
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="potreby-export-\d+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(job.fileName);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
    const [header, ...body] = parseCsv(text.slice(1));
    expect(header!.slice(0, 4)).toEqual(['Надіслано (UTC)', 'Група респондентів', 'Населений пункт', 'Канал']);
    expect(header!.at(-1)).toBe('Ключ надсилання');
    expect(header).toEqual(expect.arrayContaining(['settlement', 'age', 'lives_alone', 'needs_home_care', 'satisfied_home_care', 'information_sources', 'main_problem']));

    const [{ n }] = (await query<{ n: number }>(sql`select count(*)::int as n from response where questionnaire_id = ${questionnaireId}`)) as [{ n: number }];
    expect(n).toBe(355);
    expect(body).toHaveLength(n);

    // A response with a multiple choice of two options and a free text, checked against the database.
    const [known] = await query<{ key: string; answers: Record<string, unknown>; group: string; place: string | null; channel: string }>(
      sql`select r.submission_key as key, r.answers, g.name as group, s.name as place, r.channel
          from response r join respondent_group g on g.id = r.respondent_group_id left join territory s on s.id = r.settlement_id
          where r.questionnaire_id = ${questionnaireId} and jsonb_array_length(r.answers -> 'information_sources') >= 2 and r.answers ? 'main_problem'
          order by r.id limit 1`,
    );
    const row = body.find((r) => r.at(-1) === known!.key)!;
    const cell = (name: string) => row[header!.indexOf(name)];
    expect(cell('information_sources')).toBe((known!.answers.information_sources as string[]).join(' '));
    expect(cell('information_sources')).toContain(' ');
    expect(cell('main_problem')).toBe(known!.answers.main_problem);
    expect(cell('main_problem')).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
    expect(cell('age')).toBe(String(known!.answers.age));
    expect(row[1]).toBe(known!.group);
    expect(row[2]).toBe(known!.place ?? '');
    expect(row[3]).toBe(uk(`surveyExport.channel.${known!.channel}`));
    expect(row[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    // Every response once.
    expect(new Set(body.map((r) => r.at(-1))).size).toBe(n);

    // The export imports again as it is, translated headers and all: every answer already stored.
    const reimport = await officer.upload('responses', 'export.csv', file.bytes, { questionnaireId: String(questionnaireId) });
    expect(reimport.status, reimport.text).toBe(200);
    expect(reimport.body).toMatchObject({ rows: 0, duplicates: n });
  });

  it('exports the raw responses as XLSX, the same rows, numbers as numbers', async () => {
    const job = await exportOf(officer, { what: 'responses', format: 'xlsx', language: 'en' });
    expect(job.state).toBe('done');
    expect(job.fileName!.endsWith(`${en('surveyExport.what.responses')}.xlsx`)).toBe(true);
    const file = await download(officer, job.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe(en('surveyExport.what.responses'));
    const [header, ...body] = sheetRows(sheet);
    expect(header!.slice(0, 4)).toEqual(['Submitted (UTC)', 'Respondent group', 'Settlement name', 'Collection channel']);
    expect(body).toHaveLength(355);
    const [known] = await query<{ key: string; age: number; sources: string[]; place: string }>(
      sql`select r.submission_key as key, (r.answers ->> 'age')::int as age, r.answers -> 'information_sources' as sources, s.name as place
          from response r join territory s on s.id = r.settlement_id where r.questionnaire_id = ${questionnaireId} order by r.id desc limit 1`,
    );
    const row = body.find((r) => r.at(-1) === known!.key)!;
    expect(row[header!.indexOf('age')]).toBe(known!.age);
    expect(row[header!.indexOf('information_sources')] ?? '').toBe(known!.sources.join(' '));
    // Settlement names are Cyrillic in the database and stay so.
    expect(row[2]).toBe(known!.place);
    expect(row[2]).toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
  });

  it('exports the published tables with the small cells withheld, in CSV and XLSX', async () => {
    const stats = await questionnaireStats(t.database.db, questionnaireId, {});
    const [{ threshold }] = (await query<{ threshold: number }>(sql`select a.suppression_threshold as threshold from questionnaire q join assessment a on a.id = q.assessment_id where q.id = ${questionnaireId}`)) as [
      { threshold: number },
    ];
    expect(threshold).toBe(5);
    const marker = `<${threshold}`;

    const job = await exportOf(viewer, { what: 'stats', format: 'csv', language: 'uk' });
    expect(job.state).toBe('done');
    const file = await download(viewer, job.id);
    expect(file.status).toBe(200);
    const [header, ...body] = parseCsv(file.bytes.toString('utf8').slice(1));
    expect(header).toEqual(['Питання', 'Текст питання', 'Відповідь', 'Текст відповіді', 'Кількість', 'Частка', 'Відповіли', 'Середнє', 'Медіана']);

    // A yes/no question: the count of "yes" as the database counts it, its share, the title in Ukrainian.
    const [{ yes, answered }] = (await query<{ yes: number; answered: number }>(
      sql`select count(*) filter (where answers ->> 'needs_home_care' = 'yes')::int as yes, count(*) filter (where answers ? 'needs_home_care')::int as answered
          from response where questionnaire_id = ${questionnaireId}`,
    )) as [{ yes: number; answered: number }];
    const homeCare = body.find((r) => r[0] === 'needs_home_care' && r[2] === 'yes')!;
    expect(homeCare[1]).toBe('Чи потрібна вам або члену вашої родини допомога вдома (догляд вдома)?');
    expect(homeCare[4]).toBe(String(yes));
    expect(Number(homeCare[5])).toBeCloseTo(yes / answered, 4);
    expect(homeCare[6]).toBe(String(answered));

    // Settlements: many villages have fewer than five respondents; their counts are withheld, and
    // no count from 1 to 4 appears anywhere in the file.
    const settlement = stats.questions.find((q) => q.name === 'settlement')!;
    const smallOnes = settlement.frequencies!.filter((f) => f.count >= 1 && f.count < threshold);
    expect(smallOnes.length).toBeGreaterThan(0);
    for (const f of smallOnes) expect(body.find((r) => r[0] === 'settlement' && r[2] === f.value)![4]).toBe(marker);
    for (const r of body) {
      const count = Number(r[4]);
      expect(r[4] === '' || r[4] === marker || count === 0 || count >= threshold, `${r[0]} ${r[2]}: ${r[4]}`).toBe(true);
      if (r[4] === marker) expect(r[5]).toBe('');
    }
    // Numbers: n, mean and median; never the minimum or maximum.
    const age = body.find((r) => r[0] === 'age')!;
    const ageStats = stats.questions.find((q) => q.name === 'age')!;
    expect(Number(age[6])).toBe(ageStats.n);
    expect(Number(age[7])).toBeCloseTo(ageStats.numbers!.mean!, 3);
    expect(Number(age[8])).toBe(ageStats.numbers!.median);

    const xlsx = await exportOf(viewer, { what: 'stats', format: 'xlsx', language: 'uk' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(viewer, xlsx.id)).bytes as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([uk('surveyExport.what.stats'), uk('surveyExport.about.sheet')]);
    const [xHeader, ...xBody] = sheetRows(workbook.worksheets[0]!);
    expect(xHeader).toEqual(header);
    expect(xBody).toHaveLength(body.length);
    const xHomeCare = xBody.find((r) => r[0] === 'needs_home_care' && r[2] === 'yes')!;
    expect(xHomeCare[4]).toBe(yes);
    expect(xHomeCare[5]).toBeCloseTo(yes / answered, 4);
    for (const f of smallOnes) expect(xBody.find((r) => r[0] === 'settlement' && r[2] === f.value)![4]).toBe(marker);
    const about = sheetRows(workbook.worksheets[1]!);
    expect(about[0]).toEqual([uk('surveyExport.about.questionnaire'), title]);
    expect(about[1]).toEqual([uk('surveyExport.about.respondents'), 355]);
  });

  it('writes the request into the audit log', async () => {
    const job = await exportOf(officer, { what: 'stats', format: 'csv' });
    const [entry] = await query<{ action: string; actor: string; territory_id: number; after: Record<string, unknown> }>(
      sql`select action, actor, territory_id, after from audit_log where entity = 'export' and entity_id = ${job.id}`,
    );
    expect(entry).toMatchObject({ action: 'create', territory_id: await t.territoryId(KHMILNYK), after: { questionnaireId, what: 'stats', format: 'csv', language: 'en' } });
    expect(entry!.actor).toMatch(/^user:\d+$/);
  });

  it('clears away exports older than a day, chunks and all, when the next one runs', async () => {
    const [old] = await query<{ id: number }>(
      sql`insert into export_file (questionnaire_id, what, format, language, state, progress, file_name, content_type, size, created_at)
          values (${questionnaireId}, 'stats', 'csv', 'uk', 'done', 1, 'old.csv', 'text/csv; charset=utf-8', 3, now() - interval '25 hours') returning id`,
    );
    await query(sql`insert into export_chunk (export_id, seq, data) values (${old!.id}, 0, decode('YWJj', 'base64'))`);
    const recent = await exportOf(officer, { what: 'stats', format: 'csv' });
    expect(recent.state).toBe('done');
    const left = await query<{ id: number }>(sql`select id from export_file where id in (${old!.id}, ${Number(recent.id)}) order by id`);
    expect(left.map((r) => r.id)).toEqual([Number(recent.id)]);
    expect(await query(sql`select 1 from export_chunk where export_id = ${old!.id}`)).toEqual([]);
    expect((await admin.get(`/api/v1/jobs/${old!.id}`)).status).toBe(404);
  });

  it('keeps a job and its file to the one who asked: others get 404, anonymous 401', async () => {
    const job = await exportOf(officer, { what: 'responses', format: 'csv' });
    const paths = [`/api/v1/jobs/${job.id}`, `/api/v1/jobs/${job.id}/file`];
    for (const path of paths) {
      // Another municipality's officer, and a colleague of the same hromada who did not ask for it.
      expect((await stranger.get(path)).status, path).toBe(404);
      expect((await colleague.get(path)).status, path).toBe(404);
      const anonymous = await t.anonymous().get(path);
      expect(anonymous.status, path).toBe(401);
      expect(anonymous.body.code).toBe('auth.required');
      // An administrator may look at any job.
      expect((await admin.get(path)).status, path).toBe(200);
    }
    expect((await stranger.get('/api/v1/jobs/999999')).status).toBe(404);
    expect((await officer.get('/api/v1/jobs/not-a-number')).status).toBe(400);

    const exports = async () => (await query<{ n: number }>(sql`select count(*)::int as n from export_file`))[0]!.n;
    const before = await exports();
    // The questionnaire must be within reach to ask for an export at all.
    const strangers = await stranger.post(`/api/v1/questionnaires/${questionnaireId}/exports`, { what: 'stats', format: 'csv' });
    expect(strangers.status).toBe(404);
    expect((await t.anonymous().post(`/api/v1/questionnaires/${questionnaireId}/exports`, { what: 'stats', format: 'csv' })).status).toBe(401);
    // The raw responses hold every free text: a reader gets the tables only.
    const raw = await viewer.post(`/api/v1/questionnaires/${questionnaireId}/exports`, { what: 'responses', format: 'csv' });
    expect(raw.status).toBe(403);
    expect(raw.body.code).toBe('auth.forbidden');
    const bad = await officer.post(`/api/v1/questionnaires/${questionnaireId}/exports`, { what: 'everything', format: 'pdf' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.invalid');
    // Nothing was queued by the refused requests.
    expect(await exports()).toBe(before);
  });

  it(`lets one person have at most ${EXPORTS_PER_PERSON} exports waiting or running, and says so in their language`, async () => {
    const first = await exportOf(colleague, { what: 'stats', format: 'csv' });
    const [own] = await query<{ user_id: number }>(sql`select user_id from export_file where id = ${Number(first.id)}`);
    // Exports that wait behind others (no job of theirs runs here, so they stay waiting).
    const waiting = await query<{ id: number }>(
      sql`insert into export_file (questionnaire_id, what, format, language, user_id, state, file_name, content_type)
          select ${questionnaireId}, 'stats', 'csv', 'uk', ${own!.user_id}, 'waiting', 'waiting.csv', 'text/csv; charset=utf-8'
          from generate_series(1, ${EXPORTS_PER_PERSON}) returning id`,
    );
    const before = (await query<{ n: number }>(sql`select count(*)::int as n from export_file`))[0]!.n;
    const refused = await colleague.post(`/api/v1/questionnaires/${questionnaireId}/exports`, { what: 'stats', format: 'xlsx' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'export.limit_reached', title: en('errors.export.limit_reached', { count: EXPORTS_PER_PERSON }) });
    expect(refused.body.title).toContain(String(EXPORTS_PER_PERSON));
    expect((await query<{ n: number }>(sql`select count(*)::int as n from export_file`))[0]!.n).toBe(before);
    // Someone else's queue is their own.
    expect((await exportOf(officer, { what: 'stats', format: 'csv' })).state).toBe('done');
    // Once they have ended, the person may ask again.
    await query(sql`update export_file set state = 'failed' where id in (${sql.join(waiting.map((w) => sql`${w.id}`), sql`, `)})`);
    expect((await exportOf(colleague, { what: 'stats', format: 'xlsx' })).state).toBe('done');
  });

  it('answers other requests while a large export runs', { timeout: 240_000 }, async () => {
    const count = 40_000;
    const large = await seedManyResponses(t.database.db, count);
    const asked = await officer.post<Job>(`/api/v1/questionnaires/${large}/exports`, { what: 'responses', format: 'xlsx' });
    expect(asked.status).toBe(202);
    const job = () => officer.get<Job>(`/api/v1/jobs/${asked.body.id}`).then((r) => r.body);
    let before = await job();
    while (before.state === 'waiting') {
      await new Promise((r) => setTimeout(r, 20));
      before = await job();
    }
    expect(before.state).toBe('running');
    // While it runs: another user's request is answered, and the file is not offered yet.
    const other = await viewer.get(`/api/v1/questionnaires/${questionnaireId}`);
    expect(other.status).toBe(200);
    expect(other.body.title).toBe(title);
    expect((await download(officer, asked.body.id)).status).toBe(404);
    const after = await job();
    expect(after.state).toBe('running');
    expect(after.progress).toBeLessThan(1);

    let finished = after;
    while (finished.state === 'running' || finished.state === 'waiting') {
      await new Promise((r) => setTimeout(r, 200));
      finished = await job();
    }
    expect(finished).toMatchObject({ state: 'done', progress: 1 });
    const file = await download(officer, asked.body.id);
    expect(file.status).toBe(200);
    const [{ size, chunks }] = (await query<{ size: number; chunks: number }>(
      sql`select f.size, (select count(*)::int from export_chunk c where c.export_id = f.id) as chunks from export_file f where f.id = ${Number(asked.body.id)}`,
    )) as [{ size: number; chunks: number }];
    expect(file.bytes.length).toBe(size);
    // Stored in pieces, so no server ever holds the whole file.
    expect(chunks).toBeGreaterThan(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(count + 1);

    // A server stopping in the middle of an export puts it back in the queue: pg-boss runs it
    // again on the next start (the data stays in the database), and nothing is left half-written.
    const interrupted = await officer.post<Job>(`/api/v1/questionnaires/${large}/exports`, { what: 'responses', format: 'xlsx' });
    let state = await officer.get<Job>(`/api/v1/jobs/${interrupted.body.id}`).then((r) => r.body);
    while (state.state === 'waiting') {
      await new Promise((r) => setTimeout(r, 20));
      state = await officer.get<Job>(`/api/v1/jobs/${interrupted.body.id}`).then((r) => r.body);
    }
    expect(state.state).toBe('running');
    await t.app.close();
    const [left] = await query<{ state: string; chunks: number; job: string }>(
      sql`select f.state, (select count(*)::int from export_chunk c where c.export_id = f.id) as chunks,
                 (select j.state::text from pgboss.job j where j.data ->> 'exportId' = f.id::text) as job
          from export_file f where f.id = ${Number(interrupted.body.id)}`,
    );
    expect(left).toEqual({ state: 'waiting', chunks: 0, job: 'retry' });
  });
});
