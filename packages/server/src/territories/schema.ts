import { z } from 'zod';
import { ZCountry, ZIdText, ZLevel, ZTerritory } from '@potreby/domain';

export const ZTerritoryNode = ZTerritory.extend({ childCount: z.number().int() });
export type TTerritoryNode = z.infer<typeof ZTerritoryNode>;

export const ZTerritoryQuery = z.object({
  /** Children of this unit; without it, the top of the user's reach. */
  parentId: ZIdText.optional(),
  country: ZCountry.optional(),
  level: ZLevel.optional(),
  /** Search by name or code (at least 2 characters). */
  q: z.string().trim().min(2).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const ZTerritoryList = z.object({ items: z.array(ZTerritoryNode) });
export type TTerritoryList = z.infer<typeof ZTerritoryList>;

export const ZTerritoryDetail = z.object({
  territory: ZTerritoryNode,
  /** From the country down to the parent. */
  ancestors: z.array(ZTerritory),
  /** Years with any population figure for this unit or its parts. */
  populationYears: z.array(z.number().int()),
  /** Total population in the latest year, with how it was obtained. */
  population: z
    .object({ year: z.number().int(), value: z.number(), how: z.enum(['direct', 'sum_of_parts', 'apportioned']), dataYear: z.number().int() })
    .nullable(),
});
export type TTerritoryDetail = z.infer<typeof ZTerritoryDetail>;
