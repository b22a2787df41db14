import { inflateRawSync } from 'node:zlib';
import type { Client } from '../testing/test-app';

/** One answer of the server as the security suites look at it: the bytes and everything readable in them. */
export type Answer = {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of every shape; typing each would restate the API schema
  json: any;
  /**
   * All text a reader could get out of the body: the body itself and, for a zip-based file
   * (XLSX, DOCX), the text of every part in it, so a leak inside a spreadsheet is found too.
   */
  readable: string;
  bytes: Uint8Array;
};

export type Outgoing = {
  method: string;
  path: string;
  query?: Record<string, string | string[]>;
  json?: unknown;
  /** A multipart body, built fresh for each send (a FormData cannot be sent twice). */
  form?: () => FormData;
  /** A raw body with its content type (hostile inputs that are not JSON). */
  raw?: { contentType: string; body: string };
};

export function urlOf(path: string, query?: Outgoing['query']): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
  const s = search.toString();
  return s ? `${path}?${s}` : path;
}

/**
 * Send a request as the client (its cookie and CSRF token) or as nobody. Unlike the test
 * harness's Client, keeps the raw bytes: exports are CSV, XLSX, DOCX or PDF.
 */
export async function send(baseUrl: string, client: Client | null, out: Outgoing): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (client?.cookie) headers.cookie = client.cookie;
  if (client?.csrf && out.method !== 'GET') headers['x-csrf-token'] = client.csrf;
  let body: BodyInit | undefined;
  if (out.form) body = out.form();
  else if (out.raw) {
    headers['content-type'] = out.raw.contentType;
    body = out.raw.body;
  } else if (out.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(out.json);
  }
  const res = await fetch(`${baseUrl}${urlOf(out.path, out.query)}`, { method: out.method, headers, body });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8').decode(bytes);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, bytes, readable: isZip(bytes) ? `${text}\n${zipText(bytes)}` : text };
}

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * The text of every entry of a zip file (stored or deflated), read from its central directory.
 * XLSX and DOCX are zip files of XML; a name hidden in one is as much a leak as in JSON.
 */
export function zipText(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '';
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const parts: string[] = [];
  for (let n = 0; n < entries && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const localName = view.getUint16(local + 26, true);
    const localExtra = view.getUint16(local + 28, true);
    const start = local + 30 + localName + localExtra;
    const data = bytes.subarray(start, start + compressed);
    try {
      const raw = method === 8 ? inflateRawSync(data) : method === 0 ? Buffer.from(data) : null;
      if (raw) parts.push(raw.toString('utf8'));
    } catch {
      /* an entry that does not inflate has no text to read */
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts.join('\n');
}
