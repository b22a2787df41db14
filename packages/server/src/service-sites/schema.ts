import { z } from 'zod';
import { ZFunding, ZId, ZIdText, ZProviderKind, ZServiceSite, ZYearText } from '@potreby/domain';
import { ZPage, ZTerritoryRef } from '../http/schema';

export const ZServiceSiteQuery = ZPage.extend({
  /** Sites located in this unit's subtree or serving it. */
  territoryId: ZIdText.optional(),
  year: ZYearText.optional(),
  serviceType: z.string().optional(),
  providerKind: ZProviderKind.optional(),
  funding: ZFunding.optional(),
  /** Free text over name, provider and site id. */
  q: z.string().trim().max(100).optional(),
});
export type TServiceSiteQuery = z.infer<typeof ZServiceSiteQuery>;

export const ZServiceSiteView = ZServiceSite.extend({
  settlement: ZTerritoryRef,
  municipality: ZTerritoryRef.nullable(),
  serves: z.array(ZTerritoryRef),
  /** May the signed-in user edit this site? */
  editable: z.boolean(),
  updatedAt: z.string(),
});
export type TServiceSiteView = z.infer<typeof ZServiceSiteView>;

export const ZServiceSiteList = z.object({
  items: z.array(ZServiceSiteView),
  total: z.number().int(),
  /** Years with any site in the user's reach, newest first. */
  years: z.array(z.number().int()),
});
export type TServiceSiteList = z.infer<typeof ZServiceSiteList>;

/** A site's id in the path: beyond `integer`, it is no site (400), not a database error. */
export const ZServiceSiteParam = z.object({ id: ZIdText });

export const ZCopyYear = z
  .object({
    territoryId: ZId,
    fromYear: z.number().int().min(1990).max(2100),
    toYear: z.number().int().min(1990).max(2100),
  })
  .refine((c) => c.toYear !== c.fromYear, { path: ['toYear'], message: 'same_year' });

export const ZCopyYearResult = z.object({
  /** Sites now in `toYear`, copied from `fromYear`. */
  copied: z.number().int(),
  /** Sites left alone because `toYear` already had them. */
  alreadyThere: z.number().int(),
});

export const ZRegistryYearsQuery = z.object({
  /** The territory whose registry is counted; without it, the user's own territory (an administrator: every country). */
  territoryId: ZIdText.optional(),
});

const ZYearSites = z.object({ year: z.number().int(), sites: z.number().int() });

export const ZRegistryYear = ZYearSites.extend({
  /** The nearest earlier year with sites in this registry, and how many; null for the first. */
  previous: ZYearSites.nullable(),
  /**
   * Fewer than half as many sites as `previous`: the year is not filled in yet, and its gap table
   * would show shortfalls that are not there (domain: service-sites/registry-year.ts). For every
   * country at once, incomplete in any of them.
   */
  incomplete: z.boolean(),
});

export const ZRegistryYears = z.object({
  /** The territory counted; null for every country at once. */
  territory: ZTerritoryRef.nullable(),
  /** Years with sites in this registry, newest first. */
  years: z.array(ZRegistryYear),
  /** The year the registry and the gap dashboard open on: the newest complete one. */
  defaultYear: z.number().int().nullable(),
});
export type TRegistryYears = z.infer<typeof ZRegistryYears>;
