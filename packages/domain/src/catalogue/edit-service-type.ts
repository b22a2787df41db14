import { z } from 'zod';
import { may, type Actor } from '../accounts/policy';
import { ZCountry, type TCountry } from '../territories/territory';
import { ZCapacityUnit, type TCapacityUnit, type TServiceType } from './service-type';

/**
 * Changing a country's classification of social services: an administrator adds a type the law
 * has brought in, renames one, gives it its official code, or retires one the law has dropped.
 */

/** The groups of services in the three countries' laws (reference/service-types.csv). */
export const SERVICE_CATEGORIES = ['general_access', 'specialised', 'integrated', 'basic', 'other', 'social_assistance', 'family_support', 'disability_support', 'reintegration'] as const;
export type TServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Whom a type is meant for (reference/service-types.csv `target_groups`; `all`: everyone). */
export const TARGET_GROUPS = [
  'all',
  'adults_with_disability',
  'children_in_difficult_circumstances',
  'children_with_disability',
  'children_with_high_dependency',
  'children_without_parental_care',
  'families_with_children',
  'homeless',
  'idp',
  'older_people',
  'persons_in_difficult_circumstances',
  'persons_with_dementia',
  'persons_with_hearing_impairment',
  'persons_with_incurable_illness',
  'persons_with_mental_disorder',
  'released_from_prison',
  'unemployed',
  'veterans',
  'victims_of_violence',
  'young_people_leaving_care',
] as const;
export type TTargetGroup = (typeof TARGET_GROUPS)[number];

/** The language a country's official names are in. */
export const OFFICIAL_LANGUAGE = { BG: 'bg', UA: 'uk', PL: 'pl' } as const satisfies Record<TCountry, string>;
/** Languages a type can be named in: the UI's. */
export const NAME_LANGUAGES = ['bg', 'uk', 'pl', 'en'] as const;
export type TNameLanguage = (typeof NAME_LANGUAGES)[number];

const MAX_NAME = 300;
const MAX_OFFICIAL_CODE = 50;
/** `bg.day_care_elderly`: the country in lower case, a point, then lower-case letters, digits and `_`. */
const KEY = /^([a-z]{2})\.[a-z0-9_]{1,80}$/;

const ZName = z.string().trim().min(1).max(MAX_NAME);
/** A type's names by language; the official one (the country's language) and English are required, checked with the country. */
export const ZServiceTypeNames = z.object({ bg: ZName.optional(), uk: ZName.optional(), pl: ZName.optional(), en: ZName.optional() });
export type TServiceTypeNames = z.infer<typeof ZServiceTypeNames>;
/** An official code as the law or the register writes it (`001.0`); empty: none. */
export const ZOfficialCode = z.string().trim().max(MAX_OFFICIAL_CODE).nullable();
/** An official code as stored: an empty one is none. */
export const officialCodeOf = (code: string | null | undefined): string | null => (code ? code : null);

const fields = {
  officialCode: ZOfficialCode,
  names: ZServiceTypeNames,
  category: z.enum(SERVICE_CATEGORIES),
  residential: z.boolean(),
  unit: ZCapacityUnit,
  targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1).max(TARGET_GROUPS.length),
};

/** Does the key name a type of this country (`bg.` for Bulgaria)? */
export const keyOfCountry = (key: string, country: TCountry): boolean => KEY.exec(key)?.[1] === country.toLowerCase();

/** A name missing for the country's official language or English: the path of the issue, else null. */
export function missingName(country: TCountry, names: TServiceTypeNames): 'names.en' | `names.${TNameLanguage}` | null {
  const official = OFFICIAL_LANGUAGE[country];
  if (!names[official]) return `names.${official}`;
  if (!names.en) return 'names.en';
  return null;
}

/** A new type: `POST /api/v1/service-types`. */
export const ZServiceTypeInput = z
  .object({ key: z.string().trim().regex(KEY), country: ZCountry, ...fields })
  .superRefine((v, ctx) => {
    if (!keyOfCountry(v.key, v.country)) ctx.addIssue({ code: 'custom', path: ['key'], message: 'wrong_country' });
    const missing = missingName(v.country, v.names);
    if (missing) ctx.addIssue({ code: 'custom', path: missing.split('.'), message: 'required' });
  });
export type TServiceTypeInput = z.infer<typeof ZServiceTypeInput>;

/** A change of a type (rename, official code …): only the fields given change. */
export const ZServiceTypeChange = z.object({
  officialCode: fields.officialCode.optional(),
  names: fields.names.optional(),
  category: fields.category.optional(),
  residential: fields.residential.optional(),
  unit: fields.unit.optional(),
  targetGroups: fields.targetGroups.optional(),
});
export type TServiceTypeChange = z.infer<typeof ZServiceTypeChange>;

/** A type's names as the catalogue stores them: the official name, the English one, and any others. */
export function storedNames(country: TCountry, names: TServiceTypeNames): { name: string; nameEn: string; translations: Record<string, string> } {
  const official = OFFICIAL_LANGUAGE[country];
  const translations: Record<string, string> = {};
  for (const language of NAME_LANGUAGES) {
    const name = names[language];
    if (language !== official && language !== 'en' && name) translations[language] = name;
  }
  return { name: names[official] ?? '', nameEn: names.en ?? '', translations };
}

/** The names a type has been given, by language (those given in no language are left out). */
export function namesOf(type: Pick<TServiceType, 'country' | 'name' | 'nameEn' | 'translations'>): TServiceTypeNames {
  return { ...type.translations, [OFFICIAL_LANGUAGE[type.country]]: type.name, en: type.nameEn };
}

/**
 * A type's name for a reader of `language`: the name an administrator gave in that language (the
 * official one for readers of the country's language), else the translation files' (`fromFiles`,
 * the key's entry, if any), else the English name. One rule for the screens, the documents and the
 * exports, so a type an administrator added or renamed reads the same everywhere.
 */
export function serviceTypeNameIn(
  type: Pick<TServiceType, 'key' | 'country' | 'name' | 'nameEn' | 'translations'>,
  language: string,
  fromFiles: (key: string) => string | undefined,
): string {
  const given = (NAME_LANGUAGES as readonly string[]).includes(language) ? namesOf(type)[language as TNameLanguage] : undefined;
  return given || fromFiles(type.key) || type.nameEn;
}

/**
 * May the actor change the classification? It is the same for every territory of a country —
 * every norm, site and estimate refers to it — so only a national administrator may: the
 * `edit_catalogue` action, granted to administrators without a territorial scope (accounts/policy.ts).
 */
export const mayEditCatalogue = (actor: Actor): boolean => may(actor, 'edit_catalogue', null);

/**
 * May a site, norm or question be given this type? A retired type is not offered any more, but
 * what already has it keeps it (`current`: the type it has now), so past years' figures and the
 * sites that still run stay as they are.
 */
export const mayChooseServiceType = (type: Pick<TServiceType, 'key' | 'retiredAt'>, current: string | null = null): boolean => !type.retiredAt || type.key === current;

/** May a type's unit change? Not while sites or norms count in it: their figures would change meaning. */
export const mayChangeUnit = (from: TCapacityUnit, to: TCapacityUnit, inUse: boolean): boolean => from === to || !inUse;
