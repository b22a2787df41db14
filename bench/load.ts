import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; errors: number };

/**
 * `connections` readers asking for `url` for `seconds`, from autocannon in a process of its own,
 * as real readers are: not inside the server. As a worker thread of the server's own process it
 * shared that process (its garbage collector's helper threads among others) with the server it
 * measured.
 */
export function loadFromOwnProcess(url: string, connections: number, seconds: number): Promise<LoadResult> {
  const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, '--connections', String(connections), '--duration', String(seconds), '--json', url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(0, 500)}`));
      const r = JSON.parse(out) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number; timeouts: number };
      resolve({ requestsPerSecond: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx + r.timeouts });
    });
  });
}
