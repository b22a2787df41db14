import { z } from 'zod';

export const ZPyramidQuery = z.object({ year: z.coerce.number().int().min(1900).max(2100).optional() });

/** One age band of the population pyramid. */
export const ZPyramidBand = z.object({
  ageFrom: z.number().int(),
  ageTo: z.number().int().nullable(),
  female: z.number(),
  male: z.number(),
});

export const ZPyramid = z.object({
  territoryId: z.number().int(),
  year: z.number().int(),
  /** Years the user can pick. */
  years: z.array(z.number().int()),
  bands: z.array(ZPyramidBand),
  /**
   * direct: the unit's own table; sum_of_parts: its parts added up; apportioned: an enclosing
   * unit's structure scaled to the unit's total (an estimate; the UI says so).
   */
  how: z.enum(['direct', 'sum_of_parts', 'apportioned']).nullable(),
  dataYear: z.number().int().nullable(),
  /** For apportioned pyramids: the unit whose age structure was used. */
  from: z.object({ id: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), country: z.string(), level: z.string() }).nullable(),
  /** Provenance of the figures used (dataset source and whether illustrative). */
  sources: z.array(z.object({ source: z.string().nullable(), illustrative: z.boolean(), fileName: z.string().nullable() })),
});
export type TPyramid = z.infer<typeof ZPyramid>;

export const ZIndicatorList = z.object({
  items: z.array(
    z.object({
      indicator: z.string(),
      year: z.number().int(),
      value: z.number(),
      source: z.string(),
      sourceDate: z.string().nullable(),
    }),
  ),
});
export type TIndicatorList = z.infer<typeof ZIndicatorList>;
