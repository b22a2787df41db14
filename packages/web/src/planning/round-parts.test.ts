import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { daysBetween, stageState, todayIso } from './round-parts';

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
