import { AppError, type TCountry, type TLevel, type TTerritory } from '@potreby/domain';
import { and, asc, eq, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database';
import { territory } from './tables';

export type TerritoryRow = typeof territory.$inferSelect;

export const toTerritory = (r: TTerritory | TerritoryRow): TTerritory => ({
  id: r.id,
  country: r.country as TCountry,
  code: r.code,
  name: r.name,
  nameEn: r.nameEn,
  level: r.level as TLevel,
  parentId: r.parentId,
  lat: r.lat,
  lon: r.lon,
});

// Written out in full: inside a subquery drizzle would leave the outer "id" unqualified.
const childCount = sql<number>`(select count(*)::int from territory c where c.parent_id = "territory"."id")`.as('child_count');

/** SQL condition: the unit lies within the subtree whose path is given. */
export const withinPath = (path: string): SQL => like(territory.path, `${path}%`);

export async function findTerritory(db: Db, id: number): Promise<TerritoryRow> {
  const [row] = await db.select().from(territory).where(eq(territory.id, id));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function findTerritoryByCode(db: Db, code: string, country?: TCountry | null): Promise<TerritoryRow[]> {
  return db
    .select()
    .from(territory)
    .where(country ? and(eq(territory.code, code), eq(territory.country, country)) : eq(territory.code, code));
}

export type TerritoryListQuery = { parentId?: number; country?: TCountry; level?: TLevel; q?: string; limit: number; scopePath: string | null };

/**
 * Units for the tree and the pickers: the children of a unit, or search results, limited to
 * the user's reach. Without a parent or a search: the top of the reach.
 */
export async function listTerritories(db: Db, query: TerritoryListQuery) {
  const conditions: SQL[] = [];
  if (query.scopePath) conditions.push(withinPath(query.scopePath));
  if (query.country) conditions.push(eq(territory.country, query.country));
  if (query.level) conditions.push(eq(territory.level, query.level));
  if (query.parentId !== undefined) conditions.push(eq(territory.parentId, query.parentId));
  else if (query.q) {
    const pattern = `%${query.q.replaceAll('%', '').replaceAll('_', '')}%`;
    conditions.push(or(ilike(territory.name, pattern), ilike(territory.nameEn, pattern), ilike(territory.code, `${query.q}%`))!);
  } else if (query.scopePath) {
    conditions.push(eq(territory.path, query.scopePath));
  } else {
    conditions.push(isNull(territory.parentId));
  }
  // Search results: larger units first, so "Pazardzhik" finds the province before villages.
  const levelOrder = sql`array_position(array['country','region','district','municipality','settlement'], ${territory.level})`;
  // Countries by their code (BG, PL, UA), not their names: names in three scripts sort Latin
  // before Cyrillic, and the first country is the default of screens opened without a choice —
  // a new country in the data must not change what an administrator sees first.
  const countryOrder = sql`case when ${territory.level} = 'country' then ${territory.code} end`;
  return db
    .select({ t: territory, childCount })
    .from(territory)
    .where(and(...conditions))
    .orderBy(levelOrder, asc(countryOrder), asc(territory.name))
    .limit(query.limit);
}

/** Ids on a path "/1/12/130/" from the root down. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

export async function ancestorsOf(db: Db, row: { id: number; path: string }): Promise<TerritoryRow[]> {
  const ids = pathIds(row.path).filter((id) => id !== row.id);
  if (ids.length === 0) return [];
  const rows = await db.select().from(territory).where(inArray(territory.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
}

export async function childCountOf(db: Db, id: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(territory).where(eq(territory.parentId, id));
  return row?.n ?? 0;
}
