import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, inject } from 'vitest';
import { configFromEnv, openDatabase, type Database } from '@potreby/server/db/database';
import { databaseUrlFor, freshDatabase } from '@potreby/server/testing/test-database';
import { run } from '../main';

/**
 * The command line as a person uses it, in a test file: a copy of the seeded demo database chosen
 * through the environment (DATABASE_URL on PostgreSQL, POTREBY_DATA_DIR on PGlite), a scratch
 * folder for files, and the environment restored afterwards.
 */
export function useCli(prefix: string) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const restore: Record<string, string | undefined> = {};
  let dropDatabase: (() => Promise<void>) | null = null;

  beforeAll(async () => {
    for (const key of ['DATABASE_URL', 'POTREBY_DATA_DIR', 'LANG']) restore[key] = process.env[key];
    delete process.env.LANG;
    if (process.env.DATABASE_URL) {
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
