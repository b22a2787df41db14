import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEEDED_TEMPLATES } from './seeded-templates';
import { STAGE_OWNERS } from './template';

/** The translation files the UI, the documents and the reminders name the stages from. */
const planning = Object.fromEntries(
  (['bg', 'uk', 'pl', 'en'] as const).map((language) => [
    language,
    JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../i18n/src/locales/${language}/planning.json`, import.meta.url)), 'utf8')).planningTemplates,
  ]),
) as Record<'bg' | 'uk' | 'pl' | 'en', Record<string, unknown>>;

const at = (tree: unknown, path: string): unknown => path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('the seeded templates in the translation files', () => {
  it('name every template, stage, document and owner in all four languages', () => {
    for (const [language, tree] of Object.entries(planning)) {
      const texts: string[] = [];
      for (const template of SEEDED_TEMPLATES) {
        texts.push(at(tree, `templates.${template.key}.name`) as string, at(tree, `templates.${template.key}.description`) as string);
        for (const stage of template.stages) {
          texts.push(at(tree, `stages.${stage.key}.name`) as string, at(tree, `stages.${stage.key}.description`) as string);
          for (const document of stage.documents) texts.push(at(tree, `documents.${document}`) as string);
        }
      }
      for (const owner of STAGE_OWNERS) texts.push(at(tree, `owners.${owner}`) as string);
      for (const text of texts) {
        expect(typeof text, language).toBe('string');
        expect(text.trim().length, language).toBeGreaterThan(0);
        // Bulgarian and Ukrainian texts are in Cyrillic (a law's number such as 2136-IX aside).
        if (language === 'bg' || language === 'uk') expect(text.replace(/\b[IVX]+\b/g, ''), `${language}: ${text}`).not.toMatch(/[A-Za-z]/);
      }
    }
  });

  it('cite the law of each template and each stage', () => {
    for (const template of SEEDED_TEMPLATES) {
      expect(template.legalBasis.length).toBeGreaterThan(20);
      for (const stage of template.stages) expect(stage.legalBasis.length).toBeGreaterThan(10);
    }
  });
});
