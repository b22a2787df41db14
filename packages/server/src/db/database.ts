import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setImmediate } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { AppError } from '@potreby/domain';
import * as schema from './schema';
import { seedCatalogue } from '../seed/seed-catalogue';

export type Schema = typeof schema;
/** A drizzle database or transaction: every query function takes one of these. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export type Database = {
  engine: Engine;
  db: Db;
  /** Where the data lives, for the start-up message (never includes a password). */
  location: string;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export type DatabaseConfig =
  | { url: string }
  /** `dataDir: null` keeps the database in memory (tests); `loadDataDir` starts from a dump. */
  | { url?: undefined; dataDir: string | null; loadDataDir?: Blob };

/** The database the server and the CLI use: `DATABASE_URL` if set, else PGlite in `$POTREBY_DATA_DIR` or `./data`. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: resolve(env.POTREBY_DATA_DIR || './data') };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if ('url' in config && config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: Number(process.env.POTREBY_DB_POOL ?? 10) });
    // An idle connection the server drops (a restart, a failover) must not bring the app down:
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const url = new URL(config.url);
    return { engine: 'postgres', db, location: `postgres://${url.host}${url.pathname}`, close: () => pool.end() };
  }
  if (!('dataDir' in config)) throw new Error('no database configured');
  if (config.dataDir === null) {
    const client = await PGlite.create({ loadDataDir: config.loadDataDir });
    return { engine: 'pglite', db: drizzlePglite(client, { schema }) as unknown as Db, location: 'memory', close: () => client.close() };
  }
  const dir = join(config.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const releaseLock = lockDataDir(config.dataDir);
  try {
    const client = await PGlite.create(dir);
    // After PGlite has written the new database's files (or on every start, for a folder an
    // older version left readable and writable by everyone).
    ownerOnly(config.dataDir);
    return {
      engine: 'pglite',
      db: drizzlePglite(client, { schema }) as unknown as Db,
      location: dir,
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with the owner's pid turns that into a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = join(dataDir, 'potreby.lock');
  try {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new AppError('database.busy', { dataDir, pid: owner });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
  }
  writeFileSync(lockFile, String(process.pid), { mode: 0o600 });
  return () => rmSync(lockFile, { force: true });
}

/**
 * The data folder for its owner alone: folders 0700, files 0600, as PostgreSQL keeps its own.
 * PGlite writes a new database by copying initdb's files through Emscripten's file system, which
 * sets each file's mode to 0666 itself (umask does not apply to a chmod): every user of the
 * machine could read and change the data, WAL and postgresql.conf. Files PostgreSQL creates later
 * are 0600 already. Walked with a stack, not recursion; links are left alone.
 */
export function ownerOnly(root: string): void {
  chmodSync(root, 0o700);
  const folders = [root];
  while (folders.length) {
    const folder = folders.pop()!;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        chmodSync(path, 0o700);
        folders.push(path);
      } else if (entry.isFile()) chmodSync(path, 0o600);
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Bring the database up to date: its schema, then the reference catalogue of service types
 * (every import and norm refers to it, so a new database has it from the start, with or without
 * the demonstration; types already there are never changed). On PostgreSQL an advisory lock
 * makes several app servers starting together run this once.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    await seedCatalogue(database.db);
    return;
  }
  await database.db.execute(sql`select pg_advisory_lock(4242001)`);
  try {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    await seedCatalogue(database.db);
  } finally {
    await database.db.execute(sql`select pg_advisory_unlock(4242001)`);
  }
}

/** Rows of a raw SQL query, the same on both engines. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Bulk-load CSV chunks into a table inside the current transaction, with COPY: the fastest way
 * into either engine. Each chunk must hold whole lines.
 */
export async function copyInto(
  tx: Db,
  engine: Engine,
  table: string,
  columns: readonly string[],
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
): Promise<void> {
  const statement = (source: string) => `COPY ${table} (${columns.join(', ')}) FROM ${source} WITH (FORMAT csv)`;
  // drizzle keeps the transaction's own connection here, on both drivers.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (engine === 'pglite') {
    const pglite = client as { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> };
    for await (const chunk of chunks) {
      if (chunk.length) await pglite.query(statement("'/dev/blob'"), [], { blob: new Blob([chunk as BlobPart]) });
    }
    return;
  }
  const stream = (client as pg.PoolClient).query(copyFromStream(statement('STDIN')));
  const finished = new Promise<void>((resolvePromise, reject) => {
    stream.on('finish', resolvePromise);
    stream.on('error', reject);
  });
  for await (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
    // Give the event loop a turn: otherwise a producer that never waits on I/O keeps the chunks
    // queued in this process, and the server only starts on them at the end.
    else await setImmediate();
  }
  stream.end();
  await finished;
}

/** Quote a value for a CSV cell of COPY: empty unquoted is NULL, so empty strings are quoted. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (value === '' || /[",\n\r]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/** A PostgreSQL array literal for COPY, e.g. {1,2,3}. */
export const pgIntArray = (values: readonly number[]): string => `"{${values.join(',')}}"`;
