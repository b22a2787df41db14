import Holidays from 'date-holidays';
import { AppError } from '../../errors';
import type { TCountry } from '../../territories/territory';
import { ZCount } from '../../validation/bounded';
import type { CalendarOptions } from './calendar-amendment';
import { dayNumber, isoOfDay, isoOfMonthDay, weekdayOfDay } from './iso-date';

/**
 * Working days and legal periods of Bulgaria, Ukraine and Poland (issue 8, item 2).
 *
 * Public holidays come from the maintained `date-holidays` library (moving feasts included:
 * Orthodox Easter for BG and UA, Western Easter for PL), with the corrections of each country's
 * law written below, plus the administrator's **calendar amendments**: one-off decisions such as
 * a government making a Saturday a working day, or a bridge day a day off. An amendment always
 * wins over the rules.
 *
 * This module carries the holiday data (~800 kB): import it by its own path
 * (`@potreby/domain/planning/deadlines/calendar`) so the web app's bundle does not carry it.
 */

export { ZCalendarAmendment, type CalendarOptions, type TCalendarAmendment } from './calendar-amendment';

/** One public holiday (or a day off that replaces one) of a country. */
export type TPublicHoliday = {
  date: string;
  /** The holiday's name in the country's language, from the library. */
  name: string;
  /** A day off given because a holiday fell on a weekend (BG Labour Code art. 154(2); UA in peacetime). */
  substitute: boolean;
};

/** Whether public holidays are days off in the country by default (see `CalendarOptions`). */
export const PUBLIC_HOLIDAYS_OFF_BY_DEFAULT: Record<TCountry, boolean> = { BG: true, PL: true, UA: false };

/** Periods of a round: whole calendar or working days, up to 100 years. */
export const ZPeriodDays = ZCount.max(36_600);

const libraries = new Map<TCountry, Holidays>();
const library = (country: TCountry) => {
  let found = libraries.get(country);
  if (!found) {
    found = new Holidays(country, { types: ['public'] });
    libraries.set(country, found);
  }
  return found;
};

const isWeekend = (day: number) => {
  const weekday = weekdayOfDay(day);
  return weekday === 0 || weekday === 6;
};

/**
 * Bulgaria, Labour Code art. 154: the official holidays are 1 January, 3 March, 1 May, 6 May,
 * 24 May, 6 September, 22 September, 24–26 December, and Good Friday, Holy Saturday, Easter
 * Sunday and Monday (Orthodox); when one of them other than the Easter days falls on a Saturday
 * or Sunday, the first working day after it is a day off (2023: Monday 2 January for Sunday
 * 1 January). The library lists 26 December as an observance and leaves out Holy Saturday; both
 * are added here, and the moved days are computed here.
 */
const EASTER_NAMES = /^(Разпети петък|Велика събота|Великден|Велики понеделник)$/;

function bulgarianHolidays(year: number): TPublicHoliday[] {
  const found = library('BG')
    .getHolidays(year, 'bg')
    .filter((h) => h.type === 'public' && !h.substitute)
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, substitute: false }));
  const easter = found.find((h) => h.name === 'Великден');
  // The Easter days themselves never move; another holiday on one of them does (1 May 2021 fell
  // on Holy Saturday: Tuesday 4 May was off).
  const easterHolidays = new Set<TPublicHoliday>();
  if (easter) {
    const sunday = dayNumber(easter.date);
    const days = [-2, -1, 0, 1].map((offset) => isoOfDay(sunday + offset));
    found.push({ date: days[1]!, name: 'Велика събота', substitute: false });
    for (const h of found) if (days.includes(h.date) && EASTER_NAMES.test(h.name)) easterHolidays.add(h);
  }
  const boxingDay = isoOfMonthDay(year, 12, 26);
  if (!found.some((h) => h.date === boxingDay)) found.push({ date: boxingDay, name: 'Коледа', substitute: false });
  found.sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(found.map((h) => h.date));
  const moved: TPublicHoliday[] = [];
  for (const holiday of found) {
    const day = dayNumber(holiday.date);
    if (easterHolidays.has(holiday) || !isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || taken.has(isoOfDay(next))) next += 1;
    taken.add(isoOfDay(next));
    moved.push({ date: isoOfDay(next), name: holiday.name, substitute: true });
  }
  return [...found, ...moved].sort((a, b) => a.date.localeCompare(b.date));
}

const holidayCache = new Map<string, readonly TPublicHoliday[]>();

/**
 * The public holidays of a country in a year, with the days off that replace holidays falling on
 * a weekend, sorted by date. For UA the list is the law's (and peacetime's) list: whether those
 * days are off is `CalendarOptions.publicHolidaysOff`'s question. Names are in the country's
 * language.
 */
export function holidaysOf(country: TCountry, year: number): readonly TPublicHoliday[] {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new AppError('validation.invalid', { field: 'year', value: String(year) });
  const key = `${country}:${year}`;
  let found = holidayCache.get(key);
  if (!found) {
    found =
      country === 'BG'
        ? bulgarianHolidays(year)
        : library(country)
            .getHolidays(year, country === 'UA' ? 'uk' : 'pl')
            .filter((h) => h.type === 'public')
            .map((h) => ({ date: h.date.slice(0, 10), name: h.name, substitute: h.substitute === true }))
            .sort((a, b) => a.date.localeCompare(b.date));
    holidayCache.set(key, Object.freeze(found));
  }
  return found;
}

/** The days off of a country in a year, from its holidays (if they are days off there). */
const daysOffCache = new Map<string, ReadonlySet<string>>();
function holidayDaysOff(country: TCountry, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let found = daysOffCache.get(key);
  if (!found) {
    found = new Set(holidaysOf(country, year).map((h) => h.date));
    daysOffCache.set(key, found);
  }
  return found;
}

/** A fast lookup of one call's amendments: date → working. */
function amendmentsOf(options: CalendarOptions | undefined): ReadonlyMap<string, boolean> {
  const map = new Map<string, boolean>();
  for (const a of options?.calendar ?? []) {
    dayNumber(a.date, 'calendar');
    map.set(a.date, a.working);
  }
  return map;
}

type DayRule = (day: number) => boolean;

/** One call's working-day test, with the amendments read once. */
function workingDayRule(country: TCountry, options: CalendarOptions | undefined): DayRule {
  const amendments = amendmentsOf(options);
  const holidaysOff = options?.publicHolidaysOff ?? PUBLIC_HOLIDAYS_OFF_BY_DEFAULT[country];
  return (day) => {
    const iso = isoOfDay(day);
    const amended = amendments.get(iso);
    if (amended !== undefined) return amended;
    if (isWeekend(day)) return false;
    return !holidaysOff || !holidayDaysOff(country, Number(iso.slice(0, 4))).has(iso);
  };
}

/** Ten years without a working day means the calendar amendments are wrong, not the period long. */
const MAX_DAYS_OFF_IN_A_ROW = 3660;

function rollForward(isWorking: DayRule, day: number): number {
  for (let next = day, n = 0; n <= MAX_DAYS_OFF_IN_A_ROW; next += 1, n += 1) if (isWorking(next)) return next;
  throw new AppError('validation.invalid', { field: 'calendar' });
}

function checkCount(n: number, field: string) {
  if (!ZPeriodDays.safeParse(n).success) throw new AppError('validation.invalid', { field, value: String(n) });
}

/** Whether a date is a working day in the country: not a weekend, not a holiday off, or amended to be worked. */
export function isWorkingDay(country: TCountry, date: string, options?: CalendarOptions): boolean {
  return workingDayRule(country, options)(dayNumber(date));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(country: TCountry, date: string, options?: CalendarOptions): string {
  return isoOfDay(rollForward(workingDayRule(country, options), dayNumber(date) + 1));
}

/** `date` itself if it is a working day, else the next working day: where a period that ends on a day off ends. */
export function workingDayOnOrAfter(country: TCountry, date: string, options?: CalendarOptions): string {
  return isoOfDay(rollForward(workingDayRule(country, options), dayNumber(date)));
}

/**
 * The end of a period of `n` calendar days from `from` (the day of the event not counted): the
 * date `n` days later, or the next working day when that is a day off.
 */
export function addDays(country: TCountry, from: string, n: number, options?: CalendarOptions): string {
  checkCount(n, 'days');
  return isoOfDay(rollForward(workingDayRule(country, options), dayNumber(from, 'from') + n));
}

/**
 * The end of a period of `n` working days from `from` (the day of the event not counted): the
 * n-th working day after `from`; for n = 0, `from` or the next working day.
 */
export function addWorkingDays(country: TCountry, from: string, n: number, options?: CalendarOptions): string {
  checkCount(n, 'workingDays');
  const isWorking = workingDayRule(country, options);
  let day = rollForward(isWorking, dayNumber(from, 'from') + (n === 0 ? 0 : 1));
  for (let counted = 1; counted < n; counted += 1) day = rollForward(isWorking, day + 1);
  return isoOfDay(day);
}

/** A period's unit: calendar days, or working days. */
export const PERIOD_UNITS = ['calendar', 'working'] as const;
export type TPeriodUnit = (typeof PERIOD_UNITS)[number];

/** The end of a period of `n` days of `unit` from `from`. */
export const addPeriod = (country: TCountry, from: string, n: number, unit: TPeriodUnit, options?: CalendarOptions): string =>
  unit === 'working' ? addWorkingDays(country, from, n, options) : addDays(country, from, n, options);
