import { z } from 'zod';
import { ZCount, ZId } from '../validation/bounded';

export const SEXES = ['F', 'M', 'T'] as const;
export const ZSex = z.enum(SEXES);
export type TSex = z.infer<typeof ZSex>;

/** One figure of a population table: persons of one sex in one age band, in one year. */
export const ZPopulationRow = z.object({
  territoryId: ZId,
  year: z.number().int(),
  sex: ZSex,
  ageFrom: ZCount,
  /** Last age in the band, inclusive; null means "and over". */
  ageTo: ZCount.nullable(),
  count: ZCount,
});
export type TPopulationRow = z.infer<typeof ZPopulationRow>;

/** An age range asked about, inclusive at both ends; `to: null` means "and over". */
export const ZAgeRange = z.object({
  from: ZCount,
  to: ZCount.nullable(),
});
export type TAgeRange = z.infer<typeof ZAgeRange>;

export const ALL_AGES: TAgeRange = { from: 0, to: null };

export const ZIndicatorValue = z.object({
  territoryId: ZId,
  year: z.number().int(),
  indicator: z.string(),
  value: z.number().min(0),
});
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const formatAgeRange = (r: TAgeRange): string => (r.to === null ? `${r.from}+` : `${r.from}–${r.to}`);

/** Do two age bands share at least one age? */
export function bandsOverlap(a: TAgeRange, b: TAgeRange): boolean {
  const aTo = a.to ?? Infinity;
  const bTo = b.to ?? Infinity;
  return a.from <= bTo && b.from <= aTo;
}
