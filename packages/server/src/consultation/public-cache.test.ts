import { describe, expect, it } from 'vitest';
import { publicMemo } from './public-cache';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the public pages memo', () => {
  it('answers from memory; once stale, one reader starts a new reading and the others keep the old one until it is done', async () => {
    let made = 0;
    const make = async () => ++made;
    const t0 = 1_000_000_000;
    expect(await publicMemo('a', make, t0)).toBe(1);
    expect(await publicMemo('a', make, t0 + 4_999)).toBe(1);
    expect(await publicMemo('b', make, t0 + 4_999)).toBe(2);
    // Stale: still the old answer, while one new reading starts; until it is done, the old one too.
    let finish: (n: number) => void = () => {};
    let readings = 0;
    const slow = () => {
      readings += 1;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    expect(await publicMemo('a', slow, t0 + 5_000)).toBe(1);
    expect(await publicMemo('a', slow, t0 + 5_001)).toBe(1);
    expect(readings).toBe(1);
    finish(7);
    await settle();
    expect(await publicMemo('a', slow, t0 + 5_002)).toBe(7);
  });

  it('does not remember a refusal', async () => {
    let calls = 0;
    const refuse = async () => {
      calls += 1;
      throw new Error('not_found');
    };
    const t0 = 2_000_000_000;
    await expect(publicMemo('gone', refuse, t0)).rejects.toThrow('not_found');
    await expect(publicMemo('gone', refuse, t0 + 1)).rejects.toThrow('not_found');
    expect(calls).toBe(2);
  });
});
