import type { TImportErrorCode } from './import-error';

/**
 * Reading one cell of an import file. Every function takes the cell as the reader gives it
 * (already trimmed) and returns the value, `null` for an empty cell, or a `TCellError` saying
 * why the text is not a value of that kind. The error objects are shared constants, so a
 * million good cells allocate nothing and a caller tells the cases apart with `isCellError`.
 */
export type TCellError = { readonly error: TImportErrorCode };

const cellError = (error: TImportErrorCode): TCellError => Object.freeze({ error });

export const NOT_INTEGER = cellError('not_integer');
export const NOT_NUMBER = cellError('not_number');
export const AMBIGUOUS_NUMBER = cellError('ambiguous_number');
export const NOT_DATE = cellError('not_date');
export const NOT_YES_NO = cellError('not_yes_no');
export const INVALID_CHOICE = cellError('invalid_choice');
export const TOO_LONG = cellError('too_long');

export const isCellError = (value: unknown): value is TCellError => typeof value === 'object' && value !== null;

/** Longest run of digits that is always a safe integer (2^53 has 16 digits). */
const MAX_FAST_DIGITS = 15;

/** `12`, `-3.5`, `0,25`, `1e-7` — what programs write, and what `String(n)` gives for any finite n. */
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?$/;
/**
 * `1,000` or `1.000`: one separator with exactly three digits after it, and a first group that
 * could start a grouped number. English writes a thousand so, Bulgarian, Ukrainian and Polish
 * write a decimal comma, and `String(2.125)` (a spreadsheet's number) has the same shape.
 */
const AMBIGUOUS_SHAPE = /^[-+]?[1-9]\d{0,2}[.,]\d{3}$/;
/**
 * `1 234 567,5`, `1,234,567.5`, `1.234.567,5`: thousands grouped by one separator — a space
 * (Bulgarian, Ukrainian and Polish Excel write a non-breaking U+00A0 or a narrow U+202F one),
 * a comma or a point — then an optional fraction after the other mark. Groups must be of three
 * digits after a first one of one to three, so a stray separator ("12 34", "1,0,0") is an error
 * rather than a guess.
 */
const GROUPED_NUMBER = /^([-+]?)([1-9]\d{0,2}(?:([ \u00a0\u202f\u2009.,])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/;
const NOT_DIGIT = /\D/g;

/**
 * How a text reads as a number: one value, or — for `1,000` and `1.000` — the decimal and the
 * thousands reading, for the caller to choose between (see `parseNumber` and `parseInteger`).
 */
type TReading = { value: number; thousands: null; separator: null } | { value: number; thousands: number; separator: ',' | '.' };

function readNumber(text: string): TReading | TCellError {
  if (PLAIN_NUMBER.test(text)) {
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value)) return NOT_NUMBER;
    if (AMBIGUOUS_SHAPE.test(text)) {
      const separator = text.includes(',') ? ',' : '.';
      return { value, thousands: Number(text.replace(separator, '')), separator };
    }
    return { value, thousands: null, separator: null };
  }
  const grouped = GROUPED_NUMBER.exec(text);
  // The fraction's mark must differ from the grouping one: "1,000,5" is no number.
  if (!grouped || grouped[4] === grouped[3]) return NOT_NUMBER;
  const [, sign, whole, , , fraction] = grouped;
  const value = Number(`${sign}${whole!.replace(NOT_DIGIT, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, thousands: null, separator: null } : NOT_NUMBER;
}

/** -0 would print as "0" anywhere else; keep it from surprising comparisons and exports. */
const noNegativeZero = (value: number): number => (value === 0 ? 0 : value);

/**
 * A number with `.` or `,` as the decimal mark and optional thousands groups. `1,250` is 1.25 in
 * Bulgarian, Ukrainian and Polish and 1250 in English: when `min`/`max` leave one reading (a
 * latitude of `42,125`) that one is taken, otherwise the cell is refused as ambiguous rather
 * than read wrong by a factor of a thousand. `1.250` is always 1.25: it is how programs and
 * spreadsheets write numbers, and none of the app's languages groups thousands with a point.
 */
export function parseNumber(text: string, min = -Infinity, max = Infinity): number | null | TCellError {
  if (text === '') return null;
  const reading = readNumber(text);
  if ('error' in reading) return reading;
  if (reading.separator === ',') {
    const decimalFits = reading.value >= min && reading.value <= max;
    const thousandsFit = reading.thousands >= min && reading.thousands <= max;
    if (decimalFits === thousandsFit) return decimalFits ? AMBIGUOUS_NUMBER : noNegativeZero(reading.value);
    return noNegativeZero(decimalFits ? reading.value : reading.thousands);
  }
  return noNegativeZero(reading.value);
}

/**
 * A whole number, never a truncated one. Plain digit runs (almost every cell of a population file)
 * are read without a regular expression or a new string. Thousands may be grouped (`1 234`,
 * `1,234,567`, `1.234.567`); `12,0` is 12 and `12,5` is not a whole number. `1,000` is a
 * thousand: a count written with a decimal comma and three zeros is not how anyone writes 1.
 * `1.000` is refused as ambiguous: a spreadsheet's number 2.125 reaches this function as the
 * text `2.125`, which must not become 2125.
 */
export function parseInteger(text: string): number | null | TCellError {
  const length = text.length;
  if (length === 0) return null;
  const negative = text.charCodeAt(0) === 45; /* - */
  const start = negative ? 1 : 0;
  if (length > start && length - start <= MAX_FAST_DIGITS) {
    let value = 0;
    let i = start;
    for (; i < length; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      value = value * 10 + digit;
    }
    if (i === length) return negative && value !== 0 ? -value : value;
  }
  const reading = readNumber(text);
  if ('error' in reading) return NOT_INTEGER;
  if (reading.separator === '.') return AMBIGUOUS_NUMBER;
  const value = reading.separator === ',' ? reading.thousands : reading.value;
  return Number.isSafeInteger(value) ? noNegativeZero(value) : NOT_INTEGER;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * `31.12.2021`, also `1.3.2020` and `1.3.2020 г.`: the short date of Bulgarian Windows is
 * `d.M.yyyy 'г.'`, so that is what a CSV saved by Excel there contains.
 */
const DOTTED_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A calendar date as `YYYY-MM-DD`; 31.02 or 29.02 of a common year are errors, not rolled over. */
export function parseDate(text: string): string | null | TCellError {
  if (text === '') return null;
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else {
    const dotted = DOTTED_DATE.exec(text);
    if (!dotted) return NOT_DATE;
    day = Number(dotted[1]);
    month = Number(dotted[2]);
    year = Number(dotted[3]);
  }
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NOT_DATE;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The words for yes and no in the four languages of the app, plus what programs write. */
const YES_NO = new Map<string, boolean>([
  ['yes', true],
  ['no', false],
  ['true', true],
  ['false', false],
  ['1', true],
  ['0', false],
  ['да', true], // bg
  ['не', false], // bg
  ['так', true], // uk
  ['ні', false], // uk
  ['tak', true], // pl
  ['nie', false], // pl
]);

/** Yes or no as an export writes it for a reader of the language: a word its import reads back. */
export function yesNoWord(value: boolean, language: 'bg' | 'uk' | 'pl' | 'en'): string {
  const words = ({ bg: ['да', 'не'], uk: ['так', 'ні'], pl: ['tak', 'nie'], en: ['yes', 'no'] } as const)[language];
  return value ? words[0] : words[1];
}

export function parseYesNo(text: string): boolean | null | TCellError {
  if (text === '') return null;
  return YES_NO.get(text) ?? YES_NO.get(text.toLowerCase()) ?? NOT_YES_NO;
}

/**
 * The words a choice column also accepts: each choice's label in the app's languages, lower-cased
 * and trimmed, to its key. Exports write the reader's label (a file for people has no enum keys),
 * so a file exported in Bulgarian and edited in a spreadsheet imports back unchanged.
 */
export type TChoiceLabels = ReadonlyMap<string, string>;

/**
 * A label lookup from `[label, key]` pairs. A label that two keys share (none should) is left out
 * rather than read as either: such a cell must be written as its key.
 */
export function choiceLabels(pairs: Iterable<readonly [label: string, key: string]>): TChoiceLabels {
  const labels = new Map<string, string>();
  const shared = new Set<string>();
  for (const [label, key] of pairs) {
    const word = label.trim().toLowerCase();
    if (word === '') continue;
    const known = labels.get(word);
    if (known !== undefined && known !== key) shared.add(word);
    labels.set(word, key);
  }
  for (const word of shared) labels.delete(word);
  return labels;
}

/**
 * One of a fixed list of keys, in any letter case (`F`/`f`, `Municipality`), returned as listed;
 * or, with `labels`, a choice's label in any of the app's languages (`Общински бюджет`).
 */
export function parseChoice<T extends string>(text: string, choices: readonly T[], labels?: TChoiceLabels): T | null | TCellError {
  if (text === '') return null;
  for (const choice of choices) if (choice === text) return choice;
  const lower = text.toLowerCase();
  for (const choice of choices) if (choice.toLowerCase() === lower) return choice;
  const key = labels?.get(lower.trim());
  if (key !== undefined && (choices as readonly string[]).includes(key)) return key as T;
  return INVALID_CHOICE;
}

/** Free text up to `max` characters (names, providers, sources). */
export function parseText(text: string, max: number): string | null | TCellError {
  if (text === '') return null;
  const value = withoutFormulaGuard(text);
  return value.length > max ? TOO_LONG : value;
}

/**
 * potreby's own CSV exports put an apostrophe before a text that a spreadsheet would run as a
 * formula (`'=x`, exports/csv-cell.ts); reading such a file back, the apostrophe is not part of
 * the name, as it is not in the spreadsheet that shows it.
 */
const withoutFormulaGuard = (text: string): string => (/^'\s*[=+\-@\t\r]/.test(text) ? text.slice(1) : text);
