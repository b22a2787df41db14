import { describe } from 'vitest';
import { TAG_PURPOSES } from '@potreby/domain';
import { itHasEveryKey, literalKeys, sourceFiles } from '../app/translation-check';
import { QUESTION_KINDS } from './survey-definition';

/** The questionnaire screens and the public form: their texts live in surveys.json. */
function keys(): Set<string> {
  const keys = literalKeys(sourceFiles('questionnaires', 'collection'));
  // Keys built from values.
  for (const kind of [...QUESTION_KINDS, 'panel']) keys.add(`designer.kinds.${kind}`);
  for (const p of TAG_PURPOSES) keys.add(`tags.purposes.${p}`).add(`tags.explain.${p}`);
  for (const code of ['name_invalid', 'name_taken', 'title_missing', 'choices_missing', 'choice_value_invalid', 'choice_value_taken', 'limits_order']) keys.add(`designer.problems.${code}`);
  for (const s of ['editor', 'xlsform', 'other']) keys.add(`designer.versions.sources.${s}`);
  return keys;
}

describe('texts of the questionnaire screens and the public form', () => {
  itHasEveryKey(keys(), { atLeast: 150, example: 'publicForm.savedOffline' });
});
