import { AppError, mayChangeSite } from '@potreby/domain';
import { and, eq, inArray, like } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { SessionActor } from '../http/context';
import { territory } from '../territories/tables';
import { territoriesByIds } from './queries';
import { serviceSite } from './tables';

export type CopyYearResult = { copied: number; alreadyThere: number };

/**
 * Start a year's registry from the year before: every site of `fromYear` located in the
 * territory — not those elsewhere that serve it, which belong to their own municipality's
 * registry — that the user may change and that has no row for `toYear` yet, is copied with
 * its structure — type, provider, place, territories served, capacity, staff positions,
 * funding. The counts that describe the year itself (users, waiting list, vacancies) start
 * empty, to be filled in: carried over, they would pass last year's demand off as this year's.
 *
 * "May change" is the form's rule (`mayChangeSite`): the copy stands and serves where the site
 * did, so the user may copy exactly the sites it may edit — a provider its own organisation's, a
 * municipality not the sites the whole province shares. A site is "already there" when its place
 * has its id for `toYear`: ids are unique per place (tables.ts), so a site elsewhere with the same
 * id is another site and never stops a copy.
 */
export async function copyYear(db: Db, actor: SessionActor, author: ChangeAuthor, input: { territoryId: number; fromYear: number; toYear: number; path: string }): Promise<CopyYearResult> {
  if (input.toYear === input.fromYear) throw new AppError('validation.invalid', {}, { issues: [{ path: 'toYear', message: 'same_year' }] });
  const located = alias(territory, 'located');
  return db.transaction(async (tx) => {
    const candidates = await tx
      .select({ site: serviceSite })
      .from(serviceSite)
      .innerJoin(located, eq(located.id, serviceSite.settlementId))
      .where(and(eq(serviceSite.year, input.fromYear), like(located.path, `${input.path}%`)));
    const places = new Map((await territoriesByIds(tx, candidates.flatMap((c) => [c.site.settlementId, ...c.site.servesIds]))).map((t) => [t.id, t]));
    const nowhere = { path: '' };
    const mine = candidates
      .map((c) => c.site)
      .filter((site) =>
        mayChangeSite(actor, { settlement: places.get(site.settlementId) ?? nowhere, serves: site.servesIds.map((id) => places.get(id) ?? nowhere), provider: site.provider }),
      );
    if (mine.length === 0) return { copied: 0, alreadyThere: 0 };
    const placed = (settlementId: number, siteKey: string) => `${settlementId}\u0000${siteKey}`;
    const existing = new Set(
      (
        await tx
          .select({ settlementId: serviceSite.settlementId, siteKey: serviceSite.siteKey })
          .from(serviceSite)
          .where(and(eq(serviceSite.year, input.toYear), inArray(serviceSite.settlementId, [...new Set(mine.map((s) => s.settlementId))])))
      ).map((r) => placed(r.settlementId, r.siteKey)),
    );
    let copied = 0;
    for (const site of mine) {
      if (existing.has(placed(site.settlementId, site.siteKey))) continue;
      const { id: _id, updatedAt: _u, datasetId: _d, ...facts } = site;
      const [created] = await tx
        .insert(serviceSite)
        .values({ ...facts, year: input.toYear, users: null, waitingList: null, staffVacancies: null })
        .returning();
      await recordChange(tx, author, { action: 'create', entity: 'service_site', entityId: created!.id, country: site.country, territoryId: site.settlementId, after: { ...created, copiedFrom: site.id } });
      copied++;
    }
    return { copied, alreadyThere: mine.length - copied };
  });
}
