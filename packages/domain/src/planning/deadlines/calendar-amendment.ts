import { z } from 'zod';
import { ZIsoDate } from './iso-date';

/**
 * A country's calendar amendments: the one-off decisions an administrator records (a government
 * making a Saturday a working day, or a bridge day a day off), which win over the law's calendar
 * in the deadline arithmetic (calendar.ts). Kept apart from calendar.ts so that forms and API
 * schemas can use it without the holiday data.
 */

/** One administrator's decision about one day of a country's calendar. */
export const ZCalendarAmendment = z.object({
  date: ZIsoDate,
  /** true: the day is worked (a Saturday moved); false: the day is off (a bridge day). */
  working: z.boolean(),
  /** Why, e.g. "Council of Ministers Decision No. 123/2026". */
  note: z.string().max(500),
});
export type TCalendarAmendment = z.infer<typeof ZCalendarAmendment>;

/** How to count days in a country. */
export type CalendarOptions = {
  /** The country's calendar amendments; for one date, the last entry wins. */
  calendar?: readonly TCalendarAmendment[];
  /**
   * Whether public holidays are days off. Default: yes for BG and PL; **no for UA**. Since
   * 24.02.2022 Ukraine is under martial law, and Law No. 2136-IX of 15.03.2022 "On the
   * organisation of labour relations under martial law" (art. 6) suspends articles 67 (moving a
   * day off that falls on a holiday) and 73 (holidays are days off) of the Labour Code: in 2026 a
   * Ukrainian official works on public holidays, and only Saturday and Sunday are off. When
   * martial law ends, pass `publicHolidaysOff: true` (or change the default here) — and check the
   * library's Ukrainian list against the law of the day first (e.g. 8 May replaced 9 May in 2023):
   * calendar amendments correct any day it has wrong.
   */
  publicHolidaysOff?: boolean;
};
