/**
 * The registry list and the gap pages that are not kept between requests, under load (issue 7,
 * "The registry list under load"): 50 connections with autocannon, p99 of each, beside a bare
 * Fastify route that sends the very same JSON in the same run — what the machine can do at all.
 *
 * The database holds the demonstration (Pazardzhik province, Khmilnyk hromada with its survey)
 * and a SYNTHETIC country of 100,000 service sites (bench/synthetic-country.ts, stored as PL).
 * Measured, as an administrator:
 *   - the registry of Pazardzhik (29 demo sites), as the issue found it;
 *   - the synthetic registry filtered by region, by service type, by text, and a page deep into a region;
 *   - the gap dashboard by the survey method (Khmilnyk), `/gaps/explain` and `/gaps/map` (Pazardzhik);
 *   - the plan-health page of the demonstration's planning round (its checks and budget).
 * Target: p99 < 50 ms for the registry list and the plan-health page on both engines.
 *
 *   node --max-semi-space-size=64 --import tsx bench/registry-load.ts [--quick]
 *
 * runs it alone, on PGlite and on PostgreSQL (DATABASE_URL, or a throwaway server);
 * `npm run bench` runs it as part of the whole set. `--quick`: a tenth of the sites, 3 s a path.
 */
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { migrate, openDatabase, rows, type Database } from '../packages/server/src/db/database';
import { buildApp } from '../packages/server/src/http/app';
import { importFile } from '../packages/server/src/imports/import-file';
import { createUser } from '../packages/server/src/accounts/users';
import { SEED_ACTOR, SEED_AUTHOR, seedDemo } from '../packages/server/src/seed/seed-demo';
import { KHMILNYK } from '../packages/server/src/seed/demo-khmilnyk';
import { sql } from 'drizzle-orm';
import { region, servicesCsv, territoriesCsv } from './synthetic-country';
import { postgresDatabases, postgresServer, type ScratchDatabase } from './databases';

export type RegistryLoadOptions = {
  quick?: boolean;
  report?: (line: string) => void;
  /** Only the paths whose name holds this text (a single path measured again after a change). */
  only?: string;
};

export type PathResult = {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  bareP99: number;
  bareRequestsPerSecond: number;
  bytes: number;
  /** The first request of the path, when nothing of it is kept yet (ms). */
  firstMs: number;
  /** The 1-minute load average of the machine at the end of the path's run. */
  loadAverage: number;
};

/** A path whose text changes with every request (`{n}` is replaced by a counter): nothing of it is kept between requests. */
type BenchPath = { name: string; path: string; varying?: boolean };

const CONNECTIONS = 50;
/** The target the issue sets for the registry list. */
export const REGISTRY_P99_TARGET_MS = 50;

async function idOf(database: Database, code: string): Promise<number> {
  const [row] = await rows<{ id: number }>(database.db, sql`select id from territory where code = ${code}`);
  if (!row) throw new Error(`bench: no territory ${code}`);
  return Number(row.id);
}

/** The demonstration and a synthetic country of `sites` service sites, loaded through the imports a user runs. */
export async function loadRegistryCountry(database: Database, sites: number): Promise<void> {
  await seedDemo(database);
  const request = { actor: SEED_ACTOR, author: SEED_AUTHOR, language: 'en' as const, country: 'PL' as const };
  await importFile(database, { ...request, kind: 'territories', fileName: 'synthetic-territories.csv', bytes: Buffer.from(territoriesCsv()) });
  const types = await rows<{ key: string }>(database.db, sql`select key from service_type where country = 'PL' order by key`);
  const result = await importFile(database, { ...request, kind: 'services', fileName: 'synthetic-services.csv', bytes: Buffer.from(servicesCsv(types.map((t) => t.key), sites)) });
  // An import that stored nothing would measure nothing.
  const [stored] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from service_site where country = 'PL'`);
  if (Number(stored?.n ?? 0) !== sites) throw new Error(`bench: ${stored?.n ?? 0} of ${sites} synthetic sites imported: ${JSON.stringify(result).slice(0, 500)}`);
}

/**
 * 50 connections for `seconds`. The requests are made from a worker thread of autocannon's: made
 * on the server's own thread, they took half of its time (a profile showed it), which no real
 * client does; on two cores the server keeps one. The bare route is measured the same way.
 */
async function load(url: string, cookie: string | null, seconds: number, varying = false) {
  const target = new URL(url);
  // The worker cannot be handed a function: a file that reads the path from the environment.
  if (varying) process.env.BENCH_VARY_PATH = (target.pathname + target.search).replace('%7Bn%7D', '{n}');
  const requests = varying ? [{ setupRequest: fileURLToPath(new URL('./vary-path.cjs', import.meta.url)) }] : undefined;
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, workers: 1, headers: cookie ? { cookie } : {}, ...(requests ? { requests: requests as never } : {}) });
  return { requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

/** Measure every path of the real app, then the same bodies from a bare Fastify route. */
export async function registryLoadBench(label: string, open: () => Promise<ScratchDatabase>, options: RegistryLoadOptions = {}): Promise<PathResult[]> {
  const quick = options.quick ?? false;
  const report = options.report ?? ((line: string) => console.log(line));
  const seconds = quick ? 3 : 10;
  const sites = quick ? 10_000 : 100_000;
  const database = await open();
  await migrate(database);
  await loadRegistryCountry(database, sites);
  await createUser(database.db, SEED_AUTHOR, { login: 'bench', name: 'Bench', role: 'admin', territoryId: null, organisation: null, language: 'en' }, { password: 'bench-password-1', mustChangePassword: false });
  const app = await buildApp({ database, webDist: null, signInLimit: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: 'bench-password-1' }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const paz = await idOf(database, 'PAZ');
  const khmilnyk = await idOf(database, KHMILNYK);
  const syntheticRegion = await idOf(database, region(3));
  const [someType] = await rows<{ key: string }>(database.db, sql`select service_type as key from service_site where country = 'PL' group by service_type order by service_type limit 1`);
  const [pazType] = await rows<{ key: string }>(database.db, sql`select service_type as key from service_site where country = 'BG' group by service_type order by service_type limit 1`);
  const [round] = await rows<{ id: number }>(database.db, sql`select id from planning_round order by id limit 1`);
  // A page four fifths into the region's list: what paging deep costs.
  const deepPage = Math.max(1, Math.floor((sites / 16) * 0.8 / 50));
  const paths: BenchPath[] = [
    { name: 'registry of Pazardzhik (29 demo sites)', path: `/api/v1/service-sites?territoryId=${paz}` },
    { name: `registry, synthetic region (${Math.round(sites / 16).toLocaleString('en')} sites)`, path: `/api/v1/service-sites?territoryId=${syntheticRegion}` },
    { name: 'registry, by service type (whole country)', path: `/api/v1/service-sites?serviceType=${encodeURIComponent(someType!.key)}` },
    { name: 'registry, by text (whole country)', path: `/api/v1/service-sites?q=${encodeURIComponent('site 4711')}` },
    { name: `registry, region, page ${deepPage} of 50 sites`, path: `/api/v1/service-sites?territoryId=${syntheticRegion}&page=${deepPage}&pageSize=50` },
    { name: 'registry, region + type + text, page 2', path: `/api/v1/service-sites?territoryId=${syntheticRegion}&serviceType=${encodeURIComponent(someType!.key)}&q=${encodeURIComponent('site 1')}&page=2&pageSize=20` },
    // Every request a text not asked before: the whole country is searched each time.
    { name: 'registry, a new text each request (whole country)', path: `/api/v1/service-sites?q=${encodeURIComponent('site {n}')}`, varying: true },
    { name: 'gap dashboard, method=survey (Khmilnyk)', path: `/api/v1/gaps?territoryId=${khmilnyk}&method=survey` },
    { name: '/gaps/explain (Pazardzhik)', path: `/api/v1/gaps/explain?territoryId=${paz}&method=normative&serviceType=${encodeURIComponent(pazType!.key)}` },
    { name: '/gaps/map (Pazardzhik)', path: `/api/v1/gaps/map?territoryId=${paz}&method=normative` },
    // Issue 8: the plan-health page of a region (the demonstration round: 12 municipalities), its checks and budget.
    { name: 'plan health: checks of the Pazardzhik round', path: `/api/v1/planning/rounds/${round!.id}/checks?lang=bg` },
    { name: 'plan health: budget of the Pazardzhik round', path: `/api/v1/planning/rounds/${round!.id}/budget` },
  ];

  // The bodies as the app sends them, for the bare route to send as they are: bytes ready in
  // memory, the fastest a route can answer.
  const bodies: Buffer[] = [];
  const firstMs: number[] = [];
  for (const p of paths) {
    const started = performance.now();
    const response = await fetch(base + p.path.replace('%7Bn%7D', 'first'), { headers: { cookie } });
    firstMs.push(performance.now() - started);
    const body = await response.text();
    if (!response.ok) throw new Error(`bench: ${p.path} answered ${response.status}: ${body.slice(0, 300)}`);
    bodies.push(Buffer.from(body));
  }
  const bare = Fastify({ logger: false });
  bare.get('/bare/:n', async (request, reply) => reply.type('application/json; charset=utf-8').send(bodies[Number((request.params as { n: string }).n)]));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const results: PathResult[] = [];
  for (const [i, p] of paths.entries()) {
    if (options.only && !p.name.includes(options.only)) continue;
    const ours = await load(base + p.path, cookie, seconds, p.varying);
    const plain = await load(`${bareBase}/bare/${i}`, null, seconds);
    const result = { ...p, ...ours, bareP99: plain.p99, bareRequestsPerSecond: plain.requestsPerSecond, bytes: bodies[i]!.length, firstMs: firstMs[i]!, loadAverage: loadavg()[0]! };
    results.push(result);
    // The targets: the registry list (issue 7) and the plan-health page (issue 8).
    const registry = p.path.startsWith('/api/v1/service-sites') || p.path.startsWith('/api/v1/planning/');
    report(
      `${label}: ${p.name}, ${CONNECTIONS} connections, ${seconds} s: ${Math.round(result.requestsPerSecond).toLocaleString('en')} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms${registry ? (result.requestsPerSecond > 0 && result.p99 < REGISTRY_P99_TARGET_MS ? ' (target < 50 ms: met)' : ' (target < 50 ms: NOT met)') : ''}, errors ${result.errors}, first request ${Math.round(result.firstMs)} ms; bare route, same ${result.bytes.toLocaleString('en')}-byte JSON: ${Math.round(result.bareRequestsPerSecond).toLocaleString('en')} req/s, p99 ${result.bareP99} ms; load average ${result.loadAverage.toFixed(2)}`,
    );
  }
  await bare.close();
  await app.close();
  await database.drop?.();
  await database.close().catch(() => {});
  return results;
}

// Run alone: `node --import tsx bench/registry-load.ts [--quick] [--pglite-only|--postgres-only] [--only=TEXT]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!process.argv.includes('--postgres-only')) await registryLoadBench('PGlite', () => openDatabase({ dataDir: null }), { quick, only });
  if (!process.argv.includes('--pglite-only')) {
    const pg = await postgresServer();
    if (pg) {
      await registryLoadBench('PostgreSQL', postgresDatabases(pg.url, 'registry'), { quick, only });
      pg.stop();
    } else console.log('PostgreSQL: not available on this machine');
  }
}
