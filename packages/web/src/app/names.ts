import { useTranslation } from 'react-i18next';
import { COUNTRY_LANGUAGE, isLanguage, type TLanguage } from '@potreby/i18n';
import type { TServiceType } from '@potreby/domain';
import { useServiceTypes } from './catalogue';

type NamedServiceType = Pick<TServiceType, 'key' | 'country' | 'name' | 'nameEn'>;
type NamedTerritory = { name: string; nameEn?: string | null; country: string };

const CYRILLIC: readonly string[] = ['bg', 'uk'];
const countryLanguage = (country: string): TLanguage | undefined => COUNTRY_LANGUAGE[country as keyof typeof COUNTRY_LANGUAGE];

/**
 * A territory's name for a reader of `language`: the official name for readers of the country's
 * language, or of a language in the same script (a Ukrainian reads "Пазарджик"); otherwise the
 * Latin form when we have one.
 */
export function territoryName(territory: NamedTerritory, language: TLanguage): string {
  const own = countryLanguage(territory.country);
  if (own === language) return territory.name;
  if (own && CYRILLIC.includes(own) && CYRILLIC.includes(language)) return territory.name;
  return territory.nameEn || territory.name;
}

/**
 * Names of service types, territories and levels in the current UI language. Service types show
 * their official name to readers of the country's language, a translation to everyone else.
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
    if (countryLanguage(found.country) === language) return found.name;
    return t(`serviceTypes.${found.key}`, { defaultValue: found.nameEn });
  };

  return {
    language,
    serviceType,
    territory: (tr: NamedTerritory | null | undefined): string => (tr ? territoryName(tr, language) : '—'),
    /** "Province (oblast)" for a Bulgarian region, "Voivodeship" for a Polish one… */
    level: (country: string, level: string): string => t(`levelsByCountry.${country}.${level}`, { defaultValue: t(`levels.${level}`) }),
    country: (country: string): string => t(`countries.${country}`, { defaultValue: country }),
  };
}
