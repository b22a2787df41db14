import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';

/**
 * Did a request change the database? Watched cheaply: PostgreSQL gives a transaction id to a
 * transaction only when it writes, so while the next transaction id stays the same nothing was
 * written at all (one tiny query). When it moved — our request, or on a shared PostgreSQL server
 * anybody's — the tables of the app (found in the catalogue, so a new table is watched by
 * default) are looked at: their row counts, and the rows written (inserted or updated: their
 * `xmin`) since the watch was set.
 *
 * One exception, named here: a failed sign-in is audited on purpose (a 401 that is recorded).
 */
const IGNORED_AUDIT_ACTIONS = ['sign_in_failed'];

type Counts = Record<string, number>;

const nextXid = async (db: Db): Promise<bigint> => {
  const [row] = await rows<{ xid: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as xid`);
  return BigInt(row!.xid);
};

export class StateWatch {
  private tables: string[] | null = null;
  private xid = -1n;
  private counts: Counts | null = null;

  constructor(private readonly db: Db) {}

  /** Set the watch before a request. */
  async mark(): Promise<void> {
    const xid = await nextXid(this.db);
    // Counts are kept while nothing is written, so most marks cost the one query above.
    if (xid !== this.xid || !this.counts) this.counts = (await this.look(xid)).counts;
    this.xid = xid;
  }

  /** What changed since the mark, as "table: …" lines; empty when nothing did. */
  async changes(): Promise<string[]> {
    const xid = await nextXid(this.db);
    if (xid === this.xid && this.counts) return [];
    const now = await this.look(this.xid);
    const found = Object.keys(now.counts)
      .filter((k) => now.counts[k] !== this.counts![k])
      .map((k) => `${k}: ${this.counts![k]} → ${now.counts[k]} rows`);
    for (const [k, n] of Object.entries(now.written)) if (n > 0) found.push(`${k}: ${n} rows written`);
    this.counts = now.counts;
    this.xid = xid;
    return found;
  }

  private async look(since: bigint): Promise<{ counts: Counts; written: Counts }> {
    this.tables ??= (
      await rows<{ name: string }>(this.db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
    ).map((r) => r.name);
    // xmin is the 32-bit transaction id of the row's writer; ours are above `since` (no wraparound within a test).
    const since32 = (since < 0n ? 0n : since) % 4294967296n;
    const ignored = IGNORED_AUDIT_ACTIONS.map((a) => `'${a}'`).join(', ');
    const columns = this.tables.flatMap((name) => {
      const table = `"${name.replaceAll('"', '""')}"`;
      const where = name === 'audit_log' ? `action not in (${ignored})` : 'true';
      return [
        `(select count(*) from ${table} where ${where})::int as "c:${name}"`,
        `(select count(*) from ${table} where ${where} and xmin::text::bigint >= ${since32})::int as "w:${name}"`,
      ];
    });
    const [row] = await rows<Record<string, number>>(this.db, sql.raw(`select ${columns.join(', ')}`));
    const counts: Counts = {};
    const written: Counts = {};
    for (const [k, v] of Object.entries(row ?? {})) (k.startsWith('c:') ? counts : written)[k.slice(2)] = Number(v);
    return { counts, written };
  }
}
