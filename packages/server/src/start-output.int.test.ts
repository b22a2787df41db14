import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, rows } from './db/database';

const START = resolve(fileURLToPath(import.meta.url), '../../bin/start.js');

// A built UI of its own, newer than the sources: the start does not build one. On a fresh clone
// the first run of this file would otherwise build the real UI in the middle of the output it
// checks (a test that passed wherever packages/web/dist existed, and failed in CI).
const webDist = mkdtempSync(join(tmpdir(), 'potreby-start-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>potreby</title>');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
    srv.on('error', reject);
  });
}

/**
 * `npm start` as an administrator runs it (the real process, on a new PGlite data folder): starts,
 * answers a few requests, and is stopped; returns everything it printed.
 */
async function startAndUse(dataDir: string, env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [START], {
    env: { ...process.env, PORT: String(port), POTREBY_DATA_DIR: dataDir, POTREBY_WEB_DIST: webDist, DATABASE_URL: '', POTREBY_ADMIN_PASSWORD: '', LOG_LEVEL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((r) => child.once('exit', r));
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
      const up = await fetch(`${url}/api/v1/health`).then((r) => r.ok, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // A page, a failed sign-in, an unknown route and a public link (whose token is never logged).
    await fetch(`${url}/`);
    await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: 'not the password at all' }) });
    await fetch(`${url}/api/v1/no-such-thing`);
    await fetch(`${url}/api/v1/public/forms/secret-token-123`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return output;
}

describe('the console of `npm start` (pglite, POTREBY_DEMO=off)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'potreby-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says no demo was loaded and how to import, has the catalogue, prints no line per request, and ends with the one-time password', async () => {
    const output = await startAndUse(dataDir, { POTREBY_DEMO: 'off' });
    const lines = output.trimEnd().split('\n');
    expect(output).toContain('POTREBY_DEMO=off: no demonstration data was loaded.');
    expect(output).toContain('npx potreby import territories|population|services FILE --country BG');
    expect(output).not.toMatch(/incoming request|request completed|not found|"reqId"/);
    expect(output).not.toContain('secret-token-123');
    // The password is the very last thing on the console, with the way to get a new one.
    expect(lines.at(-1)).toMatch(/^Administrator account created\. .*`npx potreby user reset-password admin` gives a new one\. Sign in as “admin” with the one-time password: [a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);
    expect(lines.length).toBeLessThanOrEqual(6);

    const database = await openDatabase({ dataDir });
    try {
      expect(await rows(database.db, sql`select country, count(*)::int as n from service_type group by country order by country`)).toEqual([
        { country: 'BG', n: 16 },
        { country: 'PL', n: 17 },
        { country: 'UA', n: 20 },
      ]);
    } finally {
      await database.close();
    }
  });

  it('shows each request at LOG_LEVEL=debug, public link tokens redacted', async () => {
    const output = await startAndUse(dataDir, { POTREBY_DEMO: 'off', LOG_LEVEL: 'debug' });
    expect(output).toMatch(/"msg":"incoming request"/);
    expect(output).toMatch(/"msg":"request completed"/);
    expect(output).toContain('/api/v1/public/forms/[token]');
    expect(output).not.toContain('secret-token-123');
    // Not the first start: no new password.
    expect(output).not.toContain('one-time password');
  });
});
