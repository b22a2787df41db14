import { isIsoDate, type TCountry } from '@potreby/domain';
import { addDays, addWorkingDays, ZPeriodDays } from '@potreby/domain/planning/deadlines/calendar';
import { InvalidArgumentError } from 'commander';
import type { Io } from './main';

export type DeadlineOptions = { country: TCountry; from: string; days?: number; workingDays?: number };

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
 */
export function deadlineCommand(io: Io, options: DeadlineOptions): number {
  const due =
    options.workingDays !== undefined
      ? addWorkingDays(options.country, options.from, options.workingDays)
      : addDays(options.country, options.from, options.days ?? 0);
  io.out(`${due}\n`);
  return 0;
}
