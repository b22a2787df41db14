import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources } from '@potreby/i18n';
import { itHasEveryKey, literalKeys, sourceFiles } from './translation-check';

/** The screens and shared parts whose texts live in ui.json (the gap dashboard and imports have their own file). */
const DIRS = ['app', 'auth', 'components', 'territories', 'service-sites', 'norms', 'users', 'audit'];

describe('texts of the screens', () => {
  itHasEveryKey(literalKeys(sourceFiles(...DIRS)), { atLeast: 150, example: 'registry.title' });

  it('names all 53 service types in every language', () => {
    for (const language of LANGUAGES) {
      const names = (resources[language].translation as { serviceTypes: Record<string, string> }).serviceTypes;
      expect(Object.keys(names)).toHaveLength(53);
      expect(Object.values(names).every((n) => n.trim().length > 0)).toBe(true);
    }
  });
});
