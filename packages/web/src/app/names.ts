import { useTranslation } from 'react-i18next';
import { COUNTRY_LANGUAGE, isLanguage, type TLanguage } from '@potreby/i18n';
// Only these two parts of the translation files, in every language (a few KB): a name is
// wanted in any language at any time, also one whose other words are not downloaded
// (app/i18n.ts fetches a language's files when it is needed). Rollup keeps just these keys.
import { countries as bgCountries } from '../../../i18n/src/locales/bg/catalogue.json';
import { countries as enCountries } from '../../../i18n/src/locales/en/catalogue.json';
import { countries as plCountries } from '../../../i18n/src/locales/pl/catalogue.json';
import { countries as ukCountries } from '../../../i18n/src/locales/uk/catalogue.json';
import { serviceTypes as bgServiceTypes } from '../../../i18n/src/locales/bg/ui.json';
import { serviceTypes as enServiceTypes } from '../../../i18n/src/locales/en/ui.json';
import { serviceTypes as plServiceTypes } from '../../../i18n/src/locales/pl/ui.json';
import { serviceTypes as ukServiceTypes } from '../../../i18n/src/locales/uk/ui.json';
import { romanise, serviceTypeNameIn, type TCountry, type TServiceType } from '@potreby/domain';
import { DEMO_TEXTS } from '@potreby/server/seed/demo-norms';
import { useServiceTypes } from './catalogue';

type NamedServiceType = Pick<TServiceType, 'key' | 'country' | 'name' | 'nameEn' | 'translations' | 'retiredAt'>;
type NamedTerritory = { name: string; nameEn?: string | null; country: string; level?: string | null };

const CYRILLIC: readonly string[] = ['bg', 'uk'];
const COUNTRIES: Record<TLanguage, Record<string, string>> = { bg: bgCountries, uk: ukCountries, pl: plCountries, en: enCountries };
const SERVICE_TYPES: Record<TLanguage, Record<string, string>> = { bg: bgServiceTypes, uk: ukServiceTypes, pl: plServiceTypes, en: enServiceTypes };
const countryLanguage = (country: string): TLanguage | undefined => COUNTRY_LANGUAGE[country as keyof typeof COUNTRY_LANGUAGE];

/**
 * The language data of a country are written in (`lang` of a site's name, a norm's source …):
 * WCAG 3.1.2 asks for the language of such parts, so screen readers read "Пазарджик" as
 * Bulgarian on an English page.
 */
export const langOf = (country: string | null | undefined): TLanguage | undefined => (country ? countryLanguage(country) : undefined);

/** A country in the reader's language ("Болгарія" for a Ukrainian reader), never in its own. */
export function countryName(country: string, language: TLanguage): string {
  return COUNTRIES[language]?.[country] ?? country;
}

/**
 * A language in the reader's language: "Ukrainian" on an English page, "украински" on a
 * Bulgarian one. Alone (a table cell, an option) it starts with a capital; inside a sentence
 * it keeps the language's own spelling (lower case in Bulgarian, Ukrainian and Polish).
 * Lists where people choose their own language (the language switch) name each in itself.
 */
export function languageName(code: string, language: TLanguage, { inSentence = false }: { inSentence?: boolean } = {}): string {
  let name: string;
  try {
    name = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code; // not a language code
  }
  return inSentence ? name : name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/**
 * A territory's name for a reader of `language`: the official name for readers of the country's
 * language, or of a language in the same script (a Ukrainian reads "Пазарджик"); otherwise the
 * English name when the data have one, else the name in Latin letters by the country's official
 * transliteration. A country is named in the reader's language.
 */
export function territoryName(territory: NamedTerritory, language: TLanguage): string {
  if (territory.level === 'country') return countryName(territory.country, language);
  const own = countryLanguage(territory.country);
  if (own === language) return territory.name;
  if (own && CYRILLIC.includes(own) && CYRILLIC.includes(language)) return territory.name;
  if (territory.nameEn) return territory.nameEn;
  return own ? romanise(territory.name, territory.country as TCountry) : territory.name;
}

/** Texts the demonstration writes into its data in one language, each with its translation's key. */
const DEMO_TEXT_KEYS = new Map<string, string>(Object.entries(DEMO_TEXTS).flatMap(([key, texts]) => texts.map((text): [string, string] => [text, `demoTexts.${key}`])));

/**
 * A text of the data as stored, except those the demonstration wrote (the illustrative norms'
 * source, "Synthetic demonstration data"), which every reader gets in their own language.
 */
export const demoTextKey = (text: string | null | undefined): string | undefined => (text ? DEMO_TEXT_KEYS.get(text.trim()) : undefined);

/**
 * A service type's name for a reader of `language`: the name an administrator gave in that
 * language (the official name for readers of the country's language), else the translation
 * files', else the stored English name.
 */
export function serviceTypeName(type: NamedServiceType, language: TLanguage): string {
  return serviceTypeNameIn(type, language, (key) => SERVICE_TYPES[language]?.[key]);
}

/**
 * Names of service types, territories, countries and languages in the current UI language.
 * Service types show their official name to readers of the country's language, the
 * administrator's or the translation files' name to everyone else (`serviceTypeName`).
 */
export function useNames() {
  const { t, i18n } = useTranslation();
  const language: TLanguage = isLanguage(i18n.language) ? i18n.language : 'en';
  const { items } = useServiceTypes();
  const byKey = new Map(items.map((s) => [s.key, s]));

  const serviceType = (st: NamedServiceType | string | null | undefined): string => {
    if (!st) return '—';
    const found = typeof st === 'string' ? byKey.get(st) : st;
    if (!found) return t(`serviceTypes.${st as string}`, { defaultValue: st as string });
    // The catalogue's copy has the names an administrator gave; a record may carry only some.
    return serviceTypeName({ ...found, ...byKey.get(found.key) }, language);
  };
  /** A type as a form offers it: a retired one (kept by what has it) says so. */
  const serviceTypeOption = (st: NamedServiceType): { value: string; label: string } => ({
    value: st.key,
    label: st.retiredAt ? `${serviceType(st)} (${t('catalogueAdmin.retired').toLocaleLowerCase(language)})` : serviceType(st),
  });

  return {
    language,
    serviceType,
    serviceTypeOption,
    territory: (tr: NamedTerritory | null | undefined): string => (tr ? territoryName(tr, language) : '—'),
    /**
     * The `lang` of a territory's name as `territory` shows it, when that is not the reader's: a
     * Polish gmina ("Niemce") on a Bulgarian or Ukrainian page is Polish (WCAG 3.1.2); a name
     * shown in the reader's own script needs none.
     */
    territoryLang: (tr: NamedTerritory | null | undefined): TLanguage | undefined => {
      const own = tr ? countryLanguage(tr.country) : undefined;
      return own && CYRILLIC.includes(language) && !CYRILLIC.includes(own) ? own : undefined;
    },
    /** "Province (oblast)" for a Bulgarian region, "Voivodeship" for a Polish one… */
    level: (country: string, level: string): string => t(`levelsByCountry.${country}.${level}`, { defaultValue: t(`levels.${level}`) }),
    country: (country: string): string => countryName(country, language),
    languageName: (code: string, options?: { inSentence?: boolean }): string => languageName(code, language, options),
    /** A stored text (a source, a note) in the reader's language when the demonstration wrote it, else as stored. */
    dataText: (text: string | null | undefined): string | null => {
      const key = demoTextKey(text);
      return key ? t(key) : (text ?? null);
    },
  };
}
