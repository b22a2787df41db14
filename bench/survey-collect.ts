/**
 * Load on the public collection endpoint (issue 3, "Load"): 100,000 distinct questionnaires posted
 * by 200 concurrent clients to `POST /api/v1/public/forms/:token/responses` of the real app on a
 * real port, then counted in the database. Exactly once is the promise: lost = 0 and
 * duplicated = 0, also for the ~5 % of submissions a phone sends twice (after a lost
 * confirmation, or again while the first send is still in flight). Anything else exits non-zero.
 *
 * The questionnaire is the seeded Khmilnyk demonstration's, answered through its four public
 * links (one per respondent group). Form tokens come from the real `GET /api/v1/public/forms/:token`
 * — one per client, all fetched before the load — and the minimum time to answer (3 s) is waited
 * out once; each client then reuses its token, as the server accepts any token of its link that is
 * old enough. The per-address rate limit (30 a minute in a deployment) is raised to fit the load,
 * since every client here comes from 127.0.0.1.
 *
 *   node --max-semi-space-size=64 --import tsx bench/survey-collect.ts [--quick]
 *
 * runs it alone, on PGlite and on PostgreSQL (DATABASE_URL, or a throwaway server);
 * `npm run bench` runs it as part of the whole set.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { and, eq, like, sql } from 'drizzle-orm';
import { respondentGroup } from '../packages/server/src/assessments/tables';
import { migrate, openDatabase, rows, type Database } from '../packages/server/src/db/database';
import { buildApp } from '../packages/server/src/http/app';
import { seedCatalogue } from '../packages/server/src/seed/seed-catalogue';
import { seedUkraine } from '../packages/server/src/seed/seed-khmilnyk';
import { KHMILNYK } from '../packages/server/src/seed/demo-khmilnyk';
import { MIN_SECONDS_TO_ANSWER } from '../packages/server/src/surveys/form-token';
import { collectionLink, questionnaire } from '../packages/server/src/surveys/tables';
import { territory } from '../packages/server/src/territories/tables';
import type { ClientsInput, ClientsOutput } from './survey-collect-clients';
import { postgresDatabases, postgresServer, type ScratchDatabase } from './databases';

export type CollectOptions = {
  quick?: boolean;
  total?: number;
  clients?: number;
  report?: (line: string) => void;
};

export type CollectResult = { label: string; responsesPerSecond: number; p50: number; p99: number; lost: number; duplicated: number; failed: boolean };

const RESEND_SHARE = 0.025;
const DOUBLE_SHARE = 0.025;

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

function runClients(input: ClientsInput): Promise<ClientsOutput> {
  return new Promise((resolve, reject) => {
    // Node 20 does not carry --import tsx into workers: the worker registers tsx itself first.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./survey-collect-clients.ts', import.meta.url).href)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: input });
    worker.once('message', (out: ClientsOutput) => resolve(out));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`survey clients exited with ${code}`)));
  });
}

/**
 * The benchmark on one engine. `open` gives an empty database (dropped afterwards if it has
 * `drop`); the demo is seeded into it. Throws when a response was lost or stored twice.
 */
export async function surveyCollectBench(label: string, open: () => Promise<ScratchDatabase>, options: CollectOptions = {}): Promise<CollectResult> {
  const report = options.report ?? ((line: string) => console.log(line));
  const total = options.total ?? (options.quick ? 10_000 : 100_000);
  const clients = options.clients ?? 200;
  const database = await open();
  try {
    await migrate(database);
    await seedCatalogue(database.db);
    await seedUkraine(database);
    const { db } = database;
    const [form] = await db
      .select({ id: questionnaire.id, territoryId: questionnaire.territoryId })
      .from(questionnaire)
      .where(and(eq(questionnaire.demo, true), like(questionnaire.title, '%Анкета%')));
    if (!form) throw new Error('the Khmilnyk demo questionnaire was not seeded');
    const links = await db
      .select({ token: collectionLink.token, group: respondentGroup.key })
      .from(collectionLink)
      .innerJoin(respondentGroup, eq(respondentGroup.id, collectionLink.respondentGroupId))
      .where(eq(collectionLink.questionnaireId, form.id));
    const [hromada] = await db.select().from(territory).where(eq(territory.code, KHMILNYK));
    const places = await db.select({ code: territory.code, name: territory.name }).from(territory).where(like(territory.path, `${hromada!.path}%`));
    const town = places.find((p) => p.name === 'Хмільник')?.code ?? null;
    const settlements = places.filter((p) => p.code !== KHMILNYK && p.code !== town).map((p) => p.code);
    const before = await countStored(database, form.id);

    // Every client comes from 127.0.0.1 through the same four links: the per-address limit is
    // raised above the whole load (a deployment keeps its 30 a minute per address and link).
    const app = await buildApp({ database, webDist: null, publicSubmissionLimit: total * 10 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      // Each client opens the form once, as a respondent does, before the clock starts.
      const forms: ClientsInput['forms'] = [];
      for (let c = 0; c < clients; c++) {
        const link = links[c % links.length]!;
        const res = await fetch(`${base}/api/v1/public/forms/${link.token}`);
        if (res.status !== 200) throw new Error(`GET form: ${res.status} ${await res.text()}`);
        forms.push({ linkToken: link.token, group: link.group, formToken: ((await res.json()) as { formToken: string }).formToken });
      }
      // The server refuses answers sent sooner than this after the form was opened.
      await new Promise((resolve) => setTimeout(resolve, MIN_SECONDS_TO_ANSWER * 1000 + 200));

      const keyPrefix = `bench-${process.pid}-${Date.now().toString(36)}`;
      const stopProfile = await profileIfAsked(label);
      const out = await runClients({ base, forms, total, resendShare: RESEND_SHARE, doubleShare: DOUBLE_SHARE, keyPrefix, settlements, townCode: town });

      await stopProfile();
      const stored = await countStored(database, form.id, keyPrefix);
      const [audited] = await rows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where entity = 'response' and action = 'create' and actor like 'link:%'`);
      const lost = total - stored.distinct;
      const duplicated = stored.stored - stored.distinct;
      const latencies = out.latencies.sort();
      const result: CollectResult = {
        label,
        responsesPerSecond: Math.round((stored.distinct / out.ms) * 1000),
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        lost,
        duplicated,
        failed: false,
      };
      const problems = [
        lost !== 0 && `${lost} lost`,
        duplicated !== 0 && `${duplicated} stored twice`,
        out.errors !== 0 && `${out.errors} requests failed (${out.errorSamples.join(' | ')})`,
        out.wrongReceipts !== 0 && `${out.wrongReceipts} wrong receipts (a resend answered 201, or a double send not exactly one 201)`,
        out.created !== stored.distinct && `${out.created} answered 201 but ${stored.distinct} stored`,
        audited!.n !== stored.distinct && `${audited!.n} audit entries for ${stored.distinct} stored`,
        before.stored + stored.distinct !== (await countStored(database, form.id)).stored && 'rows other than this run’s appeared',
      ].filter(Boolean);
      result.failed = problems.length > 0;
      report(
        `${label}: POST ${total.toLocaleString('en')} survey responses (+${(out.resent + out.doubled).toLocaleString('en')} sent twice: ${out.resent.toLocaleString('en')} after a lost confirmation, ${out.doubled.toLocaleString('en')} at once), ${clients} clients: ` +
          `${result.responsesPerSecond.toLocaleString('en')} responses/s (${Math.round((out.requests / out.ms) * 1000).toLocaleString('en')} requests/s, ${(out.ms / 1000).toFixed(1)} s), ` +
          `latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; stored ${stored.stored.toLocaleString('en')}, lost ${lost}, duplicated ${duplicated}, errors ${out.errors}; ` +
          // The figure depends on what else the machine runs: say so.
          `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores` +
          (result.failed ? ` — FAILED: ${problems.join('; ')}` : ''),
      );
      if (result.failed) throw new Error(`${label}: exactly-once broken — ${problems.join('; ')}`);
      return result;
    } finally {
      await app.close();
    }
  } finally {
    await database.drop?.();
    await database.close().catch(() => {});
  }
}

/**
 * With POTREBY_BENCH_PROFILE=folder, a CPU profile of the server's thread during the load only
 * (not the seeding), to open in Chrome's DevTools — how the route was made faster.
 */
async function profileIfAsked(label: string): Promise<() => Promise<void>> {
  const folder = process.env.POTREBY_BENCH_PROFILE;
  if (!folder) return async () => {};
  const { Session } = await import('node:inspector/promises');
  const { writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${folder}/survey-collect-${label}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

async function countStored(database: Database, questionnaireId: number, keyPrefix?: string) {
  const [found] = await rows<{ stored: number; distinct: number }>(
    database.db,
    sql`select count(*)::int as stored, count(distinct submission_key)::int as distinct from response where questionnaire_id = ${questionnaireId} ${keyPrefix ? sql`and submission_key like ${`${keyPrefix}-%`}` : sql``}`,
  );
  return found!;
}

async function main() {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
  const totalArg = process.argv.find((a) => a.startsWith('--total='));
  const total = totalArg ? Number(totalArg.slice('--total='.length)) : undefined;
  console.log(`potreby survey collection benchmark${quick ? ' (quick: 10,000 responses)' : ''} — ${new Date().toISOString()}`);
  let failed = false;
  const attempt = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      console.error(String(error));
      failed = true;
    }
  };
  if (only !== 'postgres') await attempt(() => surveyCollectBench('PGlite', () => openDatabase({ dataDir: null }), { quick, total }));
  if (only !== 'pglite') {
    const pg = await postgresServer();
    if (pg) {
      await attempt(() => surveyCollectBench('PostgreSQL', postgresDatabases(pg.url, 'survey'), { quick, total }));
      pg.stop();
    } else console.log('PostgreSQL: not available on this machine');
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
