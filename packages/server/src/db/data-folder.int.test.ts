import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';

/** Every folder and file under `root` whose mode lets anyone but the owner in (`find root -perm /077`). */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const stack = [root];
  while (stack.length) {
    const path = stack.pop()!;
    const stat = statSync(path);
    if (stat.mode & 0o077) found.push(`${(stat.mode & 0o777).toString(8)} ${path}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) stack.push(join(path, name));
  }
  return found;
}

/**
 * Issue 6, finding 5: a new PGlite data folder had 963 files of mode 0666 (the data, WAL,
 * postgresql.conf), writable by every user of the machine. PGlite runs whatever the engine of
 * the rest of the run, so this file does too.
 */
describe('the PGlite data folder is its owner’s alone', () => {
  const work = mkdtempSync(join(tmpdir(), 'potreby-data-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('is created 0700 with files 0600, and stays so after writing', async () => {
    const dataDir = join(work, 'new');
    const database = await openDatabase({ dataDir });
    await database.db.execute(sql`create table t (x int)`);
    await database.db.execute(sql`insert into t select generate_series(1, 1000)`);
    expect(openToOthers(dataDir)).toEqual([]);
    await database.close();
    expect(openToOthers(dataDir)).toEqual([]);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'pglite', 'postgresql.conf')).mode & 0o777).toBe(0o600);
  });

  it('fixes a folder an older version left open to everyone, on the next start', async () => {
    const dataDir = join(work, 'new');
    const stack = [dataDir];
    while (stack.length) {
      const path = stack.pop()!;
      const isDir = statSync(path).isDirectory();
      chmodSync(path, isDir ? 0o777 : 0o666);
      if (isDir) for (const name of readdirSync(path)) stack.push(join(path, name));
    }
    expect(openToOthers(dataDir).length).toBeGreaterThan(900);
    const database = await openDatabase({ dataDir });
    expect((await database.db.execute(sql`select count(*)::int as n from t`)) as unknown as { rows: { n: number }[] }).toMatchObject({ rows: [{ n: 1000 }] });
    await database.close();
    expect(openToOthers(dataDir)).toEqual([]);
  });
});
