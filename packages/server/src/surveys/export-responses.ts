import type { Writable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { normaliseHeader } from '@potreby/domain';
import { LANGUAGES, translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { columnLabel } from '../exports/column-label';
import { questionsOf } from './analysis';
import { csvTableWriter, xlsxTableWriter, type ColumnFormat, type ExportCell, type TableWriter } from './write-export-table';

/**
 * Responses read per query: a page holds PGlite's one connection for some tens of milliseconds,
 * so others' requests get their turn often; larger pages were no faster and kept more in memory.
 */
export const PAGE_SIZE = 2000;

/** Columns about the submission, before the answers; their headers are translated. */
const META = ['submitted_at', 'respondent_group', 'settlement', 'channel'] as const;

/**
 * What the response import (createResponseReader) calls each translated submission column: the
 * group and the settlement by the names it reads (a name or a key, a name or a code), the
 * submission key so a file imported again stores each response once, and `_…` for what it skips
 * as it skips KoboToolbox's own columns. The settlement becomes `settlement_code`, never
 * `settlement`, which is also the name of many a questionnaire's settlement question. No label
 * can be taken for a question: every one has a space or a letter outside A–Z, which question
 * names cannot have.
 */
const IMPORT_NAMES: Record<(typeof META)[number] | 'submission_key', string> = {
  submitted_at: '_submitted_at',
  respondent_group: 'respondent_group',
  settlement: 'settlement_code',
  channel: '_channel',
  submission_key: 'submission_key',
};

let aliases: Map<string, string> | null = null;

/**
 * The headers of this export's submission columns in every language (normalised as
 * `normaliseHeader` does), mapped to the names the response import reads, so an exported file
 * can be imported again as it is: apply it to a file's header before reading the rows.
 */
export function responseHeaderAliases(): ReadonlyMap<string, string> {
  if (aliases) return aliases;
  aliases = new Map();
  for (const language of LANGUAGES) {
    for (const [column, name] of Object.entries(IMPORT_NAMES)) aliases.set(normaliseHeader(columnLabel(language, 'survey_responses', column)), name);
  }
  return aliases;
}

/** id, submitted at, channel, respondent group, settlement, submission key, answers. */
type PageRow = [number, string, string, number | null, number | null, string, Record<string, unknown>];

export type ExportProgress = (done: number, total: number) => Promise<void>;

/** An answer as one cell: a multiple choice as its values joined by spaces (as KoboToolbox exports it). */
function answerCell(value: unknown): ExportCell {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(String).join(' ');
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

/**
 * Every response of a questionnaire as a table: when and how it came, the respondent group and
 * settlement, then one column per question named as in the questionnaire (XLSForm names, so the
 * file can be imported again), the stored answer values, and the submission key last (importing
 * the file again stores each response once).
 *
 * The responses are read in pages by id (keyset, not OFFSET: each page costs the same), up to the
 * newest one there was when the export started, so the file matches the count it reports.
 */
export async function writeResponses(
  db: Db,
  input: { questionnaireId: number; language: TLanguage; format: 'csv' | 'xlsx'; sheetName: string },
  out: Writable,
  onProgress: ExportProgress,
  signal: AbortSignal,
): Promise<void> {
  const { questionnaireId, language } = input;
  const t = translator(language);
  const questions = (await questionsOf(db, questionnaireId)).filter((q) => q.type !== 'note');
  const answerColumns = questions.flatMap((q) => (q.other ? [q.name, `${q.name}-Comment`] : [q.name]));
  const columns: ColumnFormat[] = [
    ...META.map((c) => ({ header: columnLabel(language, 'survey_responses', c), width: c === 'submitted_at' ? 20 : 24 })),
    ...answerColumns.map((name) => ({ header: name, width: Math.max(10, Math.min(30, name.length + 4)) })),
    { header: columnLabel(language, 'survey_responses', 'submission_key'), width: 38 },
  ];
  const writer: TableWriter = input.format === 'csv' ? csvTableWriter(out, columns) : xlsxTableWriter(out, input.sheetName, columns);

  const [extent] = await rows<{ total: number; last: string | number | null }>(
    db,
    sql`select count(*)::int as total, max(id) as last from response where questionnaire_id = ${questionnaireId}`,
  );
  const total = extent?.total ?? 0;
  const last = Number(extent?.last ?? 0);
  // PGlite runs no autovacuum: with statistics from when the table was small, PostgreSQL would
  // sort every response of the questionnaire again for each page (a minute for 100,000). When the
  // table is known to hold more rows than its statistics say, they are gathered first (~1 s).
  const [statistics] = await rows<{ estimate: number }>(db, sql`select reltuples::float8 as estimate from pg_class where oid = 'response'::regclass`);
  if ((statistics?.estimate ?? 0) < total) await db.execute(sql`analyze response`);
  const channels: Record<string, string> = { web: t('surveyExport.channel.web'), paper: t('surveyExport.channel.paper'), import: t('surveyExport.channel.import') };
  const groupNames = new Map<number, string>();
  const settlementNames = new Map<number, string>();

  // One page as one JSON text: PGlite's protocol costs per field, and V8 parses JSON fast, so
  // 2,000 rows arrive as one value rather than 14,000.
  const fetchPage = async (after: number): Promise<PageRow[]> => {
    const [found] = await rows<{ page: string | null }>(
      db,
      sql`select json_agg(json_build_array(r.id, to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS'), r.channel,
                                           r.respondent_group_id, r.settlement_id, r.submission_key, r.answers) order by r.id)::text as page
          from (select * from response
                where questionnaire_id = ${questionnaireId} and id > ${after} and id <= ${last}
                order by id limit ${PAGE_SIZE}) r`,
    );
    return found?.page ? (JSON.parse(found.page) as PageRow[]) : [];
  };
  const none = Promise.resolve([] as PageRow[]);
  let next = total > 0 ? fetchPage(0) : none;
  let done = 0;
  for (;;) {
    const page = await next;
    if (page.length === 0) break;
    if (signal.aborted) throw signal.reason ?? new Error('aborted');
    // The next page is read while this one is written: on PostgreSQL the two overlap.
    next = page.length === PAGE_SIZE ? fetchPage(page[page.length - 1]![0]) : none;
    // Should this page fail to be written, the page already asked for is not awaited: no unhandled rejection.
    next.catch(() => {});
    await nameUnknown(db, page, groupNames, settlementNames);
    // Turned into cells and written 500 rows at a time: a few thousand short-lived objects, not a page's worth.
    for (let from = 0; from < page.length; from += 500) {
      const table: ExportCell[][] = [];
      for (let i = from; i < Math.min(page.length, from + 500); i++) {
        const [, submittedAt, channel, groupId, settlementId, submissionKey, answers] = page[i]!;
        const row: ExportCell[] = [
          submittedAt,
          groupId === null ? null : groupNames.get(groupId) || null,
          settlementId === null ? null : settlementNames.get(settlementId) || null,
          channels[channel] ?? channel,
        ];
        for (const name of answerColumns) row.push(answerCell(answers[name]));
        row.push(submissionKey);
        table.push(row);
      }
      await writer.addRows(table);
    }
    done += page.length;
    await onProgress(done, total);
    // Between pages, the event loop serves other requests.
    await nextTurn();
  }
  await writer.finish();
}

/** Names of the respondent groups and settlements a page refers to that are not known yet: one query each. */
async function nameUnknown(db: Db, page: PageRow[], groups: Map<number, string>, settlements: Map<number, string>) {
  const newGroups = [...new Set(page.map((r) => r[3]).filter((id): id is number => id !== null && !groups.has(id)))];
  const newSettlements = [...new Set(page.map((r) => r[4]).filter((id): id is number => id !== null && !settlements.has(id)))];
  if (newGroups.length) {
    const found = await rows<{ id: number; name: string }>(db, sql`select id, name from respondent_group where id in (${sql.join(newGroups.map((id) => sql`${id}`), sql`, `)})`);
    for (const g of found) groups.set(g.id, g.name);
    // A group removed since: an empty cell, and no second look-up.
    for (const id of newGroups) if (!groups.has(id)) groups.set(id, '');
  }
  if (newSettlements.length) {
    const found = await rows<{ id: number; name: string }>(db, sql`select id, name from territory where id in (${sql.join(newSettlements.map((id) => sql`${id}`), sql`, `)})`);
    for (const s of found) settlements.set(s.id, s.name);
    for (const id of newSettlements) if (!settlements.has(id)) settlements.set(id, '');
  }
}
