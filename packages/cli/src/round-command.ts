import type { TCountry, TGapMethod } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { createRound, today } from '@potreby/server/planning/rounds';
import { InvalidArgumentError } from 'commander';
import { findTerritory } from './find-territory';
import { CLI_ACTOR, cliAuthor, type CliContext } from './main';

export type RoundCreateOptions = { territory: string; template: string; period: { from: number; to: number }; start?: string; method: TGapMethod; country?: TCountry; format: 'text' | 'json' };

/** `--period 2026-2030`: the plan period's first and last year. */
export const periodArgument = (value: string): { from: number; to: number } => {
  const m = /^\s*(\d{4})\s*[-–]\s*(\d{4})\s*$/.exec(value);
  const from = Number(m?.[1]);
  const to = Number(m?.[2]);
  if (!m || from < 1900 || to > 2200 || from > to) throw new InvalidArgumentError('expected a period of years such as 2026-2030');
  return { from, to };
};

/**
 * `potreby round create --territory CODE --template KEY --period 2026-2030`: opens a planning round
 * for a region or municipality from a country template (stages and deadlines from `--start`,
 * default today). `--format json` prints `{"id": …}` for scripts.
 */
export async function roundCreateCommand(ctx: CliContext, options: RoundCreateOptions): Promise<number> {
  const territory = await findTerritory(ctx, options.territory, options.country);
  if (!territory) return 1;
  const { round } = await createRound(
    ctx.database.db,
    CLI_ACTOR,
    cliAuthor(),
    { territoryId: territory.id, templateKey: options.template, periodStart: options.period.from, periodEnd: options.period.to, start: options.start, method: options.method },
    today(),
  );
  if (options.format === 'json') ctx.io.out(JSON.stringify({ id: round.id }) + '\n');
  else ctx.io.out(translator(ctx.language)('cli.roundCreated', { id: round.id, territory: territory.code, template: round.templateKey, from: round.periodStart, to: round.periodEnd }) + '\n');
  return 0;
}
