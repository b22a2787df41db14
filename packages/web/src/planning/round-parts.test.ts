import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, gapOrSurplus, ownerLabel, stageState, todayIso } from './round-parts';

describe('where a stage stands', () => {
  const today = '2026-02-10';
  it('is done once done, whatever its date', () => {
    expect(stageState({ status: 'done', dueDate: '2026-01-01' }, today)).toBe('done');
  });
  it('is overdue the day after its due date, due this week up to seven days ahead, later after that', () => {
    expect(stageState({ status: 'open', dueDate: '2026-02-09' }, today)).toBe('overdue');
    expect(stageState({ status: 'open', dueDate: '2026-02-10' }, today)).toBe('thisWeek');
    expect(stageState({ status: 'open', dueDate: '2026-02-17' }, today)).toBe('thisWeek');
    expect(stageState({ status: 'open', dueDate: '2026-02-18' }, today)).toBe('later');
    expect(stageState({ status: 'open', dueDate: null }, today)).toBe('undated');
  });
  it('counts days across months, leap days and the change to summer time', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });
  it('counts back what it counts forward', () => {
    const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, (a, b) => daysBetween(a, b) === -daysBetween(b, a)));
  });
  it("takes today in the user's own calendar", () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('who a stage or task is for', () => {
  const region = { id: 7, code: 'PAZ', name: 'Пазарджик', nameEn: null, level: 'region', country: 'BG' };
  const town = { id: 79, code: 'PAZ19', name: 'Пазарджик', nameEn: null, level: 'municipality', country: 'BG' };
  const say = { national: 'national level', name: (u: { name: string } | undefined) => u?.name ?? '—', regionLevel: (n: string) => `${n} (regional level)` };
  it('tells the region from its municipality of the same name', () => {
    const round = { territory: region };
    expect(ownerLabel(7, round, [town], say)).toBe('Пазарджик (regional level)');
    expect(ownerLabel(79, round, [town], say)).toBe('Пазарджик');
    expect(ownerLabel(7, round, [town], say)).not.toBe(ownerLabel(79, round, [town], say));
  });
  it('names a municipality’s own round by the municipality alone, and no owner as the national level', () => {
    expect(ownerLabel(79, { territory: town }, [town], say)).toBe('Пазарджик');
    expect(ownerLabel(null, { territory: region }, [town], say)).toBe('national level');
  });
});

describe('an item’s gap before and after', () => {
  it('says a gap below zero as a surplus, found as "gap 29.6 → -0.4" in the demo', () => {
    expect(gapOrSurplus(-0.4)).toEqual({ side: 'surplus', amount: 0.4 });
    expect(gapOrSurplus(29.6)).toEqual({ side: 'gap', amount: 29.6 });
  });
  it('never says "surplus 0" for a value that rounds to zero', () => {
    expect(gapOrSurplus(-0.04)).toEqual({ side: 'gap', amount: 0 });
    expect(gapOrSurplus(0)).toEqual({ side: 'gap', amount: 0 });
  });
  it('keeps the size of the difference whichever side it is on', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (v) => {
        const { side, amount } = gapOrSurplus(v);
        expect(amount).toBeGreaterThanOrEqual(0);
        expect(Math.abs(amount - Math.abs(v))).toBeLessThanOrEqual(0.05 + 1e-9);
        if (side === 'surplus') expect(v).toBeLessThan(0);
      }),
    );
  });
});
