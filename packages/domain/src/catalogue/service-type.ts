import { z } from 'zod';
import { ZCountry } from '../territories/territory';

/** How a service's capacity is counted: places at a time, or persons served in a year. */
export const ZCapacityUnit = z.enum(['places', 'persons_per_year']);
export type TCapacityUnit = z.infer<typeof ZCapacityUnit>;

/** A type of social service in one country's official classification (`reference/service-types.csv`). */
export const ZServiceType = z.object({
  key: z.string().regex(/^[a-z]{2}\.[a-z0-9_]+$/),
  country: ZCountry,
  officialCode: z.string().nullable(),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  category: z.string().min(1),
  residential: z.boolean(),
  unit: ZCapacityUnit,
  targetGroups: z.array(z.string()),
  /**
   * Names an administrator gave in UI languages other than the country's own and English (a
   * Ukrainian name of a Bulgarian type); a language missing here falls back to the translation files.
   */
  translations: z.record(z.string(), z.string()).optional(),
  /**
   * When an administrator retired the type (ISO time), else null. A retired type stays on the
   * sites and norms that have it and in past years' figures, but is not offered for new ones.
   */
  retiredAt: z.string().nullable().optional(),
});
export type TServiceType = z.infer<typeof ZServiceType>;

/**
 * Indicators a municipality can import (formats.md, "indicators"). Each is a count of persons;
 * the key is what the import file's `indicator` column holds.
 */
export const INDICATORS = [
  'persons_with_disability',
  'children_with_disability',
  'adults_with_disability',
  'children_at_risk',
  'children_without_parental_care',
  'older_living_alone',
  'idp',
  'benefit_recipients',
  'homeless',
  'victims_of_violence',
  'unemployed',
  'persons_with_mental_disorder',
  'persons_with_dementia',
  'veterans',
  'young_people_leaving_care',
] as const;
export const ZIndicatorKey = z.enum(INDICATORS);
export type TIndicatorKey = z.infer<typeof ZIndicatorKey>;
