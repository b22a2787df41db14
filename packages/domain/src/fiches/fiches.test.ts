import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FICHE_STATUSES, ficheProblems, ficheTotal, ficheYears, mayMoveStatus, ZFicheInput } from './fiche';
import { scoreFiches, type ScoreInput } from './score';

const fiche = (extra: Record<string, unknown> = {}) =>
  ZFicheInput.parse({ title: 'Мобилен екип за отдалечените села', problemIds: [1], startMonth: '2027-03', months: 24, budget: [{ year: 2027, source: 'eu_project', amount: 120000 }], ...extra });

describe('a project fiche', () => {
  it('moves one step along idea → shortlisted → in plan → funded → done, or one back', () => {
    expect(mayMoveStatus('idea', 'shortlisted')).toBe(true);
    expect(mayMoveStatus('funded', 'in_plan')).toBe(true);
    expect(mayMoveStatus('idea', 'funded')).toBe(false);
    expect(mayMoveStatus('done', 'done')).toBe(false);
    for (const a of FICHE_STATUSES) for (const b of FICHE_STATUSES) expect(mayMoveStatus(a, b)).toBe(mayMoveStatus(b, a));
  });

  it('runs in the calendar years of its months', () => {
    expect(ficheYears({ startMonth: '2027-03', months: 24 })).toEqual([2027, 2028, 2029]);
    expect(ficheYears({ startMonth: '2027-01', months: 12 })).toEqual([2027]);
    expect(ficheYears({ startMonth: '2027-12', months: 1 })).toEqual([2027]);
    expect(ficheYears({ startMonth: '2027-12', months: 2 })).toEqual([2027, 2028]);
  });

  it('says what it addresses, keeps its money within its years, and one line per year and source', () => {
    expect(ficheProblems(fiche())).toEqual([]);
    expect(ficheProblems(fiche({ problemIds: [] }))).toEqual([{ path: 'problemIds', code: 'no_problem' }]);
    expect(ficheProblems(fiche({ problemIds: [], serviceTypes: ['bg.home_care'] }))).toEqual([]);
    expect(ficheProblems(fiche({ budget: [{ year: 2030, source: 'municipal', amount: 1 }] }))).toEqual([{ path: 'budget.0.year', code: 'outside_duration' }]);
    expect(
      ficheProblems(
        fiche({
          budget: [
            { year: 2027, source: 'municipal', amount: 1 },
            { year: 2027, source: 'municipal', amount: 2 },
          ],
        }),
      ),
    ).toEqual([{ path: 'budget.1.source', code: 'line_twice' }]);
    expect(ficheTotal(fiche({ budget: [{ year: 2027, source: 'municipal', amount: 10 }, { year: 2028, source: 'municipal', amount: 5.5 }] }))).toBe(15.5);
    expect(ZFicheInput.safeParse({ title: 'x', startMonth: '2027-13', months: 3 }).success).toBe(false);
    expect(ZFicheInput.safeParse({ title: 'x', startMonth: '2027-01', months: 0 }).success).toBe(false);
  });
});

describe('the priority score', () => {
  const input = (id: number, extra: Partial<ScoreInput> = {}): ScoreInput => ({ id, status: 'idea', gaps: [], peopleReached: null, totalCost: 0, ...extra });

  it('shows each part with its value and points; no data gives no points, never a cost of 0', () => {
    const [a, b] = scoreFiches([
      input(1, { gaps: [{ serviceType: 'x', gap: 12 }, { serviceType: 'y', gap: -3 }], peopleReached: 200, totalCost: 100_000 }),
      input(2, { gaps: [{ serviceType: 'x', gap: 12 }, { serviceType: 'z', gap: 40 }], peopleReached: null, totalCost: 50_000 }),
    ]);
    expect(a).toEqual({ id: 1, total: 30 + 30 + 0, gap: { value: 1, points: 0, weight: 40 }, reach: { value: 200, points: 30, weight: 30 }, cost: { value: 500, points: 30, weight: 30 } });
    expect(b!.cost).toEqual({ value: null, points: 0, weight: 30 });
    expect(b!.reach).toEqual({ value: null, points: 0, weight: 30 });
    expect(b!.gap).toEqual({ value: 2, points: 40, weight: 40 });
  });

  const arbFiche = fc.record({
    id: fc.nat(),
    status: fc.constantFrom(...FICHE_STATUSES),
    gaps: fc.array(fc.record({ serviceType: fc.constantFrom('a', 'b', 'c'), gap: fc.option(fc.integer({ min: -50, max: 500 })) }), { maxLength: 3 }),
    peopleReached: fc.option(fc.integer({ min: 0, max: 5000 })),
    totalCost: fc.integer({ min: 0, max: 2_000_000 }),
  });

  it('property: every total lies within 0..100 and is the sum of its parts', () => {
    fc.assert(
      fc.property(fc.array(arbFiche, { minLength: 1, maxLength: 12 }), (fiches) => {
        for (const s of scoreFiches(fiches)) {
          expect(s.total).toBeGreaterThanOrEqual(0);
          expect(s.total).toBeLessThanOrEqual(100);
          expect(Math.abs(s.total - (s.gap.points + s.reach.points + s.cost.points))).toBeLessThan(0.11);
        }
      }),
    );
  });

  it('property: reaching more people, all else equal, never lowers a score; costing more never raises it', () => {
    fc.assert(
      fc.property(fc.array(arbFiche, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 500_000 }), (others, morePeople, moreCost) => {
        const base = { id: -1, status: 'idea' as const, gaps: [{ serviceType: 'a', gap: 10 }], peopleReached: 100, totalCost: 200_000 };
        const score = (f: ScoreInput) => scoreFiches([...others, f]).at(-1)!.total;
        expect(score({ ...base, peopleReached: 100 + morePeople, totalCost: 200_000 })).toBeGreaterThanOrEqual(score(base) - 0.1);
        expect(score({ ...base, totalCost: 200_000 + moreCost })).toBeLessThanOrEqual(score(base) + 0.1);
      }),
    );
  });

  it('property: a fiche scores the same whatever the order of the portfolio', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbFiche, { selector: (f) => f.id, minLength: 1, maxLength: 10 }), (fiches) => {
        const byId = (list: ReturnType<typeof scoreFiches>) => new Map(list.map((s) => [s.id, s.total]));
        expect(byId(scoreFiches([...fiches].reverse()))).toEqual(byId(scoreFiches(fiches)));
      }),
    );
  });
});
