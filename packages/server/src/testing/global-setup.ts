import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { migrate, openDatabase } from '../db/database';
import { seedDemo } from '../seed/seed-demo';
import { templateDatabase, adminUrl, databaseUrlFor } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a dump of the seeded demo database; PostgreSQL: null (a template database is used). */
    pgliteDump: string | null;
  }
}

/**
 * Seed the demonstration database once per run: every test file then starts from a copy of it,
 * on PGlite (a dump loaded in under a second) or on PostgreSQL when DATABASE_URL is set (a
 * database created from a template).
 */
export default async function setup(project: TestProject) {
  process.env.POTREBY_TEST_RUN ??= String(process.pid);
  if (process.env.DATABASE_URL) {
    const admin = await openDatabase({ url: adminUrl() });
    await admin.db.execute(sql.raw(`drop database if exists ${templateDatabase()} with (force)`));
    await admin.db.execute(sql.raw(`create database ${templateDatabase()}`));
    await admin.close();
    const template = await openDatabase({ url: databaseUrlFor(templateDatabase()) });
    await migrate(template);
    await seedDemo(template);
    await template.close();
    project.provide('pgliteDump', null);
    return async () => {
      const again = await openDatabase({ url: adminUrl() });
      await again.db.execute(sql.raw(`drop database if exists ${templateDatabase()} with (force)`));
      await again.close();
    };
  }
  const database = await openDatabase({ dataDir: null });
  await migrate(database);
  await seedDemo(database);
  const client = (database.db as unknown as { session: { client: { dumpDataDir(c: 'none'): Promise<Blob> } } }).session.client;
  const dump = await client.dumpDataDir('none');
  await database.close();
  const dir = mkdtempSync(join(tmpdir(), 'potreby-test-'));
  const file = join(dir, 'seeded.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
