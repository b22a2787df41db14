import type { TCountry } from '@potreby/domain';
import { scheduleRound } from '@potreby/domain/planning/templates/schedule-round';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { TerritoryRow } from '../territories/queries';
import { calendarDay } from './tables';
import { storedTemplate } from './templates/store';

export type ScheduledStage = { key: string; ownerTerritoryId: number | null; dueDate: string | null; status: 'open' | 'done' };

export type ScheduleRequest = { templateKey: string; country: string; start: string; periodStart: number; territory: TerritoryRow; municipalities: TerritoryRow[] };

/** A country's calendar amendments (a working Saturday, a one-off day off), for the deadline arithmetic. */
export async function calendarOf(db: Db, country: string) {
  const found = await db.select().from(calendarDay).where(eq(calendarDay.country, country)).orderBy(asc(calendarDay.day), asc(calendarDay.id));
  return found.map((d) => ({ date: d.day, working: d.working, note: d.note }));
}

/**
 * The stages of a new round from its country template as it stands (the law's, or an
 * administrator's edit of it: templates/store.ts), with due dates from the deadline
 * arithmetic (planning/templates/schedule-round.ts, the country's working days and amendments);
 * null when the country has no such template. A stage each municipality carries out becomes one
 * stage per municipality of the round; the region's stages are the round territory's; national
 * ones (a national agency's approval) have no owner here.
 */
export async function scheduleStages(db: Db, request: ScheduleRequest): Promise<ScheduledStage[] | null> {
  const template = (await storedTemplate(db, request.templateKey))?.template;
  if (!template || template.country !== request.country) return null;
  const calendar = await calendarOf(db, request.country);
  const stages = scheduleRound(template, { periodStart: request.periodStart, start: request.start, country: request.country as TCountry, calendar });
  return stages.flatMap((s): ScheduledStage[] => {
    const base = { key: s.key, dueDate: s.due, status: s.done ? ('done' as const) : ('open' as const) };
    if (s.owner === 'municipality') return request.municipalities.map((m) => ({ ...base, ownerTerritoryId: m.id }));
    return [{ ...base, ownerTerritoryId: s.owner === 'region' ? request.territory.id : null }];
  });
}
