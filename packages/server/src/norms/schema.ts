import { z } from 'zod';
import { ZIdText, ZTargetPopulation } from '@potreby/domain';
import { ZTerritoryRef } from '../http/schema';

export const ZNormQuery = z.object({
  /** Norms in force for this unit: its country's defaults and any regional overrides above it. */
  territoryId: ZIdText,
});

export const ZNormView = z.object({
  id: z.number().int(),
  serviceType: z.string(),
  territory: ZTerritoryRef,
  target: ZTargetPopulation,
  ratePer1000: z.number(),
  source: z.string().nullable(),
  illustrative: z.boolean(),
  updatedAt: z.string(),
});
export type TNormView = z.infer<typeof ZNormView>;

export const ZNormList = z.object({ items: z.array(ZNormView) });
export type TNormList = z.infer<typeof ZNormList>;

export { ZNormInput, type TNormInput } from '@potreby/domain';
