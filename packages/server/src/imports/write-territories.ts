import { romanise, type TCheckedTerritory } from '@potreby/domain';
import { sql } from 'drizzle-orm';
import { copyInto, csvCell, rows, type Db, type Engine } from '../db/database';
import type { KnownTerritory } from './import-context';

const COLUMNS = ['id', 'country', 'code', 'name', 'name_en', 'level', 'parent_id', 'path', 'lat', 'lon'];
const UPDATE_COLUMNS = ['id', 'name', 'name_en', 'name_latin', 'level', 'parent_id', 'lat', 'lon'];

type Placed = { id: number; path: string };

/**
 * Insert new units and update known ones (matched by country and code), parents first. New
 * units get their ids up front so their paths are built before one COPY writes them all;
 * updates go through a staging table so a re-imported register of 30,000 units is one UPDATE.
 */
export async function writeTerritories(
  tx: Db,
  engine: Engine,
  checked: TCheckedTerritory[],
  known: { territories: Map<string, KnownTerritory>; byId: Map<number, KnownTerritory> },
): Promise<{ inserted: number; updated: number }> {
  const fresh = checked.filter((c) => c.existingId === null);
  const ids = fresh.length
    ? (await rows<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('territory', 'id'))::int as id from generate_series(1, ${fresh.length})`)).map((r) => r.id)
    : [];
  const placed = new Map<string, Placed>(); // "country:code" → where the unit ends up
  const inserts: string[] = [];
  const updates: string[] = [];
  const moves: { from: string; to: string }[] = [];
  let next = 0;
  for (const c of checked) {
    const r = c.record;
    const key = `${r.country}:${r.code}`;
    const parent: Placed | null =
      c.parent === null ? null : c.parent.kind === 'existing' ? (placedOrKnown(placed, known.byId.get(c.parent.id)) ?? null) : (placed.get(`${r.country}:${c.parent.code}`) ?? null);
    if (c.existingId === null) {
      const id = ids[next++]!;
      const path = `${parent?.path ?? '/'}${id}/`;
      placed.set(key, { id, path });
      // Readers of other languages see the official romanisation when the file gives no English name.
      inserts.push([id, r.country, r.code, r.name, r.nameEn ?? romanise(r.name, r.country), r.level, parent?.id ?? null, path, r.lat, r.lon].map(csvCell).join(',') + '\n');
      continue;
    }
    const existing = known.byId.get(c.existingId)!;
    const path = `${parent?.path ?? '/'}${existing.id}/`;
    if (path !== existing.path) moves.push({ from: existing.path, to: path });
    placed.set(key, { id: existing.id, path });
    updates.push([existing.id, r.name, r.nameEn, romanise(r.name, r.country), r.level, parent?.id ?? null, r.lat, r.lon].map(csvCell).join(',') + '\n');
  }
  if (inserts.length) await copyInto(tx, engine, 'territory', COLUMNS, chunks(inserts));
  if (updates.length) {
    await tx.execute(sql`create temp table territory_update (id int, name text, name_en text, name_latin text, level text, parent_id int, lat double precision, lon double precision) on commit drop`);
    await copyInto(tx, engine, 'territory_update', UPDATE_COLUMNS, chunks(updates));
    // Coordinates and English names are kept when the file leaves them out; a unit that never had
    // an English name gets the romanisation.
    await tx.execute(sql`update territory t set name = u.name, name_en = coalesce(u.name_en, t.name_en, u.name_latin), level = u.level, parent_id = u.parent_id,
      lat = coalesce(u.lat, t.lat), lon = coalesce(u.lon, t.lon), updated_at = now() from territory_update u where t.id = u.id`);
  }
  // A unit moved under another parent takes its whole subtree along.
  for (const move of moves) {
    await tx.execute(sql`update territory set path = ${move.to} || substr(path, ${move.from.length + 1}) where path like ${move.from + '%'}`);
  }
  return { inserted: inserts.length, updated: updates.length };
}

const placedOrKnown = (placed: Map<string, Placed>, k: KnownTerritory | undefined): Placed | undefined => (k ? (placed.get(`${k.country}:${k.code}`) ?? k) : undefined);

/** Lines grouped into chunks of a few megabytes for COPY. */
export function* chunks(lines: readonly string[], size = 50_000): Generator<string> {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join('');
}
