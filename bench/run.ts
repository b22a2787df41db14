/**
 * `npm run bench`: the figures the working core promises, measured on this machine.
 *
 * 1. Import of 100,000 service-site rows and 1,000,000 population rows through potreby's
 *    all-or-nothing import, against a plain COPY of the same file into the same engine.
 * 2. Full gap recomputation for a synthetic country of 2,500 municipalities × 60 service types.
 * 2b. All plan checks for that country with 10 proposal items per municipality, and a scenario change for a region of 12 (bench/plan-checks.ts).
 * 3. GET of a gap dashboard under 50 concurrent connections (autocannon): requests/s and p99.
 * 3b. 100,000 answers posted to a public questionnaire link by 200 clients, then counted: responses/s, lost = 0, duplicated = 0 (bench/survey-collect.ts).
 * 3c. Bulk import of 1,000,000 questionnaire responses (a Kobo-style CSV) against a plain COPY of the same file (bench/survey-import.ts).
 * 3d. The registry list of 100,000 sites (by region, type, text, paged) and the uncached gap pages at 50 connections, p99 beside a bare Fastify route (bench/registry-load.ts).
 * 3e. A region's public page, a consultation's page and their JSON at 200 connections, p99 beside a bare Fastify route, and the bytes of a first load (bench/public-page.ts).
 * 4. Export of 1,000,000 questionnaire responses to CSV and XLSX as a background job (bench/survey-export.ts).
 * 5. Page weight and time until ready under Slow 4G, compressed and not: the public questionnaire, the sign-in page, the gap dashboard (bench/page-load.ts).
 *
 * Runs on PGlite, and on PostgreSQL too: a throwaway server (scripts/system.js) unless
 * DATABASE_URL is given. `--quick` uses a tenth of the rows, for trying the script out.
 */
import { performance } from 'node:perf_hooks';
import { buildGapModel, computeGaps, TerritoryTree, type TNorm, type TPopulationRow, type TTerritory } from '@potreby/domain';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { copyInto, migrate, openDatabase, type Database } from '../packages/server/src/db/database';
import { buildApp } from '../packages/server/src/http/app';
import { importFile } from '../packages/server/src/imports/import-file';
import { createUser } from '../packages/server/src/accounts/users';
import { SEED_ACTOR, SEED_AUTHOR, seedDemo } from '../packages/server/src/seed/seed-demo';
import { seedCatalogue } from '../packages/server/src/seed/seed-catalogue';
import { MUNICIPALITIES, populationCsv, random, REGIONS, servicesCsv, territoriesCsv } from './synthetic-country';
import { postgresDatabases, postgresServer, type ScratchDatabase } from './databases';
import { surveyCollectBench } from './survey-collect';
import { surveyImportBench } from './survey-import';
import { surveyExportBenchmarks } from './survey-export';
import { registryLoadBench } from './registry-load';
import { pageLoadBench } from './page-load';
import { planChecksBench } from './plan-checks';
import { publicPageBench } from './public-page';

const quick = process.argv.includes('--quick');
const scale = quick ? 0.1 : 1;
const results: string[] = [];
const report = (line: string) => {
  results.push(line);
  console.log(line);
};

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Plain COPY of the file as it is, into a table of text columns shaped like the file. */
async function plainCopy(database: Database, table: string, csv: string): Promise<number> {
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  await database.db.execute(sql.raw(`drop table if exists ${table}`));
  await database.db.execute(sql.raw(`create table ${table} (${header.map((h) => `"${h}" text`).join(', ')})`));
  const body = csv.slice(csv.indexOf('\n') + 1);
  const { ms } = await timed(() => database.db.transaction((tx) => copyInto(tx, database.engine, table, header.map((h) => `"${h}"`), [body])));
  await database.db.execute(sql.raw(`drop table ${table}`));
  return ms;
}

async function importBench(database: Database, label: string) {
  await seedCatalogue(database.db);
  const request = { actor: SEED_ACTOR, author: SEED_AUTHOR, language: 'en' as const, country: 'PL' as const };
  await importFile(database, { ...request, kind: 'territories', fileName: 'synthetic-territories.csv', bytes: Buffer.from(territoriesCsv()) });

  const population = populationCsv(Math.max(1, Math.round(10 * scale)));
  const populationRows = population.split('\n').length - 2;
  const copyPopulation = await plainCopy(database, 'bench_population', population);
  const ours = await timed(() => importFile(database, { ...request, kind: 'population', fileName: 'synthetic-population.csv', bytes: Buffer.from(population) }));
  report(
    `${label}: import ${populationRows.toLocaleString('en')} population rows: ${(ours.ms / 1000).toFixed(2)} s = ${Math.round((populationRows / ours.ms) * 1000).toLocaleString('en')} rows/s; plain COPY ${(copyPopulation / 1000).toFixed(2)} s; import ÷ COPY speed = ${Math.round((copyPopulation / ours.ms) * 100)} %`,
  );

  const types = (await database.db.execute(sql`select key from service_type where country = 'PL'`)) as unknown as { rows: { key: string }[] };
  const services = servicesCsv(types.rows.map((r) => r.key), Math.round(100_000 * scale));
  const serviceRows = services.split('\n').length - 2;
  const copyServices = await plainCopy(database, 'bench_services', services);
  const oursServices = await timed(() => importFile(database, { ...request, kind: 'services', fileName: 'synthetic-services.csv', bytes: Buffer.from(services) }));
  report(
    `${label}: import ${serviceRows.toLocaleString('en')} service-site rows: ${(oursServices.ms / 1000).toFixed(2)} s = ${Math.round((serviceRows / oursServices.ms) * 1000).toLocaleString('en')} rows/s; plain COPY ${(copyServices / 1000).toFixed(2)} s; import ÷ COPY speed = ${Math.round((copyServices / oursServices.ms) * 100)} %`,
  );
}

/** The needs model of a synthetic country, built in memory: 2,500 municipalities × 60 service types. */
function recomputeBench() {
  const rnd = random(3);
  const territories: TTerritory[] = [{ id: 1, country: 'PL', code: 'PL', name: 'Synthetic', nameEn: null, level: 'country', parentId: null, lat: null, lon: null }];
  for (let r = 0; r < REGIONS; r++) territories.push({ id: 10 + r, country: 'PL', code: `R${r}`, name: `R${r}`, nameEn: null, level: 'region', parentId: 1, lat: null, lon: null });
  const population: TPopulationRow[] = [];
  for (let m = 0; m < MUNICIPALITIES; m++) {
    const id = 1000 + m;
    territories.push({ id, country: 'PL', code: `M${m}`, name: `M${m}`, nameEn: null, level: 'municipality', parentId: 10 + (m % REGIONS), lat: null, lon: null });
    for (const sex of ['F', 'M'] as const) {
      for (let b = 0; b < 20; b++) population.push({ territoryId: id, year: 2024, sex, ageFrom: b * 5, ageTo: b === 19 ? null : b * 5 + 4, count: Math.floor(100 + rnd() * 1000) });
    }
  }
  const serviceTypes = Array.from({ length: 60 }, (_, i) => ({ key: `pl.synthetic_${i}`, country: 'PL' as const }));
  const norms: TNorm[] = serviceTypes.map((t, i) => ({
    id: i + 1,
    serviceType: t.key,
    territoryId: 1,
    target: { kind: 'population', sex: 'T', age: { from: (i % 8) * 10, to: i % 3 === 0 ? null : (i % 8) * 10 + 17 } },
    ratePer1000: 1 + (i % 10),
    source: null,
    illustrative: true,
  }));
  // Regional overrides for a third of the types, as regions do.
  for (let i = 0; i < 20; i++) norms.push({ ...norms[i]!, id: 100 + i, territoryId: 10 + (i % REGIONS), ratePer1000: 2 + i });
  const sites = Array.from({ length: MUNICIPALITIES * 10 }, (_, i) => {
    const m = i % MUNICIPALITIES;
    return {
      id: i + 1,
      serviceType: serviceTypes[i % 60]!.key,
      settlementId: 1000 + m,
      servesIds: i % 5 === 0 ? [1000 + m, 1000 + ((m + 1) % MUNICIPALITIES), 1000 + ((m + 2) % MUNICIPALITIES)] : [],
      capacity: 5 + (i % 40),
      users: i % 30,
      waitingList: i % 7,
      staffPositions: 3,
      staffVacancies: 1,
    };
  });
  const runs: number[] = [];
  let cells = 0;
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const model = buildGapModel({ tree: new TerritoryTree(territories), norms, population, indicators: [], serviceTypes });
    const table = computeGaps(model, 2025, sites);
    runs.push(performance.now() - start);
    cells = [...table.cells.values()].reduce((n, byType) => n + byType.size, 0);
  }
  runs.sort((a, b) => a - b);
  report(
    `full gap recomputation, ${MUNICIPALITIES.toLocaleString('en')} municipalities × 60 service types (${cells.toLocaleString('en')} cells, ${sites.length.toLocaleString('en')} sites, ${population.length.toLocaleString('en')} population rows): median ${runs[2]!.toFixed(0)} ms (min ${runs[0]!.toFixed(0)}, max ${runs[4]!.toFixed(0)}) over 5 runs`,
  );
}

async function httpBench(database: Database, label: string) {
  await seedDemo(database);
  await createUser(database.db, SEED_AUTHOR, { login: 'bench', name: 'Bench', role: 'admin', territoryId: null, organisation: null, language: 'en' }, { password: 'bench-password-1', mustChangePassword: false });
  const app = await buildApp({ database, webDist: null, signInLimit: 1_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: 'bench-password-1' }) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const paz = ((await (await fetch(`${base}/api/v1/territories?q=PAZ&level=region`, { headers: { cookie } })).json()) as { items: { id: number }[] }).items[0]!.id;
  const url = `${base}/api/v1/gaps?territoryId=${paz}&method=normative`;
  await fetch(url, { headers: { cookie } }); // first request loads the model, as after any change
  // Twice: as a script asks (no compression) and as a browser asks (Brotli), whose cost is per answer.
  for (const [asks, headers] of [
    ['uncompressed', { cookie }],
    ['Brotli, as a browser asks', { cookie, 'accept-encoding': 'br, gzip' }],
  ] as const) {
    const result = await autocannon({ url, connections: 50, duration: quick ? 3 : 10, headers });
    report(
      `${label}: GET gap dashboard of Pazardzhik province (${asks}), 50 connections, ${quick ? 3 : 10} s: ${Math.round(result.requests.average).toLocaleString('en')} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
    );
  }
  await app.close();
}

async function onEngine(label: string, open: () => Promise<ScratchDatabase>) {
  const forImports = await open();
  await migrate(forImports);
  await importBench(forImports, label);
  await forImports.drop?.();
  await forImports.close().catch(() => {});
  const forHttp = await open();
  await migrate(forHttp);
  await httpBench(forHttp, label);
  await forHttp.drop?.();
  await forHttp.close().catch(() => {});
  await surveyCollectBench(label, open, { quick, report });
  await surveyImportBench(label, open, { quick, report });
  await registryLoadBench(label, open, { quick, report });
  await publicPageBench(label, open, { quick, report });
}

async function main() {
  console.log(`potreby benchmarks${quick ? ' (quick: a tenth of the rows)' : ''} — ${new Date().toISOString()}`);
  recomputeBench();
  planChecksBench(report);
  if (process.argv.includes('--recompute-only')) return;
  await onEngine('PGlite', () => openDatabase({ dataDir: null }));
  await pageLoadBench(report);
  const pg = await postgresServer();
  await surveyExportBenchmarks({ responses: Math.round(1_000_000 * scale), report, postgresUrl: pg?.url ?? null });
  if (pg) {
    await onEngine('PostgreSQL', postgresDatabases(pg.url, 'planning'));
    pg.stop();
  } else {
    report('PostgreSQL: not available on this machine (no server, and apt-get could not install one)');
  }
  console.log('\nSummary\n' + results.map((r) => `  ${r}`).join('\n'));
}

await main();
