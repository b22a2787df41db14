import PgBoss from 'pg-boss';
import type { Database, Db } from '../db/database';

/**
 * Background jobs (pg-boss 10) on the app's own database, on either engine.
 *
 * pg-boss keeps its queue in tables of its own schema (`pgboss`), created and upgraded by
 * pg-boss itself when the app starts; its jobs survive a restart and any app server sharing the
 * database can run them. It talks to the database through one function, `executeSql(text,
 * values)`, so it uses the app's connection: the PostgreSQL pool, or PGlite's single
 * in-process connection. On PGlite every query waits its turn on that connection, so a job that
 * works in small queries (an export reading a page of rows at a time) lets other requests in
 * between its steps.
 */

/** What pg-boss needs of a connection (pg-boss 10's `db` option, see its types.d.ts). */
type SqlRunner = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** The connection under a drizzle database or transaction: a pg Pool or PoolClient, or PGlite or its transaction. */
type RawClient = {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  exec?(text: string): Promise<{ rows: unknown[] }[]>;
};

const rawClientOf = (db: Db): RawClient =>
  // drizzle keeps the client as `$client` on a database and `session.client` on a transaction.
  ((db as unknown as { $client?: RawClient }).$client ?? (db as unknown as { session: { client: RawClient } }).session.client);

/**
 * pg-boss sends its schema scripts (BEGIN; …; COMMIT;) without parameters and everything else
 * as one statement with parameters. PGlite's `query` takes one statement only, so a script goes
 * to `exec` and its last result is returned, as `pg` does for a single statement.
 */
function runnerOf(db: Db, engine: Database['engine']): SqlRunner {
  const client = rawClientOf(db);
  if (engine === 'postgres') return { executeSql: (text, values) => client.query(text, values) };
  return {
    executeSql: async (text, values) => {
      // pg turns undefined into NULL; PGlite's serialisers expect a value.
      if (values && values.length) return client.query(text, values.map((v) => (v === undefined ? null : v)));
      const results = await client.exec!(text);
      return results[results.length - 1] ?? { rows: [] };
    },
  };
}

export type JobHandler<T> = (data: T, signal: AbortSignal) => Promise<void>;

export type QueueDefinition<T> = {
  handler: JobHandler<T>;
  /** How long a job may run before pg-boss counts it as lost and retries it. */
  expireInSeconds: number;
  /** Retries of a job that failed or was interrupted (a server stopped while it ran). */
  retryLimit: number;
};

export type JobQueue = {
  /** Register a kind of job (before `start`). */
  define<T extends object>(name: string, definition: QueueDefinition<T>): void;
  /**
   * Queue a job; inside `tx`, the job is created with the transaction's changes or not at all.
   * Call `wake` once the transaction has committed so this server starts on it at once.
   */
  send(name: string, data: object, tx?: Db): Promise<string>;
  wake(name: string): void;
  start(): Promise<void>;
  /** Interrupt running jobs (they are retried on the next start), stop polling, wait for queries in flight. */
  stop(): Promise<void>;
};

export type JobQueueOptions = {
  /** How often an idle worker asks for work (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
  onError?: (error: unknown) => void;
};

export function createJobQueue(database: Database, options: JobQueueOptions = {}): JobQueue {
  const pending = new Set<Promise<unknown>>();
  const base = runnerOf(database.db, database.engine);
  // Every query pg-boss sends is tracked, including those it does not await (it completes and
  // fails jobs without waiting): stopping waits for them, so none runs into a closed database.
  const tracked: SqlRunner = {
    executeSql: (text, values) => {
      const query = base.executeSql(text, values);
      pending.add(query);
      void query.then(
        () => pending.delete(query),
        () => pending.delete(query),
      );
      return query;
    },
  };
  const boss = new PgBoss({
    db: tracked as PgBoss.Db,
    // No cron schedules: nothing here runs on a timetable, and the cron monitor would poll.
    schedule: false,
    supervise: true,
    // Finished jobs are kept a week for inspection; what the user sees lives in the feature's own tables.
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (error) => (options.onError ?? ((e) => console.error(e)))(error));

  const definitions = new Map<string, QueueDefinition<object>>();
  const workers = new Map<string, string>();
  const stopping = new AbortController();
  let started = false;

  return {
    define(name, definition) {
      if (started) throw new Error(`job queue ${name} defined after start`);
      definitions.set(name, definition as QueueDefinition<object>);
    },

    async send(name, data, tx) {
      const id = await boss.send(name, data, tx ? { db: runnerOf(tx, database.engine) as PgBoss.Db } : {});
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },

    wake(name) {
      const worker = workers.get(name);
      if (worker) boss.notifyWorker(worker);
    },

    async start() {
      if (started) return;
      started = true;
      await boss.start();
      for (const [name, definition] of definitions) {
        await boss.createQueue(name, { name, retryLimit: definition.retryLimit, expireInSeconds: definition.expireInSeconds });
        const worker = await boss.work<object>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 }, async ([job]) => {
          await definition.handler(job!.data, stopping.signal);
        });
        workers.set(name, worker);
      }
    },

    async stop() {
      if (!started) return;
      stopping.abort();
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
