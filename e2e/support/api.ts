import { expect } from 'vitest';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './harness-launch';

export type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;

/** A signed-in API client outside the browser (as a script would use the API). */
export async function apiAs(url: string, login: string, password: string): Promise<Api> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

/** The id of the territory with this code. */
export async function territoryId(api: Api, code: string): Promise<number> {
  const found = (await api('GET', `/api/v1/territories?q=${encodeURIComponent(code)}`)).body.items as { id: number; code: string }[];
  const id = found.find((t) => t.code === code)?.id;
  expect(id, `territory ${code}`).toBeDefined();
  return id!;
}

/**
 * An account made by the administrator, its one-time password already changed, as a new
 * officer's first sign-in leaves it; the password to sign in with is returned.
 */
export async function createOfficer(url: string, account: { login: string; name: string; role: string; territoryId: number; language?: string }): Promise<string> {
  const admin = await apiAs(url, ADMIN_LOGIN, ADMIN_PASSWORD);
  const created = await admin('POST', '/api/v1/users', { language: 'en', ...account });
  expect(created.status).toBe(201);
  const first = await apiAs(url, account.login, created.body.oneTimePassword);
  const password = `Kestrel-harbour-${account.login}-2931`;
  expect((await first('POST', '/api/v1/session/password', { currentPassword: created.body.oneTimePassword, newPassword: password })).status).toBe(204);
  return password;
}
