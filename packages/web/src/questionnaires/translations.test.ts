import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '@potreby/i18n';
import { TAG_PURPOSES } from '@potreby/domain';
import { QUESTION_KINDS } from './survey-definition';

/** The questionnaire screens and the public form: their texts live in surveys.json. */
const DIRS = [import.meta.dirname, join(import.meta.dirname, '../collection')];

function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const dir of DIRS) {
    for (const name of readdirSync(dir).filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.test.ts'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const call of text.matchAll(/\bt\(([^()]*?)[,)]/g)) {
        for (const literal of call[1]!.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(literal[1]!);
      }
    }
  }
  // Keys built from values.
  for (const kind of [...QUESTION_KINDS, 'panel']) keys.add(`designer.kinds.${kind}`);
  for (const p of TAG_PURPOSES) keys.add(`tags.purposes.${p}`).add(`tags.explain.${p}`);
  for (const code of ['name_invalid', 'name_taken', 'title_missing', 'choices_missing', 'choice_value_invalid', 'choice_value_taken', 'limits_order']) keys.add(`designer.problems.${code}`);
  for (const s of ['editor', 'xlsform', 'other']) keys.add(`designer.versions.sources.${s}`);
  return keys;
}

function flatten(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.add(prefix);
  return out;
}

describe('texts of the questionnaire screens and the public form', () => {
  const keys = literalKeys();

  it('finds the keys in the sources', () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('publicForm.savedOffline')).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`has every key in ${language}, plurals in all the language's forms`, () => {
      const present = flatten(resources[language].translation);
      const forms = [...new Set([1, 2, 5, 1.5].map((n) => new Intl.PluralRules(language).select(n)))];
      const missing = [...keys].filter((k) => !present.has(k) && !forms.every((f) => present.has(`${k}_${f}`)));
      expect(missing).toEqual([]);
    });
  }
});
