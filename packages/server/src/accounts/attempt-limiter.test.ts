import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttemptLimiter, windowMs } from './attempt-limiter';

const MINUTE = 60_000;

describe('AttemptLimiter', () => {
  const keys = [
    { key: 'pair', max: 3 },
    { key: 'login', max: 5 },
  ];

  it('refuses once any key has reached its limit, with the seconds left in its window', () => {
    const limiter = new AttemptLimiter(15 * MINUTE);
    for (let i = 0; i < 3; i++) expect(limiter.begin(keys, 1000 + i)).toBeNull();
    expect(limiter.begin(keys, 1000 + MINUTE)).toBe(14 * 60);
    // Another address for the same login: the pair is new, the login has 3 of 5.
    expect(limiter.begin([{ key: 'other pair', max: 3 }, keys[1]!], 1000 + MINUTE)).toBeNull();
    expect(limiter.begin([{ key: 'third pair', max: 3 }, keys[1]!], 1000 + MINUTE)).toBeNull();
    expect(limiter.begin([{ key: 'fourth pair', max: 3 }, keys[1]!], 1000 + MINUTE)).toBeGreaterThan(0);
    // The window ends: counting starts again.
    expect(limiter.begin(keys, 1000 + 15 * MINUTE)).toBeNull();
  });

  it('gives a successful attempt back: signing in correctly never uses up the tries', () => {
    const limiter = new AttemptLimiter(15 * MINUTE);
    for (let i = 0; i < 100; i++) {
      expect(limiter.begin(keys, i)).toBeNull();
      limiter.succeeded(keys, i);
    }
    for (let i = 0; i < 3; i++) expect(limiter.begin(keys, 200)).toBeNull();
    expect(limiter.begin(keys, 200)).not.toBeNull();
  });

  it('counts attempts under way: a burst started together is limited before any of them ends', () => {
    const limiter = new AttemptLimiter(MINUTE);
    const started = Array.from({ length: 10 }, () => limiter.begin(keys, 0));
    expect(started.filter((s) => s === null)).toHaveLength(3);
  });

  it('property: within one window, never more failures than the smallest limit of the keys', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (outcomes, max) => {
        const limiter = new AttemptLimiter(MINUTE);
        const k = [{ key: 'a', max }];
        let failures = 0;
        for (const succeeded of outcomes) {
          if (limiter.begin(k, 0) !== null) continue;
          if (succeeded) limiter.succeeded(k, 0);
          else failures++;
        }
        expect(failures).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('forgets the oldest windows past its memory bound', () => {
    const limiter = new AttemptLimiter(MINUTE, 100);
    for (let i = 0; i < 1000; i++) limiter.begin([{ key: `k${i}`, max: 1 }], 0);
    expect(limiter.begin([{ key: 'k999', max: 1 }], 0)).not.toBeNull();
    expect(limiter.begin([{ key: 'k0', max: 1 }], 0)).toBeNull();
  });

  it('reads the time windows of the options', () => {
    expect(windowMs('15 minutes')).toBe(15 * MINUTE);
    expect(windowMs('1 hour')).toBe(60 * MINUTE);
    expect(windowMs('30 seconds')).toBe(30_000);
    expect(windowMs(500)).toBe(500);
    expect(() => windowMs('soon')).toThrow();
  });
});
