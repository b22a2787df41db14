import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilsonInterval, Z_95 } from './wilson-interval';

describe('wilsonInterval', () => {
  // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of
  // seven methods", Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (score, no
  // continuity correction), to the four decimals published.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('%i of %i gives %f–%f as published by Newcombe (1998)', (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval.p).toBeCloseTo(x / n, 12);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('5 of 10 at z = 1.96: centre 0.5, half-width 1.96/1.38416·√(0.025 + 0.0096040) = 0.26341', () => {
    const { low, high } = wilsonInterval(5, 10, 1.96);
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
  });

  it('with nobody asked the proportion is unknown: 0, from 0 to 1', () => {
    expect(wilsonInterval(0, 0)).toEqual({ p: 0, low: 0, high: 1 });
  });

  it('refuses more positives than answers', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });

  it('contains the observed proportion, stays in [0, 1], and is symmetric in yes and no', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const { p, low, high } = wilsonInterval(x, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(p + 1e-12);
        expect(high).toBeGreaterThanOrEqual(p - 1e-12);
        const mirror = wilsonInterval(n - x, n);
        expect(mirror.low).toBeCloseTo(1 - high, 10);
        expect(mirror.high).toBeCloseTo(1 - low, 10);
      }),
    );
  });

  it('a wider confidence (larger z) never gives a narrower interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const x = Math.round(f * n);
        const at95 = wilsonInterval(x, n, Z_95);
        const at99 = wilsonInterval(x, n, 2.5758293035489);
        expect(at99.low).toBeLessThanOrEqual(at95.low + 1e-12);
        expect(at99.high).toBeGreaterThanOrEqual(at95.high - 1e-12);
      }),
    );
  });
});
