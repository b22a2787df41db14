import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_METHODS, ASSESSMENT_STATUSES, MEASURE_STATUSES } from '@potreby/domain';
import { LANGUAGES, resources } from '@potreby/i18n';

/** The needs-assessment and analysis screens: every text they ask for exists in all four languages. */
const SRC = join(import.meta.dirname, '..');
const FILES = ['assessments', 'analysis'].flatMap((dir) =>
  readdirSync(join(SRC, dir))
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
    .map((name) => join(SRC, dir, name)),
);

function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of FILES) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\bt\(\s*([^()]*?)[,)]/g)) {
      for (const literal of call[1]!.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(literal[1]!);
    }
  }
  return keys;
}

/** Keys made from a value at run time (`assessments.statuses.${status}`), listed from the values they take. */
const DYNAMIC = [
  ...ASSESSMENT_STATUSES.map((s) => `assessments.statuses.${s}`),
  ...MEASURE_STATUSES.map((s) => `plan.statuses.${s}`),
  ...ASSESSMENT_METHODS.map((m) => `dataMethods.kinds.${m}`),
  ...['overview', 'group', 'plan', 'methods', 'questionnaires', 'findings', 'needs'].map((s) => `assessments.sections.${s}`),
  ...['plan', 'report', 'passport'].map((d) => `assessments.documents.${d}`),
  ...['period_order', 'decision_incomplete', 'not_in_assessment'].map((c) => `assessments.fieldErrors.${c}`),
  ...['questions', 'crosstab', 'free-text', 'exports'].map((v) => `analysis.views.${v}`),
  ...['responses', 'stats'].map((w) => `analysis.exportWhat.${w}`),
  ...['text', 'number', 'date', 'single', 'multiple', 'boolean', 'comment', 'note'].map((k) => `analysis.kinds.${k}`),
];

function flatten(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.add(prefix);
  return out;
}

describe('texts of the needs-assessment and analysis screens', () => {
  const keys = [...literalKeys(), ...DYNAMIC];

  it('finds the keys in the sources', () => {
    expect(keys.length).toBeGreaterThan(250);
    expect(keys).toContain('workingGroup.chairBadge');
  });

  for (const language of LANGUAGES) {
    it(`has every key in ${language}, plurals in all the language's forms`, () => {
      const present = flatten(resources[language].translation);
      const forms = [...new Set([1, 2, 5, 1.5].map((n) => new Intl.PluralRules(language).select(n)))];
      const missing = keys.filter((k) => !present.has(k) && !forms.every((f) => present.has(`${k}_${f}`)));
      expect(missing).toEqual([]);
    });
  }
});
