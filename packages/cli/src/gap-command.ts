import { csvText, GAP_METHODS, type TCountry, type TGapMethod } from '@potreby/domain';
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
  capacity: number;
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
        capacity: round(r.capacity, 2)!,
        gap: round(r.gap, 2),
        coverage: round(r.coverage, 4),
        needLow: round(r.needLow, 2),
        needHigh: round(r.needHigh, 2),
      });
    }
  }
  if (options.format === 'json') {
    ctx.io.out(JSON.stringify({ territory: territory.code, year, rows }, null, 2) + '\n');
  } else {
    const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : csvText(v));
    ctx.io.out('serviceType,method,need,capacity,gap,coverage,needLow,needHigh\n');
    for (const r of rows) ctx.io.out([r.serviceType, r.method, r.need, r.capacity, r.gap, r.coverage, r.needLow, r.needHigh].map(cell).join(',') + '\n');
  }
  return 0;
}
