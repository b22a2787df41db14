import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { pathIds } from '../territories/queries';
import { territory } from '../territories/tables';
import type { TServiceSiteQuery } from './schema';
import { serviceSite } from './tables';

export type ServiceSiteRow = typeof serviceSite.$inferSelect;

/**
 * Sites that concern a subtree: located in it, or serving a unit in it, or serving a larger
 * unit that contains it (a regional service serves every municipality of the region).
 *
 * Written so that the database answers it from indexes (migration 0003, issue 7 "The registry
 * list under load"): the subtree's ids come once from the territory path index, then the sites
 * by `settlement_id = any(…)` (the place-key-year index) or `serves_ids && …` (the GIN index),
 * combined by a bitmap OR. The earlier form — `exists (… served.id = any(serves_ids) …)` for each
 * site — ran a subquery per site of the whole table: 6 s a request at 100,000 sites.
 * The units that contain the subtree are its path's own ids (ancestors cannot be removed while
 * they have children), so "serves a unit that contains it" needs no lookup.
 */
export function concerning(path: string): SQL {
  const subtree = sql`array(select id from territory where path like ${path + '%'})`;
  const above = pathIds(path);
  const aboveIds = above.length ? sql`array[${sql.join(above.map((id) => sql`${id}`), sql`, `)}]::int[]` : sql`'{}'::int[]`;
  return sql`(${serviceSite.settlementId} = any(${subtree}) or ${serviceSite.servesIds} && (${subtree} || ${aboveIds}))`;
}

function conditionsOf(query: Partial<TServiceSiteQuery>, scopePath: string | null, territoryPath: string | null): SQL[] {
  const conditions: SQL[] = [];
  if (scopePath) conditions.push(concerning(scopePath));
  if (territoryPath) conditions.push(concerning(territoryPath));
  if (query.year) conditions.push(eq(serviceSite.year, query.year));
  if (query.serviceType) conditions.push(eq(serviceSite.serviceType, query.serviceType));
  if (query.providerKind) conditions.push(eq(serviceSite.providerKind, query.providerKind));
  if (query.funding) conditions.push(eq(serviceSite.funding, query.funding));
  if (query.q) {
    const pattern = `%${query.q.replaceAll('%', '').replaceAll('_', '')}%`;
    conditions.push(or(ilike(serviceSite.name, pattern), ilike(serviceSite.provider, pattern), ilike(serviceSite.siteKey, pattern))!);
  }
  return conditions;
}

/**
 * One page of the registry, the number of sites in all and the years. No join to the sites'
 * settlements: `concerning` finds them by id, and territories are never removed.
 */
export async function listServiceSites(db: Db, query: TServiceSiteQuery, scopePath: string | null, territoryPath: string | null) {
  const where = and(...conditionsOf(query, scopePath, territoryPath));
  const [items, [total], years] = await Promise.all([
    db
      .select({ site: serviceSite })
      .from(serviceSite)
      .where(where)
      .orderBy(desc(serviceSite.year), asc(serviceSite.name), asc(serviceSite.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(serviceSite).where(where),
    yearsOf(db, conditionsOf({}, scopePath, territoryPath)),
  ]);
  return { sites: items.map((i) => i.site), total: total?.n ?? 0, years };
}

/**
 * Years with any site under the conditions, newest first. Without any (an account reaching every
 * country, no territory asked), the years are read by skipping through the year index — a few
 * probes — instead of a pass over every site of every country.
 */
async function yearsOf(db: Db, conditions: SQL[]): Promise<number[]> {
  if (conditions.length === 0) {
    const found = await rows<{ year: number }>(
      db,
      sql`with recursive y(year) as (select max(year) from service_site union all select (select max(year) from service_site where year < y.year) from y where y.year is not null) select year from y where year is not null`,
    );
    return found.map((y) => Number(y.year));
  }
  const found = await db
    .selectDistinct({ year: serviceSite.year })
    .from(serviceSite)
    .where(and(...conditions))
    .orderBy(desc(serviceSite.year));
  return found.map((y) => y.year);
}

export async function findServiceSite(db: Db, id: number): Promise<ServiceSiteRow | undefined> {
  const [row] = await db.select().from(serviceSite).where(eq(serviceSite.id, id));
  return row;
}

export async function territoriesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(territory).where(inArray(territory.id, [...new Set(ids)]));
}
