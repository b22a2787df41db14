import { basename } from 'node:path';
import { AppError, type TCountry } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { importFile } from '@potreby/server/imports/import-file';
import type { TImportRouteKind } from '@potreby/server/imports/schema';
import { CLI_ACTOR, cliAuthor, type CliContext } from './main';

type ImportOptions = { kind: TImportRouteKind; file: string; bytes: Uint8Array; country?: TCountry; year?: number; source?: string; illustrative?: boolean };

type ReportedError = { row: number; column: string | null; message: string };

/** `potreby import KIND FILE`: 0 when imported; 1 with the row-by-row report on stderr when rejected. */
export async function importCommand(ctx: CliContext, options: ImportOptions): Promise<number> {
  const t = translator(ctx.language);
  const fileName = basename(options.file);
  try {
    const result = await importFile(ctx.database, {
      kind: options.kind,
      fileName,
      bytes: options.bytes,
      country: options.country,
      year: options.year,
      source: options.source,
      illustrative: options.illustrative,
      actor: CLI_ACTOR,
      author: cliAuthor(),
      language: ctx.language,
    });
    ctx.io.out(t('cli.imported', { count: result.rows, format: result.format, datasetId: result.datasetId }) + '\n');
    for (const s of result.skipped) ctx.io.out(t('cli.skipped', { count: s.count, reason: s.reason }) + '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'import.rejected') throw error;
    const details = error.details as { errors: ReportedError[]; totalErrors: number };
    ctx.io.err(t('cli.rejected', { fileName, count: details.totalErrors }) + '\n');
    for (const e of details.errors) ctx.io.err(t('cli.errorLine', { row: e.row, column: e.column ?? '-', message: e.message }) + '\n');
    if (details.totalErrors > details.errors.length) ctx.io.err(t('cli.moreErrors', { count: details.totalErrors - details.errors.length }) + '\n');
    return 1;
  }
}
