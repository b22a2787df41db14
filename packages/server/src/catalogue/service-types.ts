import {
  AppError,
  namesOf,
  officialCodeOf,
  storedNames,
  type TCountry,
  type TServiceType,
  type TServiceTypeChange,
  type TServiceTypeInput,
  type TStoredServiceType,
} from '@potreby/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { rows, type Db } from '../db/database';
import { serviceType } from './tables';

type Row = typeof serviceType.$inferSelect;

export const toServiceType = (r: Row): TServiceType => ({
  key: r.key,
  country: r.country as TCountry,
  officialCode: r.officialCode,
  name: r.name,
  nameEn: r.nameEn,
  category: r.category,
  residential: r.residential,
  unit: r.unit as 'places' | 'persons_per_year',
  targetGroups: r.targetGroups,
  translations: r.translations ?? {},
  retiredAt: r.retiredAt ? r.retiredAt.toISOString() : null,
});

/** A type as the audit log keeps it: what an administrator can change. */
const auditView = (r: Row) => {
  const { sortOrder: _s, ...rest } = r;
  return rest;
};

export async function findServiceType(db: Db, key: string): Promise<Row> {
  const [found] = await db.select().from(serviceType).where(eq(serviceType.key, key));
  if (!found) throw new AppError('not_found');
  return found;
}

/** Do sites or norms count in this type? (Its unit may then not change.) */
export async function typeInUse(db: Db, key: string): Promise<boolean> {
  const [found] = await rows<{ used: boolean }>(
    db,
    sql`select exists (select 1 from service_site where service_type = ${key}) or exists (select 1 from norm where service_type = ${key}) as used`,
  );
  return !!found?.used;
}

/** Keys of the types sites or norms count in, for the import's check of units. */
async function typesInUse(db: Db): Promise<Set<string>> {
  const found = await rows<{ key: string }>(db, sql`select distinct service_type as key from service_site union select distinct service_type from norm`);
  return new Set(found.map((r) => r.key));
}

/** The catalogue as the import's checks see it. */
export async function storedServiceTypes(db: Db): Promise<TStoredServiceType[]> {
  const [types, used] = await Promise.all([db.select().from(serviceType), typesInUse(db)]);
  return types.map((t) => ({ key: t.key, country: t.country, officialCode: t.officialCode, unit: t.unit as TStoredServiceType['unit'], inUse: used.has(t.key) }));
}

/** Refuse an official code another type of the country has, naming that type. */
async function ensureCodeFree(db: Db, country: string, code: string | null, exceptKey: string | null): Promise<void> {
  if (!code) return;
  const [clash] = await db
    .select({ key: serviceType.key })
    .from(serviceType)
    .where(and(eq(serviceType.country, country), sql`lower(${serviceType.officialCode}) = lower(${code})`));
  if (clash && clash.key !== exceptKey) throw new AppError('conflict.duplicate', { field: 'officialCode', value: `${code} (${clash.key})` });
}

/** Next place in the country's list: after the types it has. */
async function nextSortOrder(db: Db, country: string): Promise<number> {
  const [found] = await rows<{ n: number }>(db, sql`select coalesce(max(sort_order), -1)::int + 1 as n from service_type where country = ${country}`);
  return found?.n ?? 0;
}

export async function createServiceType(db: Db, author: ChangeAuthor, input: TServiceTypeInput): Promise<Row> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ key: serviceType.key }).from(serviceType).where(eq(serviceType.key, input.key));
    if (existing) throw new AppError('conflict.duplicate', { field: 'key', value: input.key });
    const officialCode = officialCodeOf(input.officialCode);
    await ensureCodeFree(tx, input.country, officialCode, null);
    const [created] = await tx
      .insert(serviceType)
      .values({
        key: input.key,
        country: input.country,
        officialCode,
        ...storedNames(input.country, input.names),
        category: input.category,
        residential: input.residential,
        unit: input.unit,
        targetGroups: input.targetGroups,
        sortOrder: await nextSortOrder(tx, input.country),
      })
      .returning();
    await recordChange(tx, author, { action: 'create', entity: 'service_type', entityId: created!.key, country: created!.country, after: auditView(created!) });
    return created!;
  });
}

export async function changeServiceType(db: Db, author: ChangeAuthor, before: Row, change: TServiceTypeChange): Promise<Row> {
  const country = before.country as TCountry;
  return db.transaction(async (tx) => {
    const set: Partial<Row> = {};
    if (change.names) Object.assign(set, storedNames(country, { ...namesOf(toServiceType(before)), ...change.names }));
    if (change.officialCode !== undefined) {
      set.officialCode = officialCodeOf(change.officialCode);
      await ensureCodeFree(tx, country, set.officialCode, before.key);
    }
    if (change.category !== undefined) set.category = change.category;
    if (change.residential !== undefined) set.residential = change.residential;
    if (change.unit !== undefined) set.unit = change.unit;
    if (change.targetGroups !== undefined) set.targetGroups = change.targetGroups;
    if (Object.keys(set).length === 0) return before;
    const [after] = await tx.update(serviceType).set(set).where(eq(serviceType.key, before.key)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'service_type', entityId: before.key, country, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

/** Retire a type (or offer it again): a flag, since sites, norms and past figures keep referring to it. */
export async function setRetired(db: Db, author: ChangeAuthor, before: Row, retired: boolean): Promise<Row> {
  if (!!before.retiredAt === retired) return before;
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(serviceType)
      .set({ retiredAt: retired ? new Date() : null })
      .where(eq(serviceType.key, before.key))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'service_type', entityId: before.key, country: before.country, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

/** Keys of the retired types: kept where they are used, refused where a type is newly chosen. */
export async function retiredServiceTypes(db: Db): Promise<Set<string>> {
  const found = await rows<{ key: string }>(db, sql`select key from service_type where retired_at is not null`);
  return new Set(found.map((r) => r.key));
}
