import { AppError } from '../../errors';
import type { TCountry } from '../../territories/territory';
import { addPeriod, workingDayOnOrAfter, type TCalendarAmendment } from '../deadlines/calendar';
import { isIsoDate, isoOfMonthDay } from '../deadlines/iso-date';
import { ZRoundTemplate, type TRoundTemplate, type TRoundTemplateInput, type TStageOwner } from './template';

/**
 * A round's stages with their due dates, computed from its template (issue 8, item 1).
 * Pure and deterministic: the same template and inputs give the same dates. Imports the holiday
 * data through the calendar: import it by its own path
 * (`@potreby/domain/planning/templates/schedule-round`).
 */

/** What a round's dates are computed from. */
export type ScheduleInput = {
  /** First year of the plan period (2026 for 2026–2030): `fixed` dates fall in it. */
  periodStart: number;
  /** The round's start date, 'YYYY-MM-DD': `after_start` periods count from it. */
  start: string;
  /** The country whose working days count; default the template's. */
  country?: TCountry;
  /** The country's calendar amendments (see deadlines/calendar.ts). */
  calendar?: readonly TCalendarAmendment[];
  /** Whether public holidays are days off; default the country's (UA: no, under martial law). */
  publicHolidaysOff?: boolean;
  /** Stages already done: stage key → the date it was done ('YYYY-MM-DD'). */
  done?: Readonly<Record<string, string>>;
};

/** One stage of a round with its due date. */
export type ScheduledStage = {
  key: string;
  owner: TStageOwner;
  documents: string[];
  /** The due date, always a working day of the country ('YYYY-MM-DD'). */
  due: string;
  /**
   * True when the date counts from a stage that is not done yet (its due date stands in for the
   * date it will be done), or from a date that is itself provisional: it may still move.
   */
  provisional: boolean;
  /** The date the stage was done, from `ScheduleInput.done`, else null. */
  done: string | null;
};

/**
 * The stages of `template` with their due dates, in the template's order. A template whose stages
 * wait on each other in a circle is refused with `validation.invalid` (`field: 'stages'`, the
 * circle in `value`), as is an invalid template or date.
 */
export function scheduleRound(template: TRoundTemplate | TRoundTemplateInput, input: ScheduleInput): ScheduledStage[] {
  const parsed = ZRoundTemplate.safeParse(template);
  if (!parsed.success) throw new AppError('validation.invalid', { field: 'template' }, parsed.error.issues);
  const tpl = parsed.data;
  if (!Number.isInteger(input.periodStart) || input.periodStart < 1990 || input.periodStart > 2190)
    throw new AppError('validation.invalid', { field: 'periodStart', value: String(input.periodStart) });
  if (!isIsoDate(input.start)) throw new AppError('validation.invalid', { field: 'start', value: String(input.start).slice(0, 40) });
  for (const [key, date] of Object.entries(input.done ?? {}))
    if (!isIsoDate(date)) throw new AppError('validation.invalid', { field: 'done', value: `${key}: ${String(date).slice(0, 40)}` });

  const country = input.country ?? tpl.country;
  const options = { calendar: input.calendar, publicHolidaysOff: input.publicHolidaysOff };
  const byKey = new Map(tpl.stages.map((stage) => [stage.key, stage]));
  const computed = new Map<string, ScheduledStage>();
  /** The stages being computed, in order: a stage met again closes a circle. */
  const path: string[] = [];

  const compute = (key: string): ScheduledStage => {
    const known = computed.get(key);
    if (known) return known;
    if (path.includes(key)) throw new AppError('validation.invalid', { field: 'stages', value: [...path.slice(path.indexOf(key)), key].join(' → ') });
    const stage = byKey.get(key)!;
    path.push(key);
    let due: string;
    let provisional = false;
    const rule = stage.due;
    if (rule.kind === 'fixed') {
      const year = input.periodStart + rule.yearOffset;
      // 29 February in a common year is the 28th: the last day of that February.
      const day = rule.month === 2 && rule.day === 29 && !isLeap(year) ? 28 : rule.day;
      due = workingDayOnOrAfter(country, isoOfMonthDay(year, rule.month, day), options);
    } else if (rule.kind === 'after_start') {
      due = addPeriod(country, input.start, rule.days, rule.unit, options);
    } else {
      const before = compute(rule.stage);
      const doneDate = rule.from === 'done' ? before.done : null;
      provisional = before.provisional || (rule.from === 'done' && doneDate === null);
      due = addPeriod(country, doneDate ?? before.due, rule.days, rule.unit, options);
    }
    path.pop();
    const result: ScheduledStage = { key, owner: stage.owner, documents: [...stage.documents], due, provisional, done: input.done?.[key] ?? null };
    computed.set(key, result);
    return result;
  };

  return tpl.stages.map((stage) => compute(stage.key));
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
