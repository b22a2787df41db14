import { AppError, reaches, type Actor } from '@potreby/domain';
import { servedProblems } from '@potreby/domain/planning/served';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import type { TerritoryRow } from '../territories/queries';
import { mayEditItem } from './access';
import { assertOpen, loadRound, roundMunicipalities, type LoadedRound } from './rounds';
import type { TItemInput, TItemView } from './schema';
import { proposalItem } from './tables';

export type ItemRow = typeof proposalItem.$inferSelect;

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

export const presentItem = (r: ItemRow, codeOf: ReadonlyMap<number, string>): TItemView => ({
  id: r.id,
  roundId: r.roundId,
  municipalityId: r.municipalityId,
  municipalityCode: codeOf.get(r.municipalityId) ?? '',
  action: r.action as TItemView['action'],
  serviceType: r.serviceType,
  capacityChange: r.capacityChange,
  unit: r.unit as TItemView['unit'],
  siteId: r.siteId,
  settlementId: r.settlementId,
  served: r.served,
  startYear: r.startYear,
  fundingSource: r.fundingSource as TItemView['fundingSource'],
  annualCost: r.annualCost,
  explanation: r.explanation,
});

const auditView = (r: ItemRow) => {
  const { updatedAt: _u, ...rest } = r;
  return rest;
};

/** A round's items of these municipalities (in the order of municipality and entry). */
export async function listItems(db: Db, roundId: number, municipalityIds: readonly number[]): Promise<ItemRow[]> {
  if (municipalityIds.length === 0) return [];
  return db
    .select()
    .from(proposalItem)
    .where(and(eq(proposalItem.roundId, roundId), inArray(proposalItem.municipalityId, [...municipalityIds])))
    .orderBy(asc(proposalItem.municipalityId), asc(proposalItem.id));
}

/**
 * The round's municipalities whose items, checks and budget lines the actor sees, by id: all of
 * them for the region's readers, only its own for a municipality's officer (or provider) — a
 * municipality sees its neighbours' proposals only as the region's consolidated documents show them.
 */
export async function visibleMunicipalities(db: Db, actor: Actor, loaded: LoadedRound): Promise<Map<number, TerritoryRow>> {
  return new Map((await roundMunicipalities(db, loaded.territory)).filter((m) => reaches(actor, m)).map((m) => [m.id, m]));
}

/** Codes of the municipalities, for presenting items. */
export const codesOf = (municipalities: ReadonlyMap<number, TerritoryRow>): Map<number, string> => new Map([...municipalities].map(([id, m]) => [id, m.code]));

/**
 * Check an item's references within its round: a municipality of the round the actor may propose
 * for, a service type of the country (its unit is the item's), a settlement of that municipality,
 * and the municipalities it serves (domain planning/served.ts). Returns the stored unit.
 */
export async function checkItem(db: Db, actor: Actor, loaded: LoadedRound, input: TItemInput, municipalities: readonly TerritoryRow[], before: ItemRow | null = null): Promise<{ unit: string; municipality: TerritoryRow }> {
  const municipality = municipalities.find((m) => m.id === input.municipalityId);
  if (!municipality) throw invalid('municipalityId', 'not_in_round');
  if (!mayEditItem(actor, municipality)) throw new AppError('auth.forbidden');
  const [type] = await db.select().from(serviceType).where(eq(serviceType.key, input.serviceType));
  if (!type || type.country !== loaded.territory.country) throw invalid('serviceType', 'unknown_service_type');
  // The import's rules (planning/import-plan-files.ts), so neither takes what the other refuses;
  // a retired type stays on the items that have it, but no item is given it anew.
  if (type.retiredAt !== null && before?.serviceType !== type.key) throw invalid('serviceType', 'retired_service_type');
  if ((input.action === 'open' || input.action === 'expand') && input.capacityChange < 0) throw invalid('capacityChange', 'against_action');
  if ((input.action === 'reduce' || input.action === 'close') && input.capacityChange > 0) throw invalid('capacityChange', 'against_action');
  if (input.settlementId !== null) {
    const [s] = await db.select().from(territory).where(eq(territory.id, input.settlementId));
    if (!s || !s.path.startsWith(municipality.path)) throw invalid('settlementId', 'not_in_municipality');
  }
  const [problem] = servedProblems(input, new Set(municipalities.map((m) => m.id)));
  if (problem) throw invalid(`served.${problem.index}.${problem.field}`, problem.code);
  return { unit: type.unit, municipality };
}

const values = (input: TItemInput, unit: string) => ({
  municipalityId: input.municipalityId,
  action: input.action,
  serviceType: input.serviceType,
  capacityChange: input.capacityChange,
  unit,
  siteId: input.siteId,
  settlementId: input.settlementId,
  served: input.served,
  startYear: input.startYear,
  fundingSource: input.fundingSource,
  annualCost: input.annualCost,
  explanation: input.explanation,
});

export async function createItem(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, input: TItemInput): Promise<ItemRow> {
  const loaded = await loadRound(db, actor, roundId);
  assertOpen(loaded);
  const { unit, municipality } = await checkItem(db, actor, loaded, input, await roundMunicipalities(db, loaded.territory));
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(proposalItem).values({ roundId, ...values(input, unit) }).returning();
    await recordChange(tx, author, { action: 'create', entity: 'proposal_item', entityId: created!.id, country: loaded.territory.country, territoryId: municipality.id, after: auditView(created!) });
    return created!;
  });
}

/** An item and its round, if the actor sees the item (visibleMunicipalities); 404 otherwise. */
export async function loadItem(db: Db, actor: Actor, id: number): Promise<{ item: ItemRow; loaded: LoadedRound; municipalities: Map<number, TerritoryRow> }> {
  const [item] = await db.select().from(proposalItem).where(eq(proposalItem.id, id));
  if (!item) throw new AppError('not_found');
  const loaded = await loadRound(db, actor, item.roundId);
  const municipalities = await visibleMunicipalities(db, actor, loaded);
  if (!municipalities.has(item.municipalityId)) throw new AppError('not_found');
  return { item, loaded, municipalities };
}

/** The item as it is must be the actor's to change, as must the item as it will be. */
async function assertMayChange(db: Db, actor: Actor, item: ItemRow): Promise<TerritoryRow> {
  const [m] = await db.select().from(territory).where(inArray(territory.id, [item.municipalityId]));
  if (!m || !mayEditItem(actor, m)) throw new AppError('auth.forbidden');
  return m;
}

export async function updateItem(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TItemInput): Promise<ItemRow> {
  const { item: before, loaded } = await loadItem(db, actor, id);
  assertOpen(loaded);
  await assertMayChange(db, actor, before);
  const { unit, municipality } = await checkItem(db, actor, loaded, input, await roundMunicipalities(db, loaded.territory), before);
  return db.transaction(async (tx) => {
    const [after] = await tx.update(proposalItem).set({ ...values(input, unit), updatedAt: new Date() }).where(eq(proposalItem.id, id)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'proposal_item', entityId: id, country: loaded.territory.country, territoryId: municipality.id, before: auditView(before), after: auditView(after!) });
    return after!;
  });
}

export async function deleteItem(db: Db, actor: Actor, author: ChangeAuthor, id: number): Promise<void> {
  const { item: before, loaded } = await loadItem(db, actor, id);
  assertOpen(loaded);
  const municipality = await assertMayChange(db, actor, before);
  await db.transaction(async (tx) => {
    await tx.delete(proposalItem).where(eq(proposalItem.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'proposal_item', entityId: id, country: loaded.territory.country, territoryId: municipality.id, before: auditView(before) });
  });
}
