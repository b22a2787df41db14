import { FORMAT_COLUMNS, formatAgeRange, serviceTypeNameIn, type TCountry, type TGapMethod, type TTargetPopulation } from '@potreby/domain';
import { parseAuditActor } from '@potreby/domain/audit/audit-entries';
import { translator, type TLanguage } from '@potreby/i18n';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../audit/tables';
import { serviceType } from '../catalogue/tables';
import { rows, type Db } from '../db/database';
import { GAP_EXPORT_COLUMNS, gapExportRows, gapMatrixOf } from '../gaps/gap-matrix';
import type { CountryModels } from '../model/country-model';
import { norm } from '../norms/tables';
import { concerning } from '../service-sites/queries';
import { serviceSite } from '../service-sites/tables';
import { territory } from '../territories/tables';
import { choiceWord } from './choice-words';
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
  /** Language of the words in the cells (the gap table's names, units, yes/no). */
  language?: TLanguage;
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
  norms: ['service_type', 'territory_code', 'country', 'target', 'rate_per_1000', 'source', 'illustrative', 'service_type_code'],
  'service-types': ['key', 'country', 'official_code', 'name', 'name_en', 'category', 'residential', 'unit', 'target_groups'],
  gaps: GAP_EXPORT_COLUMNS,
  audit: ['id', 'at', 'actor', 'action', 'entity', 'entity_id', 'country', 'before', 'after'],
};

const within = (path: string | null, column = sql`t.path`) => (path ? sql`${column} like ${path + '%'}` : sql`true`);

/**
 * A norm's target population in words, as the norms screen says it (web norms/describe-target.ts):
 * "Жени на възраст 65+", not `{"kind":"population","sex":"F",…}`.
 */
export function describeTarget(language: TLanguage, target: TTargetPopulation): string {
  const t = translator(language);
  if (target.kind === 'indicator') return t(`indicators.${target.indicator}`, { defaultValue: target.indicator });
  const ages = target.age.from === 0 && target.age.to === null ? null : formatAgeRange(target.age);
  const sex = t(`norms.sexPeople.${target.sex}`);
  return ages ? t('norms.targetAged', { who: sex, ages }) : sex;
}

/** Who made a change, in words (web audit/AuditActor.tsx), for the audit export. */
function actorWords(language: TLanguage, actor: string): string {
  const t = translator(language);
  const who = parseAuditActor(actor);
  switch (who.kind) {
    case 'seed':
    case 'system':
    case 'public':
      return t(`audit.actors.${who.kind}`);
    case 'cli':
      return t('audit.actors.cli', { user: who.user, interpolation: { escapeValue: false } });
    case 'login':
      return t('audit.actors.login', { login: who.login, interpolation: { escapeValue: false } });
    case 'user':
      return t('audit.actors.user', { id: who.id });
    case 'other':
      return who.text;
  }
}

/** A service type's name for a reader: the catalogue's own name in its country's language, else the translated or English one. */
/** A service type's name as every screen and document gives it (domain: serviceTypeNameIn): an administrator's name first. */
function serviceTypeName(language: TLanguage, type: { key: string; country: string; name: string; nameEn: string; translations: Record<string, string> | null } | undefined, key: string): string {
  const t = translator(language);
  const fromFiles = (k: string) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined;
  return type ? serviceTypeNameIn({ ...type, country: type.country as TCountry, translations: type.translations ?? undefined }, language, fromFiles) : (fromFiles(key) ?? key);
}

/** The rows of one export, each an array in EXPORT_COLUMNS order. */
export async function exportRows(db: Db, models: CountryModels, table: ExportTable, scope: ExportScope): Promise<Cell[][]> {
  // Choices, targets and audit words in the reader's language; yes/no stay booleans for the writer (write-table.ts).
  const language = scope.language ?? 'en';
  switch (table) {
    case 'territories': {
      const found = await rows<Record<string, Cell>>(
        db,
        sql`select t.code, t.name, t.name_en, t.level, p.code as parent_code, t.country, t.lat, t.lon
            from territory t left join territory p on p.id = t.parent_id where ${within(scope.path)} order by t.path`,
      );
      return found.map((r) => EXPORT_COLUMNS.territories.map((c) => (c === 'level' ? choiceWord(language, 'level', r.level as string) : (r[c] ?? null))));
    }
    case 'population': {
      const found = await rows<Record<string, Cell>>(
        db,
        sql`select t.code, p.year, p.sex, p.age_from, p.age_to, p.count from population p join territory t on t.id = p.territory_id
            where ${within(scope.path)} ${scope.year ? sql`and p.year = ${scope.year}` : sql``} order by t.path, p.year, p.sex, p.age_from`,
      );
      return found.map((r) => EXPORT_COLUMNS.population.map((c) => (c === 'sex' ? choiceWord(language, 'sex', r.sex as string) : (r[c] ?? null))));
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
      return serviceRows(db, scope, language);
    case 'norms': {
      const t = alias(territory, 't');
      const found = await db
        .select({ n: norm, code: t.code, country: t.country })
        .from(norm)
        .innerJoin(t, eq(t.id, norm.territoryId))
        .where(scope.path ? sql`${scope.path} like ${t.path} || '%' or ${t.path} like ${scope.path + '%'}` : undefined)
        .orderBy(asc(norm.serviceType), asc(t.path));
      const keys = [...new Set(found.map((f) => f.n.serviceType))];
      const types = new Map((keys.length ? await db.select().from(serviceType).where(inArray(serviceType.key, keys)) : []).map((s) => [s.key, s]));
      return found.map(({ n, code, country }) => [
        serviceTypeName(language, types.get(n.serviceType), n.serviceType),
        code,
        country,
        describeTarget(language, n.target as TTargetPopulation),
        Number(n.ratePer1000),
        n.source,
        n.illustrative,
        n.serviceType,
      ]);
    }
    case 'service-types': {
      const found = await db
        .select()
        .from(serviceType)
        .where(scope.territory ? eq(serviceType.country, scope.territory.country) : undefined)
        .orderBy(asc(serviceType.country), asc(serviceType.sortOrder));
      return found.map((s) => [
        s.key,
        s.country,
        s.officialCode,
        s.name,
        s.nameEn,
        choiceWord(language, 'category', s.category),
        s.residential,
        choiceWord(language, 'unit', s.unit),
        s.targetGroups.map((g) => choiceWord(language, 'target_groups', g)).join('|'),
      ]);
    }
    case 'gaps': {
      if (!scope.territory) return [];
      // Every municipality × service type with the territory's totals, in the reader's words (gaps/gap-matrix.ts).
      const model = await models.get(scope.territory.country as TCountry);
      const matrix = await gapMatrixOf(models, scope.territory, scope.year, scope.method ?? 'normative');
      return gapExportRows(matrix, model.serviceTypes, scope.language ?? 'en');
    }
    case 'audit': {
      const found = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(100_000);
      const t = translator(language);
      return found.map((a) => [
        a.id,
        a.at.toISOString(),
        actorWords(language, a.actor),
        t(`audit.actions.${a.action}`, { defaultValue: a.action }),
        t(`audit.entities.${a.entity}`, { defaultValue: a.entity }),
        a.entityId,
        a.country,
        a.before === null ? null : JSON.stringify(a.before),
        a.after === null ? null : JSON.stringify(a.after),
      ]);
    }
  }
}

async function serviceRows(db: Db, scope: ExportScope, language: TLanguage): Promise<Cell[][]> {
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
    choiceWord(language, 'provider_kind', s.providerKind),
    settlementCode,
    s.servesIds.map((id) => codes.get(id) ?? '').join('|'),
    s.year,
    s.capacity,
    s.users,
    s.waitingList,
    s.staffPositions,
    s.staffVacancies,
    choiceWord(language, 'funding', s.funding),
    s.mobile,
    s.opened,
  ]);
}
