import { AppError, type Actor } from '@potreby/domain';
import { evaluatePlan, type PlanEvaluation } from '@potreby/domain/planning/checks';
import { applyScenario, compareEvaluations, type Scenario } from '@potreby/domain/planning/scenario';
import type { TLanguage } from '@potreby/i18n';
import { and, asc, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Database, Db } from '../../db/database';
import type { CountryModels } from '../../model/country-model';
import { listItems, visibleMunicipalities } from '../items';
import { loadRound, roundMunicipalities, type LoadedRound } from '../rounds';
import { roundEvaluationInput } from '../round-input';
import { checkNamer, presentCheck } from '../plan-report';
import type { TScenarioEvaluation, TScenarioInput, TScenarioView } from './schema';
import { planScenario } from './tables';

type Ctx = { database: Database; models: CountryModels };
type ScenarioRow = typeof planScenario.$inferSelect;

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

export const presentScenario = (r: ScenarioRow): TScenarioView => ({
  id: r.id,
  roundId: r.roundId,
  name: r.name,
  items: r.itemChanges,
  population: r.populationChanges,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
const auditView = (r: ScenarioRow) => ({ id: r.id, roundId: r.roundId, name: r.name, itemChanges: r.itemChanges, populationChanges: r.populationChanges, createdBy: r.createdBy });

/**
 * Scenarios are the region's working material (issue 8, items 9 and 13): the round's openers
 * (the region's officers, administrators) make and change them, in open and closed rounds alike
 * (a scenario changes no item); everyone who reads the round reads them.
 */
export async function listScenarios(db: Db, actor: Actor, roundId: number): Promise<ScenarioRow[]> {
  const loaded = await loadRound(db, actor, roundId);
  return db.select().from(planScenario).where(eq(planScenario.roundId, loaded.round.id)).orderBy(asc(planScenario.id));
}

/** A scenario and its round, if the actor reads the round (404 otherwise); `run`: the actor must run the round (403). */
export async function loadScenario(db: Db, actor: Actor, id: number, need: 'read' | 'run' = 'read'): Promise<{ scenario: ScenarioRow; loaded: LoadedRound }> {
  const [scenario] = await db.select().from(planScenario).where(eq(planScenario.id, id));
  if (!scenario) throw new AppError('not_found');
  return { scenario, loaded: await loadRound(db, actor, scenario.roundId, need) };
}

/** The changes must be about the round: its items and its municipalities. */
async function checkChanges(db: Db, loaded: LoadedRound, input: TScenarioInput): Promise<void> {
  const municipalities = await roundMunicipalities(db, loaded.territory);
  const ids = new Set(municipalities.map((m) => m.id));
  const itemIds = new Set((await listItems(db, loaded.round.id, [...ids])).map((i) => i.id));
  const seen = new Set<number>();
  input.items.forEach((c, i) => {
    if (!itemIds.has(c.itemId)) throw invalid(`items.${i}.itemId`, 'not_in_round');
    if (seen.has(c.itemId)) throw invalid(`items.${i}.itemId`, 'duplicate');
    seen.add(c.itemId);
  });
  input.population.forEach((c, i) => {
    if (c.municipalityId !== null && !ids.has(c.municipalityId)) throw invalid(`population.${i}.municipalityId`, 'not_in_round');
  });
}

export async function createScenario(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, input: TScenarioInput): Promise<ScenarioRow> {
  const loaded = await loadRound(db, actor, roundId, 'run');
  await checkChanges(db, loaded, input);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(planScenario)
      .values({ roundId, name: input.name, itemChanges: input.items, populationChanges: input.population, createdBy: author.userId })
      .returning();
    await recordChange(tx, author, { action: 'create', entity: 'plan_scenario', entityId: created!.id, country: loaded.territory.country, territoryId: loaded.territory.id, after: auditView(created!) });
    return created!;
  });
}

export async function updateScenario(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TScenarioInput): Promise<ScenarioRow> {
  const { scenario: before, loaded } = await loadScenario(db, actor, id, 'run');
  await checkChanges(db, loaded, input);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(planScenario)
      .set({ name: input.name, itemChanges: input.items, populationChanges: input.population, updatedAt: new Date() })
      .where(eq(planScenario.id, id))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'plan_scenario', entityId: id, country: loaded.territory.country, territoryId: loaded.territory.id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

export async function deleteScenario(db: Db, actor: Actor, author: ChangeAuthor, id: number): Promise<void> {
  const { scenario: before, loaded } = await loadScenario(db, actor, id, 'run');
  await db.transaction(async (tx) => {
    await tx.delete(planScenario).where(and(eq(planScenario.id, id), eq(planScenario.roundId, loaded.round.id)));
    await recordChange(tx, author, { action: 'delete', entity: 'plan_scenario', entityId: id, country: loaded.territory.country, territoryId: loaded.territory.id, before: auditView(before) });
  });
}

export const scenarioOf = (row: ScenarioRow | null, baseYear: number): Scenario => (row ? { items: row.itemChanges, population: row.populationChanges, baseYear } : {});

/**
 * The round, or a scenario of it, evaluated on the server (the round's items of every
 * municipality, ceilings and envelopes take part, which a municipal reader may not see), then cut
 * to the reader's municipalities as the plan-health view is.
 */
export async function evaluate(ctx: Ctx, loaded: LoadedRound, rows: readonly (ScenarioRow | null)[], today: string) {
  const { input, year } = await roundEvaluationInput(ctx, loaded, today);
  const targets = [...new Set(input.gaps.rows.map((r) => r.target).filter((t): t is string => typeof t === 'string' && t.startsWith('p:T:')))].sort();
  const evaluations = rows.map((row) => evaluatePlan(applyScenario(input, scenarioOf(row, year))));
  return { evaluations, year, checkedYear: input.year ?? input.period.to, targets };
}

/** The part of an evaluation a reader sees: its municipalities' cells, checks and budget lines; the year totals of those. */
export function visiblePart(ev: PlanEvaluation, seen: ReadonlyMap<number, unknown>, wholeRound: boolean): PlanEvaluation {
  const years = wholeRound
    ? ev.budget.years
    : [...new Set(ev.budget.municipalities.map((m) => m.year))].sort((a, b) => a - b).map((year) => {
        const own = ev.budget.municipalities.filter((m) => m.year === year && seen.has(m.municipalityId));
        const known = own.filter((m) => m.cost !== null);
        return { year, cost: known.length ? known.reduce((s, m) => s + m.cost!, 0) : null, unpricedItems: own.reduce((s, m) => s + m.unpricedItems, 0) };
      });
  return {
    gaps: { ...ev.gaps, cells: ev.gaps.cells.filter((c) => seen.has(c.municipalityId)) },
    checks: ev.checks.filter((c) => (c.municipalityId === null ? wholeRound : seen.has(c.municipalityId))),
    budget: { ...ev.budget, rows: ev.budget.rows.filter((r) => seen.has(r.municipalityId)), municipalities: ev.budget.municipalities.filter((m) => seen.has(m.municipalityId)), years },
  };
}

export async function readerView(db: Db, actor: Actor, loaded: LoadedRound) {
  const seen = await visibleMunicipalities(db, actor, loaded);
  const wholeRound = seen.size === (await roundMunicipalities(db, loaded.territory)).length;
  return { seen, wholeRound };
}

export async function scenarioEvaluation(ctx: Ctx, actor: Actor, loaded: LoadedRound, row: ScenarioRow | null, language: TLanguage, today: string): Promise<TScenarioEvaluation> {
  const { evaluations, year, checkedYear, targets } = await evaluate(ctx, loaded, [row], today);
  const { seen, wholeRound } = await readerView(ctx.database.db, actor, loaded);
  const ev = visiblePart(evaluations[0]!, seen, wholeRound);
  const message = await checkNamer(ctx, loaded, seen, language);
  return {
    round: loaded.round.id,
    scenario: row?.id ?? null,
    method: loaded.round.method as TScenarioEvaluation['method'],
    year,
    checkedYear,
    targets,
    gaps: ev.gaps.cells.map((c) => ({
      municipalityId: c.municipalityId,
      serviceType: c.serviceType,
      unit: c.unit,
      need: c.need,
      capacity: c.capacity,
      change: c.change,
      capacityAfter: c.capacityAfter,
      gapBefore: c.gapBefore,
      gapAfter: c.gapAfter,
    })),
    checks: ev.checks.map((c) => presentCheck(c, seen, message)),
    budget: {
      years: ev.budget.years.map((y) => ({ year: y.year, cost: y.cost, unpricedItems: y.unpricedItems })),
      rows: ev.budget.rows.map((r) => ({ municipality: seen.get(r.municipalityId)!.code, municipalityId: r.municipalityId, fundingSource: r.fundingSource, year: r.year, cost: r.cost, unpricedItems: r.unpricedItems })),
    },
  };
}

/** Two scenarios (or a scenario and the round as it is: `round`) side by side, as the reader sees them. */
export async function compareScenarios(ctx: Ctx, actor: Actor, roundOrScenario: { a: number | 'round'; b: number | 'round' }, roundId: number, today: string) {
  const { db } = ctx.database;
  const loaded = await loadRound(db, actor, roundId);
  const side = async (s: number | 'round') => {
    if (s === 'round') return null;
    const [row] = await db.select().from(planScenario).where(and(eq(planScenario.id, s), eq(planScenario.roundId, loaded.round.id)));
    if (!row) throw new AppError('not_found');
    return row;
  };
  const rows = [await side(roundOrScenario.a), await side(roundOrScenario.b)];
  const { evaluations } = await evaluate(ctx, loaded, rows, today);
  const { seen, wholeRound } = await readerView(db, actor, loaded);
  const [a, b] = evaluations.map((ev) => visiblePart(ev, seen, wholeRound));
  return { round: loaded.round.id, a: rows[0]?.id ?? null, b: rows[1]?.id ?? null, ...compareEvaluations(a!, b!) };
}
