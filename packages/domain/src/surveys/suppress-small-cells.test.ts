import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressFrequencies, suppressSmallCells } from './suppress-small-cells';

describe('suppressSmallCells', () => {
  it('withholds a small count and, so that it cannot be recovered by subtraction, the smallest other count of its row and column', () => {
    //           yes  no | total
    // A          12   3 |  15     3 < 5: withheld; then 12 (the only other count of row A),
    // B          20  15 |  35     then 8 in column "yes" (12 alone would be 40 − 20 − 8),
    // C           8   9 |  17     and 9 in column "no" (smaller than 15).
    const result = suppressSmallCells({
      rows: ['A', 'B', 'C'],
      columns: ['yes', 'no'],
      counts: [
        [12, 3],
        [20, 15],
        [8, 9],
      ],
    });
    expect(result.counts).toEqual([
      [null, null],
      [20, 15],
      [null, null],
    ]);
    expect(result.rowTotals).toEqual([15, 35, 17]);
    expect(result.columnTotals).toEqual([40, 27]);
    expect(result.suppressed).toBe(4);
  });

  it('withholds a total under the threshold, and another total so it cannot be taken from the grand total', () => {
    //        a   b | total
    // D      1   2 |   3    all three withheld (under 5)
    // E     10  10 |  20    both 10s complement the 1 and the 2 in their columns; the total 20
    //      11  12 |  23    goes too, or D's 3 would be 23 − 20.
    const result = suppressSmallCells({
      rows: ['D', 'E'],
      columns: ['a', 'b'],
      counts: [
        [1, 2],
        [10, 10],
      ],
    });
    expect(result.counts).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(result.rowTotals).toEqual([null, null]);
    expect(result.columnTotals).toEqual([11, 12]);
    expect(result.suppressed).toBe(6);
  });

  it('shows zeros: nobody gave that answer, which identifies no one', () => {
    const result = suppressSmallCells({
      rows: ['village', 'town'],
      columns: ['needs', 'does not'],
      counts: [
        [0, 6],
        [7, 8],
      ],
    });
    expect(result.counts).toEqual([
      [0, 6],
      [7, 8],
    ]);
    expect(result.suppressed).toBe(0);
  });

  it('keeps a zero beside a small count and finds the complements in its column and in the totals', () => {
    //           needs  does not | total
    // hamlet        3         0 |   3     3 and its total 3 are under 5; the 0 stays.
    // village       9         6 |  15     9 complements the 3 in column "needs" (else 12 − 9);
    //              12         6 |  18     15 complements the hamlet's total (else 18 − 15).
    // The village row then has two unknowns (9 and 15), so the 6 can stay.
    const result = suppressSmallCells({
      rows: ['hamlet', 'village'],
      columns: ['needs', 'does not'],
      counts: [
        [3, 0],
        [9, 6],
      ],
    });
    expect(result.counts).toEqual([
      [null, 0],
      [null, 6],
    ]);
    expect(result.rowTotals).toEqual([null, null]);
    expect(result.columnTotals).toEqual([12, 6]);
  });

  it('takes a threshold', () => {
    expect(suppressSmallCells({ rows: ['a'], columns: ['x', 'y'], counts: [[10, 12]] }, 11).counts).toEqual([[null, null]]);
    expect(suppressSmallCells({ rows: ['a'], columns: ['x', 'y'], counts: [[3, 3]] }, 3).suppressed).toBe(0);
  });

  const tables = fc
    .record({ rows: fc.integer({ min: 1, max: 6 }), columns: fc.integer({ min: 1, max: 6 }) })
    .chain(({ rows, columns }) =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: columns, maxLength: columns }), {
        minLength: rows,
        maxLength: rows,
      }),
    );

  it('no withheld count can be recovered as a shown total minus the shown counts of its row or column', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (counts, threshold) => {
        const columns = counts[0]!.map((_, j) => `c${j}`);
        const result = suppressSmallCells({ rows: counts.map((_, i) => `r${i}`), columns, counts }, threshold);
        const hiddenIn = (values: (number | null)[]) => values.filter((v) => v === null).length;
        result.counts.forEach((row, i) => {
          if (result.rowTotals[i] !== null) expect(hiddenIn(row)).not.toBe(1);
        });
        columns.forEach((_, j) => {
          if (result.columnTotals[j] !== null) expect(hiddenIn(result.counts.map((row) => row[j]!))).not.toBe(1);
        });
        // The grand total (all respondents) is public: the totals must not give one away either
        // (with one row, its total is the grand total).
        if (counts.length > 1) expect(hiddenIn(result.rowTotals)).not.toBe(1);
        if (columns.length > 1) expect(hiddenIn(result.columnTotals)).not.toBe(1);
      }),
    );
  });

  it('withholds every count and total under the threshold and changes no count it shows', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: 2, max: 10 }), (counts, threshold) => {
        const result = suppressSmallCells({ rows: counts.map((_, i) => `r${i}`), columns: counts[0]!.map((_, j) => `c${j}`), counts }, threshold);
        const small = (v: number) => v >= 1 && v < threshold;
        counts.forEach((row, i) =>
          row.forEach((v, j) => {
            const shown = result.counts[i]![j];
            if (small(v)) expect(shown).toBeNull();
            else if (shown !== null) expect(shown).toBe(v);
          }),
        );
        counts.forEach((row, i) => {
          const total = row.reduce((a, b) => a + b, 0);
          if (small(total)) expect(result.rowTotals[i]).toBeNull();
          else if (result.rowTotals[i] !== null) expect(result.rowTotals[i]).toBe(total);
        });
        const shownCount = [...result.counts.flat(), ...result.rowTotals, ...result.columnTotals].filter((v) => v === null).length;
        expect(result.suppressed).toBe(shownCount);
      }),
    );
  });
});

describe('suppressFrequencies', () => {
  it.each([
    [[3, 10, 20], [null, null, 20], 33],
    [[0, 12, 3], [0, null, null], 15],
    [[7, 0], [7, 0], 7],
    [[2, 0], [null, 0], null],
    [[4], [null], null],
    [[6, 9, 12], [6, 9, 12], 27],
  ])('%j is published as %j with total %j', (counts, shown, total) => {
    const result = suppressFrequencies(counts);
    expect(result.counts).toEqual(shown);
    expect(result.total).toBe(total);
  });

  it('for a multiple-choice question withholds only the small counts, which add up to nothing', () => {
    expect(suppressFrequencies([3, 10, 20], 5, { additive: false })).toEqual({ counts: [null, 10, 20], total: null, suppressed: 1 });
  });

  it('never leaves a single withheld count beside a shown total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), (counts) => {
        const result = suppressFrequencies(counts);
        if (result.total !== null) expect(result.counts.filter((c) => c === null).length).not.toBe(1);
      }),
    );
  });
});
