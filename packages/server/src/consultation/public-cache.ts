import { lastRecordedChange } from '../audit/record-change';

/**
 * A few seconds' memo of what residents read (a territory's public page and listing, a
 * consultation's text and comments), so that a page linked from a newspaper's site does not
 * query the database once per reader: 200 readers at a time are answered from memory.
 *
 * After `FRESH_MS` the next reader starts a new reading and, until it is done, readers keep the
 * one before (so the database is asked once, not by all who arrive meanwhile). After a change this
 * process recorded, what was read before it is never shown again; and what is read shortly after
 * it (`SETTLE_MS`) is shared only by those who ask while it is being read and then dropped,
 * because the change's transaction may not have committed when it was read — so a moderator who
 * publishes a comment sees it on the next load. A change made by another
 * process shows after `FRESH_MS` and one reading.
 */
const FRESH_MS = 5_000;
export const SETTLE_MS = 2_000;
const MAX_ENTRIES = 2_000;

/** `provisional`: read just after a change; shared by the readers who ask while it is being read, dropped once it is done. */
type Entry = { madeAt: number; value: Promise<unknown>; refreshing: boolean; provisional: boolean };
const entries = new Map<string, Entry>();

function remember(key: string, value: Promise<unknown>, now: number): void {
  if (entries.size >= MAX_ENTRIES && !entries.has(key)) entries.clear();
  const provisional = now - lastRecordedChange() <= SETTLE_MS;
  entries.set(key, { madeAt: now, value, refreshing: false, provisional });
  if (provisional) {
    const drop = () => {
      if (entries.get(key)?.value === value) entries.delete(key);
    };
    value.then(drop, drop);
  }
}

export function publicMemo<T>(key: string, make: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit?.provisional) return hit.value as Promise<T>;
  if (hit && hit.madeAt - lastRecordedChange() > SETTLE_MS) {
    if (now - hit.madeAt >= FRESH_MS && !hit.refreshing) {
      hit.refreshing = true;
      const next = make();
      next.then(
        () => {
          if (entries.get(key) === hit) remember(key, next, now);
        },
        () => entries.delete(key),
      );
    }
    return hit.value as Promise<T>;
  }
  const value = make();
  remember(key, value, now);
  // A refusal (an unknown page) is not remembered: the next reader asks again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
