import { serviceTypeNameIn, type TServiceType } from '@potreby/domain';
import { COUNTRY_LANGUAGE, formatDate, formatNumber, formatPercent, translator, type TLanguage } from '@potreby/i18n';
import type { TFunction } from 'i18next';
import type { ReportData, ReportTerritory } from './report-data';

/** A type as the catalogue has it, with the names an administrator gave in each language. */
export type DocumentServiceType = Pick<TServiceType, 'key' | 'country' | 'name' | 'nameEn' | 'translations'>;

const CYRILLIC: readonly TLanguage[] = ['bg', 'uk'];

/**
 * The words of one document: every visible string comes from `documents.json` (and the
 * catalogue's names) in the document's language, numbers and dates written as that language
 * writes them.
 */
export type TDocumentText = ReturnType<typeof documentText>;

export function documentText(data: ReportData & { serviceTypes?: readonly DocumentServiceType[] }) {
  const language = data.language;
  const t: TFunction = data.wording ?? translator(language);
  const territory = data.territory;
  const own = COUNTRY_LANGUAGE[territory.country];

  /** Official service-type names, by key, as the data carries them. */
  const officialNames = new Map<string, string>();
  for (const row of [...data.services, ...data.gaps, ...data.estimates, ...data.recipients]) officialNames.set(row.serviceType, row.serviceTypeName);
  const groupNames = new Map(data.groups.map((g) => [g.key, g.name]));
  /** The catalogue's types, when the data carry them: the names an administrator gave come first. */
  const catalogue = new Map((data.serviceTypes ?? []).map((s) => [s.key, s]));
  const fromFiles = (key: string) => t(`serviceTypes.${key}`, { defaultValue: '' }) || undefined;

  const number = (value: number, digits = 0) => formatNumber(language, value, digits);
  const percent = (value: number) => formatPercent(language, value);
  const date = (value: string) => formatDate(language, value);
  const range = (from: string, to: string) => t('documents.common.range', { from, to });
  const none = t('documents.common.none');

  return {
    language,
    t,
    number,
    percent,
    date,
    range,
    none,
    /** A count, or a dash when it is unknown. */
    maybe: (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? none : number(value, digits)),
    /** "1 респондент", "3 респонденти", "5 респондентів": the number written for the language, the noun by its plural rules. */
    counted: (key: 'respondents' | 'settlements' | 'members' | 'measures' | 'sites', count: number) => t(`documents.common.${key}`, { count, n: number(count) }),
    /** A share with its 95 % interval: "23 % (18 % – 29 %)". */
    shareWithInterval: (share: number, low: number, high: number) => `${percent(share)} (${range(percent(low), percent(high))})`,
    /** A number of people with its interval: "1 250 (980 – 1 560)". */
    countWithInterval: (value: number, low: number | null, high: number | null) =>
      low === null || high === null ? number(value) : `${number(value)} (${range(number(low), number(high))})`,
    /** A suppressed cell: "<5", explained by `suppressedNote`. */
    suppressed: t('documents.common.suppressed', { n: number(data.suppressionThreshold) }),
    suppressedNote: t('documents.common.suppressedNote', { n: number(data.suppressionThreshold) }),
    territoryName: territoryName(territory, language),
    /** "Хмільницька територіальна громада", "Община Пазарджик", "Gmina Bełżyce". */
    community: communityName(t, territory, language),
    level: t(`levelsByCountry.${territory.country}.${territory.level}`, { defaultValue: t(`levels.${territory.level}`, { defaultValue: territory.level }) }),
    legalBasis: t('documents.common.legalBasis', { basis: t(`documents.common.basis.${territory.country}`) }),
    /**
     * Readers of the country's language get the official name; everyone else the name an
     * administrator gave in their language, else the translation files', else the English one.
     */
    serviceType: (key: string, officialName?: string): string => {
      const type = catalogue.get(key);
      if (type) return serviceTypeNameIn(type, language, fromFiles);
      const official = officialName ?? officialNames.get(key);
      if (official && own === language) return official;
      return t(`serviceTypes.${key}`, { defaultValue: official ?? key });
    },
    indicator: (key: string) => t(`indicators.${key}`, { defaultValue: key }),
    method: (key: string) => t(`documents.method.${key}`, { defaultValue: key }),
    group: (keyOrName: string) => groupNames.get(keyOrName) ?? t(`targetGroups.${keyOrName}`, { defaultValue: keyOrName }),
    /** Whether the figures are made up for the demonstration, so the title page must say so. */
    demo: data.assessment.demo || data.services.some((s) => s.demo),
    pageLabel: t('documents.common.page', { page: '{{page}}', pages: '{{pages}}', interpolation: { skipOnVariables: true } }),
  };
}

/**
 * A territory's name for a reader of `language`: the official name for readers of the country's
 * language or of a language in the same script, else the Latin form when there is one (as the
 * web app names territories).
 */
export function territoryName(territory: Pick<ReportTerritory, 'name' | 'nameEn' | 'country'>, language: TLanguage): string {
  const own = COUNTRY_LANGUAGE[territory.country];
  if (own === language || (CYRILLIC.includes(own) && CYRILLIC.includes(language))) return territory.name;
  return territory.nameEn || territory.name;
}

function communityName(t: TFunction, territory: ReportTerritory, language: TLanguage): string {
  const name = territoryName(territory, language);
  if (territory.level === 'municipality') return t(`documents.common.community.${territory.country}`, { name });
  const level = t(`levelsByCountry.${territory.country}.${territory.level}`, { defaultValue: territory.level });
  return `${name} (${level})`;
}

/** Free text the working group wrote, one paragraph per blank-line-separated part. */
export const paragraphsOf = (text: string | null): string[] =>
  (text ?? '')
    .split(/\r?\n\s*\r?\n|\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
