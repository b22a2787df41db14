import { AppError, type Actor } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { JobQueue } from '../jobs/job-queue';
import { questionnaireFor } from './questionnaires';
import type { TJob } from './schema';
import { exportFile } from './tables';

/** The pg-boss queue of questionnaire exports. */
export const EXPORT_QUEUE = 'survey-export';
export type ExportJobData = { exportId: number };

export type ExportKind = { what: 'responses' | 'stats'; format: 'csv' | 'xlsx' };

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * Raw responses hold every free-text answer, so only those who run the assessment may take them
 * away; the tables, with small cells withheld, are for anyone who may read the questionnaire.
 */
const actionFor = (what: ExportKind['what']) => (what === 'responses' ? 'edit_assessment' : 'read');

/** "Анкета потреби у соціальних послугах — відповіді.xlsx": the title in the file name, without characters file systems refuse. */
export function exportFileName(title: string, what: ExportKind['what'], format: ExportKind['format'], language: TLanguage): string {
  const clean = title
    // eslint-disable-next-line no-control-regex -- control characters are what file systems refuse
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `${clean || 'potreby'} — ${translator(language)(`surveyExport.what.${what}`)}.${format}`;
}

/**
 * How many exports one person may have waiting or running. The queue works them one or two at a
 * time; without a limit one person clicking "export" again and again would put everybody else's
 * exports behind theirs.
 */
export const EXPORTS_PER_PERSON = 3;

/**
 * Ask for an export: the row the user polls, its job and the audit entry in one transaction, so
 * a job never exists without its row nor the reverse. The work itself starts in the background.
 */
export async function requestExport(
  db: Db,
  jobs: JobQueue,
  actor: Actor,
  author: ChangeAuthor,
  questionnaireId: number,
  kind: ExportKind & { language: TLanguage },
): Promise<number> {
  const { row, place } = await questionnaireFor(db, actor, questionnaireId, actionFor(kind.what));
  const id = await db.transaction(async (tx) => {
    if (actor.userId !== null) {
      // One request of a person at a time past this point, so two quick clicks cannot both pass the count.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('potreby.export'), ${actor.userId})`);
      const [pending] = await tx
        .select({ n: count() })
        .from(exportFile)
        .where(and(eq(exportFile.userId, actor.userId), inArray(exportFile.state, ['waiting', 'running'])));
      if (pending!.n >= EXPORTS_PER_PERSON) throw new AppError('export.limit_reached', { count: EXPORTS_PER_PERSON });
    }
    const [created] = await tx
      .insert(exportFile)
      .values({
        questionnaireId,
        what: kind.what,
        format: kind.format,
        language: kind.language,
        userId: actor.userId,
        fileName: exportFileName(row.title, kind.what, kind.format, kind.language),
        contentType: CONTENT_TYPES[kind.format],
      })
      .returning({ id: exportFile.id });
    await jobs.send(EXPORT_QUEUE, { exportId: created!.id } satisfies ExportJobData, tx);
    await recordChange(tx, author, { action: 'create', entity: 'export', entityId: created!.id, territoryId: place.id, after: { questionnaireId, ...kind } });
    return created!.id;
  });
  jobs.wake(EXPORT_QUEUE);
  return id;
}

/**
 * An export as its owner sees it. Someone else's export is "not found" (admins see all), and so
 * is one whose questionnaire the user no longer reaches.
 */
export async function exportFor(db: Db, actor: Actor & { userId: number }, id: number) {
  const [found] = await db.select().from(exportFile).where(eq(exportFile.id, id));
  if (!found || (found.userId !== actor.userId && actor.role !== 'admin')) throw new AppError('not_found');
  await questionnaireFor(db, actor, found.questionnaireId, actionFor(found.what as ExportKind['what']));
  return found;
}

/** The job as the API shows it; a failure's code is translated for the reader. */
export function jobView(row: typeof exportFile.$inferSelect, language: TLanguage): TJob {
  return {
    id: String(row.id),
    state: row.state as TJob['state'],
    progress: row.progress,
    fileName: row.state === 'done' ? row.fileName : null,
    error: row.error ? translator(language)(`errors.${row.error}`) : null,
  };
}
