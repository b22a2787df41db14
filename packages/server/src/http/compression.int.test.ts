import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createUser } from '../accounts/users';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import type { Database } from '../db/database';
import { TEST_PASSWORD } from '../testing/test-app';
import { ENGINE, freshDatabase } from '../testing/test-database';
import { buildApp, type App } from './app';

type TRaw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A GET as it goes over the wire: node:http does not decode, so the test sees the bytes sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<TRaw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const decoded = (res: TRaw) => (res.headers['content-encoding'] === 'br' ? brotliDecompressSync(res.body) : res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body);

/**
 * Issue 7, phones and slow connections: nothing was compressed even when the browser asked
 * (the public questionnaire downloaded 3.4 MB), and the built files were fetched again on every
 * visit. Every text answer is compressed when asked and only then; the UI's files go out as the
 * build compressed them; hashed files are kept for a year, the page itself is always revalidated.
 */
describe(`compression and caching of answers (${ENGINE})`, () => {
  let database: Database & { drop(): Promise<void> };
  let app: App;
  let url: string;
  let webDist: string;
  let formPath: string;
  let cookie: string;
  // A built UI as Vite writes it: a page, hashed files in assets/ with .br and .gz beside the
  // bundle (vite.config.ts's precompress), a hashed file without them, and the service worker.
  const script = `export const greeting = ${JSON.stringify('добър ден '.repeat(400))};\n`;
  const style = `.question { color: #123456; }\n`.repeat(100);
  const page = `<!doctype html><html><head><title>potreby</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`;

  beforeAll(async () => {
    database = await freshDatabase(inject('pgliteDump'));
    webDist = mkdtempSync(join(tmpdir(), 'potreby-web-compression-'));
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(join(webDist, 'index.html'), page);
    writeFileSync(join(webDist, 'index.html.br'), brotliCompressSync(page));
    writeFileSync(join(webDist, 'index.html.gz'), gzipSync(page));
    writeFileSync(join(webDist, 'assets/index-Ab12Cd34.js'), script);
    writeFileSync(join(webDist, 'assets/index-Ab12Cd34.js.br'), brotliCompressSync(script));
    writeFileSync(join(webDist, 'assets/index-Ab12Cd34.js.gz'), gzipSync(script));
    writeFileSync(join(webDist, 'assets/survey-model-Zz_9-Yx8.css'), style);
    writeFileSync(join(webDist, 'public-form-sw.js'), `// service worker\n${'self;\n'.repeat(300)}`);

    app = await buildApp({ database, webDist, signInLimit: 1000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    const links = (await database.db.execute(sql`select token from collection_link where active order by id limit 1`)) as unknown as { rows: { token: string }[] };
    formPath = `/api/v1/public/forms/${links.rows[0]!.token}`;
    const login = `compression-${Date.now()}@test.example`;
    await createUser(database.db, SYSTEM_AUTHOR, { login, name: 'Compression', role: 'admin', territoryId: null, organisation: null, language: 'en' }, { password: TEST_PASSWORD, mustChangePassword: false });
    const signIn = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: TEST_PASSWORD }) });
    cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('the API', () => {
    it('compresses the public questionnaire with Brotli or gzip as the browser asks, and not when it does not ask', async () => {
      const plain = await get(`${url}${formPath}`);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      // Each answer carries a fresh form token dated to the second; the rest must be the same.
      const withoutToken = (body: Buffer) => ({ ...(JSON.parse(body.toString('utf8')) as object), formToken: 'fresh' });
      const form = withoutToken(plain.body);
      expect(plain.body.length).toBeGreaterThan(1024);

      for (const [asked, sent] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br, zstd', 'br'],
      ] as const) {
        const res = await get(`${url}${formPath}`, { 'accept-encoding': asked });
        expect([res.status, res.headers['content-encoding']], asked).toEqual([200, sent]);
        expect(res.headers.vary).toMatch(/accept-encoding/i);
        expect(res.body.length, asked).toBeLessThan(plain.body.length / 2);
        expect(withoutToken(decoded(res))).toEqual(form);
      }
      // "identity" only: as it is.
      expect((await get(`${url}${formPath}`, { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    });

    it('compresses a signed-in answer and the OpenAPI document too', async () => {
      const paz = (await database.db.execute(sql`select id from territory where code = 'PAZ'`)) as unknown as { rows: { id: number }[] };
      const gaps = await get(`${url}/api/v1/gaps?territoryId=${paz.rows[0]!.id}&method=normative`, { cookie, 'accept-encoding': 'br' });
      expect([gaps.status, gaps.headers['content-encoding']]).toEqual([200, 'br']);
      expect(JSON.parse(decoded(gaps).toString('utf8'))).toHaveProperty('rows');
      const openapi = await get(`${url}/api/openapi.json`, { 'accept-encoding': 'gzip' });
      expect([openapi.status, openapi.headers['content-encoding']]).toEqual([200, 'gzip']);
      expect(JSON.parse(decoded(openapi).toString('utf8'))).toHaveProperty('openapi');
    });

    it('sends a download (an export) as it is, with its size, even when compression is accepted', async () => {
      const paz = (await database.db.execute(sql`select id from territory where code = 'PAZ'`)) as unknown as { rows: { id: number }[] };
      const path = `/api/v1/exports/services/csv?territoryId=${paz.rows[0]!.id}&lang=bg`;
      const plain = await get(`${url}${path}`, { cookie });
      const asked = await get(`${url}${path}`, { cookie, 'accept-encoding': 'br, gzip' });
      expect([asked.status, asked.headers['content-encoding']]).toEqual([200, undefined]);
      expect(asked.headers['content-disposition']).toMatch(/^attachment/);
      expect(asked.body.length).toBeGreaterThan(1024);
      expect(asked.body.equals(plain.body)).toBe(true);
      expect(Number(asked.headers['content-length'])).toBe(asked.body.length);
    });
  });

  describe('the built UI', () => {
    it('sends a hashed script as the build compressed it, with a one-year immutable Cache-Control', async () => {
      const br = await get(`${url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip, deflate, br' });
      expect([br.status, br.headers['content-encoding']]).toEqual([200, 'br']);
      // Byte for byte the build's file: no compression work per request.
      expect(br.body.equals(brotliCompressSync(script))).toBe(true);
      expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers.vary).toMatch(/accept-encoding/i);

      const gz = await get(`${url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'gzip' });
      expect([gz.headers['content-encoding'], gunzipSync(gz.body).toString('utf8')]).toEqual(['gzip', script]);
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const plain = await get(`${url}/assets/index-Ab12Cd34.js`);
      expect([plain.status, plain.headers['content-encoding'], plain.body.toString('utf8')]).toEqual([200, undefined, script]);
      expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    });

    it('compresses a text file the build did not compress, when asked', async () => {
      const css = await get(`${url}/assets/survey-model-Zz_9-Yx8.css`, { 'accept-encoding': 'br' });
      expect([css.status, css.headers['content-encoding'], decoded(css).toString('utf8')]).toEqual([200, 'br', style]);
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await get(`${url}/assets/survey-model-Zz_9-Yx8.css`)).headers['content-encoding']).toBeUndefined();
    });

    it('revalidates the page every time, at / and at every screen’s address, compressed when asked', async () => {
      for (const path of ['/', '/index.html', '/f/some-link-token', '/gaps']) {
        const res = await get(`${url}${path}`, { 'accept-encoding': 'br, gzip' });
        expect([path, res.status, res.headers['content-encoding'], decoded(res).toString('utf8')]).toEqual([path, 200, 'br', page]);
        expect(res.headers['cache-control'], path).toBe('no-cache');
        expect(res.headers['content-type'], path).toMatch(/^text\/html/);
        const plain = await get(`${url}${path}`);
        expect([path, plain.headers['content-encoding'], plain.body.toString('utf8')]).toEqual([path, undefined, page]);
        expect(plain.headers['cache-control'], path).toBe('no-cache');
      }
      // The service worker's name does not change with its content: revalidated as well.
      const worker = await get(`${url}/public-form-sw.js`, { 'accept-encoding': 'gzip' });
      expect([worker.status, worker.headers['content-encoding'], worker.headers['cache-control']]).toEqual([200, 'gzip', 'no-cache']);
    });

    it('keeps the Content-Security-Policy on compressed files', async () => {
      const res = await get(`${url}/assets/index-Ab12Cd34.js`, { 'accept-encoding': 'br' });
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const html = await get(`${url}/`, { 'accept-encoding': 'br' });
      expect(html.headers['content-security-policy']).toMatch(/default-src 'self'/);
    });
  });
});
