import { GAP_METHODS, type TCapacityUnit, type TCountry, type TGapMethod, type TNeedUnit, type TNoEstimate } from '@potreby/domain';
import { columnLabel } from '@potreby/server/exports/column-label';
import type { Cell } from '@potreby/server/exports/export-tables';
import { toCsv } from '@potreby/server/exports/write-table';
import { GAP_EXPORT_COLUMNS, gapExportRows, gapMatrixOf } from '@potreby/server/gaps/gap-matrix';
import { gapSummaryOf } from '@potreby/server/gaps/gap-report';
import { CountryModels } from '@potreby/server/model/country-model';
import { findTerritory } from './find-territory';
import type { CliContext } from './main';

type GapOptions = { territory: string; year?: number; method?: TGapMethod; country?: TCountry; format: 'json' | 'csv' };

/** One row of the documented output (README, "The gap command"): scripts rely on these names. */
export type GapOutputRow = {
  serviceType: string;
  method: TGapMethod;
  need: number | null;
  /** What `need` counts: places, persons_per_year, or persons (a survey's people). */
  needUnit: TNeedUnit;
  /** Why `need` is null: no_norm, no_target_population, no_survey. */
  missing: TNoEstimate | null;
  capacity: number;
  capacityUnit: TCapacityUnit;
  gap: number | null;
  coverage: number | null;
  /** The 95 % interval of a survey-based need (method `survey`); null for the other methods. */
  needLow: number | null;
  needHigh: number | null;
};

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** `potreby gap --territory CODE`: the gap table of the territory's whole subtree, by method. */
export async function gapCommand(ctx: CliContext, options: GapOptions): Promise<number> {
  const territory = await findTerritory(ctx, options.territory, options.country);
  if (!territory) return 1;
  const models = new CountryModels(ctx.database.db);
  const methods = options.method ? [options.method] : [...GAP_METHODS];
  if (options.format === 'csv') {
    // The same table as the app's gap export: every municipality × service type and the
    // territory's totals, in the language of --lang, numbers as the dashboard rounds them.
    const model = await models.get(territory.country as TCountry);
    const rows: Cell[][] = [];
    for (const method of methods) rows.push(...gapExportRows(await gapMatrixOf(models, territory, options.year, method), model.serviceTypes, ctx.language));
    ctx.io.out(toCsv(GAP_EXPORT_COLUMNS.map((c) => columnLabel(ctx.language, 'gaps', c)), rows, ctx.language).toString('utf8'));
    return 0;
  }
  const rows: GapOutputRow[] = [];
  let year = options.year;
  for (const method of methods) {
    const { summary } = await gapSummaryOf(models, territory, options.year, method);
    year = summary.year;
    for (const r of summary.rows) {
      rows.push({
        serviceType: r.serviceType,
        method,
        need: round(r.need, 2),
        needUnit: r.needUnit,
        missing: r.missing,
        capacity: round(r.capacity, 2)!,
        capacityUnit: r.capacityUnit,
        gap: round(r.gap, 2),
        coverage: round(r.coverage, 4),
        needLow: round(r.needLow, 2),
        needHigh: round(r.needHigh, 2),
      });
    }
  }
  ctx.io.out(JSON.stringify({ territory: territory.code, year, rows }, null, 2) + '\n');
  return 0;
}
