import type { loadSession } from './queries';

type Loaded = NonNullable<Awaited<ReturnType<typeof loadSession>>>;

/**
 * Sessions looked up in the last few seconds, so a dashboard request does not query the
 * database for who is asking. Sign-out, password changes and account changes in this process
 * drop the entries at once; another app server sees them within TTL_MS — the price of not
 * reading the session table on every request.
 */
export class SessionCache {
  static readonly TTL_MS = 5_000;
  private static readonly MAX = 10_000;
  private readonly entries = new Map<string, { session: Loaded | null; until: number }>();

  get(token: string): Loaded | null | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.until < Date.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.session;
  }

  set(token: string, session: Loaded | null): void {
    if (this.entries.size >= SessionCache.MAX) this.entries.clear();
    this.entries.set(token, { session, until: Date.now() + SessionCache.TTL_MS });
  }

  /** Forget every session of a user (sign-out, new password, changed or disabled account). */
  forgetUser(userId: number): void {
    for (const [token, hit] of this.entries) if (hit.session?.user.id === userId) this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }
}
