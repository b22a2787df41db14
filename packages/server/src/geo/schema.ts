import { ZIdText } from '@potreby/domain';
import { z } from 'zod';

export const ZBoundaryQuery = z.object({ territoryId: ZIdText });

/** GeoJSON FeatureCollection of the municipalities in a territory; properties: id, code, name. */
export const ZBoundaries = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
      geometry: z.unknown(),
    }),
  ),
});
export type TBoundaries = z.infer<typeof ZBoundaries>;
