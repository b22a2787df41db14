import type { TRole } from '@potreby/domain';
import { eq } from 'drizzle-orm';
import { inject } from 'vitest';
import { createUser } from '../accounts/users';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import type { Database } from '../db/database';
import { buildApp, type App } from '../http/app';
import { territory } from '../territories/tables';
import { freshDatabase } from './test-database';

export const TEST_PASSWORD = 'correct horse battery staple';

export type Response<T = unknown> = { status: number; body: T; headers: Headers; text: string };

/** A signed-in (or not) HTTP client against the running test app, keeping its cookie like a browser. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON (CSV exports) */
    }
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Upload a file to `POST /api/v1/imports/:kind` as the import form does (multipart, field `file`). */
  upload<T = any>(kind: string, fileName: string, content: string | Uint8Array, fields: Record<string, string> = {}, headers?: Record<string, string>) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), fileName);
    return this.request<T>('POST', `/api/v1/imports/${kind}`, form, headers);
  }

  async signIn(login: string, password = TEST_PASSWORD): Promise<this> {
    const res = await this.post<{ csrfToken: string }>('/api/v1/session', { login, password });
    if (res.status !== 200) throw new Error(`sign-in of ${login} failed: ${res.status} ${res.text}`);
    this.csrf = res.body.csrfToken;
    return this;
  }
}

export type TestApp = {
  app: App;
  database: Database;
  url: string;
  /** A client that has not signed in. */
  anonymous(): Client;
  /** A client signed in as a new account of this role, scoped to the territory with this code. */
  as(role: TRole, territoryCode?: string | null, organisation?: string): Promise<Client>;
  territoryId(code: string): Promise<number>;
  close(): Promise<void>;
};

let counter = 0;

/** The real app on a fresh copy of the seeded demo database, listening on a free port. */
export async function startTestApp(options: { signInLimit?: number; publicSubmissionLimit?: number } = {}): Promise<TestApp> {
  const database = await freshDatabase(inject('pgliteDump'));
  const app = await buildApp({ database, webDist: null, signInLimit: options.signInLimit ?? 1000, publicSubmissionLimit: options.publicSubmissionLimit });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  const territoryId = async (code: string) => {
    const [row] = await database.db.select({ id: territory.id }).from(territory).where(eq(territory.code, code));
    if (!row) throw new Error(`no territory ${code}`);
    return row.id;
  };
  return {
    app,
    database,
    url,
    anonymous: () => new Client(url),
    territoryId,
    as: async (role, territoryCode = null, organisation) => {
      const login = `${role}-${territoryCode ?? 'all'}-${++counter}@test.example`;
      await createUser(
        database.db,
        SYSTEM_AUTHOR,
        { login, name: `${role} ${territoryCode ?? ''}`.trim(), role, territoryId: territoryCode ? await territoryId(territoryCode) : null, organisation: organisation ?? null, language: 'en' },
        { password: TEST_PASSWORD, mustChangePassword: false },
      );
      return new Client(url).signIn(login);
    },
    close: async () => {
      await app.close();
      await (database as Database & { drop(): Promise<void> }).drop();
    },
  };
}
