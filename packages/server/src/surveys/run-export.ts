import { AppError } from '@potreby/domain';
import { pickLanguage, translator } from '@potreby/i18n';
import { eq, lt } from 'drizzle-orm';
import type { Database } from '../db/database';
import { ChunkWriter, storedDeflated } from './export-chunks';
import { writeResponses } from './export-responses';
import { writeStats } from './export-stats';
import type { ExportKind } from './request-export';
import { exportChunk, exportFile, questionnaire } from './tables';

/** Progress is written at most this often: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 500;

/**
 * How long a finished export's file is kept. The analysis screen offers it while the user is
 * there; a day later it is stale (answers keep coming) and a file of a million responses is
 * ~100 MB of database the next export can have.
 */
export const EXPORT_KEPT_HOURS = 24;

type Log = { error(message: unknown): void };

/**
 * The background job of one export: write the file into the export's chunks, reporting
 * progress, then mark it done. A job run again (the server stopped half-way) starts over.
 * A failure is kept on the export, where its owner sees it; a job interrupted by the server
 * stopping goes back to waiting, and pg-boss runs it again on the next start.
 */
export async function runExport(database: Database, exportId: number, signal: AbortSignal, log: Log, now: () => Date = () => new Date()): Promise<void> {
  const { db } = database;
  // Each export clears away those past their time (their chunks go with them).
  await db.delete(exportFile).where(lt(exportFile.createdAt, new Date(now().getTime() - EXPORT_KEPT_HOURS * 3600_000)));
  const [job] = await db.select().from(exportFile).where(eq(exportFile.id, exportId));
  if (!job || job.state === 'done') return;
  await db.delete(exportChunk).where(eq(exportChunk.exportId, exportId));
  await db.update(exportFile).set({ state: 'running', progress: 0, error: null, size: 0 }).where(eq(exportFile.id, exportId));

  const language = pickLanguage(job.language);
  const kind = { what: job.what, format: job.format } as ExportKind;
  const out = new ChunkWriter(database, exportId, storedDeflated(job.format));
  out.on('error', () => {}); // reported through the writer's promises
  let reported = Date.now();
  const onProgress = async (done: number, total: number) => {
    if (Date.now() - reported < PROGRESS_EVERY_MS) return;
    reported = Date.now();
    // Never 1 before the file is complete: the end of an XLSX (its zip directory) is still to come.
    const progress = total === 0 ? 0 : Math.min(0.99, done / total);
    await db.update(exportFile).set({ progress }).where(eq(exportFile.id, exportId));
  };

  try {
    const [q] = await db.select({ title: questionnaire.title }).from(questionnaire).where(eq(questionnaire.id, job.questionnaireId));
    if (!q) throw new AppError('not_found');
    const sheetName = translator(language)(`surveyExport.what.${kind.what}`);
    if (kind.what === 'responses') await writeResponses(db, { questionnaireId: job.questionnaireId, language, format: kind.format, sheetName }, out, onProgress, signal);
    else await writeStats(db, { questionnaireId: job.questionnaireId, title: q.title, language, format: kind.format, sheetName, now: now() }, out);
    await db.update(exportFile).set({ state: 'done', progress: 1, size: out.size }).where(eq(exportFile.id, exportId));
  } catch (error) {
    out.destroy();
    await out.idle();
    if (signal.aborted) {
      await db.delete(exportChunk).where(eq(exportChunk.exportId, exportId));
      await db.update(exportFile).set({ state: 'waiting', progress: 0 }).where(eq(exportFile.id, exportId));
      throw error;
    }
    log.error(error);
    const code = error instanceof AppError ? error.code : 'internal';
    await db.delete(exportChunk).where(eq(exportChunk.exportId, exportId));
    await db.update(exportFile).set({ state: 'failed', error: code }).where(eq(exportFile.id, exportId));
  }
}
