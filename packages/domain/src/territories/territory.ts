import { z } from 'zod';

/** The three countries whose planning rules potreby follows. */
export const COUNTRIES = ['BG', 'UA', 'PL'] as const;
export const ZCountry = z.enum(COUNTRIES);
export type TCountry = z.infer<typeof ZCountry>;

/**
 * Levels of the administrative hierarchy, from the top. Not every country uses every level:
 * Bulgaria has no district between the province (област) and the municipality (община);
 * Poland's TERC list stops at the gmina.
 */
export const LEVELS = ['country', 'region', 'district', 'municipality', 'settlement'] as const;
export const ZLevel = z.enum(LEVELS);
export type TLevel = z.infer<typeof ZLevel>;

export const levelRank = (level: TLevel): number => LEVELS.indexOf(level);

export const ZTerritory = z.object({
  id: z.number().int(),
  country: ZCountry,
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: ZLevel,
  parentId: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type TTerritory = z.infer<typeof ZTerritory>;

/**
 * The municipality is the planning unit in all three countries: Bulgaria's община (Social
 * Services Act, art. 36), Ukraine's територіальна громада (Law No. 2671-VIII, art. 11) and
 * Poland's gmina. Needs and capacity are computed per municipality and summed upwards.
 */
export const PLANNING_LEVEL: TLevel = 'municipality';
