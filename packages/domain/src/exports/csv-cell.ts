/**
 * One CSV cell as potreby writes it, for every CSV the app produces (table exports, survey
 * exports). A text a spreadsheet would run as a formula when it opens the file — one that starts
 * with = + - @, a tab or a carriage return, also after leading spaces — gets a leading apostrophe
 * (OWASP, "CSV Injection"): Excel and LibreOffice then show it as text, and the apostrophe is not
 * part of the value they show. Territory and site names, providers and answers come from other
 * people's files and forms, so any text may be hostile. Numbers are written as numbers: −5 stays
 * a number a spreadsheet can add up.
 */
export const FORMULA_START = /^\s*[=+\-@\t\r]/;

/**
 * A text that is only a number (`-5`, `+3.5`, `-1,25`): a spreadsheet reads it as that number and
 * runs nothing, and an import report should show the `-5` its reader typed, not `'-5`.
 */
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

/** The text as a spreadsheet will take it literally. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text);

/** Quoted when it holds a separator (comma, or semicolon for Excel in BG/UA/PL), a quote or a line break. */
const NEEDS_QUOTES = /[",;\r\n]/;

/** A text cell: neutralised, then quoted as RFC 4180 says. */
export function csvText(text: string): string {
  const safe = neutraliseFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
