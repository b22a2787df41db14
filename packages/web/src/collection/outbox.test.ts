import { describe, expect, it } from 'vitest';
import { backoff, enqueue, findEntry, OUTBOX_KEY, OutboxSender, readOutbox, type TOutboxEntry } from './outbox';

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const entry = (key: string, token = 'link1'): TOutboxEntry => ({
  token,
  submissionKey: key,
  answers: { q1: 'yes' },
  formToken: 'signed-form-token',
  website: '',
  queuedAt: '2026-03-01T10:00:00Z',
  attempts: 0,
  state: 'waiting',
});

type Reply = number | 'offline' | { status: number; body?: unknown; headers?: Record<string, string> };

/** A server that answers each request with the next reply, and remembers what it was sent. */
function fakeServer(replies: Reply[]) {
  const sent: { url: string; body: Record<string, unknown> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const reply = replies.shift() ?? 201;
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    sent.push({ url, body: JSON.parse(String(init.body)) });
    const r = typeof reply === 'number' ? { status: reply } : reply;
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), { status: r.status, headers: r.headers });
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}

function sender(storage: MemoryStorage, fetchImpl: typeof fetch, freshFormToken: (t: string) => Promise<string | null> = async () => 'fresh-token') {
  const timers: { fn: () => void; ms: number }[] = [];
  const s = new OutboxSender({
    storage,
    fetch: fetchImpl,
    freshFormToken,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => timers.splice(0),
    onChange: () => undefined,
  });
  return { s, timers };
}

describe('outbox', () => {
  it('keeps one entry per submission key', () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    enqueue(storage, { ...entry('a'), answers: { q1: 'no' } });
    expect(readOutbox(storage)).toHaveLength(1);
    expect(findEntry(storage, 'a')?.answers).toEqual({ q1: 'no' });
  });

  it('survives a broken value in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(OUTBOX_KEY, '{not json');
    expect(readOutbox(storage)).toEqual([]);
  });

  it('removes an entry only when the server stored it (201) or had it already (200)', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    enqueue(storage, entry('b'));
    const { sent, fetchImpl } = fakeServer([201, { status: 200, body: { duplicate: true } }]);
    await sender(storage, fetchImpl).s.flush();
    expect(readOutbox(storage)).toEqual([]);
    expect(sent.map((x) => x.body.submissionKey)).toEqual(['a', 'b']);
    expect(sent[0]!.url).toBe('/api/v1/public/forms/link1/responses');
    expect(sent[0]!.body).toEqual({ submissionKey: 'a', answers: { q1: 'yes' }, formToken: 'signed-form-token', website: '' });
  });

  it('offline: keeps the entry, tries again later with the same key', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    const { sent, fetchImpl } = fakeServer(['offline', 201]);
    const { s, timers } = sender(storage, fetchImpl);
    await s.flush();
    expect(findEntry(storage, 'a')).toMatchObject({ state: 'waiting', attempts: 1, lastFailure: 'offline' });
    expect(timers.map((t) => t.ms)).toEqual([backoff(1)]);
    await s.flush();
    expect(readOutbox(storage)).toEqual([]);
    expect(sent.map((x) => x.body.submissionKey)).toEqual(['a']);
  });

  it('429: waits as long as the server says', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    const { fetchImpl } = fakeServer([{ status: 429, headers: { 'retry-after': '30' } }]);
    const { s, timers } = sender(storage, fetchImpl);
    await s.flush();
    expect(findEntry(storage, 'a')?.state).toBe('waiting');
    expect(timers.map((t) => t.ms)).toEqual([30_000]);
  });

  it('an expired form token is replaced and the same answers sent again', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    const { sent, fetchImpl } = fakeServer([{ status: 400, body: { code: 'validation.invalid', issues: [{ path: 'formToken', message: 'expired' }] } }, 201]);
    await sender(storage, fetchImpl).s.flush();
    expect(readOutbox(storage)).toEqual([]);
    expect(sent.map((x) => [x.body.submissionKey, x.body.formToken])).toEqual([
      ['a', 'signed-form-token'],
      ['a', 'fresh-token'],
    ]);
  });

  it('refused content (the honeypot filled) and closed links stay, marked, and are not retried', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, { ...entry('a'), website: 'http://spam' });
    enqueue(storage, entry('b', 'closed-link'));
    const { fetchImpl } = fakeServer([{ status: 400, body: { code: 'validation.invalid', issues: [{ path: 'website', message: 'too_big' }] } }, 404]);
    const { s, timers } = sender(storage, fetchImpl);
    await s.flush();
    expect(findEntry(storage, 'a')?.state).toBe('rejected');
    expect(findEntry(storage, 'b')?.state).toBe('closed');
    expect(timers).toEqual([]);
  });

  it('grows the pause up to a minute', () => {
    expect([0, 1, 2, 3, 10].map(backoff)).toEqual([2000, 4000, 8000, 16000, 60000]);
  });
});

describe('outbox and the server’s guard against bulk spam', () => {
  it('answers sent too fast are sent again a moment later with the same form token', async () => {
    const storage = new MemoryStorage();
    enqueue(storage, entry('a'));
    const { sent, fetchImpl } = fakeServer([{ status: 400, body: { code: 'validation.invalid', issues: [{ path: 'formToken', message: 'form_token_too_fast' }] } }, 201]);
    const { s, timers } = sender(storage, fetchImpl);
    await s.flush();
    expect(findEntry(storage, 'a')?.state).toBe('waiting');
    expect(timers.map((t) => t.ms)).toEqual([4000]);
    await s.flush();
    expect(readOutbox(storage)).toEqual([]);
    expect(sent.map((x) => x.body.formToken)).toEqual(['signed-form-token', 'signed-form-token']);
  });
});
