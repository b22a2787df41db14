import type { Cell } from '@potreby/server/exports/export-tables';
import { toCsv } from '@potreby/server/exports/write-table';
import { CountryModels } from '@potreby/server/model/country-model';
import { planBudget, planChecks } from '@potreby/server/planning/plan-report';
import { loadRound, today } from '@potreby/server/planning/rounds';
import { CLI_ACTOR, type CliContext } from './main';

type PlanOptions = { round: number; format: 'json' | 'csv' };

/** The documented columns of `plan checks --format csv` (README, "Planning rounds"): scripts rely on these names. */
const CHECK_COLUMNS = ['check', 'municipality', 'serviceType', 'item', 'value', 'limit', 'message'] as const;
const BUDGET_COLUMNS = ['municipality', 'fundingSource', 'year', 'cost'] as const;

/**
 * `potreby plan checks --round ID`: every plan check of the round, with its message in the language
 * of --lang: `{round, territory, method, checks: [{check, municipality, serviceType, item, value, limit, message}]}`.
 */
export async function planChecksCommand(ctx: CliContext, options: PlanOptions): Promise<number> {
  const loaded = await loadRound(ctx.database.db, CLI_ACTOR, options.round);
  const report = await planChecks({ database: ctx.database, models: new CountryModels(ctx.database.db) }, loaded, ctx.language, today(), CLI_ACTOR);
  const checks = report.checks.map((c) => ({ check: c.check, municipality: c.municipality, serviceType: c.serviceType, item: c.item, value: c.value, limit: c.limit, message: c.message }));
  if (options.format === 'csv') {
    ctx.io.out(toCsv(CHECK_COLUMNS, checks.map((c) => CHECK_COLUMNS.map((k) => c[k] as Cell)), ctx.language).toString('utf8'));
    return 0;
  }
  ctx.io.out(JSON.stringify({ round: report.round, territory: report.territory, method: report.method, checks }, null, 2) + '\n');
  return 0;
}

/** `potreby plan budget --round ID`: the round's cost by municipality, funding source and year. */
export async function planBudgetCommand(ctx: CliContext, options: PlanOptions): Promise<number> {
  const loaded = await loadRound(ctx.database.db, CLI_ACTOR, options.round);
  const budget = await planBudget({ database: ctx.database, models: new CountryModels(ctx.database.db) }, loaded, today(), CLI_ACTOR);
  const rows = budget.rows.map((r) => ({ municipality: r.municipality, fundingSource: r.fundingSource, year: r.year, cost: r.cost }));
  if (options.format === 'csv') {
    ctx.io.out(toCsv(BUDGET_COLUMNS, rows.map((r) => BUDGET_COLUMNS.map((k) => r[k] as Cell)), ctx.language).toString('utf8'));
    return 0;
  }
  ctx.io.out(JSON.stringify(rows, null, 2) + '\n');
  return 0;
}
