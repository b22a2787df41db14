import { FORMAT_COLUMNS, summariseGaps, type TCountry, type TGapMethod } from '@potreby/domain';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../audit/tables';
import { serviceType } from '../catalogue/tables';
import { rows, type Db } from '../db/database';
import { defaultYear } from '../gaps/gap-report';
import type { CountryModels } from '../model/country-model';
import { norm } from '../norms/tables';
import { concerning } from '../service-sites/queries';
import { serviceSite } from '../service-sites/tables';
import { territory } from '../territories/tables';
import type { EXPORT_TABLES } from './schema';

export type ExportTable = (typeof EXPORT_TABLES)[number];
export type Cell = string | number | boolean | null;

/** What an export is about: a subtree (the user's reach or a chosen unit), a year, a method. */
export type ExportScope = {
  /** Path of the subtree to export; null = everything (admins). */
  path: string | null;
  territory: { id: number; country: string; level: string } | null;
  year?: number;
  method?: TGapMethod;
};

/**
 * The columns of each export. The four importable tables use exactly the import formats'
 * columns, so an export can be edited in a spreadsheet and imported back.
 */
export const EXPORT_COLUMNS: Record<ExportTable, readonly string[]> = {
  territories: FORMAT_COLUMNS.territories.map((c) => c.name),
  population: FORMAT_COLUMNS.population.map((c) => c.name),
  indicators: FORMAT_COLUMNS.indicators.map((c) => c.name),
  services: FORMAT_COLUMNS.services.map((c) => c.name),
  norms: ['service_type', 'territory_code', 'country', 'target', 'rate_per_1000', 'source', 'illustrative'],
  'service-types': ['key', 'country', 'official_code', 'name', 'name_en', 'category', 'residential', 'unit', 'target_groups'],
  gaps: ['territory_code', 'year', 'service_type', 'method', 'need', 'capacity', 'gap', 'coverage', 'shortfall', 'incomplete'],
  audit: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'country', 'before', 'after'],
};

const within = (path: string | null, column = sql`t.path`) => (path ? sql`${column} like ${path + '%'}` : sql`true`);
const yesNo = (b: boolean | null) => (b === null ? null : b ? 'yes' : 'no');

/** The rows of one export, each an array in EXPORT_COLUMNS order. */
export async function exportRows(db: Db, models: CountryModels, table: ExportTable, scope: ExportScope): Promise<Cell[][]> {
  switch (table) {
    case 'territories': {
      const found = await rows<Record<string, Cell>>(
        db,
        sql`select t.code, t.name, t.name_en, t.level, p.code as parent_code, t.country, t.lat, t.lon
            from territory t left join territory p on p.id = t.parent_id where ${within(scope.path)} order by t.path`,
      );
      return found.map((r) => EXPORT_COLUMNS.territories.map((c) => r[c] ?? null));
    }
    case 'population': {
      const found = await rows<Record<string, Cell>>(
        db,
        sql`select t.code, p.year, p.sex, p.age_from, p.age_to, p.count from population p join territory t on t.id = p.territory_id
            where ${within(scope.path)} ${scope.year ? sql`and p.year = ${scope.year}` : sql``} order by t.path, p.year, p.sex, p.age_from`,
      );
      return found.map((r) => EXPORT_COLUMNS.population.map((c) => r[c] ?? null));
    }
    case 'indicators': {
      const found = await rows<Record<string, Cell>>(
        db,
        sql`select t.code, i.year, i.indicator, i.value, i.source, i.source_date::text as source_date from indicator_value i join territory t on t.id = i.territory_id
            where ${within(scope.path)} ${scope.year ? sql`and i.year = ${scope.year}` : sql``} order by t.path, i.year, i.indicator`,
      );
      return found.map((r) => EXPORT_COLUMNS.indicators.map((c) => r[c] ?? null));
    }
    case 'services':
      return serviceRows(db, scope);
    case 'norms': {
      const t = alias(territory, 't');
      const found = await db
        .select({ n: norm, code: t.code, country: t.country })
        .from(norm)
        .innerJoin(t, eq(t.id, norm.territoryId))
        .where(scope.path ? sql`${scope.path} like ${t.path} || '%' or ${t.path} like ${scope.path + '%'}` : undefined)
        .orderBy(asc(norm.serviceType), asc(t.path));
      return found.map(({ n, code, country }) => [n.serviceType, code, country, JSON.stringify(n.target), Number(n.ratePer1000), n.source, yesNo(n.illustrative)]);
    }
    case 'service-types': {
      const found = await db
        .select()
        .from(serviceType)
        .where(scope.territory ? eq(serviceType.country, scope.territory.country) : undefined)
        .orderBy(asc(serviceType.country), asc(serviceType.sortOrder));
      return found.map((s) => [s.key, s.country, s.officialCode, s.name, s.nameEn, s.category, yesNo(s.residential), s.unit, s.targetGroups.join('|')]);
    }
    case 'gaps': {
      if (!scope.territory) return [];
      const model = await models.get(scope.territory.country as TCountry);
      const year = scope.year ?? defaultYear(model);
      const method = scope.method ?? 'normative';
      const summary = summariseGaps(model.gapTable(year), model.tree, scope.territory.id, method);
      const code = model.territories.get(scope.territory.id)!.code;
      return summary.rows.map((r) => [code, year, r.serviceType, method, r.need, r.capacity, r.gap, r.coverage, r.shortfall, yesNo(r.incomplete)]);
    }
    case 'audit': {
      const found = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(100_000);
      return found.map((a) => [a.id, a.at.toISOString(), a.actor, a.action, a.entity, a.entityId, a.country, a.before === null ? null : JSON.stringify(a.before), a.after === null ? null : JSON.stringify(a.after)]);
    }
  }
}

async function serviceRows(db: Db, scope: ExportScope): Promise<Cell[][]> {
  const located = alias(territory, 'located');
  const found = await db
    .select({ s: serviceSite, settlementCode: located.code })
    .from(serviceSite)
    .innerJoin(located, eq(located.id, serviceSite.settlementId))
    .where(scope.path ? sql`${concerning(scope.path)} ${scope.year ? sql`and ${serviceSite.year} = ${scope.year}` : sql``}` : scope.year ? eq(serviceSite.year, scope.year) : undefined)
    .orderBy(desc(serviceSite.year), asc(serviceSite.siteKey));
  const servedIds = [...new Set(found.flatMap((f) => f.s.servesIds))];
  const codes = new Map<number, string>();
  if (servedIds.length) {
    for (const t of await db.select({ id: territory.id, code: territory.code }).from(territory).where(inArray(territory.id, servedIds))) codes.set(t.id, t.code);
  }
  return found.map(({ s, settlementCode }) => [
    s.siteKey,
    s.name,
    s.serviceType,
    s.provider,
    s.providerKind,
    settlementCode,
    s.servesIds.map((id) => codes.get(id) ?? '').join('|'),
    s.year,
    s.capacity,
    s.users,
    s.waitingList,
    s.staffPositions,
    s.staffVacancies,
    s.funding,
    yesNo(s.mobile),
    s.opened,
  ]);
}
