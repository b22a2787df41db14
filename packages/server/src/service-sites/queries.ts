import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import type { TServiceSiteQuery } from './schema';
import { serviceSite } from './tables';

export type ServiceSiteRow = typeof serviceSite.$inferSelect;

const located = alias(territory, 'located');

/**
 * Sites that concern a subtree: located in it, or serving a unit in it, or serving a larger
 * unit that contains it (a regional service serves every municipality of the region).
 */
export function concerning(path: string): SQL {
  return sql`(${located.path} like ${path + '%'} or exists (
    select 1 from territory served where served.id = any(${serviceSite.servesIds})
      and (served.path like ${path + '%'} or ${path} like served.path || '%')))`;
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

export async function listServiceSites(db: Db, query: TServiceSiteQuery, scopePath: string | null, territoryPath: string | null) {
  const where = and(...conditionsOf(query, scopePath, territoryPath));
  const [items, [total], years] = await Promise.all([
    db
      .select({ site: serviceSite })
      .from(serviceSite)
      .innerJoin(located, eq(located.id, serviceSite.settlementId))
      .where(where)
      .orderBy(desc(serviceSite.year), asc(serviceSite.name), asc(serviceSite.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(serviceSite).innerJoin(located, eq(located.id, serviceSite.settlementId)).where(where),
    db
      .selectDistinct({ year: serviceSite.year })
      .from(serviceSite)
      .innerJoin(located, eq(located.id, serviceSite.settlementId))
      .where(and(...conditionsOf({}, scopePath, territoryPath)))
      .orderBy(desc(serviceSite.year)),
  ]);
  return { sites: items.map((i) => i.site), total: total?.n ?? 0, years: years.map((y) => y.year) };
}

export async function findServiceSite(db: Db, id: number): Promise<ServiceSiteRow | undefined> {
  const [row] = await db.select().from(serviceSite).where(eq(serviceSite.id, id));
  return row;
}

export async function territoriesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select().from(territory).where(inArray(territory.id, [...new Set(ids)]));
}
