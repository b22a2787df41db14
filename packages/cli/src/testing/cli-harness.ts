import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, inject } from 'vitest';
import { configFromEnv, openDatabase, type Database } from '@potreby/server/db/database';
import { adminUrl, databaseUrlFor, freshDatabase } from '@potreby/server/testing/test-database';
import { run } from '../main';

/**
 * The command line as a person uses it, in a test file: a copy of the seeded demo database chosen
 * through the environment (DATABASE_URL on PostgreSQL, POTREBY_DATA_DIR on PGlite), a scratch
 * folder for files, and the environment restored afterwards. With `empty`, a brand-new database
 * instead, as a production install has before its first command: a newly created PostgreSQL
 * database, or a PGlite data folder that does not exist yet.
 */
export function useCli(prefix: string, options: { empty?: boolean } = {}) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const restore: Record<string, string | undefined> = {};
  let dropDatabase: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    for (const key of ['DATABASE_URL', 'POTREBY_DATA_DIR', 'LANG']) restore[key] = process.env[key];
    delete process.env.LANG;
    if (options.empty && process.env.DATABASE_URL) {
      const name = `potreby_test_empty_${randomBytes(6).toString('hex')}`;
      await withAdmin((admin) => admin.db.execute(sql.raw(`create database ${name}`)));
      dropDatabase = async () => {
        process.env.DATABASE_URL = restore.DATABASE_URL;
        await withAdmin((admin) => admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`)));
      };
      process.env.DATABASE_URL = databaseUrlFor(name);
    } else if (options.empty) {
      // The CLI creates POTREBY_DATA_DIR/pglite itself on its first command.
      process.env.POTREBY_DATA_DIR = join(work, 'data');
    } else if (process.env.DATABASE_URL) {
      const database = await freshDatabase(null);
      const url = databaseUrlFor(new URL(database.location).pathname.slice(1));
      dropDatabase = async () => {
        process.env.DATABASE_URL = restore.DATABASE_URL;
        await database.drop();
      };
      process.env.DATABASE_URL = url;
    } else {
      // A PGlite data folder as `potreby` keeps it (POTREBY_DATA_DIR/pglite), from the seeded demo.
      mkdirSync(join(work, 'data'));
      const pglite = await PGlite.create(join(work, 'data', 'pglite'), { loadDataDir: new Blob([readFileSync(inject('pgliteDump')!)]) });
      await pglite.close();
      process.env.POTREBY_DATA_DIR = join(work, 'data');
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    for (const [key, value] of Object.entries(restore)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(work, { recursive: true, force: true });
  });

  return {
    work,
    /** Runs `potreby …argv` in this process; its exit code and what it printed. */
    cli: async (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = await run(argv, { out: (text) => void (out += text), err: (text) => void (err += text) });
      return { code, out, err };
    },
    /** The CLI's database, opened the way the CLI opens it. PGlite allows one user at a time: closed again at once. */
    withDatabase: async <T>(body: (database: Database) => Promise<T>): Promise<T> => {
      const database = await openDatabase(configFromEnv());
      try {
        return await body(database);
      } finally {
        await database.close();
      }
    },
    /** Writes a file into the scratch folder; its path. */
    file: (name: string, content: string | Uint8Array) => {
      const path = join(work, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** The PostgreSQL server's maintenance database, for creating and dropping one. */
async function withAdmin(body: (admin: Database) => Promise<unknown>): Promise<void> {
  const admin = await openDatabase({ url: adminUrl() });
  try {
    await body(admin);
  } finally {
    await admin.close();
  }
}
