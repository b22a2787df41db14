import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoOfDay, dayNumber } from './deadlines/iso-date';
import { matchesTaskFilter, workState } from './tasks';

describe('workState', () => {
  const today = '2026-03-10';
  it('classifies open work by its due date', () => {
    expect(workState({ status: 'open', dueDate: '2026-03-09' }, today)).toBe('overdue');
    expect(workState({ status: 'open', dueDate: '2026-03-10' }, today)).toBe('thisWeek');
    expect(workState({ status: 'open', dueDate: '2026-03-17' }, today)).toBe('thisWeek');
    expect(workState({ status: 'open', dueDate: '2026-03-18' }, today)).toBe('later');
    expect(workState({ status: 'open', dueDate: null }, today)).toBe('undated');
  });
  it('done work is done whatever its date', () => {
    expect(workState({ status: 'done', dueDate: '2020-01-01' }, today)).toBe('done');
  });
  it('filters', () => {
    expect(matchesTaskFilter({ status: 'open', dueDate: '2026-03-01' }, 'overdue', today)).toBe(true);
    expect(matchesTaskFilter({ status: 'open', dueDate: '2026-03-01' }, 'thisWeek', today)).toBe(false);
    expect(matchesTaskFilter({ status: 'done', dueDate: null }, 'all', today)).toBe(true);
  });

  const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-12-31') });
  it('property: open work is overdue exactly when its due day is before today, and moves only forward in time', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 400 }), (due, now, later) => {
        const item = { status: 'open' as const, dueDate: isoOfDay(due) };
        const state = workState(item, isoOfDay(now));
        expect(state === 'overdue').toBe(due < now);
        expect(state === 'thisWeek').toBe(due >= now && due - now <= 7);
        // Once overdue, it stays overdue on every later day.
        if (state === 'overdue') expect(workState(item, isoOfDay(now + later))).toBe('overdue');
      }),
    );
  });
});
