import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../packages/server/src/db/database';
import { startPostgres } from '../scripts/system.js';

/** A database a benchmark opened for itself; `drop()` closes and, on a server, removes it. */
export type ScratchDatabase = Database & { url?: string; drop?: () => Promise<void> };

/** The PostgreSQL server to measure on: `DATABASE_URL` if set, else a throwaway one (null if none can be had). */
export async function postgresServer(): Promise<{ url: string; stop(): void } | null> {
  return process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop() {} } : startPostgres();
}

/**
 * Empty databases on a PostgreSQL server, one per call, named after the benchmark and this
 * process so that two runs on one server do not meet.
 */
export function postgresDatabases(serverUrl: string, benchmark: string): () => Promise<ScratchDatabase & { url: string }> {
  let n = 0;
  return async () => {
    const name = `potreby_bench_${benchmark}_${process.pid}_${n++}`;
    const admin = await openDatabase({ url: serverUrl });
    await admin.db.execute(sql.raw(`drop database if exists ${name}`));
    await admin.db.execute(sql.raw(`create database ${name}`));
    await admin.close();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    return {
      ...database,
      url: url.toString(),
      drop: async () => {
        await database.close().catch(() => {}); // the benchmark may have closed it already
        const again = await openDatabase({ url: serverUrl });
        await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await again.close();
      },
    };
  };
}
