/**
 * Bulk import of questionnaire responses (issue 3, "Load"): 1,000,000 completed questionnaires
 * in a KoboToolbox-style CSV (XLSForm names as headers, group paths, `_uuid` and Kobo's own
 * columns) of a realistic 15-question form, through potreby's all-or-nothing responses import,
 * against a plain COPY of the same file into the same engine (text columns, as bench/run.ts
 * measures the planning imports) and against a plain COPY of the rows the import stored (answers
 * as JSON, with the unique index on submission keys) — the least any import into `response`
 * costs. Then the same file once more: the import must store nothing twice (0 new, 1,000,000
 * already imported). PGlite runs in a data folder, as a deployment keeps it.
 *
 * The questionnaire itself is created the way a user creates it: an XLSForm workbook through the
 * XLSForm import. Everything is SYNTHETIC (a made-up municipality with codes SYN…).
 *
 *   node --max-semi-space-size=64 --import tsx bench/survey-import.ts [--quick] [--rows=N] [--engine=pglite|postgres]
 *
 * runs it alone, on PGlite and on PostgreSQL (DATABASE_URL, or a throwaway server);
 * `npm run bench` runs it as part of the whole set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { copyInto, csvCell, migrate, openDatabase, rows, type Database } from '../packages/server/src/db/database';
import { importFile } from '../packages/server/src/imports/import-file';
import { SEED_ACTOR, SEED_AUTHOR } from '../packages/server/src/seed/seed-demo';
import { importResponses } from '../packages/server/src/surveys/import-responses';
import { importXlsForm } from '../packages/server/src/surveys/import-xlsform';
import { postgresDatabases, postgresServer, type ScratchDatabase } from './databases';
import { random } from './synthetic-country';

export type ImportBenchOptions = { quick?: boolean; rows?: number; report?: (line: string) => void };

const SETTLEMENTS = ['SYNS000000', 'SYNS000001', 'SYNS000002', 'SYNS000003'];

/** A synthetic municipality with four settlements, enough for a questionnaire to belong somewhere. */
const TERRITORIES = [
  'code,name,level,parent_code,country',
  'PL,Synthetic country,country,,PL',
  'SYNR00,Synthetic region 0,region,PL,PL',
  'SYNM00000,Synthetic municipality 0,municipality,SYNR00,PL',
  ...SETTLEMENTS.map((code, i) => `${code},Synthetic settlement 0-${i},settlement,SYNM00000,PL`),
].join('\n');

/** A needs questionnaire of 15 questions in two groups, as an agency would write it in XLSForm. */
const FORM = {
  survey: [
    ['type', 'name', 'label::Polski (pl)', 'label::English (en)', 'relevant', 'constraint', 'parameters'],
    ['start', 'start'],
    ['end', 'end'],
    ['begin_group', 'household', 'Gospodarstwo domowe', 'Household'],
    ['integer', 'age', 'Ile ma Pan/Pani lat?', 'How old are you?', '', '. >= 14 and . <= 120'],
    ['select_one sex', 'sex', 'Płeć', 'Sex'],
    ['select_one yes_no', 'lives_alone', 'Czy mieszka Pan/Pani sam(a)?', 'Do you live alone?'],
    ['integer', 'household_size', 'Ile osób liczy gospodarstwo?', 'How many people live in your household?', '', '. >= 1'],
    ['select_one yes_no', 'disability', 'Czy ma Pan/Pani orzeczenie o niepełnosprawności?', 'Do you have a disability certificate?'],
    ['end_group'],
    ['begin_group', 'services', 'Usługi', 'Services'],
    ['select_multiple services', 'needs', 'Jakich usług Pan/Pani potrzebuje?', 'Which services do you need?'],
    ['select_one yes_no', 'uses_home_care', 'Czy korzysta Pan/Pani z usług opiekuńczych?', 'Do you receive home care?'],
    ['select_one satisfaction', 'satisfied_home_care', 'Jak ocenia Pan/Pani usługi opiekuńcze?', 'How satisfied are you with home care?', "${uses_home_care} = 'yes'"],
    ['select_one yes_no', 'needs_escort', 'Czy potrzebuje Pan/Pani asystencji?', 'Do you need someone to accompany you?'],
    ['select_one distance', 'distance_to_centre', 'Jak daleko jest do ośrodka?', 'How far is the centre?'],
    ['decimal', 'monthly_income', 'Dochód miesięczny (zł)', 'Monthly income (PLN)', '', '. >= 0'],
    ['select_multiple sources', 'information_sources', 'Skąd wie Pan/Pani o usługach?', 'Where do you learn about services?'],
    ['end_group'],
    ['date', 'visit_date', 'Data wywiadu', 'Date of the interview'],
    ['range', 'satisfaction_overall', 'Ogólna ocena pomocy (1–5)', 'Overall rating of help (1–5)', '', '', 'start=1 end=5 step=1'],
    ['text', 'remarks', 'Uwagi', 'Remarks'],
  ],
  choices: [
    ['list_name', 'name', 'label::Polski (pl)', 'label::English (en)'],
    ['yes_no', 'yes', 'Tak', 'Yes'],
    ['yes_no', 'no', 'Nie', 'No'],
    ['sex', 'female', 'Kobieta', 'Female'],
    ['sex', 'male', 'Mężczyzna', 'Male'],
    ...['home_care', 'day_care', 'transport', 'counselling', 'in_kind', 'respite'].map((s) => ['services', s, s, s]),
    ...['satisfied', 'partly', 'not_satisfied'].map((s) => ['satisfaction', s, s, s]),
    ...['under_5km', '5_15km', 'over_15km'].map((s) => ['distance', s, s, s]),
    ...['social_worker', 'internet', 'neighbours', 'parish', 'office'].map((s) => ['sources', s, s, s]),
  ],
  settings: [
    ['form_title', 'form_id', 'default_language'],
    ['Diagnoza potrzeb (syntetyczna)', 'bench_needs', 'Polski (pl)'],
  ],
};

const HEADER = [
  'start', 'end', 'household/age', 'household/sex', 'household/lives_alone', 'household/household_size', 'household/disability',
  'services/needs', 'services/uses_home_care', 'services/satisfied_home_care', 'services/needs_escort', 'services/distance_to_centre',
  'services/monthly_income', 'services/information_sources', 'visit_date', 'satisfaction_overall', 'remarks', 'settlement_code',
  '_id', '_uuid', '_submission_time', '_status', '__version__', '_index',
];

const REMARKS = ['', '', '', 'Brak transportu do ośrodka', 'Za długo czeka się na opiekunkę', 'Potrzebna pomoc przy zakupach', 'Samotność'];

/** `rows` synthetic responses as a Kobo CSV export (`,`-separated, XML names and group paths). */
export function responsesCsv(count: number): string {
  const rnd = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const some = (list: readonly string[], p: number) => list.filter(() => rnd() < p).join(' ');
  const parts: string[] = [HEADER.join(',') + '\n'];
  let chunk = '';
  for (let i = 1; i <= count; i++) {
    const age = 18 + Math.floor(rnd() * 75);
    const usesHomeCare = rnd() < 0.2 ? 'yes' : 'no';
    const day = String(1 + (i % 28)).padStart(2, '0');
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    chunk +=
      [
        `2026-03-${day}T09:00:00.000+01:00`,
        `2026-03-${day}T09:12:00.000+01:00`,
        age,
        pick(['female', 'male']),
        rnd() < 0.3 ? 'yes' : 'no',
        1 + Math.floor(rnd() * 5),
        rnd() < 0.15 ? 'yes' : 'no',
        some(['home_care', 'day_care', 'transport', 'counselling', 'in_kind', 'respite'], 0.25),
        usesHomeCare,
        usesHomeCare === 'yes' ? pick(['satisfied', 'partly', 'not_satisfied']) : '',
        rnd() < 0.2 ? 'yes' : 'no',
        pick(['under_5km', '5_15km', 'over_15km']),
        rnd() < 0.8 ? (1500 + Math.floor(rnd() * 600000) / 100).toFixed(2) : '',
        some(['social_worker', 'internet', 'neighbours', 'parish', 'office'], 0.3),
        `2026-03-${day}`,
        1 + Math.floor(rnd() * 5),
        pick(REMARKS),
        pick(SETTLEMENTS),
        i,
        uuid,
        `2026-03-${day}T08:12:00`,
        'submitted_via_web',
        'vSynthetic1',
        i,
      ].join(',') + '\n';
    if (i % 50_000 === 0) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Plain COPY of the file as it is, into a table of text columns shaped like the file (as bench/run.ts measures the planning imports). */
async function plainCopy(database: Database, csv: string): Promise<number> {
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  await database.db.execute(sql.raw('drop table if exists bench_responses'));
  await database.db.execute(sql.raw(`create table bench_responses (${header.map((h) => `"${h}" text`).join(', ')})`));
  const body = csv.slice(csv.indexOf('\n') + 1);
  const start = performance.now();
  await database.db.transaction((tx) => copyInto(tx, database.engine, 'bench_responses', header.map((h) => `"${h}"`), [body]));
  const ms = performance.now() - start;
  await database.db.execute(sql.raw('drop table bench_responses'));
  return ms;
}

const RESPONSE_COLUMNS = ['questionnaire_id', 'version', 'respondent_group_id', 'settlement_id', 'answers', 'channel', 'submission_key', 'entered_by', 'dataset_id', 'demo'];

/**
 * The floor under the import: a plain COPY of the very rows the import stored (answers already
 * as JSON) into a table shaped like `response`, with its unique index. Read back page by page so
 * the rows are never all in one result.
 */
async function storedRowsCopy(database: Database, questionnaireId: number): Promise<number> {
  const chunks: Buffer[] = [];
  for (let after = 0; ; ) {
    const page = await rows<Record<string, string | number | boolean | null> & { id: number }>(
      database.db,
      sql`select id, questionnaire_id, version, respondent_group_id, settlement_id, answers::text as answers, channel, submission_key, entered_by, dataset_id, demo
          from response where questionnaire_id = ${questionnaireId} and id > ${after} order by id limit 50000`,
    );
    if (page.length === 0) break;
    after = Number(page[page.length - 1]!.id);
    chunks.push(Buffer.from(page.map((r) => RESPONSE_COLUMNS.map((c) => csvCell(r[c] as never)).join(',') + '\n').join('')));
  }
  await database.db.execute(sql.raw('drop table if exists bench_response'));
  await database.db.execute(sql.raw('create table bench_response (like response including all)'));
  const start = performance.now();
  await database.db.transaction((tx) => copyInto(tx, database.engine, 'bench_response', RESPONSE_COLUMNS, chunks));
  const ms = performance.now() - start;
  await database.db.execute(sql.raw('drop table bench_response'));
  return ms;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en');

/** The benchmark on one engine. `open` gives an empty database (dropped afterwards if it has `drop`). */
export async function surveyImportBench(label: string, open: () => Promise<ScratchDatabase>, options: ImportBenchOptions = {}): Promise<void> {
  const report = options.report ?? ((line: string) => console.log(line));
  const count = options.rows ?? (options.quick ? 100_000 : 1_000_000);
  let database = await open();
  let scratch: string | null = null;
  if (database.engine === 'pglite' && database.location === 'memory') {
    // PGlite kept in memory slows down by an order of magnitude once its files grow to hundreds of
    // MB (200,000 responses here: 110 s instead of 18 s), as its in-memory file system regrows and
    // copies them. A deployment keeps PGlite in a data folder, so that is what is measured.
    await database.close();
    scratch = mkdtempSync(join(tmpdir(), 'potreby-bench-pglite-'));
    database = await openDatabase({ dataDir: scratch });
  }
  try {
    await migrate(database);
    const request = { actor: SEED_ACTOR, author: SEED_AUTHOR, language: 'en' as const };
    await importFile(database, { ...request, kind: 'territories', country: 'PL', fileName: 'synthetic-municipality.csv', bytes: Buffer.from(TERRITORIES) });
    const [{ id: territoryId }] = (await rows<{ id: number }>(database.db, sql`select id from territory where code = 'SYNM00000'`)) as [{ id: number }];
    const workbook = new ExcelJS.Workbook();
    for (const [name, cells] of Object.entries(FORM)) workbook.addWorksheet(name).addRows(cells);
    const form = await importXlsForm(database.db, {
      ...request,
      fileName: 'synthetic-needs.xlsx',
      bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
      assessmentId: null,
      territoryId,
    });
    if (form.questions !== 15) throw new Error(`the synthetic form has ${form.questions} questions, not 15`);

    const csv = responsesCsv(count);
    const bytes = Buffer.from(csv);
    const copyMs = await plainCopy(database, csv);
    const importOnce = async () => {
      const start = performance.now();
      const result = await importResponses(database, { ...request, questionnaireId: form.questionnaireId, respondentGroupId: null, fileName: 'synthetic-kobo-export.csv', bytes });
      return { ms: performance.now() - start, result };
    };
    const first = await importOnce();
    const [{ n }] = (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from response where questionnaire_id = ${form.questionnaireId}`)) as [{ n: number }];
    if (first.result.rows !== count || n !== count) throw new Error(`${label}: imported ${first.result.rows}, stored ${n}, expected ${count}`);
    const floorMs = await storedRowsCopy(database, form.questionnaireId);
    report(
      `${label}: import ${count.toLocaleString('en')} questionnaire responses (15 questions, Kobo CSV, ${(bytes.length / 1e6).toFixed(0)} MB): ${seconds(first.ms)} s = ${perSecond(count, first.ms)} rows/s; plain COPY of the file ${seconds(copyMs)} s = ${perSecond(count, copyMs)} rows/s; import ÷ COPY speed = ${Math.round((copyMs / first.ms) * 100)} %; COPY of the stored rows (JSON answers, unique index) ${seconds(floorMs)} s = ${perSecond(count, floorMs)} rows/s, import ÷ that = ${Math.round((floorMs / first.ms) * 100)} %`,
    );
    const again = await importOnce();
    const [{ n: after }] = (await rows<{ n: number }>(database.db, sql`select count(*)::int as n from response where questionnaire_id = ${form.questionnaireId}`)) as [{ n: number }];
    if (again.result.rows !== 0 || again.result.duplicates !== count || after !== count) throw new Error(`${label}: the second import stored ${again.result.rows}, reported ${again.result.duplicates} duplicates; ${after} stored`);
    report(`${label}: the same ${count.toLocaleString('en')} responses again: ${seconds(again.ms)} s, 0 new, ${again.result.duplicates.toLocaleString('en')} already imported (stored once)`);
  } finally {
    await database.drop?.();
    await database.close().catch(() => {});
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
  const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
  const count = rowsArg ? Number(rowsArg.slice('--rows='.length)) : undefined;
  console.log(`potreby responses import benchmark${quick ? ' (quick: 100,000 rows)' : ''} — ${new Date().toISOString()}`);
  if (only !== 'postgres') await surveyImportBench('PGlite', () => openDatabase({ dataDir: null }), { quick, rows: count });
  if (only !== 'pglite') {
    const pg = await postgresServer();
    if (pg) {
      try {
        await surveyImportBench('PostgreSQL', postgresDatabases(pg.url, 'import'), { quick, rows: count });
      } finally {
        pg.stop();
      }
    } else console.log('PostgreSQL: not available on this machine');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
