import { AppError, type TCountry } from '@potreby/domain';
import { holidaysOf, isWorkingDay, PUBLIC_HOLIDAYS_OFF_BY_DEFAULT } from '@potreby/domain/planning/deadlines/calendar';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { calendarDay } from '../tables';

/**
 * A country's working-day calendar (issue 8, item 2): the public holidays the domain knows for a
 * year, and the administrators' amendments (a working Saturday, a one-off day off) kept in
 * `calendar_day`, which the deadline arithmetic applies on top (planning/schedule.ts calendarOf).
 */
export type Amendment = { id: number; date: string; working: boolean; note: string };
export type AmendmentInput = { country: TCountry; date: string; working: boolean; note: string };

const invalid = (path: string, message: string, value?: string) => new AppError('validation.invalid', {}, { issues: [{ path, message, ...(value ? { value } : {}) }] });

/** A country's year: its public holidays (and whether they are days off there) and its amendments. */
export async function workingCalendar(db: Db, country: TCountry, year: number) {
  const amendments = await db
    .select()
    .from(calendarDay)
    .where(and(eq(calendarDay.country, country), gte(calendarDay.day, `${year}-01-01`), lte(calendarDay.day, `${year}-12-31`)))
    .orderBy(asc(calendarDay.day));
  return {
    country,
    year,
    holidaysOff: PUBLIC_HOLIDAYS_OFF_BY_DEFAULT[country],
    holidays: holidaysOf(country, year).map((h) => ({ date: h.date, name: h.name, substitute: h.substitute })),
    amendments: amendments.map((a): Amendment => ({ id: a.id, date: a.day, working: a.working, note: a.note })),
  };
}

/**
 * Record an amendment. One per day and country (409 otherwise: remove the old one first), and it
 * must change the day: a working Saturday on a day that is already worked, or a day off on a
 * Sunday, is refused as `amendment_changes_nothing` — it would only hide a mistaken date.
 */
export async function addAmendment(db: Db, author: ChangeAuthor, input: AmendmentInput): Promise<Amendment> {
  if (isWorkingDay(input.country, input.date) === input.working) throw invalid('date', 'amendment_changes_nothing', input.date);
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: calendarDay.id }).from(calendarDay).where(and(eq(calendarDay.country, input.country), eq(calendarDay.day, input.date)));
    if (clash) throw new AppError('conflict.duplicate', { field: 'date', value: input.date });
    const [row] = await tx.insert(calendarDay).values({ country: input.country, day: input.date, working: input.working, note: input.note }).returning();
    const added: Amendment = { id: row!.id, date: row!.day, working: row!.working, note: row!.note };
    await recordChange(tx, author, { action: 'create', entity: 'calendar_day', entityId: added.id, country: input.country, after: added });
    return added;
  });
}

/** Remove an amendment: the day goes back to the law's calendar for rounds opened afterwards. */
export async function removeAmendment(db: Db, author: ChangeAuthor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(calendarDay).where(eq(calendarDay.id, id)).returning();
    if (!row) throw new AppError('not_found');
    await recordChange(tx, author, { action: 'delete', entity: 'calendar_day', entityId: id, country: row.country, before: { date: row.day, working: row.working, note: row.note } });
  });
}
