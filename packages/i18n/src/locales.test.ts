import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, IMPORT_ERROR_CODES, INDICATORS, LEVELS, ROLES } from '@potreby/domain';
import { describe, expect, it } from 'vitest';
import { currencySign, LANGUAGES, localeFiles, resources, translator } from './index';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a nested translation file, with its text. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const areas = Object.keys(localeFiles.en) as (keyof typeof localeFiles.en)[];

describe.each(areas)('translation file %s', (area) => {
  const byLanguage = Object.fromEntries(LANGUAGES.map((l) => [l, new Map(leaves(localeFiles[l][area]))]));
  const baseKeys = (language: string) => new Set([...byLanguage[language]!.keys()].map((k) => k.replace(PLURAL_SUFFIX, '')));

  it('has the same keys in all four languages', () => {
    const english = [...baseKeys('en')].sort();
    for (const language of LANGUAGES) expect([...baseKeys(language)].sort(), language).toEqual(english);
  });

  it('has every plural form each language needs', () => {
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const keys = [...byLanguage[language]!.keys()];
      const plurals = new Set(keys.filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')));
      for (const base of plurals) {
        for (const category of categories) {
          // i18next uses _zero only when asked; a language's "zero" category (none of ours) is optional.
          if (category === 'zero') continue;
          expect(byLanguage[language]!.has(`${base}_${category}`), `${language}: ${base}_${category}`).toBe(true);
        }
      }
    }
  });

  it('uses the same placeholders and no empty texts in every language', () => {
    for (const [key, english] of byLanguage.en!) {
      const base = key.replace(PLURAL_SUFFIX, '');
      for (const language of LANGUAGES) {
        const text = byLanguage[language]!.get(key) ?? byLanguage[language]!.get(`${base}_other`);
        expect(text, `${language}: ${key}`).toBeTruthy();
        expect(placeholders(text!), `${language}: ${key}`).toEqual(expect.arrayContaining(placeholders(english).filter((p) => p !== 'count')));
      }
    }
  });
});

describe('translations', () => {
  it('never repeat a top-level key in two files (they are merged)', () => {
    for (const language of LANGUAGES) {
      const tops = areas.flatMap((area) => Object.keys(localeFiles[language][area]));
      expect(tops.length, language).toBe(new Set(tops).size);
    }
  });

  it('have a message for every error code, import error, role, level and indicator', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      const keys = [
        ...ERROR_CODES.map((c) => `errors.${c}`),
        ...IMPORT_ERROR_CODES.map((c) => `importErrors.${c}`),
        ...ROLES.map((r) => `roles.${r}`),
        ...LEVELS.map((l) => `levels.${l}`),
        ...INDICATORS.map((i) => `indicators.${i}`),
      ];
      for (const key of keys) {
        const text = t(key, { count: 2 });
        expect(text, `${language}: ${key}`).not.toBe(key);
      }
    }
  });

  it('name every target group of the service catalogue', () => {
    const csv = readFileSync(join(import.meta.dirname, '../../../reference/service-types.csv'), 'utf8');
    const groups = new Set(csv.trim().split('\n').slice(1).flatMap((line) => line.split(',').at(-1)!.split('|')));
    for (const language of LANGUAGES) {
      const names = (resources[language].translation as { targetGroups: Record<string, string> }).targetGroups;
      for (const group of groups) expect(names[group], `${language}: ${group}`).toBeTruthy();
    }
  });

  it('pick the right plural form: Ukrainian and Polish have four', () => {
    expect(translator('uk')('errors.import.rejected', { count: 1 })).toContain('1 помилка');
    expect(translator('uk')('errors.import.rejected', { count: 3 })).toContain('3 помилки');
    expect(translator('uk')('errors.import.rejected', { count: 5 })).toContain('5 помилок');
    expect(translator('pl')('errors.import.rejected', { count: 22 })).toContain('22 błędy');
    expect(translator('pl')('errors.import.rejected', { count: 25 })).toContain('25 błędów');
    expect(translator('bg')('errors.import.rejected', { count: 1 })).toContain('1 грешка');
    expect(translator('bg')('errors.import.rejected', { count: 2 })).toContain('2 грешки');
  });

  it('write a currency by its sign in every language, never by a Latin code in a Cyrillic text', () => {
    for (const language of LANGUAGES) {
      expect(currencySign(language, 'EUR'), language).toBe('€');
      expect(currencySign(language, 'PLN'), language).toBe('zł');
      expect(currencySign(language, 'UAH'), language).toBe('₴');
    }
    expect(currencySign('bg', 'XYZ')).toBe('XYZ');
    expect(currencySign('bg', 'not a code')).toBe('not a code');
  });
});
