import i18next from 'i18next';
import type { TProblem } from '@potreby/server/http/schema';
import { downloadBlob } from '../components/download-blob';

/** A failed API call, carrying the server's RFC 9457 problem (translate `errors.<code>`). */
export class ApiError extends Error {
  constructor(readonly problem: TProblem) {
    super(problem.code);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.problem.code;
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent as X-CSRF-Token on every change (set after sign-in). */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  // Messages from the server (errors, import reports) in the language on screen, even before
  // sign-in, when the account's language is not known yet.
  const headers: Record<string, string> = { accept: 'application/json', 'x-potreby-language': i18next.language };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(withQuery(`/api/v1${path}`, query), { method, headers, body: payload, credentials: 'same-origin' });
  if (res.status === 204) return undefined as T;
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const data = isJson ? await res.json() : await res.text();
  if (!res.ok) {
    const problem: TProblem = isJson && data && typeof data === 'object' && 'code' in data ? (data as TProblem) : { type: 'about:blank', title: res.statusText, status: res.status, code: 'internal' };
    throw new ApiError(problem);
  }
  return data as T;
}

/**
 * A file from the API, handed to the user as a download; a refusal (a document whose data are
 * missing) throws the server's problem, to be shown on the page instead of a page of JSON.
 * Returns the file's name.
 */
async function download(path: string, query?: Query): Promise<string> {
  const res = await fetch(withQuery(`/api/v1${path}`, query), { headers: { 'x-potreby-language': i18next.language }, credentials: 'same-origin' });
  if (!res.ok) {
    const isJson = (res.headers.get('content-type') ?? '').includes('json');
    const data = isJson ? await res.json() : null;
    throw new ApiError(data && typeof data === 'object' && 'code' in data ? (data as TProblem) : { type: 'about:blank', title: res.statusText, status: res.status, code: 'internal' });
  }
  const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'document';
  downloadBlob(await res.blob(), fileName);
  return fileName;
}

export const api = {
  download,
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
