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
