/** A limit: at most `max` failed attempts per `key` within the limiter's window. */
export type AttemptKey = { key: string; max: number };

/**
 * Failed attempts at guessing a password, counted under several keys at once (the account, the
 * address and the pair), in this process's memory: a fixed window opens with the first failure.
 * An attempt is counted when it starts, before the slow password check, so a burst of parallel
 * guesses is counted whole; an attempt that succeeds is given back, so signing in correctly
 * never uses up a person's tries.
 *
 * Per process, like @fastify/rate-limit's default store: several app servers each keep their
 * own counts, which multiplies the allowance by their number but never lets it grow unbounded.
 */
export class AttemptLimiter {
  private readonly counts = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly windowMs: number,
    /** Memory bound: past it, ended windows are swept, then the oldest are forgotten. */
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Start an attempt: the seconds to wait when any key has reached its limit (nothing is
   * counted then), else null after counting the attempt under every key.
   */
  begin(keys: readonly AttemptKey[], now = Date.now()): number | null {
    let wait = 0;
    for (const { key, max } of keys) {
      const entry = this.live(key, now);
      if (entry && entry.failures >= max) wait = Math.max(wait, entry.until - now);
    }
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    for (const { key } of keys) {
      const entry = this.live(key, now);
      if (entry) entry.failures++;
      else this.counts.set(key, { failures: 1, until: now + this.windowMs });
    }
    this.bound(now);
    return null;
  }

  /** The attempt succeeded: it does not count against anyone. */
  succeeded(keys: readonly AttemptKey[], now = Date.now()): void {
    for (const { key } of keys) {
      const entry = this.live(key, now);
      if (!entry) continue;
      if (--entry.failures <= 0) this.counts.delete(key);
    }
  }

  private live(key: string, now: number) {
    const entry = this.counts.get(key);
    if (entry && entry.until <= now) {
      this.counts.delete(key);
      return undefined;
    }
    return entry;
  }

  private bound(now: number) {
    if (this.counts.size <= this.maxKeys) return;
    for (const [key, entry] of this.counts) if (entry.until <= now) this.counts.delete(key);
    // Still full: the oldest windows go first (a Map iterates in insertion order).
    for (const key of this.counts.keys()) {
      if (this.counts.size <= this.maxKeys) break;
      this.counts.delete(key);
    }
  }
}

/** "15 minutes", "1 hour", "30 seconds" (the form of the app's options), or milliseconds. */
export function windowMs(window: string | number): number {
  if (typeof window === 'number') return window;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|millisecond|second|minute|hour|day)s?\s*$/i.exec(window);
  if (!match) throw new Error(`not a time window: ${window}`);
  const unit = { ms: 1, millisecond: 1, second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 }[match[2]!.toLowerCase() as 'ms'];
  return Number(match[1]) * unit;
}
