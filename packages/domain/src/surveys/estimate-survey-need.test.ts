import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateSurveyNeed, type GroupTally } from './estimate-survey-need';
import { wilsonInterval } from './wilson-interval';

describe('estimateSurveyNeed', () => {
  it('weights each group by its population, not by how many of it answered', () => {
    // Older people: 1,000 in the territory, 10 of 50 respondents need home care (p = 0.2).
    // Displaced persons: 3,000, 15 of 25 (p = 0.6). W = 0.25 and 0.75, so p_w = 0.05 + 0.45 = 0.5,
    // whereas pooling the 75 answers would give 25/75 = 0.333.
    // Σ W²/n = 0.0625/50 + 0.5625/25 = 0.02375, so n_eff = 42.105.
    // Wilson at p = 0.5, n = 42.105 (z = 1.95996): half-width = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²)
    // = 1.79610 × √(0.0059375 + 0.00054171) = 0.14457, interval 0.35543–0.64457.
    const estimate = estimateSurveyNeed([
      { groupId: 1, population: 1000, answered: 50, positive: 10 },
      { groupId: 2, population: 3000, answered: 25, positive: 15 },
    ])!;
    expect(estimate.prevalence).toBeCloseTo(0.5, 12);
    expect(estimate.need).toBeCloseTo(2000, 9); // 0.2 × 1,000 + 0.6 × 3,000
    expect(estimate.effectiveN).toBeCloseTo(1 / 0.02375, 9);
    expect(estimate.low).toBeCloseTo(0.35543, 4);
    expect(estimate.high).toBeCloseTo(0.64457, 4);
    expect(estimate.needLow).toBeCloseTo(0.35543 * 4000, 0);
    expect(estimate.needHigh).toBeCloseTo(0.64457 * 4000, 0);
    expect(estimate.respondents).toBe(75);
    expect(estimate.coveredPopulation).toBe(4000);
    expect(estimate.uncoveredGroups).toEqual([]);
    expect(estimate.byGroup.map((g) => g.need)).toEqual([200, 1800]);
  });

  it('a sample drawn in proportion to the groups has an effective size equal to its respondents', () => {
    const estimate = estimateSurveyNeed([
      { groupId: 1, population: 2000, answered: 40, positive: 4 },
      { groupId: 2, population: 3000, answered: 60, positive: 30 },
    ])!;
    expect(estimate.effectiveN).toBeCloseTo(100, 9);
    expect(estimate.prevalence).toBeCloseTo(34 / 100, 12);
  });

  it('leaves out, and names, groups with no answers or an unknown population', () => {
    const estimate = estimateSurveyNeed([
      { groupId: 1, population: 500, answered: 20, positive: 5 },
      { groupId: 2, population: null, answered: 30, positive: 3 },
      { groupId: 3, population: 800, answered: 0, positive: 0 },
    ])!;
    expect(estimate.uncoveredGroups).toEqual([2, 3]);
    expect(estimate.coveredPopulation).toBe(500);
    expect(estimate.need).toBeCloseTo(125, 9);
    // Every group still gets its own prevalence, so the table can show it.
    expect(estimate.byGroup[1]).toMatchObject({ prevalence: 0.1, need: null, needLow: null, needHigh: null });
    expect(estimate.byGroup[2]).toMatchObject({ prevalence: 0, low: 0, high: 1, need: null });
  });

  it('is null when no group can be weighted', () => {
    expect(estimateSurveyNeed([])).toBeNull();
    expect(estimateSurveyNeed([{ groupId: 1, population: null, answered: 10, positive: 2 }])).toBeNull();
    expect(estimateSurveyNeed([{ groupId: 1, population: 100, answered: 0, positive: 0 }])).toBeNull();
    expect(estimateSurveyNeed([{ groupId: 1, population: 0, answered: 10, positive: 1 }])).toBeNull();
  });

  const tally = (groupId: number) =>
    fc
      .record({ population: fc.integer({ min: 1, max: 200_000 }), answered: fc.integer({ min: 1, max: 2000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ population, answered, share }): GroupTally => ({ groupId, population, answered, positive: Math.round(share * answered) }));
  const tallies = fc.integer({ min: 1, max: 6 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, i) => tally(i + 1))));

  it('the estimate lies within its interval', () => {
    fc.assert(
      fc.property(tallies, (ts) => {
        const e = estimateSurveyNeed(ts)!;
        expect(e.low).toBeLessThanOrEqual(e.prevalence + 1e-12);
        expect(e.high).toBeGreaterThanOrEqual(e.prevalence - 1e-12);
        expect(e.needLow).toBeLessThanOrEqual(e.need + 1e-6);
        expect(e.needHigh).toBeGreaterThanOrEqual(e.need - 1e-6);
        expect(e.need).toBeCloseTo(
          ts.reduce((sum, t) => sum + (t.positive / t.answered) * t.population!, 0),
          4,
        );
      }),
    );
  });

  it('with one group it is that group’s Wilson interval times its population', () => {
    fc.assert(
      fc.property(tally(7), (t) => {
        const e = estimateSurveyNeed([t])!;
        const w = wilsonInterval(t.positive, t.answered);
        expect(e.effectiveN).toBeCloseTo(t.answered, 9);
        expect(e.low).toBeCloseTo(w.low, 9);
        expect(e.high).toBeCloseTo(w.high, 9);
        expect(e.needLow).toBeCloseTo(w.low * t.population!, 4);
        expect(e.needHigh).toBeCloseTo(w.high * t.population!, 4);
      }),
    );
  });

  it('more respondents with the same answers never widen the interval', () => {
    fc.assert(
      fc.property(tallies, fc.integer({ min: 2, max: 10 }), fc.nat(), (ts, factor, pick) => {
        const before = estimateSurveyNeed(ts)!;
        const i = pick % ts.length;
        const more = ts.map((t, j) => (j === i ? { ...t, answered: t.answered * factor, positive: t.positive * factor } : t));
        const after = estimateSurveyNeed(more)!;
        expect(after.prevalence).toBeCloseTo(before.prevalence, 12);
        expect(after.high - after.low).toBeLessThanOrEqual(before.high - before.low + 1e-12);
      }),
    );
  });
});
