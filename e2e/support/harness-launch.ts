import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';

const ROOT = resolve(import.meta.dirname, '../..');
/** Set through POTREBY_ADMIN_PASSWORD so tests need not read the one-time password from the log. */
export const ADMIN_LOGIN = 'admin';
export const ADMIN_PASSWORD = 'e2e-admin-password-1';

export type RunningApp = { url: string; dataDir: string; stop(): Promise<void>; log(): string };

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
    srv.on('error', reject);
  });
}

/** Start the app on a data directory (created, migrated and seeded on first start). */
export async function launch(dataDir: string): Promise<RunningApp> {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), POTREBY_DATA_DIR: dataDir, POTREBY_ADMIN_PASSWORD: ADMIN_PASSWORD, DATABASE_URL: '' };
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'packages/server/bin/start.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`the app did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

