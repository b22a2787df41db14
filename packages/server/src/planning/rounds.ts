import { AppError, reaches, type Actor } from '@potreby/domain';
import { ZCheckSettings } from '@potreby/domain/planning/proposal';
import { and, asc, desc, eq, inArray, like, or } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import { findTerritory, pathIds, type TerritoryRow } from '../territories/queries';
import { mayEditItem, mayReadRound, mayRunRound } from './access';
import { scheduleStages } from './schedule';
import type { TRoundInput, TRoundView } from './schema';
import { planningRound, roundStage } from './tables';

export type RoundRow = typeof planningRound.$inferSelect;
export type LoadedRound = { round: RoundRow; territory: TerritoryRow };

/** Today in UTC: the start of a round's deadlines when none is given, and the day `overdue` is judged on. */
export const today = () => new Date().toISOString().slice(0, 10);

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

export const presentUnit = (t: TerritoryRow): TRoundView['territory'] => ({ id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, level: t.level, country: t.country });

export const presentRound = ({ round, territory: t }: LoadedRound): TRoundView => ({
  id: round.id,
  territory: presentUnit(t),
  templateKey: round.templateKey,
  periodStart: round.periodStart,
  periodEnd: round.periodEnd,
  method: round.method as TRoundView['method'],
  checkSettings: ZCheckSettings.parse(round.checkSettings ?? {}),
  status: round.status as TRoundView['status'],
  createdAt: round.createdAt.toISOString(),
});

const auditView = (r: RoundRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

/**
 * A round the actor may read; outside its reach a round does not exist (404, as a site does).
 * `run`: the actor must also be one who opens and closes the round (403 otherwise).
 */
export async function loadRound(db: Db, actor: Actor, id: number, need: 'read' | 'run' = 'read'): Promise<LoadedRound> {
  return allowedRound(actor, await findRound(db, id), need);
}

/** A round with its territory, whoever asks; null when there is none. */
export async function findRound(db: Db, id: number): Promise<LoadedRound | null> {
  const [found] = await db.select({ round: planningRound, territory }).from(planningRound).innerJoin(territory, eq(territory.id, planningRound.territoryId)).where(eq(planningRound.id, id));
  return found ?? null;
}

/** The round, if the actor may read it (or run it): otherwise not found (or forbidden), as loadRound refuses. */
export function allowedRound(actor: Actor, found: LoadedRound | null, need: 'read' | 'run' = 'read'): LoadedRound {
  if (!found || !mayReadRound(actor, found.territory)) throw new AppError('not_found');
  if (need === 'run' && !mayRunRound(actor, found.territory)) throw new AppError('auth.forbidden');
  return found;
}

/** The planning units of a round: its territory's municipalities, or the municipality itself. */
export async function roundMunicipalities(db: Db, t: TerritoryRow): Promise<TerritoryRow[]> {
  if (t.level === 'municipality') return [t];
  return db
    .select()
    .from(territory)
    .where(and(like(territory.path, `${t.path}%`), eq(territory.level, 'municipality')))
    .orderBy(asc(territory.code));
}

/** Open a round for a region or a municipality from a country template; its stages are scheduled from `start`. */
export async function createRound(db: Db, actor: Actor, author: ChangeAuthor, input: TRoundInput, today: string): Promise<LoadedRound> {
  const t = await findTerritory(db, input.territoryId);
  if (!mayRunRound(actor, t)) throw new AppError('auth.forbidden');
  if (t.level !== 'region' && t.level !== 'municipality') throw invalid('territoryId', 'not_region_or_municipality');
  const start = input.start ?? today;
  const stages = await scheduleStages(db, { templateKey: input.templateKey, country: t.country, start, periodStart: input.periodStart, municipalities: await roundMunicipalities(db, t), territory: t });
  if (stages === null) throw invalid('templateKey', 'unknown_template');
  const checkSettings = ZCheckSettings.parse(input.checkSettings ?? {});
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(planningRound)
      .values({ territoryId: t.id, country: t.country, templateKey: input.templateKey, periodStart: input.periodStart, periodEnd: input.periodEnd, method: input.method, checkSettings, createdBy: author.userId })
      .returning();
    if (stages.length > 0) await tx.insert(roundStage).values(stages.map((s, i) => ({ ...s, roundId: round!.id, sortOrder: i })));
    await recordChange(tx, author, { action: 'create', entity: 'planning_round', entityId: round!.id, country: t.country, territoryId: t.id, after: { ...auditView(round!), stages: stages.length } });
    return { round: round!, territory: t };
  });
}

/** The rounds the actor may read, of one territory (and those it lies in) or all. */
export async function listRounds(db: Db, actor: Actor, territoryId: number | undefined): Promise<LoadedRound[]> {
  // The rounds in the actor's reach and those of the territories its own lies in (mayReadRound), in SQL.
  const scope = actor.scopePath;
  let where = scope === null ? undefined : or(like(territory.path, `${scope}%`), inArray(territory.id, pathIds(scope)));
  if (territoryId !== undefined) {
    const t = await findTerritory(db, territoryId);
    if (!mayReadRound(actor, t)) throw new AppError('not_found');
    // The territory's own rounds, those of the units within it, and those of the units it lies in.
    where = and(where, or(like(territory.path, `${t.path}%`), inArray(territory.id, pathIds(t.path))));
  }
  const found = await db.select({ round: planningRound, territory }).from(planningRound).innerJoin(territory, eq(territory.id, planningRound.territoryId)).where(where).orderBy(desc(planningRound.id)).limit(500);
  return found.filter((r) => mayReadRound(actor, r.territory));
}

/** Close or reopen a round; a closed round's items and envelopes are kept as they are. */
export async function setRoundStatus(db: Db, actor: Actor, author: ChangeAuthor, id: number, status: 'open' | 'closed'): Promise<LoadedRound> {
  const loaded = await loadRound(db, actor, id, 'run');
  if (loaded.round.status === status) return loaded;
  return db.transaction(async (tx) => {
    const [after] = await tx.update(planningRound).set({ status }).where(eq(planningRound.id, id)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'planning_round', entityId: id, country: loaded.territory.country, territoryId: loaded.territory.id, before: { status: loaded.round.status }, after: { status } });
    return { round: after!, territory: loaded.territory };
  });
}

export async function listStages(db: Db, roundId: number) {
  const found = await db.select().from(roundStage).where(eq(roundStage.roundId, roundId)).orderBy(asc(roundStage.sortOrder), asc(roundStage.id));
  return found.map((s) => ({ id: s.id, key: s.key, ownerTerritoryId: s.ownerTerritoryId, dueDate: s.dueDate, doneDate: s.doneDate, status: s.status as 'open' | 'done' }));
}

/** Changes of items and envelopes are for open rounds only. */
export function assertOpen(loaded: LoadedRound): void {
  if (loaded.round.status !== 'open') throw invalid('roundId', 'round_closed');
}

/**
 * Mark a stage done on a date, or not done (null). A municipality's stage is its proposers' to
 * mark; the region's and national ones, the round's openers'.
 */
export async function setStageDone(db: Db, actor: Actor, author: ChangeAuthor, stageId: number, doneDate: string | null) {
  const [stage] = await db.select().from(roundStage).where(eq(roundStage.id, stageId));
  if (!stage) throw new AppError('not_found');
  const loaded = await loadRound(db, actor, stage.roundId);
  const owner = stage.ownerTerritoryId === null ? null : stage.ownerTerritoryId === loaded.territory.id ? loaded.territory : await findTerritory(db, stage.ownerTerritoryId);
  const municipal = owner !== null && owner.level === 'municipality' && owner.id !== loaded.territory.id;
  if (municipal && !reaches(actor, owner)) throw new AppError('not_found');
  if (!(municipal ? mayEditItem(actor, owner) : mayRunRound(actor, loaded.territory))) throw new AppError('auth.forbidden');
  assertOpen(loaded);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(roundStage)
      .set({ doneDate, status: doneDate === null ? 'open' : 'done' })
      .where(eq(roundStage.id, stageId))
      .returning();
    const view = (s: typeof stage) => ({ id: s.id, roundId: s.roundId, key: s.key, ownerTerritoryId: s.ownerTerritoryId, dueDate: s.dueDate, doneDate: s.doneDate, status: s.status });
    await recordChange(tx, author, { action: 'update', entity: 'round_stage', entityId: stageId, country: loaded.territory.country, territoryId: owner?.id ?? loaded.territory.id, before: view(stage), after: view(after!) });
    return { id: after!.id, key: after!.key, ownerTerritoryId: after!.ownerTerritoryId, dueDate: after!.dueDate, doneDate: after!.doneDate, status: after!.status as 'open' | 'done' };
  });
}
