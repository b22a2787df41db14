import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/database';

/**
 * The seeded template of this test run. Named per run (the runner's process id reaches the
 * workers through the environment), so two runs against one PostgreSQL server do not collide.
 */
export const templateDatabase = () => `potreby_test_template_${process.env.POTREBY_TEST_RUN ?? process.pid}`;

/** The server's maintenance database, for creating and dropping test databases. */
export const adminUrl = () => process.env.DATABASE_URL!;

export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The engine the integration tests run on, for test names. */
export const ENGINE = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh copy of the seeded demo database for one test file, on the engine of this run.
 * `drop()` closes and removes it.
 */
export async function freshDatabase(pgliteDump: string | null): Promise<Database & { drop(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const database = await openDatabase({ dataDir: null, loadDataDir: new Blob([readFileSync(pgliteDump!)]) });
    return { ...database, drop: () => database.close() };
  }
  const name = `potreby_test_${randomBytes(6).toString('hex')}`;
  const admin = await openDatabase({ url: adminUrl() });
  await admin.db.execute(sql.raw(`create database ${name} template ${templateDatabase()}`));
  await admin.close();
  const database = await openDatabase({ url: databaseUrlFor(name) });
  return {
    ...database,
    drop: async () => {
      await database.close();
      const again = await openDatabase({ url: adminUrl() });
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await again.close();
    },
  };
}
