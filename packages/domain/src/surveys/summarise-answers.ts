/** One answer value and how many respondents gave it. */
export type FrequencyItem = { value: string; count: number; share: number };

export type Frequencies = {
  /** Respondents who answered. */
  n: number;
  /** Respondents who did not (no value, an empty text, no option ticked). */
  missing: number;
  items: FrequencyItem[];
};

type AnswerValue = string | readonly string[] | null | undefined;

/** The distinct values of one answer; a multiple-choice answer counts each option once. */
function valuesOf(answer: AnswerValue): string[] {
  if (answer === null || answer === undefined) return [];
  if (typeof answer === 'string') return answer === '' ? [] : [answer];
  return [...new Set(answer.filter((v) => v !== ''))];
}

/** Listed values in their order, then values nobody listed by descending count (ties by value, for a stable table). */
function orderValues(counts: ReadonlyMap<string, number>, listed: readonly string[] = []): string[] {
  const known = new Set(listed);
  const extra = [...counts.keys()].filter((v) => !known.has(v));
  extra.sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  return [...new Set(listed), ...extra];
}

/**
 * How many respondents gave each answer to one question. Shares are of the respondents who
 * answered, as questionnaire reports give them, so for a multiple-choice question they can add
 * up to more than 1 ("43 % need transport, 38 % home care"). Options nobody chose are listed
 * with 0, so a table shows every option of the question.
 */
export function frequencies(values: readonly AnswerValue[], choices?: readonly string[]): Frequencies {
  const counts = new Map<string, number>();
  let n = 0;
  for (const answer of values) {
    const chosen = valuesOf(answer);
    if (chosen.length === 0) continue;
    n += 1;
    for (const value of chosen) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const items = orderValues(counts, choices).map((value) => {
    const count = counts.get(value) ?? 0;
    return { value, count, share: n === 0 ? 0 : count / n };
  });
  return { n, missing: values.length - n, items };
}

export type NumberSummary = {
  n: number;
  missing: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
};

/** Count, mean, median and range of a numeric question; unanswered values (and NaN) count as missing. */
export function summariseNumbers(values: readonly (number | null | undefined)[]): NumberSummary {
  const answered = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const n = answered.length;
  if (n === 0) return { n: 0, missing: values.length, mean: null, median: null, min: null, max: null };
  answered.sort((a, b) => a - b);
  // Summing in ascending order keeps the rounding error of a long column small.
  const mean = answered.reduce((sum, v) => sum + v, 0) / n;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? answered[middle]! : (answered[middle - 1]! + answered[middle]!) / 2;
  return { n, missing: values.length - n, mean, median, min: answered[0]!, max: answered[n - 1]! };
}

export type CrossTable = { rows: string[]; columns: string[]; counts: number[][] };

/**
 * Respondents by row (respondent group, settlement) and answer. A multiple-choice answer counts
 * once in each chosen column; a respondent with no row or no answer is left out. Listed rows and
 * columns come first in their order (even when empty), then others by descending count.
 */
export function crossTabulate(
  pairs: readonly { row: string | null; column: AnswerValue }[],
  rows?: readonly string[],
  columns?: readonly string[],
): CrossTable {
  const cells = new Map<string, Map<string, number>>();
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  for (const { row, column } of pairs) {
    if (row === null || row === '') continue;
    const chosen = valuesOf(column);
    if (chosen.length === 0) continue;
    let line = cells.get(row);
    if (!line) cells.set(row, (line = new Map()));
    rowTotals.set(row, (rowTotals.get(row) ?? 0) + 1);
    for (const value of chosen) {
      line.set(value, (line.get(value) ?? 0) + 1);
      columnTotals.set(value, (columnTotals.get(value) ?? 0) + 1);
    }
  }
  const rowOrder = orderValues(rowTotals, rows);
  const columnOrder = orderValues(columnTotals, columns);
  return {
    rows: rowOrder,
    columns: columnOrder,
    counts: rowOrder.map((row) => columnOrder.map((column) => cells.get(row)?.get(column) ?? 0)),
  };
}
