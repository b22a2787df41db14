import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LANGUAGES, resources, type TLanguage } from '@potreby/i18n';

/**
 * What the translation tests of the screens share (app/, questionnaires/, assessments/): each scans
 * its own folders and adds its own keys built from values, then checks all four languages alike.
 */

const SRC = join(import.meta.dirname, '..');

/** The .ts and .tsx files below these folders of packages/web/src, tests left out. */
export function sourceFiles(...dirs: string[]): string[] {
  const below = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return below(path);
      return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
    });
  return dirs.flatMap((dir) => below(join(SRC, dir)));
}

/**
 * Keys written out in full in a call of `t`, both sides of a condition and a `common.x` default included.
 * (No example call in this comment: the folder is scanned too, and it would count as a key.)
 */
export function literalKeys(files: string[]): Set<string> {
  const keys = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const call of text.matchAll(/\bt\(([^()]*?)[,)]/g)) {
      for (const literal of call[1]!.matchAll(/'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) keys.add(literal[1]!);
    }
  }
  return keys;
}

function flatten(value: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.add(prefix);
  return out;
}

/** The keys that `language` lacks: neither the key itself nor all the plural forms the language uses. */
function missingKeys(keys: Set<string>, language: TLanguage): string[] {
  const present = flatten(resources[language].translation);
  // The plural forms the language uses (en, bg: one/other; uk, pl: one/few/many/other).
  const forms = [...new Set([1, 2, 5, 1.5].map((n) => new Intl.PluralRules(language).select(n)))];
  return [...keys].filter((k) => !present.has(k) && !forms.every((f) => present.has(`${k}_${f}`)));
}

/**
 * The tests, inside the caller's `describe`: the scan found keys at all (at least `atLeast`, `example`
 * among them, so a broken scan cannot pass for complete translations), and every language has them all.
 */
export function itHasEveryKey(keys: Set<string>, { atLeast, example }: { atLeast: number; example: string }) {
  it('finds the keys in the sources', () => {
    expect(keys.size).toBeGreaterThan(atLeast);
    expect(keys.has(example)).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`has every key in ${language}, plurals in all the language's forms`, () => {
      expect(missingKeys(keys, language)).toEqual([]);
    });
  }
}
