import { AppError } from '@potreby/domain';
import { and, eq, inArray, like } from 'drizzle-orm';
import { appUser } from '../accounts/tables';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { territory as territoryTable } from '../territories/tables';
import { publication } from './tables';

/** The sections a territory's public page can show, in the page's order. */
export const PUBLIC_SECTIONS = ['services', 'gaps', 'plan', 'fiches'] as const;
export type TPublicSection = (typeof PUBLIC_SECTIONS)[number];

/** Only a municipality or a region publishes: the units that assess needs and plan services. */
export const PUBLISHING_LEVELS: ReadonlySet<string> = new Set(['municipality', 'region']);

export type SectionState = { section: TPublicSection; published: boolean; publishedAt: string | null; publishedBy: string | null };

/** Every section of the territory, published or not, with when and by whom (for its officers). */
export async function listPublications(db: Db, territoryId: number): Promise<SectionState[]> {
  const rows = await db
    .select({ section: publication.section, publishedAt: publication.publishedAt, by: appUser.name })
    .from(publication)
    .leftJoin(appUser, eq(appUser.id, publication.publishedBy))
    .where(eq(publication.territoryId, territoryId));
  return PUBLIC_SECTIONS.map((section) => {
    const row = rows.find((r) => r.section === section);
    return { section, published: !!row, publishedAt: row?.publishedAt.toISOString() ?? null, publishedBy: row?.by ?? null };
  });
}

/**
 * Publish a section or withdraw it, with its audit entry in the same transaction. Publishing what
 * is published keeps its first date; withdrawing what is not published changes nothing. The
 * entry also ends the public pages' memo (consultation/public-cache.ts), so readers see it next.
 */
export async function setPublication(
  db: Db,
  author: ChangeAuthor,
  place: { id: number; country: string; level: string },
  section: TPublicSection,
  published: boolean,
): Promise<SectionState[]> {
  if (!PUBLISHING_LEVELS.has(place.level)) throw new AppError('validation.invalid', {}, { issues: [{ path: 'id', message: 'not_municipality_or_region' }] });
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(publication).where(and(eq(publication.territoryId, place.id), eq(publication.section, section)));
    if (published === !!before) return;
    if (published) {
      const [row] = await tx.insert(publication).values({ territoryId: place.id, section, publishedBy: author.userId }).returning();
      await recordChange(tx as Db, author, { action: 'create', entity: 'publication', entityId: row!.id, country: place.country, territoryId: place.id, after: { territoryId: place.id, section, published: true, publishedAt: row!.publishedAt.toISOString() } });
    } else {
      await tx.delete(publication).where(eq(publication.id, before!.id));
      await recordChange(tx as Db, author, { action: 'delete', entity: 'publication', entityId: before!.id, country: place.country, territoryId: place.id, before: { territoryId: place.id, section, published: true, publishedAt: before!.publishedAt.toISOString() } });
    }
  });
  return listPublications(db, place.id);
}

/** What the territories within `path` (itself included) have published: territory id → section → date. */
export async function publishedWithin(db: Db, path: string): Promise<Map<number, Map<TPublicSection, string>>> {
  const rows = await db
    .select({ territoryId: publication.territoryId, section: publication.section, publishedAt: publication.publishedAt })
    .from(publication)
    .innerJoin(territoryTable, eq(territoryTable.id, publication.territoryId))
    .where(like(territoryTable.path, `${path}%`));
  const out = new Map<number, Map<TPublicSection, string>>();
  for (const r of rows) {
    const sections = out.get(r.territoryId) ?? new Map<TPublicSection, string>();
    sections.set(r.section as TPublicSection, r.publishedAt.toISOString());
    out.set(r.territoryId, sections);
  }
  return out;
}

export const territoriesById = async (db: Db, ids: number[]) => (ids.length === 0 ? [] : db.select().from(territoryTable).where(inArray(territoryTable.id, ids)));
