import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OZPS_CAUSES, OZPS_INDICATORS, ZOzpsFigureInput } from './indicators';
import { forecast, ozpsProblems, ozpsTable, ozpsYears, type TOzpsFigure } from './table';

describe('the OZPS forecast', () => {
  it('carries the straight line of the known years one year on', () => {
    expect(forecast([100, 110, 120])).toBe(130);
    expect(forecast([100, null, 120])).toBe(130);
    expect(forecast([null, 110, 120])).toBe(130);
    expect(forecast([100, 110, null])).toBe(130);
    expect(forecast([3.5, 3.5, 4], 2)).toBe(4.17);
  });

  it('has nothing to say with fewer than two known years, and never says 0 for that', () => {
    expect(forecast([null, null, 120])).toBeNull();
    expect(forecast([null, null, null])).toBeNull();
  });

  it('does not fall below zero', () => {
    expect(forecast([40, 20, 0])).toBe(0);
  });

  it('is never negative, stays within the trend, and is exact on a line (property)', () => {
    const value = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null });
    fc.assert(
      fc.property(fc.tuple(value, value, value), (values) => {
        const f = forecast(values);
        const known = values.filter((v): v is number => v !== null);
        if (known.length < 2) {
          expect(f).toBeNull();
          return;
        }
        expect(f).not.toBeNull();
        expect(f!).toBeGreaterThanOrEqual(0);
        expect(Number.isInteger(f)).toBe(true);
        // One step of the line from the last known figure cannot leave the band the data span, widened by that span.
        const span = Math.max(...known) - Math.min(...known);
        expect(f!).toBeLessThanOrEqual(Math.max(...known) + 2 * span + 1);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000 }), (start, step) => {
        expect(forecast([start, start + step, start + 2 * step])).toBe(start + 3 * step);
      }),
    );
  });
});

describe('the OZPS table', () => {
  const figures: TOzpsFigure[] = [
    { indicator: 'beneficiaries.families', year: 2023, value: 300 },
    { indicator: 'beneficiaries.families', year: 2024, value: 280 },
    { indicator: 'beneficiaries.families', year: 2025, value: 260 },
    { indicator: 'causes.poverty', year: 2025, value: 150 },
    { indicator: 'spending.total', year: 2025, value: 1000 },
    { indicator: 'spending.own', year: 2025, value: 600 },
    { indicator: 'spending.state', year: 2025, value: 500 },
    { indicator: 'beneficiaries.families', year: 2019, value: 999 },
  ];

  it('shows every indicator for the two years before and the year itself, blank where nothing was entered', () => {
    expect(ozpsYears(2025)).toEqual([2023, 2024, 2025]);
    const rows = ozpsTable(figures, 2025);
    expect(rows.map((r) => r.key)).toEqual(OZPS_INDICATORS.map((i) => i.key));
    const families = rows.find((r) => r.key === 'beneficiaries.families')!;
    expect(families).toMatchObject({ unit: 'families', values: [300, 280, 260], forecast: 240 });
    const poverty = rows.find((r) => r.key === 'causes.poverty')!;
    expect(poverty).toMatchObject({ unit: 'families', values: [null, null, 150], forecast: null });
    expect(rows.filter((r) => r.section === 'causes')).toHaveLength(OZPS_CAUSES.length);
  });

  it('points at an empty year and at figures that contradict each other', () => {
    const rows = ozpsTable(figures, 2025);
    expect(ozpsProblems(rows, 2025)).toEqual([{ code: 'spending_parts', year: 2025, parts: 1100, total: 1000 }]);
    expect(ozpsProblems(ozpsTable(figures, 2028), 2028)).toEqual([{ code: 'year_empty', year: 2028 }]);
    const over = ozpsTable([...figures, { indicator: 'causes.unemployment', year: 2024, value: 281 }], 2025);
    expect(ozpsProblems(over, 2025)).toContainEqual({ code: 'cause_over_families', year: 2024, indicator: 'causes.unemployment' });
  });
});

describe('an OZPS figure as entered', () => {
  const check = (indicator: string, value: number | null) => {
    const result = ZOzpsFigureInput.safeParse({ indicator, year: 2025, value });
    return result.success ? 'ok' : result.error.issues[0]!.message;
  };

  it('is whole for people and families, to the hundredth for posts and money, never negative', () => {
    expect(check('beneficiaries.persons', 412)).toBe('ok');
    expect(check('beneficiaries.persons', 412.5)).toBe('whole_number');
    expect(check('staff.social_workers', 7.25)).toBe('ok');
    expect(check('staff.social_workers', 7.125)).toBe('too_precise');
    expect(check('spending.total', 1_234_567.89)).toBe('ok');
    expect(check('spending.total', -1)).toBe('negative');
    expect(check('causes.poverty', null)).toBe('ok');
    expect(check('causes.witchcraft', 1)).toBe('unknown_indicator');
  });
});
