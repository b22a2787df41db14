import { z } from 'zod';
import { AppError } from '../../errors';

/**
 * Calendar dates as plain ISO strings ('YYYY-MM-DD'). Deadlines are days, not instants: all
 * arithmetic is done on UTC day numbers, so no time zone or summer-time change can shift a day.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Years a deadline may fall in; keeps every date four digits and every loop bounded. */
export const MIN_DEADLINE_YEAR = 1990;
export const MAX_DEADLINE_YEAR = 2200;

/** A real calendar date between 1990 and 2200, written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_DEADLINE_YEAR || y > MAX_DEADLINE_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** zod schema of an ISO calendar date ('2026-03-30'). */
export const ZIsoDate = z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' });

/** Days since 1970-01-01 of an ISO date; an invalid date is `validation.invalid`. */
export function dayNumber(date: string, field = 'date'): number {
  if (!isIsoDate(date)) throw new AppError('validation.invalid', { field, value: String(date).slice(0, 40) });
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** The ISO date of a day number; outside 1990–2200 is `validation.invalid` (a period that runs off the calendar). */
export function isoOfDay(day: number): string {
  const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
  if (!isIsoDate(iso)) throw new AppError('validation.invalid', { field: 'date', value: iso });
  return iso;
}

/** 0 Sunday … 6 Saturday, of a day number. */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** The ISO date `n` calendar days after `date` (negative goes back), without any working-day rule. */
export const shiftIsoDate = (date: string, n: number): string => isoOfDay(dayNumber(date) + n);

/** The ISO date of a month and day in a year; 29 February of a common year is `validation.invalid`. */
export function isoOfMonthDay(year: number, month: number, day: number): string {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(iso)) throw new AppError('validation.invalid', { field: 'date', value: iso });
  return iso;
}
