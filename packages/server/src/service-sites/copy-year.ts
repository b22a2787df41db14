import { AppError, may } from '@potreby/domain';
import { and, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { SessionActor } from '../http/context';
import { territory } from '../territories/tables';
import { serviceSite } from './tables';

export type CopyYearResult = { copied: number; alreadyThere: number };

/**
 * Start a year's registry from the year before: every site of `fromYear` located in the
 * territory — not those elsewhere that serve it, which belong to their own municipality's
 * registry — that the user may change and that has no row for `toYear` yet, is copied with
 * its structure — type, provider, place, territories served, capacity, staff positions,
 * funding. The counts that describe the year itself (users, waiting list, vacancies) start
 * empty, to be filled in: carried over, they would pass last year's demand off as this year's.
 */
export async function copyYear(db: Db, actor: SessionActor, author: ChangeAuthor, input: { territoryId: number; fromYear: number; toYear: number; path: string }): Promise<CopyYearResult> {
  if (input.toYear === input.fromYear) throw new AppError('validation.invalid', {}, { issues: [{ path: 'toYear', message: 'same_year' }] });
  const located = alias(territory, 'located');
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ site: serviceSite, place: { path: located.path, id: located.id } })
      .from(serviceSite)
      .innerJoin(located, eq(located.id, serviceSite.settlementId))
      .where(and(eq(serviceSite.year, input.fromYear), like(located.path, `${input.path}%`)));
    const mine = candidates.filter((c) => may(actor, 'edit_service_site', c.place, { provider: c.site.provider }));
    if (mine.length === 0) return { copied: 0, alreadyThere: 0 };
    const existing = new Set(
      (
        await tx
          .select({ country: serviceSite.country, siteKey: serviceSite.siteKey })
          .from(serviceSite)
          .where(and(eq(serviceSite.year, input.toYear), inArray(serviceSite.siteKey, mine.map((c) => c.site.siteKey))))
      ).map((r) => `${r.country}|${r.siteKey}`),
    );
    let copied = 0;
    for (const { site, place } of mine) {
      if (existing.has(`${site.country}|${site.siteKey}`)) continue;
      const { id: _id, updatedAt: _u, datasetId: _d, ...facts } = site;
      const [created] = await tx
        .insert(serviceSite)
        .values({ ...facts, year: input.toYear, users: null, waitingList: null, staffVacancies: null })
        .returning();
      await recordChange(tx, author, { action: 'create', entity: 'service_site', entityId: created!.id, country: site.country, territoryId: place.id, after: { ...created, copiedFrom: site.id } });
      copied++;
    }
    return { copied, alreadyThere: mine.length - copied };
  });
}
