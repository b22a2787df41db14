import { describe } from 'vitest';
import { ASSESSMENT_METHODS, ASSESSMENT_STATUSES, MEASURE_STATUSES } from '@potreby/domain';
import { itHasEveryKey, literalKeys, sourceFiles } from '../app/translation-check';

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

/** The needs-assessment and analysis screens: every text they ask for exists in all four languages. */
describe('texts of the needs-assessment and analysis screens', () => {
  itHasEveryKey(new Set([...literalKeys(sourceFiles('assessments', 'analysis')), ...DYNAMIC]), { atLeast: 250, example: 'workingGroup.chairBadge' });
});
