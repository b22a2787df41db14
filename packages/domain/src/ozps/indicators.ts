import { z } from 'zod';

/**
 * What a Polish gmina's social-assistance centre reports each year in its assessment of
 * social-assistance resources (ocena zasobów pomocy społecznej, OZPS: art. 16a of the Act of
 * 12 March 2004 on social assistance), beside what potreby already knows (population, service
 * sites): families assisted by the cause of assistance (art. 7 of the Act), the people assisted,
 * the centre's staff and its spending. Each indicator has its unit, and a table or a forecast
 * never adds two units together.
 */
export type TOzpsUnit = 'persons' | 'families' | 'fte' | 'pln';

/** The causes of assistance of art. 7 of the Act, in its order. */
export const OZPS_CAUSES = [
  'poverty',
  'orphanhood',
  'homelessness',
  'unemployment',
  'disability',
  'long_illness',
  'domestic_violence',
  'human_trafficking',
  'maternity',
  'large_family',
  'parenting_helplessness',
  'foreigners_integration',
  'prison_release',
  'alcoholism',
  'drug_addiction',
  'random_event',
  'natural_disaster',
] as const;

export type TOzpsSection = 'beneficiaries' | 'causes' | 'staff' | 'spending';
export type TOzpsIndicator = { key: string; section: TOzpsSection; unit: TOzpsUnit };

export const OZPS_INDICATORS: readonly TOzpsIndicator[] = [
  { key: 'beneficiaries.persons', section: 'beneficiaries', unit: 'persons' },
  { key: 'beneficiaries.families', section: 'beneficiaries', unit: 'families' },
  { key: 'beneficiaries.people_in_families', section: 'beneficiaries', unit: 'persons' },
  ...OZPS_CAUSES.map((cause): TOzpsIndicator => ({ key: `causes.${cause}`, section: 'causes', unit: 'families' })),
  { key: 'staff.social_workers', section: 'staff', unit: 'fte' },
  { key: 'staff.other', section: 'staff', unit: 'fte' },
  { key: 'spending.total', section: 'spending', unit: 'pln' },
  { key: 'spending.own', section: 'spending', unit: 'pln' },
  { key: 'spending.state', section: 'spending', unit: 'pln' },
  { key: 'spending.other', section: 'spending', unit: 'pln' },
];

export const OZPS_SECTIONS: readonly TOzpsSection[] = ['beneficiaries', 'causes', 'staff', 'spending'];
const BY_KEY = new Map(OZPS_INDICATORS.map((i) => [i.key, i]));
export const ozpsIndicator = (key: string): TOzpsIndicator | undefined => BY_KEY.get(key);

/** How a figure of a unit is written: people and families whole, posts to the hundredth, money to the grosz. */
export const OZPS_DECIMALS: Record<TOzpsUnit, number> = { persons: 0, families: 0, fte: 2, pln: 2 };
const LIMIT: Record<TOzpsUnit, number> = { persons: 10_000_000, families: 10_000_000, fte: 100_000, pln: 1e12 };

const isMultiple = (value: number, decimals: number) => Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) < 1e-6;

/** One figure as the screen sends it; null removes the figure (it was not known after all). */
export const ZOzpsFigureInput = z
  .object({ indicator: z.string().min(1).max(100), year: z.number().int().min(2000).max(2100), value: z.number().finite().nullable() })
  .superRefine((f, ctx) => {
    const indicator = BY_KEY.get(f.indicator);
    if (!indicator) return ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'unknown_indicator' });
    if (f.value === null) return;
    if (f.value < 0) ctx.addIssue({ code: 'custom', path: ['value'], message: 'negative' });
    else if (f.value > LIMIT[indicator.unit]) ctx.addIssue({ code: 'custom', path: ['value'], message: 'too_large' });
    else if (!isMultiple(f.value, OZPS_DECIMALS[indicator.unit])) ctx.addIssue({ code: 'custom', path: ['value'], message: indicator.unit === 'persons' || indicator.unit === 'families' ? 'whole_number' : 'too_precise' });
  });
export type TOzpsFigureInput = z.infer<typeof ZOzpsFigureInput>;

export const ZOzpsInput = z.object({ figures: z.array(ZOzpsFigureInput).max(OZPS_INDICATORS.length * 10) });
