import { OZPS_DECIMALS, OZPS_INDICATORS, type TOzpsIndicator } from './indicators';

export type TOzpsFigure = { indicator: string; year: number; value: number };

/** The years an OZPS for `year` shows: the two before it and itself. */
export const ozpsYears = (year: number): [number, number, number] => [year - 2, year - 1, year];

export type TOzpsRow = TOzpsIndicator & {
  /** The figures of Y-2, Y-1 and Y; null where none was entered — never 0. */
  values: (number | null)[];
  /** The forecast for Y+1 (see `forecast`), null when fewer than two years are known. */
  forecast: number | null;
};

/**
 * The forecast the OZPS asks for the coming year, by a rule an officer can redo on paper: the
 * straight line through the known figures of the three years (least squares), carried one year
 * on, rounded as the unit is written and never below zero. With fewer than two known years there
 * is no trend, and no forecast.
 */
export function forecast(values: readonly (number | null)[], decimals = 0): number | null {
  const known = values.flatMap((v, i) => (v === null ? [] : [{ x: i, y: v }]));
  if (known.length < 2) return null;
  const mx = known.reduce((s, p) => s + p.x, 0) / known.length;
  const my = known.reduce((s, p) => s + p.y, 0) / known.length;
  const sxx = known.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = known.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  const next = my + slope * (values.length - mx);
  const scale = 10 ** decimals;
  return Math.max(0, Math.round(next * scale) / scale);
}

/** The OZPS's table of entered figures for `year`: every indicator, its three years and its forecast. */
export function ozpsTable(figures: readonly TOzpsFigure[], year: number): TOzpsRow[] {
  const years = ozpsYears(year);
  const value = new Map(figures.map((f) => [`${f.indicator}|${f.year}`, f.value]));
  return OZPS_INDICATORS.map((indicator) => {
    const values = years.map((y) => value.get(`${indicator.key}|${y}`) ?? null);
    return { ...indicator, values, forecast: forecast(values, OZPS_DECIMALS[indicator.unit]) };
  });
}

export type TOzpsProblem =
  /** Nothing entered for the year the assessment is about. */
  | { code: 'year_empty'; year: number }
  /** Own funds, state and other money add up to more than the total spent. */
  | { code: 'spending_parts'; year: number; parts: number; total: number }
  /** More families assisted for one cause than families assisted at all. */
  | { code: 'cause_over_families'; year: number; indicator: string };

/**
 * What an officer should look at before the OZPS goes to the council: the year itself empty,
 * and figures that contradict each other (a family may have several causes, so the causes may
 * sum to more than the families — but no single cause can exceed them).
 */
export function ozpsProblems(rows: readonly TOzpsRow[], year: number): TOzpsProblem[] {
  const years = ozpsYears(year);
  const problems: TOzpsProblem[] = [];
  if (rows.every((r) => r.values[2] === null)) problems.push({ code: 'year_empty', year });
  const of = (key: string) => rows.find((r) => r.key === key)?.values ?? [];
  years.forEach((y, i) => {
    const total = of('spending.total')[i] ?? null;
    const parts = ['spending.own', 'spending.state', 'spending.other'].map((k) => of(k)[i] ?? null).filter((v): v is number => v !== null);
    const sum = Math.round(parts.reduce((s, v) => s + v, 0) * 100) / 100;
    if (total !== null && sum > total) problems.push({ code: 'spending_parts', year: y, parts: sum, total });
    const families = of('beneficiaries.families')[i] ?? null;
    if (families !== null)
      for (const r of rows) if (r.section === 'causes' && r.values[i] !== null && r.values[i]! > families) problems.push({ code: 'cause_over_families', year: y, indicator: r.key });
  });
  return problems;
}
