import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frequencies, summariseNumbers } from './summarise-answers';
import { crossTabFromCounts, frequenciesFromCounts, numbersFromCounts, type ValueCount } from './summarise-counts';

/** The counted form of a list of answers, as the database's GROUP BY gives it. */
function counted(values: unknown[]): ValueCount[] {
  const byKey = new Map<string, ValueCount>();
  for (const value of values) {
    const key = JSON.stringify(value);
    const entry = byKey.get(key);
    if (entry) entry.count += 1;
    else byKey.set(key, { value, count: 1 });
  }
  return [...byKey.values()];
}

describe('summaries from counted answers', () => {
  it('give the same frequencies as counting the answers one by one (property)', () => {
    const answer = fc.oneof(fc.constantFrom('yes', 'no', 'partly'), fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), (answers) => {
        const expected = frequencies(answers as never, ['yes', 'no', 'a', 'b']);
        const got = frequenciesFromCounts(counted(answers), answers.length, ['yes', 'no', 'a', 'b']);
        expect(got.n).toBe(expected.n);
        expect(got.missing).toBe(expected.missing);
        expect(Object.fromEntries(got.items.map((i) => [i.value, i.count]))).toEqual(Object.fromEntries(expected.items.map((i) => [i.value, i.count])));
      }),
    );
  });

  it('give the same mean, median and range (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null)), { maxLength: 80 }), (values) => {
        const expected = summariseNumbers(values);
        const got = numbersFromCounts(counted(values), values.length);
        expect(got.n).toBe(expected.n);
        expect(got.missing).toBe(expected.missing);
        expect(got.median).toBe(expected.median);
        expect(got.min).toBe(expected.min);
        expect(got.max).toBe(expected.max);
        if (expected.mean === null) expect(got.mean).toBeNull();
        else expect(got.mean).toBeCloseTo(expected.mean, 9);
      }),
    );
  });

  it('cross-tabulate counted pairs, a multiple choice once per option', () => {
    const table = crossTabFromCounts(
      [
        { row: 'older', value: 'yes', count: 30 },
        { row: 'older', value: 'no', count: 70 },
        { row: 'idp', value: ['yes', 'no'], count: 2 },
        { row: 'unknown group', value: 'yes', count: 5 },
      ],
      ['older', 'idp'],
      ['yes', 'no'],
    );
    expect(table).toEqual([
      [30, 70],
      [2, 2],
    ]);
  });
});
