import type { TCountry, TGapMethod } from '@potreby/domain';
import type { PlanEvaluationInput, PlanTask } from '@potreby/domain/planning/checks';
import { planGapInput, type PlanItem } from '@potreby/domain/planning/gap-after-plan';
import { ZCheckSettings, type TCeiling, type TUnitCost } from '@potreby/domain/planning/proposal';
import { and, eq, inArray, lte } from 'drizzle-orm';
import type { Database } from '../db/database';
import { gapSummaryOf } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { listEnvelopes } from './envelopes';
import { listItems, type ItemRow } from './items';
import { roundMunicipalities, type LoadedRound } from './rounds';
import { roundTask } from './meetings/tables';
import { ceiling, roundStage, unitCost } from './tables';

type Ctx = { database: Database; models: CountryModels };

export const asPlanItem = (r: ItemRow): PlanItem => ({
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
 * What the plan checks of a round take (plan-report.ts evaluates it as it is): the gap table of the round's territory for its method and the registry's year,
 * every item, ceilings, unit costs, envelopes, stages and tasks. A scenario is applied over it
 * (domain planning/scenario.ts), so the round and its scenarios are judged on one input.
 * `year` is the gap table's year: the base of a scenario's yearly population changes.
 */
export async function roundEvaluationInput(ctx: Ctx, loaded: LoadedRound, today: string): Promise<{ input: PlanEvaluationInput; year: number }> {
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
  const ownerOf = (id: number | null) => (id !== null && isMunicipality.has(id) ? id : null);
  // The round's stages and its tasks (a meeting's decisions, or added by hand): either may be late.
  const stages = await db.select({ id: roundStage.id, owner: roundStage.ownerTerritoryId, dueDate: roundStage.dueDate, status: roundStage.status }).from(roundStage).where(eq(roundStage.roundId, round.id));
  const tasksOfRound = await db.select({ id: roundTask.id, owner: roundTask.ownerTerritoryId, dueDate: roundTask.dueDate, status: roundTask.status }).from(roundTask).where(eq(roundTask.roundId, round.id));
  const tasks: PlanTask[] = [
    ...stages.map((s): PlanTask => ({ id: s.id, kind: 'stage', municipalityId: ownerOf(s.owner), dueDate: s.dueDate, done: s.status === 'done' })),
    ...tasksOfRound.map((t): PlanTask => ({ id: t.id, kind: 'task', municipalityId: ownerOf(t.owner), dueDate: t.dueDate, done: t.status === 'done' })),
  ];
  const input: PlanEvaluationInput = {
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
  };
  return { input, year: summary.year };
}
