import { basename } from 'node:path';
import { AppError, type TCountry } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { importFile } from '@potreby/server/imports/import-file';
import type { TImportRouteKind } from '@potreby/server/imports/schema';
import { importCeilings, importProposals, importUnitCosts } from '@potreby/server/planning/plan-imports';
import { CLI_ACTOR, CliError, cliAuthor, type CliContext } from './main';

/** The planning round's files (planning/plan-imports.ts): a round's proposals, a country's unit costs and ceilings for a year. */
export const PLAN_IMPORT_KINDS = ['proposals', 'unit-costs', 'ceilings'] as const;
type TPlanKind = (typeof PLAN_IMPORT_KINDS)[number];
const isPlanKind = (kind: string): kind is TPlanKind => (PLAN_IMPORT_KINDS as readonly string[]).includes(kind);

type ImportOptions = { kind: TImportRouteKind | TPlanKind; round?: number; file: string; bytes: Uint8Array; country?: TCountry; year?: number; source?: string; illustrative?: boolean };

type ReportedError = { row: number; column: string | null; message: string };

/** `potreby import KIND FILE`: 0 when imported; 1 with the row-by-row report on stderr when rejected. */
export async function importCommand(ctx: CliContext, options: ImportOptions): Promise<number> {
  const t = translator(ctx.language);
  const fileName = basename(options.file);
  try {
    const kind = options.kind;
    const request = { fileName, bytes: options.bytes, actor: CLI_ACTOR, author: cliAuthor(), language: ctx.language };
    const result = isPlanKind(kind)
      ? { ...(await importPlanFile(ctx, { ...options, kind }, request)), skipped: [] }
      : await importFile(ctx.database, { ...request, kind, country: options.country, year: options.year, source: options.source, illustrative: options.illustrative });
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

/** A planning file: proposals need the round, unit costs and ceilings the country and year. */
async function importPlanFile(ctx: CliContext, options: ImportOptions & { kind: TPlanKind }, request: Parameters<typeof importProposals>[2]) {
  if (options.kind === 'proposals') {
    if (options.round === undefined) throw new CliError('cli.roundRequired', { kind: options.kind });
    return importProposals(ctx.database, options.round, request);
  }
  if (!options.country || options.year === undefined) throw new CliError('cli.countryYearRequired', { kind: options.kind });
  const importer = options.kind === 'unit-costs' ? importUnitCosts : importCeilings;
  return importer(ctx.database, { ...request, country: options.country, year: options.year });
}
