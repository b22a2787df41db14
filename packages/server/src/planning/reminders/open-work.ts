import type { Actor } from '@potreby/domain';
import type { OpenWork } from '@potreby/domain/planning/reminders';
import { isLanguage, translator, type TLanguage } from '@potreby/i18n';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { territoryNameFor } from '../../gaps/gap-matrix';
import { listRounds, type LoadedRound } from '../rounds';
import { openTasksOf } from '../meetings/tasks';
import { planningRound, roundStage } from '../tables';

/**
 * One open piece of work of a round with a deadline, before it is put in a reader's words: a stage
 * (named by its template's key) or a task (named by whoever wrote it: its title).
 */
export type RoundWork = { kind: 'stage' | 'task'; id: number; roundId: number; key: string; title?: string; ownerTerritoryId: number; dueDate: string };

/**
 * The open work of a round that has a deadline: its open stages and tasks (meetings' decisions,
 * or added by hand; one without an owner is the round's territory's). The single place that says
 * what a reminder or a calendar lists.
 */
export async function openWorkOf(db: Db, roundId: number): Promise<RoundWork[]> {
  const rows = await db
    .select({ id: roundStage.id, key: roundStage.key, owner: roundStage.ownerTerritoryId, dueDate: roundStage.dueDate, roundTerritory: planningRound.territoryId })
    .from(roundStage)
    .innerJoin(planningRound, eq(planningRound.id, roundStage.roundId))
    .where(and(eq(roundStage.roundId, roundId), eq(roundStage.status, 'open'), isNotNull(roundStage.dueDate)))
    .orderBy(asc(roundStage.sortOrder), asc(roundStage.id));
  const stages = rows.map((r): RoundWork => ({ kind: 'stage', id: r.id, roundId, key: r.key, ownerTerritoryId: r.owner ?? r.roundTerritory, dueDate: r.dueDate! }));
  const roundTerritory = rows[0]?.roundTerritory ?? (await db.select({ t: planningRound.territoryId }).from(planningRound).where(eq(planningRound.id, roundId)))[0]?.t;
  const tasks = (await openTasksOf(db, roundId))
    .filter((t) => t.dueDate !== null)
    .map((t): RoundWork => ({ kind: 'task', id: t.id, roundId, key: `task.${t.id}`, title: t.title, ownerTerritoryId: t.ownerTerritoryId ?? roundTerritory!, dueDate: t.dueDate! }));
  return [...stages, ...tasks];
}

/** Who a reminder or a feed is for: an account with its scope, as the access rules need it. */
export type Reader = { id: number; name: string; role: string; territoryId: number | null; scopePath: string | null; organisation: string | null; language: string };

export const actorOfReader = (reader: Reader): Actor => ({ userId: reader.id, role: reader.role as Actor['role'], scopePath: reader.scopePath, organisation: reader.organisation });
export const languageOf = (reader: Reader): TLanguage => (isLanguage(reader.language) ? reader.language : 'en');

/** A stage's name in the reader's language (from the country's template), a round's territory and period. */
export function titleOf(work: RoundWork, language: TLanguage): string {
  if (work.kind === 'task') return work.title ?? '';
  // Stage keys carry their country ('bg.needs_analysis'), as the round page names them.
  return translator(language)(`planningTemplates.stages.${work.key}.name`, { defaultValue: work.key });
}
export const roundLabelOf = (loaded: LoadedRound, language: TLanguage): string =>
  `${territoryNameFor(loaded.territory, language)}, ${loaded.round.periodStart}–${loaded.round.periodEnd}`;

export type ReaderWork = OpenWork & { round: LoadedRound; ownerTerritoryId: number };

/**
 * The open work owned by the reader's territory in the open rounds the reader may read now
 * (access re-checked on every call), named in the reader's language. `roundId` narrows to one round.
 */
export async function workOfReader(db: Db, reader: Reader, roundId?: number): Promise<ReaderWork[]> {
  if (reader.territoryId === null) return [];
  const language = languageOf(reader);
  const rounds = (await listRounds(db, actorOfReader(reader), undefined)).filter((r) => r.round.status === 'open' && (roundId === undefined || r.round.id === roundId));
  const out: ReaderWork[] = [];
  for (const loaded of rounds) {
    for (const work of await openWorkOf(db, loaded.round.id)) {
      if (work.ownerTerritoryId !== reader.territoryId) continue;
      out.push({ kind: work.kind, id: work.id, roundId: work.roundId, roundLabel: roundLabelOf(loaded, language), title: titleOf(work, language), dueDate: work.dueDate, round: loaded, ownerTerritoryId: work.ownerTerritoryId });
    }
  }
  return out;
}
