import { createWriteStream, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { TCountry, TGapMethod } from '@potreby/domain';
import { EXPORT_COLUMNS, exportRows, type ExportTable } from '@potreby/server/exports/export-tables';
import { columnLabel } from '@potreby/server/exports/column-label';
import { sheetName, toCsv, toXlsx } from '@potreby/server/exports/write-table';
import { CountryModels } from '@potreby/server/model/country-model';
import { findTerritory } from './find-territory';
import { CliError, fileError, type CliContext } from './main';

type ExportOptions = { table: ExportTable; out: string; format: 'csv' | 'xlsx'; territory?: string; country?: TCountry; year?: number; method?: TGapMethod };

/** `potreby export TABLE --out FILE`: the same files as the export buttons of the app. */
export async function exportCommand(ctx: CliContext, options: ExportOptions): Promise<number> {
  const territory = options.territory ? await findTerritory(ctx, options.territory, options.country) : null;
  if (options.territory && !territory) return 1;
  const data = await exportRows(ctx.database.db, new CountryModels(ctx.database.db), options.table, {
    path: territory?.path ?? null,
    territory,
    year: options.year,
    method: options.method,
    language: ctx.language,
  });
  const header = EXPORT_COLUMNS[options.table].map((c) => columnLabel(ctx.language, options.table, c));
  try {
    if (options.format === 'csv') writeFileSync(options.out, toCsv(header, data, ctx.language));
    else await pipeline(toXlsx(sheetName(ctx.language, options.table), header, data, ctx.language), createWriteStream(options.out));
  } catch (error) {
    throw outputError(options.out, error);
  }
  return 0;
}

/** A file that cannot be written, said in the user's terms: its folder is missing, it is a folder. */
export function outputError(file: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new CliError('cli.noFolder', { file });
  return fileError(file, error);
}
