import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRowParser,
  FORMAT_COLUMNS,
  FUNDING_SOURCES,
  ImportErrorList,
  isCellError,
  LEVELS,
  parseChoice,
  parseServiceTypeRow,
  PROVIDER_KINDS,
  SERVICE_CATEGORIES,
  SEXES,
  TARGET_GROUPS,
  ZCapacityUnit,
} from '@potreby/domain';
import { LANGUAGES } from '@potreby/i18n';
import { choiceLabelsByColumn, choiceWord, type TChoiceColumn } from './choice-words';

const COLUMNS: Record<TChoiceColumn, readonly string[]> = {
  provider_kind: PROVIDER_KINDS,
  funding: FUNDING_SOURCES,
  category: SERVICE_CATEGORIES,
  unit: ZCapacityUnit.options,
  target_groups: TARGET_GROUPS,
  level: LEVELS,
  sex: SEXES,
};
const column = fc.constantFrom(...(Object.keys(COLUMNS) as TChoiceColumn[]));

describe('choice words: what exports write, imports read back (issue 7: no enum keys in a file for people)', () => {
  it('property: every key of every choice column, written in any language, parses back to the key', () => {
    const labels = choiceLabelsByColumn();
    fc.assert(
      fc.property(column, fc.constantFrom(...LANGUAGES), fc.nat(), (c, language, pick) => {
        const keys = COLUMNS[c];
        const key = keys[pick % keys.length]!;
        const word = choiceWord(language, c, key)!;
        expect(parseChoice(word, keys, labels[c])).toBe(key);
        expect(parseChoice(word.toUpperCase(), keys, labels[c])).toBe(key);
      }),
      { numRuns: 400 },
    );
  });

  it('has a word of its own for every key in Bulgarian, Ukrainian and Polish: no key is written as it is', () => {
    for (const language of ['bg', 'uk', 'pl'] as const)
      for (const [c, keys] of Object.entries(COLUMNS))
        for (const key of keys) {
          const word = choiceWord(language, c as TChoiceColumn, key)!;
          // (Polish says "region" too: the one word that is both.)
          if (!(language === 'pl' && key === 'region')) expect(word.toLowerCase(), `${language} ${c} ${key}`).not.toBe(key.toLowerCase());
          // Bulgarian and Ukrainian words are Cyrillic; Polish ones are checked above not to be the key.
          if (language !== 'pl') expect(/[A-Za-z]/.test(word), `${language} ${c} ${key}: ${word}`).toBe(false);
        }
  });

  it('reads a services row written in Bulgarian words', () => {
    const columns = FORMAT_COLUMNS.services.map((s) => s.name);
    const cells = Object.fromEntries(columns.map((c) => [c, '']));
    Object.assign(cells, { site_id: 'S-1', name: 'Дом', service_type: 'bg.day_care_elderly', provider: 'Община', provider_kind: 'Публичен', settlement_code: '1', year: '2024', capacity: '10', funding: 'Общински бюджет', mobile: 'не' });
    const errors = new ImportErrorList();
    const record = createRowParser('services', columns, choiceLabelsByColumn()).parse(columns.map((c) => cells[c]!), 2, errors);
    expect(errors.ok).toBe(true);
    expect(record).toMatchObject({ providerKind: 'public', funding: 'municipal', mobile: false });
    // Without the labels, the word is refused as before.
    expect(createRowParser('services', columns).parse(columns.map((c) => cells[c]!), 2, new ImportErrorList())).toBeNull();
  });

  it('reads a service-types row written in Polish words', () => {
    const columns = ['key', 'country', 'official_code', 'name', 'name_en', 'category', 'residential', 'unit', 'target_groups'] as const;
    const cells = ['pl.dps', 'PL', '', 'Dom pomocy społecznej', 'Social welfare home', choiceWord('pl', 'category', 'social_assistance')!, 'tak', choiceWord('pl', 'unit', 'places')!, ['older_people', 'adults_with_disability'].map((g) => choiceWord('pl', 'target_groups', g)).join('|')];
    const errors = new ImportErrorList();
    const record = parseServiceTypeRow(cells, columns, 2, errors, choiceLabelsByColumn());
    expect(errors.ok).toBe(true);
    expect(record).toMatchObject({ category: 'social_assistance', residential: true, unit: 'places', targetGroups: ['older_people', 'adults_with_disability'] });
    expect(isCellError(parseChoice('Dom', SERVICE_CATEGORIES, choiceLabelsByColumn().category))).toBe(true);
  });
});
