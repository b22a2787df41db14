import { AppError, mayEditServiceReview, type Actor, type TCountry } from '@potreby/domain';
import { and, eq, inArray, like } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { PlacedTerritory } from '../http/guards';
import type { SessionActor } from '../http/context';
import type { CountryModels } from '../model/country-model';
import { territoryDefaultYear } from '../service-sites/registry-years';
import { serviceSite } from '../service-sites/tables';
import { territory as territoryTable } from '../territories/tables';
import type { TReviewedService, TReviewNotes, TReviewNotesInput, TServicesReview } from './schema';
import { serviceReview } from './tables';

const EMPTY_NOTES: TReviewNotes = { results: '', challenges: '', goodPractices: '', partner: '', updatedAt: null };

/** A site as the registry names it across years: its key within the place it stands. */
const siteId = (settlementId: number, siteKey: string) => `${settlementId}|${siteKey}`;

/** The reviewed unit must be a municipality: its services stand in it, its officers write. */
function checkMunicipality(territory: PlacedTerritory) {
  if (territory.level !== 'municipality') throw new AppError('not_found');
}

/**
 * A municipality's review: the services active (standing in it) in the registry year reviewed —
 * by default the newest year complete for the municipality, the year its registry list and gap
 * table open on — with users and capacity in every year the registry has them, and the forum's
 * notes on each for that year.
 */
export async function loadServicesReview(db: Db, models: CountryModels, actor: Actor, municipality: PlacedTerritory, askedYear?: number): Promise<TServicesReview> {
  checkMunicipality(municipality);
  const model = await models.get(municipality.country as TCountry);
  const year = askedYear ?? territoryDefaultYear(model, municipality.id);

  // Every year's rows of the sites standing in the municipality (the settlement's path within its own).
  const rows = await db
    .select({
      settlementId: serviceSite.settlementId,
      siteKey: serviceSite.siteKey,
      year: serviceSite.year,
      name: serviceSite.name,
      serviceType: serviceSite.serviceType,
      provider: serviceSite.provider,
      capacity: serviceSite.capacity,
      users: serviceSite.users,
    })
    .from(serviceSite)
    .innerJoin(territoryTable, eq(territoryTable.id, serviceSite.settlementId))
    .where(and(eq(serviceSite.country, municipality.country), like(territoryTable.path, `${municipality.path}%`)));

  const figures = new Map<string, TReviewedService['figures']>();
  for (const r of rows) {
    const id = siteId(r.settlementId, r.siteKey);
    figures.set(id, [...(figures.get(id) ?? []), { year: r.year, users: r.users, capacity: r.capacity }]);
  }
  const active = rows.filter((r) => r.year === year).sort((a, b) => a.name.localeCompare(b.name) || a.siteKey.localeCompare(b.siteKey));

  const notes = new Map<string, TReviewNotes>();
  const settlementIds = [...new Set(active.map((r) => r.settlementId))];
  if (settlementIds.length > 0) {
    const saved = await db
      .select()
      .from(serviceReview)
      .where(and(eq(serviceReview.year, year), inArray(serviceReview.settlementId, settlementIds)));
    for (const n of saved) notes.set(siteId(n.settlementId, n.siteKey), presentNotes(n));
  }

  const units = new Map(model.serviceTypes.map((s) => [s.key, s.unit]));
  const placeOf = (id: number) => {
    const t = model.territories.get(id);
    return { id, name: t?.name ?? '', nameEn: t?.nameEn ?? null, country: municipality.country };
  };
  return {
    municipality: { id: municipality.id, code: municipality.code, name: municipality.name, nameEn: municipality.nameEn, level: municipality.level, country: municipality.country },
    year,
    years: [...model.siteYears].sort((a, b) => a - b),
    services: active.map((r) => ({
      settlementId: r.settlementId,
      siteKey: r.siteKey,
      name: r.name,
      serviceType: r.serviceType,
      provider: r.provider,
      unit: units.get(r.serviceType) ?? 'places',
      settlement: placeOf(r.settlementId),
      figures: (figures.get(siteId(r.settlementId, r.siteKey)) ?? []).sort((a, b) => a.year - b.year),
      notes: notes.get(siteId(r.settlementId, r.siteKey)) ?? EMPTY_NOTES,
    })),
    mayEdit: mayEditServiceReview(actor, municipality),
  };
}

const presentNotes = (n: typeof serviceReview.$inferSelect): TReviewNotes => ({
  results: n.results,
  challenges: n.challenges,
  goodPractices: n.goodPractices,
  partner: n.partner,
  updatedAt: n.updatedAt.toISOString(),
});

/**
 * Write the forum's notes on one service of the municipality for one registry year. The site must
 * stand in the municipality in that year: nobody writes notes on another municipality's site
 * through their own.
 */
export async function saveReviewNotes(db: Db, actor: SessionActor, author: ChangeAuthor, municipality: PlacedTerritory, input: TReviewNotesInput): Promise<TReviewNotes> {
  checkMunicipality(municipality);
  if (!mayEditServiceReview(actor, municipality)) throw new AppError('auth.forbidden');
  const [site] = await db
    .select({ id: serviceSite.id })
    .from(serviceSite)
    .innerJoin(territoryTable, eq(territoryTable.id, serviceSite.settlementId))
    .where(
      and(
        eq(serviceSite.settlementId, input.settlementId),
        eq(serviceSite.siteKey, input.siteKey),
        eq(serviceSite.year, input.year),
        like(territoryTable.path, `${municipality.path}%`),
      ),
    );
  if (!site) throw new AppError('not_found');

  return db.transaction(async (tx) => {
    const key = and(eq(serviceReview.settlementId, input.settlementId), eq(serviceReview.siteKey, input.siteKey), eq(serviceReview.year, input.year));
    const [before] = await tx.select().from(serviceReview).where(key);
    const values = { results: input.results, challenges: input.challenges, goodPractices: input.goodPractices, partner: input.partner, updatedBy: author.userId, updatedAt: new Date() };
    const [after] = before
      ? await tx.update(serviceReview).set(values).where(eq(serviceReview.id, before.id)).returning()
      : await tx.insert(serviceReview).values({ settlementId: input.settlementId, siteKey: input.siteKey, year: input.year, ...values }).returning();
    await recordChange(tx, author, {
      action: before ? 'update' : 'create',
      entity: 'service_review',
      entityId: after!.id,
      country: municipality.country,
      territoryId: municipality.id,
      before: before ?? null,
      after,
    });
    return presentNotes(after!);
  });
}
