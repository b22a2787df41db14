import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossTabulate, frequencies, summariseNumbers } from './summarise-answers';

describe('frequencies', () => {
  it('counts a single-choice question, options first in their order, unexpected values after by count', () => {
    const result = frequencies(['often', 'never', 'often', null, '', 'sometimes?', 'often', 'maybe', 'maybe', undefined], ['never', 'sometimes', 'often']);
    expect(result.n).toBe(7);
    expect(result.missing).toBe(3);
    expect(result.items).toEqual([
      { value: 'never', count: 1, share: 1 / 7 },
      { value: 'sometimes', count: 0, share: 0 },
      { value: 'often', count: 3, share: 3 / 7 },
      { value: 'maybe', count: 2, share: 2 / 7 },
      { value: 'sometimes?', count: 1, share: 1 / 7 },
    ]);
  });

  it('counts each ticked option once per respondent; shares are of respondents and may add up to more than 1', () => {
    const result = frequencies([['transport', 'home_care'], ['transport'], [], ['home_care', 'home_care'], null], ['home_care', 'transport', 'day_care']);
    expect(result.n).toBe(3);
    expect(result.missing).toBe(2);
    expect(result.items.map((i) => [i.value, i.count])).toEqual([
      ['home_care', 2],
      ['transport', 2],
      ['day_care', 0],
    ]);
    expect(result.items.reduce((sum, i) => sum + i.share, 0)).toBeCloseTo(4 / 3, 12);
  });

  it('gives shares of 0, not NaN, when nobody answered', () => {
    expect(frequencies([null, null], ['yes', 'no'])).toEqual({
      n: 0,
      missing: 2,
      items: [
        { value: 'yes', count: 0, share: 0 },
        { value: 'no', count: 0, share: 0 },
      ],
    });
  });

  it('single-choice shares add up to 1 and counts to the respondents', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null })), (values) => {
        const result = frequencies(values, ['a', 'b']);
        const sum = result.items.reduce((s, i) => s + i.count, 0);
        expect(sum).toBe(result.n);
        expect(result.n + result.missing).toBe(values.length);
        if (result.n > 0) expect(result.items.reduce((s, i) => s + i.share, 0)).toBeCloseTo(1, 9);
      }),
    );
  });
});

describe('summariseNumbers', () => {
  it('gives the mean, the median of an odd count and the range', () => {
    expect(summariseNumbers([67, 81, null, 74, undefined, 90, 70])).toEqual({ n: 5, missing: 2, mean: 76.4, median: 74, min: 67, max: 90 });
  });

  it('takes the median of an even count as the mean of the two middle values', () => {
    expect(summariseNumbers([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('has no figures without answers', () => {
    expect(summariseNumbers([null, Number.NaN])).toEqual({ n: 0, missing: 2, mean: null, median: null, min: null, max: null });
  });

  it('keeps the mean and the median between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1 }), (values) => {
        const s = summariseNumbers(values);
        expect(s.min!).toBeLessThanOrEqual(s.median!);
        expect(s.median!).toBeLessThanOrEqual(s.max!);
        expect(s.min! - 1e-6).toBeLessThanOrEqual(s.mean!);
        expect(s.mean!).toBeLessThanOrEqual(s.max! + 1e-6);
      }),
    );
  });
});

describe('crossTabulate', () => {
  it('counts respondents by group and answer, listed rows and columns first', () => {
    const table = crossTabulate(
      [
        { row: 'older', column: 'yes' },
        { row: 'older', column: 'yes' },
        { row: 'older', column: 'no' },
        { row: 'families', column: 'no' },
        { row: 'displaced', column: 'yes' },
        { row: null, column: 'yes' },
        { row: 'families', column: null },
      ],
      ['families', 'older', 'disabled'],
      ['yes', 'no'],
    );
    expect(table).toEqual({
      rows: ['families', 'older', 'disabled', 'displaced'],
      columns: ['yes', 'no'],
      counts: [
        [0, 1],
        [2, 1],
        [0, 0],
        [1, 0],
      ],
    });
  });

  it('counts a multiple-choice answer once in each chosen column', () => {
    const table = crossTabulate([
      { row: 'Khmilnyk', column: ['transport', 'home_care'] },
      { row: 'Kozhukhiv', column: ['transport'] },
      { row: 'Khmilnyk', column: ['transport'] },
    ]);
    expect(table.rows).toEqual(['Khmilnyk', 'Kozhukhiv']);
    expect(table.columns).toEqual(['transport', 'home_care']);
    expect(table.counts).toEqual([
      [2, 1],
      [1, 0],
    ]);
  });

  it('each row of a single-choice table adds up to that row’s respondents', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.constantFrom('a', 'b', 'c'), column: fc.constantFrom('x', 'y') })), (pairs) => {
        const table = crossTabulate(pairs);
        table.rows.forEach((row, i) => {
          expect(table.counts[i]!.reduce((s, c) => s + c, 0)).toBe(pairs.filter((p) => p.row === row).length);
        });
      }),
    );
  });
});
