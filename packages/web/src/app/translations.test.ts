import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '@potreby/i18n';

/** The screens and shared parts whose texts live in ui.json (the gap dashboard and imports have their own file). */
const DIRS = ['app', 'auth', 'components', 'territories', 'service-sites', 'norms', 'users', 'audit'];
const SRC = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Keys written out in full: t('a.b'), t(x ? 'a.b' : 'c.d'), including `common.x` used as a default. */
function literalKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of DIRS.flatMap((d) => files(join(SRC, d)))) {
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

describe('texts of the screens', () => {
  const keys = literalKeys();

  it('finds the keys in the sources', () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys.has('registry.title')).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`has every key in ${language}, plurals in all the language's forms`, () => {
      const present = flatten(resources[language].translation);
      // The plural forms the language uses (en, bg: one/other; uk, pl: one/few/many/other).
      const forms = [...new Set([1, 2, 5, 1.5].map((n) => new Intl.PluralRules(language).select(n)))];
      const missing = [...keys].filter((k) => !present.has(k) && !forms.every((f) => present.has(`${k}_${f}`)));
      expect(missing).toEqual([]);
    });
  }

  it('names all 53 service types in every language', () => {
    for (const language of LANGUAGES) {
      const names = (resources[language].translation as { serviceTypes: Record<string, string> }).serviceTypes;
      expect(Object.keys(names)).toHaveLength(53);
      expect(Object.values(names).every((n) => n.trim().length > 0)).toBe(true);
    }
  });
});
