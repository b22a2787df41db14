import { isIsoDate, type TCountry } from '@potreby/domain';
import { addDays, addWorkingDays, ZPeriodDays, type TCalendarAmendment } from '@potreby/domain/planning/deadlines/calendar';
import { InvalidArgumentError } from 'commander';
import type { Io } from './main';

export type DeadlineOptions = {
  country: TCountry;
  from: string;
  days?: number;
  workingDays?: number;
  /** The administrators' amendments of the country's calendar (a working Saturday, a day off), when a database is configured. */
  calendar?: readonly TCalendarAmendment[];
};

/**
 * Whether the command line has a database of its own to read the calendar amendments from:
 * DATABASE_URL or POTREBY_DATA_DIR set. Without either the law's calendar alone is used, so the
 * command still answers on a machine with no database (rather than creating ./data to read nothing).
 */
export const deadlineUsesDatabase = (env: NodeJS.ProcessEnv = process.env): boolean => Boolean(env.DATABASE_URL || env.POTREBY_DATA_DIR);

/** `--from`: a calendar date written YYYY-MM-DD, between 1990 and 2200. */
export const isoDateArgument = (value: string): string => {
  if (!isIsoDate(value.trim())) throw new InvalidArgumentError('expected a date YYYY-MM-DD from 1990 to 2200, e.g. 2026-03-30');
  return value.trim();
};

/** `--days`, `--working-days`: a whole number of days from 0 to 36600. */
export const dayCountArgument = (value: string): number => {
  const n = /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : NaN;
  if (!ZPeriodDays.safeParse(n).success) throw new InvalidArgumentError('expected a whole number of days from 0 to 36600');
  return n;
};

/**
 * `potreby deadline --country C --from DATE (--days N | --working-days N)`: prints the ISO date a
 * period ends on — N calendar days later, or the N-th working day after, moved to the next working
 * day when it falls on a weekend or a public holiday of the country (issue 8; README, "Deadlines").
 * Ukraine's public holidays are working days under martial law (domain planning/deadlines/calendar.ts).
 * With a database configured, the country's calendar amendments stored there apply too.
 */
export function deadlineCommand(io: Io, options: DeadlineOptions): number {
  // The same arithmetic and amendments as a round's stages (server planning/schedule.ts).
  const calendar = { calendar: options.calendar ?? [] };
  const due =
    options.workingDays !== undefined
      ? addWorkingDays(options.country, options.from, options.workingDays, calendar)
      : addDays(options.country, options.from, options.days ?? 0, calendar);
  io.out(`${due}\n`);
  return 0;
}
