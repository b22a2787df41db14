import type { Actor, TCountry, TGapMethod } from '@potreby/domain';
import { evaluatePlan, type PlanEvaluation, type PlanTask } from '@potreby/domain/planning/checks';
import { planGapInput, type PlanItem } from '@potreby/domain/planning/gap-after-plan';
import { ZCheckSettings, type PlanCheck, type TCeiling, type TUnitCost } from '@potreby/domain/planning/proposal';
import { translator, type TLanguage } from '@potreby/i18n';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { serviceTypeNameIn } from '@potreby/domain';
import { checkMessage, type CheckNames, type Translate } from '@potreby/domain/planning/check-messages';
import type { Database } from '../db/database';
import { gapSummaryOf } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { territoryNameFor } from '../gaps/gap-matrix';
import { listEnvelopes } from './envelopes';
import { listItems, visibleMunicipalities, type ItemRow } from './items';
import { roundMunicipalities, type LoadedRound } from './rounds';
import type { TBudget, TPlanChecks } from './schema';
import { ceiling, roundStage, unitCost } from './tables';

type Ctx = { database: Database; models: CountryModels };

/** The currency a round's costs are in (Bulgaria's budget is in euro from 2026). */
const CURRENCY: Record<string, string> = { BG: 'EUR', UA: 'UAH', PL: 'PLN' };

const asPlanItem = (r: ItemRow): PlanItem => ({
  id: r.id,
  municipalityId: r.municipalityId,
  serviceType: r.serviceType,
  capacityChange: r.capacityChange,
  unit: r.unit as PlanItem['unit'],
  served: r.served,
  startYear: r.startYear,
  fundingSource: r.fundingSource as PlanItem['fundingSource'],
  annualCost: r.annualCost,
  explanation: r.explanation,
});

/**
 * The whole round evaluated by the pure plan checks (domain planning/checks.ts): the gap table of
 * the round's territory for its method and the registry's year (as the gap dashboard shows it),
 * every item, the ceilings up to the period's last year, the country's unit costs, the envelopes
 * and the stages. The whole round is evaluated even for a reader who sees one municipality, since
 * items serve neighbours and envelopes span municipalities; the reader then gets its own lines.
 */
export async function evaluateRound(ctx: Ctx, loaded: LoadedRound, today: string): Promise<{ evaluation: PlanEvaluation; year: number }> {
  const { db } = ctx.database;
  const { round, territory } = loaded;
  const country = territory.country as TCountry;
  const method = round.method as TGapMethod;
  const municipalities = await roundMunicipalities(db, territory);
  const ids = municipalities.map((m) => m.id);
  const { model, table, summary } = await gapSummaryOf(ctx.models, territory, undefined, method);
  const types = model.serviceTypesIn(summary.year).filter((s) => s.country === country);
  const gaps = planGapInput(table, ids, method, types);
  const items = (await listItems(db, round.id, ids)).map(asPlanItem);
  const ceilings: TCeiling[] = ids.length
    ? (await db.select().from(ceiling).where(and(inArray(ceiling.municipalityId, ids), lte(ceiling.year, round.periodEnd)))).map((c) => ({ municipalityId: c.municipalityId, serviceType: c.serviceType, year: c.year, maxUsers: c.maxUsers }))
    : [];
  const unitCosts: TUnitCost[] = (await db.select().from(unitCost).where(eq(unitCost.country, country))).map((u) => ({ country, serviceType: u.serviceType, year: u.year, cost: u.cost }));
  const isMunicipality = new Set(ids);
  const tasks: PlanTask[] = (await db.select().from(roundStage).where(eq(roundStage.roundId, round.id))).map((s) => ({
    id: s.id,
    municipalityId: s.ownerTerritoryId !== null && isMunicipality.has(s.ownerTerritoryId) ? s.ownerTerritoryId : null,
    dueDate: s.dueDate,
    done: s.status === 'done',
  }));
  const evaluation = evaluatePlan({
    gaps,
    items,
    settings: ZCheckSettings.parse(round.checkSettings ?? {}),
    country,
    period: { from: round.periodStart, to: round.periodEnd },
    ceilings,
    unitCosts,
    envelopes: await listEnvelopes(db, round.id),
    tasks,
    today,
  });
  return { evaluation, year: summary.year };
}

/** The lines a reader sees: its municipalities', and the round-wide ones for whoever reads the whole round. */
const visibleLine = (municipalityId: number | null, seen: ReadonlyMap<number, unknown>, wholeRound: boolean) => (municipalityId === null ? wholeRound : seen.has(municipalityId));

/** The plan checks of a round for a reader, each with its message in `language`. */
export async function planChecks(ctx: Ctx, loaded: LoadedRound, language: TLanguage, today: string, actor: Actor): Promise<TPlanChecks> {
  const { evaluation, year } = await evaluateRound(ctx, loaded, today);
  const { db } = ctx.database;
  const seen = await visibleMunicipalities(db, actor, loaded);
  const wholeRound = seen.size === (await roundMunicipalities(db, loaded.territory)).length;
  const model = await ctx.models.get(loaded.territory.country as TCountry);
  const t = translator(language);
  const fromFiles = (k: string) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined;
  const stageKeys = new Map((await db.select({ id: roundStage.id, key: roundStage.key }).from(roundStage).where(eq(roundStage.roundId, loaded.round.id))).map((s) => [s.id, s.key]));
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
    currency: CURRENCY[loaded.territory.country],
  };
  const message = (c: PlanCheck) => checkMessage(c, language, names, t as Translate);
  return {
    round: loaded.round.id,
    territory: loaded.territory.code,
    method: loaded.round.method as TPlanChecks['method'],
    year,
    checks: evaluation.checks
      .filter((c) => visibleLine(c.municipalityId, seen, wholeRound))
      .map((c) => ({
        check: c.check,
        severity: c.severity,
        municipality: c.municipalityId === null ? null : (seen.get(c.municipalityId)?.code ?? null),
        municipalityId: c.municipalityId,
        serviceType: c.serviceType,
        item: c.itemId,
        stage: c.taskId,
        fundingSource: c.fundingSource ?? null,
        unit: c.unit ?? null,
        value: c.value,
        limit: c.limit,
        message: message(c),
      })),
  };
}

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
