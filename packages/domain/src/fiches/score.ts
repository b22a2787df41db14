import type { TFicheStatus } from './fiche';

/**
 * The transparent priority score of a portfolio's fiches (issue 9, item 2): three parts, each
 * shown with what it was computed from, so a working group can see why one idea ranks above
 * another and argue with the inputs rather than with a number.
 *
 * - gap: how many identified gaps the project addresses — the service types it names that have a
 *   positive gap in the municipality, each counted once: a gap of places and one of persons a
 *   year are two gaps addressed, never a sum of places and persons;
 * - reach: the people it reaches;
 * - cost: its cost per person reached (lower is better); no part when people reached is unknown.
 *
 * Each part is scaled within the portfolio (min–max; all equal gives full points) and weighted;
 * a part without data gives no points and says so. The total is 0..100, one decimal.
 */
export type ScoreInput = {
  id: number;
  status: TFicheStatus;
  /** Service types named, with the gap each has in the territory (null: no estimate). */
  gaps: { serviceType: string; gap: number | null }[];
  peopleReached: number | null;
  totalCost: number;
};

export type ScoreWeights = { gap: number; reach: number; cost: number };
export const DEFAULT_WEIGHTS: ScoreWeights = { gap: 40, reach: 30, cost: 30 };

export type ScorePart = { value: number | null; points: number; weight: number };
export type Score = { id: number; total: number; gap: ScorePart; reach: ScorePart; cost: ScorePart };

/** How many of the named types have a positive gap: the count of gaps addressed, unit by unit. */
export function gapsAddressed(gaps: ScoreInput['gaps']): number {
  return gaps.filter((g) => g.gap !== null && g.gap > 0).length;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Min–max scaled to 0..1 (1 = best); all equal → 1. */
function scale(values: (number | null)[], higherIsBetter: boolean): (number | null)[] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return values.map(() => null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  return values.map((v) => {
    if (v === null) return null;
    if (max === min) return 1;
    const s = (v - min) / (max - min);
    return higherIsBetter ? s : 1 - s;
  });
}

export function scoreFiches(fiches: readonly ScoreInput[], weights: ScoreWeights = DEFAULT_WEIGHTS): Score[] {
  const gapValues = fiches.map((f) => (f.gaps.length === 0 ? null : gapsAddressed(f.gaps)));
  const reachValues = fiches.map((f) => f.peopleReached);
  // Cost per person only where people reached is known and not zero: never a division by zero, never a 0 that means "unknown".
  const costValues = fiches.map((f) => (f.peopleReached && f.peopleReached > 0 ? f.totalCost / f.peopleReached : null));
  const [gapS, reachS, costS] = [scale(gapValues, true), scale(reachValues, true), scale(costValues, false)];
  const part = (value: number | null, scaled: number | null, weight: number): ScorePart => ({ value, points: scaled === null ? 0 : round1(scaled * weight), weight });
  return fiches.map((f, i) => {
    const gap = part(gapValues[i]!, gapS[i]!, weights.gap);
    const reach = part(reachValues[i]!, reachS[i]!, weights.reach);
    const cost = part(costValues[i] === null ? null : round1(costValues[i]!), costS[i]!, weights.cost);
    const total = round1(gap.points + reach.points + cost.points);
    return { id: f.id, total, gap, reach, cost };
  });
}
