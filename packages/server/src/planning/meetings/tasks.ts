import { AppError, reaches, type Actor } from '@potreby/domain';
import { matchesTaskFilter, type TaskFilter } from '@potreby/domain/planning/tasks';
import { and, asc, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { findTerritory, type TerritoryRow } from '../../territories/queries';
import { mayEditItem, mayRunRound } from '../access';
import { assertOpen, loadRound, roundMunicipalities, type LoadedRound } from '../rounds';
import { roundStage } from '../tables';
import type { TTaskInput, TTaskView } from './schema';
import { roundTask } from './tables';

type TaskRow = typeof roundTask.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

export const presentTask = (t: TaskRow): TTaskView => ({
  id: t.id,
  roundId: t.roundId,
  stageId: t.stageId,
  decisionId: t.decisionId,
  ownerTerritoryId: t.ownerTerritoryId,
  title: t.title,
  dueDate: t.dueDate,
  status: t.status as 'open' | 'done',
  doneDate: t.doneDate,
  createdAt: t.createdAt.toISOString(),
});
const auditView = (t: TaskRow) => ({ ...presentTask(t) });

/**
 * The open tasks of a round (for the reminders and calendar feeds, helper H4). Stages are not
 * among them: a stage is its own task (round_stage), read from there.
 */
export async function openTasksOf(db: Db, roundId: number) {
  return db
    .select({ id: roundTask.id, title: roundTask.title, ownerTerritoryId: roundTask.ownerTerritoryId, dueDate: roundTask.dueDate, status: roundTask.status, stageId: roundTask.stageId })
    .from(roundTask)
    .where(and(eq(roundTask.roundId, roundId), eq(roundTask.status, 'open')))
    .orderBy(asc(roundTask.dueDate), asc(roundTask.id));
}

/** The territory owning a task: the round's own (null) or one of its municipalities; anything else is refused. */
export async function checkOwner(db: Db, loaded: LoadedRound, ownerId: number | null, path = 'ownerTerritoryId'): Promise<TerritoryRow> {
  if (ownerId === null || ownerId === loaded.territory.id) return loaded.territory;
  const unit = (await roundMunicipalities(db, loaded.territory)).find((m) => m.id === ownerId);
  if (!unit) throw invalid(path, 'not_in_round');
  return unit;
}

async function checkStage(db: Db, roundId: number, stageId: number | null) {
  if (stageId === null) return;
  const [stage] = await db.select({ id: roundStage.id }).from(roundStage).where(and(eq(roundStage.id, stageId), eq(roundStage.roundId, roundId)));
  if (!stage) throw invalid('stageId', 'not_in_round');
}

/** A round's tasks the actor may read; `mine`: only those of territories within the actor's reach. */
export async function listTasks(db: Db, actor: Actor, loaded: LoadedRound, filter: TaskFilter, mine: boolean, today: string): Promise<TTaskView[]> {
  const found = await db.select().from(roundTask).where(eq(roundTask.roundId, loaded.round.id)).orderBy(asc(roundTask.dueDate), asc(roundTask.id));
  let owners: Map<number, TerritoryRow> | null = null;
  if (mine) owners = new Map([loaded.territory, ...(await roundMunicipalities(db, loaded.territory))].map((t) => [t.id, t]));
  return found
    .filter((t) => matchesTaskFilter({ status: t.status as 'open' | 'done', dueDate: t.dueDate }, filter, today))
    .filter((t) => {
      if (!owners) return true;
      const owner = owners.get(t.ownerTerritoryId ?? loaded.territory.id);
      return owner !== undefined && reaches(actor, owner);
    })
    .map(presentTask);
}

/** Insert a task (in a transaction the caller holds) and audit it. */
export async function insertTask(tx: Tx, author: ChangeAuthor, loaded: LoadedRound, values: TTaskInput & { decisionId?: number | null }, owner: TerritoryRow): Promise<TaskRow> {
  const [row] = await tx
    .insert(roundTask)
    .values({ roundId: loaded.round.id, title: values.title, dueDate: values.dueDate, ownerTerritoryId: values.ownerTerritoryId === loaded.territory.id ? null : values.ownerTerritoryId, stageId: values.stageId, decisionId: values.decisionId ?? null, createdBy: author.userId })
    .returning();
  await recordChange(tx, author, { action: 'create', entity: 'round_task', entityId: row!.id, country: loaded.territory.country, territoryId: owner.id, after: auditView(row!) });
  return row!;
}

/** Add a task to a round: the region's officers (who run the round). */
export async function createTask(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, input: TTaskInput): Promise<TaskRow> {
  const loaded = await loadRound(db, actor, roundId, 'run');
  assertOpen(loaded);
  const owner = await checkOwner(db, loaded, input.ownerTerritoryId);
  await checkStage(db, loaded.round.id, input.stageId);
  return db.transaction((tx) => insertTask(tx, author, loaded, input, owner));
}

async function loadTask(db: Db, actor: Actor, id: number) {
  const [task] = await db.select().from(roundTask).where(eq(roundTask.id, id));
  if (!task) throw new AppError('not_found');
  const loaded = await loadRound(db, actor, task.roundId);
  const owner = task.ownerTerritoryId === null ? loaded.territory : await findTerritory(db, task.ownerTerritoryId);
  return { task, loaded, owner };
}

/** Change a task's title, owner, stage or due date: the region's officers. */
export async function updateTask(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TTaskInput): Promise<TaskRow> {
  const { task, loaded } = await loadTask(db, actor, id);
  if (!mayRunRound(actor, loaded.territory)) throw new AppError('auth.forbidden');
  assertOpen(loaded);
  const owner = await checkOwner(db, loaded, input.ownerTerritoryId);
  await checkStage(db, loaded.round.id, input.stageId);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(roundTask)
      .set({ title: input.title, dueDate: input.dueDate, ownerTerritoryId: owner.id === loaded.territory.id ? null : owner.id, stageId: input.stageId })
      .where(eq(roundTask.id, id))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'round_task', entityId: id, country: loaded.territory.country, territoryId: owner.id, before: auditView(task), after: auditView(after!) });
    return after!;
  });
}

/**
 * Mark a task done on a date, or open again (null), as a stage is: a municipality's task is its
 * own officers' to mark (and the region's); the round's own tasks, the region's officers'.
 */
export async function setTaskDone(db: Db, actor: Actor, author: ChangeAuthor, id: number, doneDate: string | null): Promise<TaskRow> {
  const { task, loaded, owner } = await loadTask(db, actor, id);
  const municipal = owner.id !== loaded.territory.id && owner.level === 'municipality';
  if (!(municipal ? mayEditItem(actor, owner) : mayRunRound(actor, loaded.territory))) throw new AppError('auth.forbidden');
  assertOpen(loaded);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(roundTask)
      .set({ doneDate, status: doneDate === null ? 'open' : 'done' })
      .where(eq(roundTask.id, id))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'round_task', entityId: id, country: loaded.territory.country, territoryId: owner.id, before: auditView(task), after: auditView(after!) });
    return after!;
  });
}
