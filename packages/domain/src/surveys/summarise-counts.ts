import type { Frequencies, NumberSummary } from './summarise-answers';

/**
 * The same summaries as summarise-answers.ts, from answers already counted by the database
 * (value → how many gave it): a questionnaire of a million answers is grouped where it lies, and
 * only the distinct answers come here.
 */
export type ValueCount = { value: unknown; count: number };

/** The options of one stored answer: a multiple choice is a list, any other value one option. */
export function optionsOf(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return [...new Set(value.filter((v) => v !== null && v !== '').map(String))];
  return [String(value)];
}

export function frequenciesFromCounts(counts: readonly ValueCount[], respondents: number, choices: readonly string[] = []): Frequencies {
  const byValue = new Map<string, number>();
  let n = 0;
  for (const { value, count } of counts) {
    const options = optionsOf(value);
    if (options.length === 0) continue;
    n += count;
    for (const option of options) byValue.set(option, (byValue.get(option) ?? 0) + count);
  }
  const known = new Set(choices);
  const extra = [...byValue.keys()].filter((v) => !known.has(v)).sort((a, b) => byValue.get(b)! - byValue.get(a)! || (a < b ? -1 : 1));
  const items = [...choices, ...extra].map((value) => ({ value, count: byValue.get(value) ?? 0, share: n === 0 ? 0 : (byValue.get(value) ?? 0) / n }));
  return { n, missing: respondents - n, items };
}

/** Mean, median and range of a numeric question from its counted values. */
export function numbersFromCounts(counts: readonly ValueCount[], respondents: number): NumberSummary {
  const values = counts
    .filter((c) => typeof c.value === 'number' && Number.isFinite(c.value))
    .map((c) => ({ value: c.value as number, count: c.count }))
    .sort((a, b) => a.value - b.value);
  const n = values.reduce((s, v) => s + v.count, 0);
  if (n === 0) return { n: 0, missing: respondents, mean: null, median: null, min: null, max: null };
  const mean = values.reduce((s, v) => s + v.value * v.count, 0) / n;
  // The median of an even count is the mean of the two middle values.
  const at = (rank: number) => {
    let seen = 0;
    for (const v of values) {
      seen += v.count;
      if (seen > rank) return v.value;
    }
    return values.at(-1)!.value;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { n, missing: respondents - n, mean, median, min: values[0]!.value, max: values.at(-1)!.value };
}

/** A cross-tabulation (rows: respondent groups or settlements; columns: answers) from counted pairs. */
export function crossTabFromCounts(
  counted: readonly { row: string; value: unknown; count: number }[],
  rows: readonly string[],
  columns: readonly string[],
): number[][] {
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const columnAt = new Map(columns.map((c, i) => [c, i]));
  const counts = rows.map(() => columns.map(() => 0));
  for (const { row, value, count } of counted) {
    const r = rowAt.get(row);
    if (r === undefined) continue;
    for (const option of optionsOf(value)) {
      const c = columnAt.get(option);
      if (c !== undefined) counts[r]![c]! += count;
    }
  }
  return counts;
}
