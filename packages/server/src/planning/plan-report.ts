import type { Actor, TCountry } from '@potreby/domain';
import { evaluatePlan, type PlanEvaluation } from '@potreby/domain/planning/checks';
import { ROUND_CURRENCY, type PlanCheck } from '@potreby/domain/planning/proposal';
import { translator, type TLanguage } from '@potreby/i18n';
import { roundToTenth, serviceTypeNameIn, taskKindOf } from '@potreby/domain';
import { checkMessage, type CheckNames, type Translate } from '@potreby/domain/planning/check-messages';
import type { Database } from '../db/database';
import type { CountryModels } from '../model/country-model';
import { territoryNameFor } from '../gaps/gap-matrix';
import { visibleMunicipalities } from './items';
import { roundMunicipalities, type LoadedRound } from './rounds';
import { meetingDecision, roundMeeting, roundTask } from './meetings/tables';
import { roundStage } from './tables';
import { eq } from 'drizzle-orm';
import type { TerritoryRow } from '../territories/queries';
import { roundEvaluationInput } from './round-input';
import type { TBudget, TPlanChecks } from './schema';

type Ctx = { database: Database; models: CountryModels };

/**
 * The whole round evaluated by the pure plan checks (domain planning/checks.ts): the gap table of
 * the round's territory for its method and the registry's year (as the gap dashboard shows it),
 * every item, the ceilings up to the period's last year, the country's unit costs, the envelopes
 * and the stages. The whole round is evaluated even for a reader who sees one municipality, since
 * items serve neighbours and envelopes span municipalities; the reader then gets its own lines.
 */
export async function evaluateRound(ctx: Ctx, loaded: LoadedRound, today: string): Promise<{ evaluation: PlanEvaluation; year: number }> {
  const { input, year } = await roundEvaluationInput(ctx, loaded, today);
  return { evaluation: evaluatePlan(input), year };
}

/** The lines a reader sees: its municipalities', and the round-wide ones for whoever reads the whole round. */
const visibleLine = (municipalityId: number | null, seen: ReadonlyMap<number, unknown>, wholeRound: boolean) => (municipalityId === null ? wholeRound : seen.has(municipalityId));

/** Check messages in the reader's language, naming the municipalities the reader sees, service types and stages. */
export async function checkNamer(ctx: Ctx, loaded: LoadedRound, seen: ReadonlyMap<number, TerritoryRow>, language: TLanguage) {
  const model = await ctx.models.get(loaded.territory.country as TCountry);
  const t = translator(language);
  const fromFiles = (k: string) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined;
  const stageKeys = new Map((await ctx.database.db.select({ id: roundStage.id, key: roundStage.key }).from(roundStage).where(eq(roundStage.roundId, loaded.round.id))).map((s) => [s.id, s.key]));
  // A task by its title (stored text: the message is plain text, set as text by its readers) and its meeting's date.
  const tasks = new Map(
    (
      await ctx.database.db
        .select({ id: roundTask.id, title: roundTask.title, meetingDate: roundMeeting.date })
        .from(roundTask)
        .leftJoin(meetingDecision, eq(meetingDecision.id, roundTask.decisionId))
        .leftJoin(roundMeeting, eq(roundMeeting.id, meetingDecision.meetingId))
        .where(eq(roundTask.roundId, loaded.round.id))
    ).map((r) => [r.id, { title: r.title, meetingDate: r.meetingDate }]),
  );
  const names: CheckNames = {
    municipality: (id) => {
      const m = seen.get(id);
      return m ? territoryNameFor(m, language) : undefined;
    },
    serviceType: (key) => {
      const type = model.serviceTypes.find((s) => s.key === key);
      return type ? serviceTypeNameIn(type, language, fromFiles) : undefined;
    },
    task: (id) => {
      const key = stageKeys.get(id);
      return key ? t(`planningTemplates.stages.${key}.name`, { defaultValue: key }) : undefined;
    },
    meetingTask: (id) => tasks.get(id),
    currency: ROUND_CURRENCY[loaded.territory.country],
  };
  return (c: PlanCheck) => checkMessage(c, language, names, t as Translate);
}

/** A check as the API gives it: the municipality's code beside its id, the stage a late task is, its message. */
export const presentCheck = (c: PlanCheck, seen: ReadonlyMap<number, { code: string }>, message: (c: PlanCheck) => string) => ({
  check: c.check,
  severity: c.severity,
  municipality: c.municipalityId === null ? null : (seen.get(c.municipalityId)?.code ?? null),
  municipalityId: c.municipalityId,
  serviceType: c.serviceType,
  item: c.itemId,
  stage: taskKindOf(c) === 'stage' ? c.taskId : null,
  task: taskKindOf(c) === 'task' ? c.taskId : null,
  fundingSource: c.fundingSource ?? null,
  unit: c.unit ?? null,
  value: c.value,
  limit: c.limit,
  message: message(c),
});

/** The plan checks of a round for a reader, each with its message in `language`. */
export async function planChecks(ctx: Ctx, loaded: LoadedRound, language: TLanguage, today: string, actor: Actor): Promise<TPlanChecks> {
  const { evaluation, year } = await evaluateRound(ctx, loaded, today);
  const { db } = ctx.database;
  const seen = await visibleMunicipalities(db, actor, loaded);
  const wholeRound = seen.size === (await roundMunicipalities(db, loaded.territory)).length;
  const message = await checkNamer(ctx, loaded, seen, language);
  return {
    round: loaded.round.id,
    territory: loaded.territory.code,
    method: loaded.round.method as TPlanChecks['method'],
    year,
    checks: evaluation.checks
      .filter((c) => visibleLine(c.municipalityId, seen, wholeRound))
      .map((c) => presentCheck(c, seen, message)),
    gaps: evaluation.gaps.cells
      .filter((c) => c.items.length > 0 && seen.has(c.municipalityId))
      .map((c) => ({ municipalityId: c.municipalityId, serviceType: c.serviceType, unit: c.unit, gapBefore: tenth(c.gapBefore), gapAfter: tenth(c.gapAfter) })),
  };
}

const tenth = (x: number | null) => (x === null ? null : roundToTenth(x));

/** The round's budget by municipality, funding source and year (the reader's municipalities). */
export async function planBudget(ctx: Ctx, loaded: LoadedRound, today: string, actor: Actor): Promise<TBudget> {
  const { evaluation } = await evaluateRound(ctx, loaded, today);
  const seen = await visibleMunicipalities(ctx.database.db, actor, loaded);
  return {
    round: loaded.round.id,
    rows: evaluation.budget.rows
      .filter((r) => seen.has(r.municipalityId))
      .map((r) => ({ municipality: seen.get(r.municipalityId)!.code, municipalityId: r.municipalityId, fundingSource: r.fundingSource, year: r.year, cost: r.cost, unpricedItems: r.unpricedItems })),
  };
}
