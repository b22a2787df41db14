import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectImportKind, detectRegisterFormat } from './detect-register-format';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

/** The header line of a reference file, split on its delimiter. */
function referenceHeader(path: string, delimiter = ','): string[] {
  const lines = readFileSync(join(REFERENCE, path), 'utf8').split(/\r?\n/);
  const header = lines.find((line) => !line.startsWith('#'))!;
  return header.split(delimiter).map((cell) => cell.replace(/^"|"$/g, ''));
}

describe('detectRegisterFormat', () => {
  it.each([
    ['ua/katottg-2025-05-16.csv', ';', 'katottg'],
    ['pl/teryt-terc-2024-01-01.csv', ',', 'teryt_terc'],
    ['bg/municipalities.csv', ',', 'bg_municipalities'],
    ['bg/settlements-location.csv', ',', 'bg_settlement_locations'],
    ['bg/settlements-population-2013.csv', ',', 'bg_settlement_population'],
    ['bg/population-by-age-sex-PAZ-SML-2012-2021.csv', ',', 'nsi_population_by_age'],
  ])('recognises %s', (path, delimiter, format) => {
    expect(detectRegisterFormat(referenceHeader(path, delimiter))).toBe(format);
  });

  it('recognises TERC as GUS publishes it, upper or lower case, with a BOM', () => {
    expect(detectRegisterFormat(['\ufeffwoj', 'pow', 'gmi', 'rodz', 'nazwa', 'nazwa_dod', 'stan_na'])).toBe('teryt_terc');
  });

  it('recognises our own formats, translated or not, and nothing in a file it does not know', () => {
    expect(detectRegisterFormat(['code', 'year', 'sex', 'age_from', 'age_to', 'count'])).toBe('canonical');
    expect(detectRegisterFormat(['Код', 'Година', 'Показател', 'Стойност', 'Източник'], new Map([['код', 'code'], ['година', 'year'], ['показател', 'indicator'], ['стойност', 'value'], ['източник', 'source']]))).toBe('canonical');
    expect(detectRegisterFormat(referenceHeader('ua/hromadas-population-2022.csv'))).toBeNull();
  });
});

describe('detectImportKind', () => {
  it('tells the four kinds apart, services before territories although both have a name', () => {
    expect(detectImportKind(['code', 'name', 'level', 'parent_code', 'country'])).toBe('territories');
    expect(detectImportKind(['code', 'year', 'sex', 'age_from', 'count'])).toBe('population');
    expect(detectImportKind(['code', 'year', 'indicator', 'value', 'source', 'note'])).toBe('indicators');
    expect(
      detectImportKind(['site_id', 'name', 'service_type', 'provider', 'provider_kind', 'settlement_code', 'year', 'capacity', 'code', 'level', 'country']),
    ).toBe('services');
  });
});
