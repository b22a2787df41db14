/**
 * A region's public page under load (issue 9, "How it is checked"): 200 connections with
 * autocannon on the public information page of Pazardzhik province (`/public/BG/PAZ`), the demo
 * consultation's page (`/consultations/ID`) and the JSON listing of the API, each beside a bare
 * Fastify route that sends the very same bytes in the same run — what the machine can do at all.
 * Also the bytes a phone downloads on a first load of each page (as a browser asks: Brotli),
 * everything the page needs (the consultation page's one script). Targets: p99 < 50 ms, and at
 * most 150 KB compressed on a first load.
 *
 *   node --max-semi-space-size=64 --import tsx bench/public-page.ts [--quick]
 *
 * runs it alone on PGlite and PostgreSQL; `npm run bench` runs it with the rest.
 */
import { request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, rows } from '../packages/server/src/db/database';
import { buildApp } from '../packages/server/src/http/app';
import { seedDemo } from '../packages/server/src/seed/seed-demo';
import { SETTLE_MS } from '../packages/server/src/consultation/public-cache';
import { postgresDatabases, postgresServer, type ScratchDatabase } from './databases';
import { loadFromOwnProcess } from './load';

const CONNECTIONS = 200;
export const PUBLIC_P99_TARGET_MS = 50;
export const FIRST_LOAD_TARGET_BYTES = 150 * 1024;

/** The bytes on the wire of one answer, as a browser asks (Brotli or gzip), and its type. */
function wireBytes(url: string): Promise<{ bytes: number; type: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, type: String(res.headers['content-type'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const load = (url: string, seconds: number) => loadFromOwnProcess(url, CONNECTIONS, seconds);

export async function publicPageBench(label: string, open: () => Promise<ScratchDatabase>, options: { quick?: boolean; report?: (line: string) => void } = {}) {
  const seconds = options.quick ? 3 : 10;
  const report = options.report ?? ((line: string) => console.log(line));
  const database = await open();
  await migrate(database);
  await seedDemo(database);
  const [consultation] = await rows<{ id: number }>(database.db, sql`select id from consultation order by id limit 1`);
  if (!consultation) throw new Error('bench: the demo has no consultation');
  const app = await buildApp({ database, webDist: null, signInLimit: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const paths = [
    { name: "the region's public page (/public/BG/PAZ)", path: '/public/BG/PAZ', assets: [] as string[] },
    { name: 'the demo consultation’s page', path: `/consultations/${consultation.id}`, assets: ['/consultations/consultation.js'] },
    { name: "the region's consultations, JSON API", path: '/api/v1/public/territories/BG/PAZ/consultations', assets: [] },
  ];
  const bodies: { body: Buffer; type: string }[] = [];
  for (const p of paths) {
    const res = await fetch(base + p.path);
    if (!res.ok) throw new Error(`bench: ${p.path} answered ${res.status}`);
    bodies.push({ body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? 'text/html' });
  }
  const bare = Fastify({ logger: false });
  bare.get('/bare/:n', async (request, reply) => {
    const b = bodies[Number((request.params as { n: string }).n)]!;
    return reply.type(b.type).send(b.body);
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
  // The seed's last change was moments ago: until SETTLE_MS after a change, every reading of a
  // public page is taken afresh (public-cache.ts), which is not what a page a day old costs.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 500));
  for (const [i, p] of paths.entries()) {
    const first = [await wireBytes(base + p.path), ...(await Promise.all(p.assets.map((a) => wireBytes(base + a))))].reduce((sum, x) => sum + x.bytes, 0);
    // One second of the same load first, not counted, for each: the first thousands of requests of
    // a fresh process are compiled as they run, which the first path measured would pay alone.
    await load(base + p.path, 1);
    const ours = await load(base + p.path, seconds);
    await load(`${bareBase}/bare/${i}`, 1);
    const plain = await load(`${bareBase}/bare/${i}`, seconds);
    const met = ours.requestsPerSecond > 0 && ours.p99 < PUBLIC_P99_TARGET_MS && ours.errors === 0;
    report(
      `${label}: ${p.name}, ${CONNECTIONS} connections, ${seconds} s: ${Math.round(ours.requestsPerSecond).toLocaleString('en')} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms (target < ${PUBLIC_P99_TARGET_MS} ms: ${met ? 'met' : 'NOT met'}), errors ${ours.errors}; bare route, same ${bodies[i]!.body.length.toLocaleString('en')} bytes: ${Math.round(plain.requestsPerSecond).toLocaleString('en')} req/s, p99 ${plain.p99} ms; first load ${(first / 1024).toFixed(1)} KB compressed (target ≤ 150 KB: ${first <= FIRST_LOAD_TARGET_BYTES ? 'met' : 'NOT met'}); load average ${loadavg()[0]!.toFixed(2)}`,
    );
  }
  await bare.close();
  await app.close();
  await database.drop?.();
  await database.close().catch(() => {});
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  if (!process.argv.includes('--postgres-only')) await publicPageBench('PGlite', () => openDatabase({ dataDir: null }), { quick });
  if (!process.argv.includes('--pglite-only')) {
    const pg = await postgresServer();
    if (pg) {
      await publicPageBench('PostgreSQL', postgresDatabases(pg.url, 'public'), { quick });
      pg.stop();
    } else console.log('PostgreSQL: not available on this machine');
  }
}
