import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '@potreby/i18n';
import { DEMO_TEXTS, ILLUSTRATIVE_NORM_SOURCE, SYNTHETIC_SITES_SOURCE } from '@potreby/server/seed/demo-norms';
import { countryName, demoTextKey, languageName, serviceTypeName, territoryName } from './names';

const pazardzhik = { name: 'Пазарджик', nameEn: 'Pazardzhik', country: 'BG' };
const khmilnyk = { name: 'Хмільницька', nameEn: 'Khmilnytska', country: 'UA' };
const belzyce = { name: 'Bełżyce', nameEn: null, country: 'PL' };

describe('territory names for each reader', () => {
  it('shows the official name in the country’s own language and to readers of the same script', () => {
    expect(territoryName(pazardzhik, 'bg')).toBe('Пазарджик');
    expect(territoryName(pazardzhik, 'uk')).toBe('Пазарджик');
    expect(territoryName(khmilnyk, 'bg')).toBe('Хмільницька');
    expect(territoryName(belzyce, 'pl')).toBe('Bełżyce');
  });

  it('shows the Latin form to other readers: the English name, else the official transliteration', () => {
    expect(territoryName(pazardzhik, 'en')).toBe('Pazardzhik');
    expect(territoryName(khmilnyk, 'pl')).toBe('Khmilnytska');
    expect(territoryName(belzyce, 'uk')).toBe('Bełżyce');
    // No English name in the data ("age structure of Пазарджик" was shown in English sentences).
    expect(territoryName({ ...pazardzhik, nameEn: null }, 'en')).toBe('Pazardzhik');
    expect(territoryName({ name: 'Хмільник', nameEn: null, country: 'UA' }, 'pl')).toBe('Khmilnyk');
    for (const language of ['en', 'pl'] as const) expect(territoryName({ name: 'Стара Загора', country: 'BG' }, language)).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('names a country in the reader’s language, never in its own', () => {
    expect(territoryName({ name: 'България', nameEn: 'Bulgaria', country: 'BG', level: 'country' }, 'uk')).toBe('Болгарія');
    expect(territoryName({ name: 'Україна', nameEn: 'Ukraine', country: 'UA', level: 'country' }, 'bg')).toBe('Украйна');
    expect(territoryName({ name: 'Polska', nameEn: 'Poland', country: 'PL', level: 'country' }, 'en')).toBe('Poland');
    expect(countryName('PL', 'bg')).toBe('Полша');
    for (const language of LANGUAGES) for (const country of ['BG', 'UA', 'PL']) expect(countryName(country, language)).not.toBe(country);
  });
});

describe('language names for each reader', () => {
  it('names a language in the reader’s language ("in Українська" was shown on English pages)', () => {
    expect(languageName('uk', 'en')).toBe('Ukrainian');
    expect(languageName('uk', 'bg')).toBe('Украински');
    expect(languageName('bg', 'uk')).toBe('Болгарська');
    expect(languageName('en', 'pl')).toBe('Angielski');
  });

  it('keeps the language’s own spelling inside a sentence', () => {
    expect(languageName('uk', 'bg', { inSentence: true })).toBe('украински');
    expect(languageName('bg', 'en', { inSentence: true })).toBe('Bulgarian');
    expect(languageName('pl', 'pl', { inSentence: true })).toBe('polski');
  });

  it('gives any other code back as it is', () => {
    expect(languageName('not a code', 'en')).toBe('not a code');
  });
});

describe('texts the demonstration writes into its data', () => {
  it('recognises each one, whatever the country, and nothing else', () => {
    expect(demoTextKey(ILLUSTRATIVE_NORM_SOURCE.BG)).toBe('demoTexts.illustrativeNorm');
    expect(demoTextKey(ILLUSTRATIVE_NORM_SOURCE.UA)).toBe('demoTexts.illustrativeNorm');
    expect(demoTextKey(SYNTHETIC_SITES_SOURCE)).toBe('demoTexts.syntheticSites');
    expect(demoTextKey('Решение на Общинския съвет № 12/2025')).toBeUndefined();
    expect(demoTextKey(null)).toBeUndefined();
  });

  it('has every one translated in every language', () => {
    for (const language of LANGUAGES) {
      const texts = (resources[language].translation as { demoTexts?: Record<string, string> }).demoTexts ?? {};
      expect(Object.keys(DEMO_TEXTS).filter((key) => !texts[key]?.trim())).toEqual([]);
    }
  });
});

describe('service-type names for each reader', () => {
  /** A Bulgarian type an administrator added: named in Bulgarian, English and Ukrainian, not Polish. */
  const respite = { key: 'bg.respite_care', country: 'BG' as const, name: 'Временна грижа', nameEn: 'Respite care', translations: { uk: 'Тимчасовий догляд' } };
  /** A type of the translation files, given a Polish name and a new English one by an administrator. */
  const dayCare = { key: 'bg.day_care_elderly', country: 'BG' as const, name: 'Дневна грижа за възрастни хора', nameEn: 'Day centre for older people', translations: { pl: 'Dzienny dom seniora' } };

  it('uses the name an administrator gave in the reader’s language first (it was shown in English to a Ukrainian reader)', () => {
    expect(serviceTypeName(respite, 'uk')).toBe('Тимчасовий догляд');
    expect(serviceTypeName(dayCare, 'pl')).toBe('Dzienny dom seniora');
    expect(serviceTypeName(dayCare, 'en')).toBe('Day centre for older people');
  });
  it('gives readers of the country’s language the official name', () => {
    expect(serviceTypeName(respite, 'bg')).toBe('Временна грижа');
    expect(serviceTypeName(dayCare, 'bg')).toBe('Дневна грижа за възрастни хора');
  });
  it('then the translation files, then the English name', () => {
    expect(serviceTypeName(dayCare, 'uk')).toBe((resources.uk.translation as { serviceTypes: Record<string, string> }).serviceTypes['bg.day_care_elderly']);
    expect(serviceTypeName({ ...dayCare, translations: undefined }, 'pl')).toBe('Opieka dzienna dla osób starszych');
    expect(serviceTypeName(respite, 'pl')).toBe('Respite care');
  });
});
