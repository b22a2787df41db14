import { AppError, may, mayChangeSite, mayChooseServiceType, maySaveSite, type SitePlaces, type TServiceSiteInput } from '@potreby/domain';
import { and, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import type { Db } from '../db/database';
import type { SessionActor } from '../http/context';
import { pathIds, type TerritoryRow } from '../territories/queries';
import { presentSite } from './present-from-model';
import { findServiceSite, territoriesByIds, type ServiceSiteRow } from './queries';
import type { TServiceSiteView } from './schema';
import { serviceSite } from './tables';

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

/** Outside every reach: a served territory that no longer exists is nobody's to vouch for. */
const NOWHERE = { path: '' };

/** A site as the access policy sees it, from the territories already loaded. */
const placesOf = (byId: ReadonlyMap<number, TerritoryRow>, site: { settlementId: number; servesIds: readonly number[]; provider: string }): SitePlaces => ({
  settlement: byId.get(site.settlementId) ?? NOWHERE,
  serves: site.servesIds.map((id) => byId.get(id) ?? NOWHERE),
  provider: site.provider,
});

/**
 * Check a site's references and the actor's right to write it: the settlement exists and is a
 * settlement or municipality, the service type belongs to its country, the served units exist
 * in the same country, and the policy lets the actor save the site — as it was (`before`, when
 * changing one) and as it will be.
 */
async function checkSite(db: Db, actor: SessionActor, input: TServiceSiteInput, before: ServiceSiteRow | null): Promise<{ settlement: TerritoryRow; country: string }> {
  const found = await territoriesByIds(db, [input.settlementId, ...input.servesIds, ...(before ? [before.settlementId, ...before.servesIds] : [])]);
  const byId = new Map(found.map((t) => [t.id, t]));
  const settlement = byId.get(input.settlementId);
  const served = input.servesIds.map((id) => byId.get(id));
  if (!settlement) throw invalid('settlementId', 'unknown_territory');
  if (settlement.level !== 'settlement' && settlement.level !== 'municipality') throw invalid('settlementId', 'not_settlement');
  const [type] = await db.select().from(serviceType).where(eq(serviceType.key, input.serviceType));
  if (!type) throw invalid('serviceType', 'unknown_service_type');
  if (type.country !== settlement.country) throw invalid('serviceType', 'wrong_country');
  // A retired type stays on the sites that have it, but no site is given it anew.
  if (!mayChooseServiceType({ key: type.key, retiredAt: type.retiredAt?.toISOString() ?? null }, before?.serviceType ?? null)) throw invalid('serviceType', 'retired_service_type');
  served.forEach((t, i) => {
    if (!t) throw invalid(`servesIds.${i}`, 'unknown_territory');
    if (t.country !== settlement.country) throw invalid(`servesIds.${i}`, 'wrong_country');
  });
  // Serving a unit outside one's reach would change that unit's figures (accounts/policy.ts).
  if (!maySaveSite(actor, before ? placesOf(byId, before) : null, placesOf(byId, input))) throw new AppError('auth.forbidden');
  return { settlement, country: settlement.country };
}

const auditView = (s: ServiceSiteRow) => {
  const { updatedAt: _u, ...rest } = s;
  return rest;
};

const values = (input: TServiceSiteInput, country: string) => ({
  country,
  siteKey: input.siteKey,
  year: input.year,
  name: input.name,
  serviceType: input.serviceType,
  provider: input.provider,
  providerKind: input.providerKind,
  settlementId: input.settlementId,
  address: input.address,
  servesIds: [...new Set(input.servesIds)],
  capacity: input.capacity,
  users: input.users,
  waitingList: input.waitingList,
  staffPositions: input.staffPositions,
  staffVacancies: input.staffVacancies,
  funding: input.funding,
  mobile: input.mobile,
  accessible: input.accessible,
  opened: input.opened,
});

/**
 * A site id is unique for its place and year (tables.ts). The actor has been found to reach that
 * place, and so may read every site standing there: naming the clashing id tells nothing new.
 */
async function ensureUniqueKey(db: Db, input: TServiceSiteInput, exceptId?: number) {
  const [clash] = await db
    .select({ id: serviceSite.id })
    .from(serviceSite)
    .where(and(eq(serviceSite.settlementId, input.settlementId), eq(serviceSite.siteKey, input.siteKey), eq(serviceSite.year, input.year)));
  if (clash && clash.id !== exceptId) throw new AppError('conflict.duplicate', { field: 'siteKey', value: `${input.siteKey} (${input.year})` });
}

export async function createServiceSite(db: Db, actor: SessionActor, author: ChangeAuthor, input: TServiceSiteInput): Promise<ServiceSiteRow> {
  const { settlement, country } = await checkSite(db, actor, input, null);
  return db.transaction(async (tx) => {
    await ensureUniqueKey(tx, input);
    const [created] = await tx.insert(serviceSite).values(values(input, country)).returning();
    await recordChange(tx, author, { action: 'create', entity: 'service_site', entityId: created!.id, country, territoryId: settlement.id, after: auditView(created!) });
    return created!;
  });
}

export async function updateServiceSite(db: Db, actor: SessionActor, author: ChangeAuthor, id: number, input: TServiceSiteInput): Promise<ServiceSiteRow> {
  const before = await findServiceSite(db, id);
  if (!before) throw new AppError('not_found');
  await assertMayChange(db, actor, before);
  const { settlement, country } = await checkSite(db, actor, input, before);
  return db.transaction(async (tx) => {
    await ensureUniqueKey(tx, input, id);
    const [after] = await tx.update(serviceSite).set({ ...values(input, country), updatedAt: new Date() }).where(eq(serviceSite.id, id)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'service_site', entityId: id, country, territoryId: settlement.id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

export async function deleteServiceSite(db: Db, actor: SessionActor, author: ChangeAuthor, id: number): Promise<void> {
  const before = await findServiceSite(db, id);
  if (!before) throw new AppError('not_found');
  const settlement = await assertMayChange(db, actor, before);
  await db.transaction(async (tx) => {
    await tx.delete(serviceSite).where(eq(serviceSite.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'service_site', entityId: id, country: before.country, territoryId: settlement.id, before: auditView(before) });
  });
}

/**
 * The existing site must be the actor's as it is — where it stands and whom it serves — to be
 * changed or deleted: nobody moves another municipality's site into theirs, and a municipality
 * does not remove a site the whole province shares. Out of reach, it does not exist (404).
 */
async function assertMayChange(db: Db, actor: SessionActor, site: ServiceSiteRow): Promise<TerritoryRow> {
  const found = await territoriesByIds(db, [site.settlementId, ...site.servesIds]);
  const byId = new Map(found.map((t) => [t.id, t]));
  const settlement = byId.get(site.settlementId);
  if (!settlement || !may(actor, 'read', settlement)) throw new AppError('not_found');
  if (!mayChangeSite(actor, placesOf(byId, site))) throw new AppError('auth.forbidden');
  return settlement;
}

/** Sites with the names of their settlement, municipality and served units, for the API. */
export async function presentSites(db: Db, actor: SessionActor, sites: ServiceSiteRow[]): Promise<TServiceSiteView[]> {
  const direct = await territoriesByIds(db, sites.flatMap((s) => [s.settlementId, ...s.servesIds]));
  const byId = new Map(direct.map((t) => [t.id, t]));
  const ancestorIds = direct.flatMap((t) => pathIds(t.path)).filter((id) => !byId.has(id));
  for (const t of await territoriesByIds(db, ancestorIds)) byId.set(t.id, t);
  return sites.map((s) => presentSite(s, (id) => byId.get(id), actor));
}
