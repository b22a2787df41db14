/**
 * The values SurveyJS stores for an answer, read strictly: dates, times and numbers as the form's
 * inputs give them (https://html.spec.whatwg.org/multipage/input.html#date-state-(type=date)).
 * Each reader returns a number that orders the values (for min/max) or null when the text is not
 * such a value — "2025-02-30", a date with 1.5 MB of text after it, a time of 25:00.
 */

/** Longest text an answer may have, whatever the question says (a question may ask for less). */
export const MAX_ANSWER_TEXT = 10_000;

/**
 * Largest magnitude of a number answer: beyond it a double no longer holds every whole number,
 * and no one counts persons, years or money in more than 16 digits. A mean of answers stays
 * finite however many there are.
 */
export const MAX_ANSWER_NUMBER = Number.MAX_SAFE_INTEGER;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;
/** A time as ODK and KoboToolbox export it may carry its offset from UTC (`09:00:00.000+01:00`). */
const OFFSET = /(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysIn = (year: number, month: number) => (month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** `YYYY-MM-DD` of a day that exists: an ordering number (year·10⁴ + month·100 + day), else null. */
export function readDate(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  return year * 10_000 + month * 100 + day;
}

/** `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (optionally with an offset): milliseconds since midnight, else null. */
export function readTime(text: string): number | null {
  const offset = OFFSET.exec(text);
  const m = TIME.exec(offset ? text.slice(0, offset.index) : text);
  if (!m) return null;
  const [hours, minutes, seconds] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Math.floor(Number(`0.${m[4] ?? 0}`) * 1000);
}

/** A local date and time, `YYYY-MM-DDTHH:MM[:SS[.fff]]` (an export's offset allowed): an ordering number, else null. */
export function readDateTime(text: string): number | null {
  const t = text.indexOf('T');
  if (t !== 10) return null;
  const day = readDate(text.slice(0, t));
  const time = readTime(text.slice(t + 1));
  return day === null || time === null ? null : day * 86_400_000 + time;
}

/** `YYYY-MM` (a month input). */
export function readMonth(text: string): number | null {
  const m = MONTH.exec(text);
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  return year >= 1 && month >= 1 && month <= 12 ? year * 100 + month : null;
}

/** `YYYY-Www` (a week input). */
export function readWeek(text: string): number | null {
  const m = WEEK.exec(text);
  if (!m) return null;
  const [year, week] = [Number(m[1]), Number(m[2])];
  return year >= 1 && week >= 1 && week <= 53 ? year * 100 + week : null;
}

/** A number answer: finite and of a sensible size. */
export const isAnswerNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_ANSWER_NUMBER;

/**
 * Whether `value` is not a multiple of `step`, as SurveyJS decides it for a number input
 * (`isStepNumberIncorrect`): both scaled to whole numbers first, so 0.3 is a multiple of 0.1.
 */
export function breaksStep(value: number, step: number): boolean {
  if (!(step > 0)) return false;
  let scale = 1;
  while ((Math.round(step * scale) / scale !== step || Math.round(value * scale) / scale !== value) && scale < 1_000_000) scale *= 10;
  return Math.round(value * scale) % Math.round(step * scale) !== 0;
}

/**
 * Whether an answer counts as not given, as SurveyJS's `isValueEmpty` with trimming decides:
 * nothing, blank text, an empty list, an object whose every value is empty (a matrix left blank).
 */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') {
    for (const inner of Object.values(value)) if (!isEmptyAnswer(inner)) return false;
    return true;
  }
  return false;
}

/** Characters that could rewrite a terminal line or turn text around: shown as a space in reports. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * An answer as a report may repeat it: answers come from anyone, so at most `length` characters,
 * with control and direction-changing characters blanked.
 */
export function echoAnswer(value: unknown, length = 80): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = [...text.slice(0, length * 2)].slice(0, length + 1);
  return (cut.length > length ? `${cut.slice(0, length).join('')}…` : cut.join('')).replace(UNSAFE, ' ');
}
