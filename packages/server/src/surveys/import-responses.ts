import { createHash } from 'node:crypto';
import { AppError, createResponseReader, ImportErrorList, normaliseHeader, type Actor, type ResponseRow, type SurveyDefinition, type TImportErrorCode } from '@potreby/domain';
import { echoAnswer } from '@potreby/domain/surveys/answer-values';
import { compileAnswerCheck, type AnswerIssueCode } from '@potreby/domain/surveys/check-answers';
import type { TLanguage } from '@potreby/i18n';
import { and, eq, like, sql } from 'drizzle-orm';
import { respondentGroup } from '../assessments/tables';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { copyInto, csvCell, rows, type Database, type Db } from '../db/database';
import { describeError } from '../imports/import-file';
import { openTable } from '../imports/read-table';
import { dataset } from '../population/tables';
import { territory } from '../territories/tables';
import type { TResponseImportResult } from './import-schema';
import { responseHeaderAliases } from './export-responses';
import { unconvertedNamesOf } from './import-xlsform';
import { questionnaireFor } from './questionnaires';
import { questionnaireVersion, questionTag } from './tables';

/**
 * Bulk import of completed questionnaires from a CSV or XLSX file — a KoboToolbox or ODK export
 * with XLSForm names as headers, or potreby's own export — all or nothing like every import:
 * every row is checked, and a file with any bad row (even its last) is refused with the
 * row-by-row report and leaves the database as it was. Used by `POST /imports/responses` and
 * `potreby survey import-responses`.
 *
 * Each response gets a submission key: the export's own (`_uuid`, `meta/instanceID`, `KEY`), or
 * for files without one a hash of the row's answers. Importing the same file twice therefore
 * stores each response once; the second import is not refused but reports the rows it left out
 * as `duplicates` ("N new, M already imported"), which is what someone adding this week's
 * export to last week's wants. A row repeating an earlier row's key in the same file is a
 * duplicate too (Kobo occasionally exports a resent submission twice). An import that adds
 * nothing leaves no trace: no dataset (`datasetId` null), no audit entry.
 *
 * Every answer follows the rule web and paper answers follow (domain `compileAnswerCheck`: the
 * question's kind and bounds, the XLSForm's constraints and relevance, required questions), and
 * a row breaking it is reported by row and column like any other error of the file.
 */

export type ResponseImportRequest = {
  questionnaireId: number;
  /** The respondent group of rows that do not name one. */
  respondentGroupId: number | null;
  fileName: string;
  bytes: Uint8Array;
  actor: Actor;
  author: ChangeAuthor;
  language: TLanguage;
};

/** The columns of `response` a line of the COPY fills, in order. */
const RESPONSE_COLUMNS = ['questionnaire_id', 'version', 'respondent_group_id', 'settlement_id', 'answers', 'channel', 'submission_key', 'entered_by', 'dataset_id', 'demo'] as const;

/**
 * Lines go to COPY in chunks of this many while the file is still being read. Small enough that
 * PostgreSQL, which parses the JSON and fills the unique index on its own core, is never left
 * with much to do after the last row is read.
 */
const CHUNK_ROWS = 2_000;

/**
 * Chunks read and checked ahead of the COPY (PostgreSQL). COPY waits until the server has taken
 * each chunk before asking for the next, so without reading ahead this process and the server
 * would take turns instead of working at once; a few chunks ahead keep both busy for a few MB.
 */
const READ_AHEAD = 8;

/**
 * The items of `source`, pulled up to `depth` items ahead of the consumer: while the consumer
 * awaits (a COPY waiting for the server), the source goes on producing.
 */
async function* readAhead<T>(source: AsyncIterator<T>, depth: number): AsyncGenerator<T> {
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) queue.push(source.next());
  };
  fill();
  for (;;) {
    const next = await queue.shift()!;
    if (next.done) return;
    fill();
    yield next.value;
  }
}

/** How often an import is retried when a response with one of its keys arrived meanwhile. */
const ATTEMPTS = 3;

export async function importResponses(database: Database, request: ResponseImportRequest): Promise<TResponseImportResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await importOnce(database, request);
    } catch (error) {
      // The keys already stored are read before the file; a response with one of the file's
      // keys stored in between (the same file imported twice at once) makes the COPY hit the
      // unique index. The whole import is rolled back then, and is simply done again.
      if (attempt < ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** A submission key for a row without one: the same answers give the same key, so a re-import finds it. */
function rowKey(answers: Record<string, unknown>, group: number | null, settlement: number | null, occurrence: number): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(answers).sort()) hash.update(`${name}\u0000${JSON.stringify(answers[name])}\u0001`);
  hash.update(`${group ?? ''}\u0000${settlement ?? ''}`);
  // Two respondents may well give the same answers: the second identical row of a file is a
  // response of its own, told apart by how many identical rows came before it.
  const key = `row:${hash.digest('hex').slice(0, 32)}`;
  return occurrence === 1 ? key : `${key}#${occurrence}`;
}

/**
 * How an answer the questionnaire refuses reads in the import report. The reader has already
 * given each cell the kind of its question, so what remains is mostly the form's own rules:
 * bounds, constraints, relevance, required questions.
 */
const ISSUE_CODE: Record<AnswerIssueCode, TImportErrorCode> = {
  unknown_question: 'unknown_column',
  wrong_type: 'invalid_choice',
  not_a_choice: 'invalid_choice',
  too_long: 'too_long',
  not_date: 'not_date',
  not_time: 'breaks_rule',
  not_integer: 'not_integer',
  not_step: 'out_of_range',
  below_min: 'out_of_range',
  above_max: 'out_of_range',
  breaks_rule: 'breaks_rule',
  required: 'required',
  not_asked: 'not_asked',
  comment_not_allowed: 'not_asked',
};

/** Values repeated in a report: a file's cells are anyone's text. */
const ECHOED = 80;

async function importOnce(database: Database, request: ResponseImportRequest): Promise<TResponseImportResult> {
  const { db } = database;
  const { row: questionnaire, place } = await questionnaireFor(db, request.actor, request.questionnaireId, 'edit_assessment');
  const groups = questionnaire.assessmentId === null ? [] : await db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, questionnaire.assessmentId));
  if (request.respondentGroupId !== null && !groups.some((g) => g.id === request.respondentGroupId)) {
    throw new AppError('validation.invalid', {}, { issues: [{ path: 'respondentGroupId', message: 'not_in_assessment' }] });
  }
  const versions = await db.select().from(questionnaireVersion).where(eq(questionnaireVersion.questionnaireId, questionnaire.id));
  const current = versions.find((v) => v.version === questionnaire.currentVersion)!;
  // The rule web and paper answers follow, compiled once for the file.
  const check = compileAnswerCheck(current.definition as SurveyDefinition);
  const questions = check.questions;
  // What an XLSForm import left out, in any version: an export of the form still has those columns.
  const unconverted = new Set(versions.flatMap((v) => unconvertedNamesOf(v.definition)).map((n) => n.toLowerCase()));

  const table = await openTable({ fileName: request.fileName, bytes: request.bytes, country: place.country as never });
  const errors = new ImportErrorList();
  // A column inside a left-out repeat or group (`children/child_name`) is left out with it.
  // potreby's own export names its submission columns in the reader's language: read as their keys.
  const header = table.header.map((h) => responseHeaderAliases().get(normaliseHeader(h)) ?? h);
  const ignore = [...unconverted, ...header.filter((h) => h.split('/').slice(0, -1).some((segment) => unconverted.has(segment.trim().toLowerCase())))];
  // Calculations, notes and hidden questions hold what the form computed or fixed, not answers.
  const reader = createResponseReader(questions, header, { ignore, computed: check.notAsked });
  for (const e of reader.errors) errors.add({ ...e, row: table.headerRow });
  if (errors.ok && !reader.columns.some((c) => c.role === 'question' || c.role === 'option')) {
    errors.add({ row: table.headerRow, column: null, value: table.header.join(', ').slice(0, 200), code: 'unrecognised_format', params: { kind: 'responses' } });
  }
  if (!errors.ok) throw rejection(errors, request);

  const resolve = await resolvers(db, questionnaire.id, groups, place.path);
  const groupColumn = reader.columns.findIndex((c) => c.role === 'group');
  const settlementColumn = reader.columns.findIndex((c) => c.role === 'settlement');
  const stored = new Set((await rows<{ key: string }>(db, sql`select submission_key as key from response where questionnaire_id = ${questionnaire.id}`)).map((r) => r.key));
  // Taken before the rows are read, so they can be written with it; a refused file leaves a gap in the numbering.
  const [{ id: datasetId }] = (await rows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('dataset', 'id'))::int as id`)) as [{ id: number }];

  const seen = new Map<string, number>();
  const keysInFile = new Set<string>();
  let inserted = 0;
  let duplicates = 0;
  const fixed = `${questionnaire.id},${questionnaire.currentVersion},`;
  const tail = `,${request.actor.userId ?? ''},${datasetId},${questionnaire.demo}\n`;

  /** The COPY lines of the new responses, in chunks; after the first error only the report goes on. */
  async function* chunks(): AsyncGenerator<string> {
    let chunk = '';
    let inChunk = 0;
    for await (const batch of table.batches) {
      for (const { row, cells } of batch) {
        const read: ResponseRow | null = reader.read(cells, row, errors);
        // The group and the settlement are checked even when an answer is wrong, so the report is complete.
        const groupText = groupColumn < 0 ? '' : (cells[groupColumn] ?? '').trim();
        const group = groupText === '' ? request.respondentGroupId : resolve.group(groupText);
        if (group === undefined) {
          errors.add({ row, column: 'respondent_group', value: groupText, code: 'invalid_choice', params: { allowed: groups.map((g) => g.key).join(', ') } });
        }
        const settlementText = settlementColumn < 0 ? '' : (cells[settlementColumn] ?? '').trim();
        const settlement = settlementText === '' ? (read ? resolve.answeredSettlement(read.answers) : null) : resolve.settlement(settlementText);
        if (settlement === undefined) errors.add({ row, column: 'settlement', value: settlementText, code: 'unknown_territory' });
        if (!read) continue;
        for (const issue of check.check(read.answers, 'refuse').issues) {
          const value = read.answers[issue.path];
          errors.add({ row, column: issue.path.replace(/-Comment$/, ''), value: value === undefined ? null : echoAnswer(Array.isArray(value) ? value.join(' ') : value, ECHOED), code: ISSUE_CODE[issue.message] });
        }
        if (!errors.ok) continue;
        let key = read.submissionKey;
        if (key === null) {
          const content = rowKey(read.answers, group ?? null, settlement ?? null, 1);
          const occurrence = (seen.get(content) ?? 0) + 1;
          seen.set(content, occurrence);
          key = occurrence === 1 ? content : rowKey(read.answers, group ?? null, settlement ?? null, occurrence);
        }
        if (stored.has(key) || keysInFile.has(key)) {
          duplicates++;
          continue;
        }
        keysInFile.add(key);
        // JSON always has quotes, so the cell is always quoted. split/join doubles them several
        // times faster than replaceAll or a regular expression (Node 20, measured here).
        chunk += `${fixed}${group ?? ''},${settlement ?? ''},"${JSON.stringify(read.answers).split('"').join('""')}",import,${csvCell(key)}${tail}`;
        inserted++;
        if (++inChunk === CHUNK_ROWS) {
          yield chunk;
          chunk = '';
          inChunk = 0;
        }
      }
    }
    if (errors.ok && chunk) yield chunk;
  }

  const result = (dataset: number | null): TResponseImportResult => ({
    datasetId: dataset,
    questionnaireId: questionnaire.id,
    version: questionnaire.currentVersion,
    format: table.format,
    rows: inserted,
    duplicates,
  });

  const finish = async (tx: Db): Promise<TResponseImportResult> => {
    if (!errors.ok) throw rejection(errors, request);
    // A file whose every response is stored already changes nothing: no dataset, no audit entry.
    if (inserted === 0) return result(null);
    await tx.insert(dataset).values({ id: datasetId, kind: 'responses', country: place.country, fileName: request.fileName, format: table.format, source: null, rows: inserted, importedBy: request.actor.userId });
    // No country: answers do not change the planning data the gap tables are cached on (as for a web answer).
    await recordChange(tx, request.author, {
      action: 'import',
      entity: 'responses',
      entityId: datasetId,
      territoryId: place.id,
      after: { questionnaireId: questionnaire.id, version: questionnaire.currentVersion, dataset: datasetId, fileName: request.fileName, format: table.format, rows: inserted, duplicates },
    });
    return result(datasetId);
  };

  if (database.engine === 'postgres') {
    // PostgreSQL takes the COPY on its own core while this one reads and checks the file.
    return db.transaction(async (tx) => {
      await copyInto(tx, database.engine, 'response', RESPONSE_COLUMNS, readAhead(chunks(), READ_AHEAD));
      return finish(tx);
    });
  }
  // PGlite runs in this thread: the file is read first, outside the transaction (which would
  // hold the only connection), each chunk flattened into bytes at once to spare the garbage collector.
  const read: Buffer[] = [];
  for await (const chunk of chunks()) read.push(Buffer.from(chunk));
  if (errors.ok && inserted === 0) return result(null);
  return db.transaction(async (tx) => {
    if (errors.ok) await copyInto(tx, database.engine, 'response', RESPONSE_COLUMNS, read);
    return finish(tx);
  });
}

/** The refusal of a file: every error with its message in the user's language, in file order. */
function rejection(errors: ImportErrorList, request: ResponseImportRequest): AppError {
  const sorted = [...errors.errors].sort((a, b) => a.row - b.row);
  return new AppError(
    'import.rejected',
    { count: errors.total, fileName: request.fileName },
    { errors: sorted.map((e) => describeError({ ...e, value: e.value === null ? null : echoAnswer(e.value, ECHOED) }, 'responses', request.language)), totalErrors: errors.total },
  );
}

/**
 * Respondent groups and settlements as a file names them. `undefined` means named but unknown
 * (an error of the row); `null` means not given.
 */
async function resolvers(db: Db, questionnaireId: number, groups: (typeof respondentGroup.$inferSelect)[], territoryPath: string) {
  const groupBy = new Map<string, number>();
  // By key first (what an export writes), then by the name people see.
  for (const g of groups) groupBy.set(g.name.trim().toLowerCase(), g.id);
  for (const g of groups) groupBy.set(g.key.toLowerCase(), g.id);
  const places = await db.select({ id: territory.id, code: territory.code, name: territory.name }).from(territory).where(like(territory.path, `${territoryPath}%`));
  const byCode = new Map(places.map((p) => [p.code.toLowerCase(), p.id]));
  // A name is accepted only when one place within the territory has it (villages share names).
  const byName = new Map<string, number | null>();
  for (const p of places) {
    const name = p.name.trim().toLowerCase();
    byName.set(name, byName.has(name) ? null : p.id);
  }
  const [tag] = await db.select({ name: questionTag.questionName }).from(questionTag).where(and(eq(questionTag.questionnaireId, questionnaireId), eq(questionTag.purpose, 'settlement')));
  return {
    group: (text: string): number | undefined => groupBy.get(text.trim().toLowerCase()),
    settlement: (text: string): number | undefined => {
      const lower = text.trim().toLowerCase();
      return byCode.get(lower) ?? byName.get(lower) ?? undefined;
    },
    /** The settlement a respondent chose in the question tagged "settlement", as a web answer is placed. */
    answeredSettlement: (answers: Record<string, unknown>): number | null => {
      const code = tag ? answers[tag.name] : undefined;
      return typeof code === 'string' ? (byCode.get(code.toLowerCase()) ?? null) : null;
    },
  };
}
