/**
 * Completed questionnaires waiting on this device until the server has them.
 *
 * A respondent may finish the form in a village without signal. The answers and the submission
 * key made once at completion go into localStorage first, then are sent; an entry leaves the
 * outbox only when the server answered 201 (stored) or 200 (`duplicate: true`: it had them
 * already). Sending is retried when the browser is back online, with a growing pause between
 * tries, and on the next visit of any public form. The key never changes, so an answer sent
 * twice (a lost reply, two open tabs) is stored once.
 */

export const OUTBOX_KEY = 'potreby.publicForm.outbox';

export type TOutboxEntry = {
  /** The public link's token. */
  token: string;
  submissionKey: string;
  answers: Record<string, unknown>;
  formToken: string;
  /** The honeypot's content: empty for people. */
  website: string;
  queuedAt: string;
  attempts: number;
  /** waiting: will be sent; rejected: the server refused the content (400); closed: the link is closed. */
  state: 'waiting' | 'rejected' | 'closed';
  /** Why the last try did not get through: no connection, or the server asked to wait. */
  lastFailure?: 'offline' | 'later';
};

export type TSendResult =
  | { kind: 'stored' }
  | { kind: 'offline' }
  | { kind: 'later'; afterMs: number | null }
  | { kind: 'badToken' }
  | { kind: 'rejected' }
  | { kind: 'closed' };

type TStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readOutbox(storage: TStorage): TOutboxEntry[] {
  try {
    const parsed = JSON.parse(storage.getItem(OUTBOX_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as TOutboxEntry[]).filter((e) => e && typeof e.submissionKey === 'string' && typeof e.token === 'string') : [];
  } catch {
    return [];
  }
}

function writeOutbox(storage: TStorage, entries: TOutboxEntry[]): void {
  storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
}

/** Put a completed form in the outbox (again, with the same key, if it is there already). */
export function enqueue(storage: TStorage, entry: TOutboxEntry): void {
  const others = readOutbox(storage).filter((e) => e.submissionKey !== entry.submissionKey);
  writeOutbox(storage, [...others, entry]);
}

export function findEntry(storage: TStorage, submissionKey: string): TOutboxEntry | null {
  return readOutbox(storage).find((e) => e.submissionKey === submissionKey) ?? null;
}

function patchEntry(storage: TStorage, submissionKey: string, patch: Partial<TOutboxEntry> | null): void {
  const entries = readOutbox(storage);
  writeOutbox(storage, patch === null ? entries.filter((e) => e.submissionKey !== submissionKey) : entries.map((e) => (e.submissionKey === submissionKey ? { ...e, ...patch } : e)));
}

/** The pause before the next try: 2 s, 4 s, 8 s … at most a minute. */
export const backoff = (attempts: number): number => Math.min(60_000, 2000 * 2 ** Math.max(0, attempts));

/** The server refuses answers sent less than a few seconds after the form was opened. */
const TOO_FAST_WAIT_MS = 4000;

/** One try at sending one entry. */
export async function sendEntry(entry: TOutboxEntry, fetchImpl: typeof fetch): Promise<TSendResult> {
  let res: Response;
  try {
    res = await fetchImpl(`/api/v1/public/forms/${encodeURIComponent(entry.token)}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ submissionKey: entry.submissionKey, answers: entry.answers, formToken: entry.formToken, website: entry.website }),
      credentials: 'omit',
    });
  } catch {
    return { kind: 'offline' };
  }
  if (res.status === 201 || res.status === 200) return { kind: 'stored' };
  if (res.status === 429 || res.status === 503) {
    const seconds = Number(res.headers.get('retry-after'));
    return { kind: 'later', afterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null };
  }
  if (res.status === 404 || res.status === 410) return { kind: 'closed' };
  if (res.status === 400) {
    const problem = (await res.json().catch(() => null)) as { issues?: { path?: string; message?: string }[] } | null;
    const tokenIssue = problem?.issues?.find((i) => String(i.path ?? '').startsWith('formToken'));
    // Answered within seconds of opening the form (the server's guard against bulk spam): the
    // same token becomes good in a moment.
    if (tokenIssue?.message === 'form_token_too_fast') return { kind: 'later', afterMs: TOO_FAST_WAIT_MS };
    // An expired or unknown form token: fetch a fresh one and send the same answers again.
    if (tokenIssue) return { kind: 'badToken' };
    return { kind: 'rejected' };
  }
  return { kind: 'later', afterMs: null };
}

export type TOutboxDeps = {
  storage: TStorage;
  fetch: typeof fetch;
  /** A fresh form token for a link, or null when the link is closed or unknown; throws when offline. */
  freshFormToken: (token: string) => Promise<string | null>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  onChange: () => void;
};

/**
 * Sends what is in the outbox, one entry at a time, and plans the next try. Call `flush()` on
 * page load, on the `online` event and after a form is completed.
 */
export class OutboxSender {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;

  constructor(private readonly deps: TOutboxDeps) {}

  /** A try is under way. */
  get busy(): boolean {
    return this.running !== null;
  }

  flush(): Promise<void> {
    if (this.running) {
      // Someone asked while we were sending: go round once more afterwards.
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      this.deps.onChange();
      if (this.again) {
        this.again = false;
        void this.flush();
      }
    });
    return this.running;
  }

  stop(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private schedule(ms: number): void {
    this.stop();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  private async run(): Promise<void> {
    const { storage } = this.deps;
    let nextTry: number | null = null;
    for (const entry of readOutbox(storage).filter((e) => e.state === 'waiting')) {
      let result = await sendEntry(entry, this.deps.fetch);
      if (result.kind === 'badToken') {
        try {
          const fresh = await this.deps.freshFormToken(entry.token);
          if (fresh === null) result = { kind: 'closed' };
          else {
            patchEntry(storage, entry.submissionKey, { formToken: fresh });
            result = await sendEntry({ ...entry, formToken: fresh }, this.deps.fetch);
            if (result.kind === 'badToken') result = { kind: 'rejected' };
          }
        } catch {
          result = { kind: 'offline' };
        }
      }
      switch (result.kind) {
        case 'stored':
          patchEntry(storage, entry.submissionKey, null);
          break;
        case 'rejected':
        case 'closed':
          patchEntry(storage, entry.submissionKey, { state: result.kind });
          break;
        case 'offline':
        case 'later': {
          const attempts = entry.attempts + 1;
          patchEntry(storage, entry.submissionKey, { attempts, lastFailure: result.kind });
          const wait = result.kind === 'later' && result.afterMs !== null ? result.afterMs : backoff(attempts);
          nextTry = nextTry === null ? wait : Math.min(nextTry, wait);
          break;
        }
      }
      this.deps.onChange();
      // No connection, or asked to slow down: the other entries would fare the same; wait.
      if (result.kind === 'offline' || result.kind === 'later') break;
    }
    if (nextTry !== null) this.schedule(nextTry);
  }
}
