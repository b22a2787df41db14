import type { SurveyQuestion } from './survey-definition';

export type AnswerIssue = { path: string; message: 'unknown_question' | 'wrong_type' | 'not_a_choice' | 'too_long' | 'not_date' | 'not_integer' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 10_000;

/**
 * Whether submitted answers fit the questions of the version they answer: every key a question
 * (or the "other, please specify" text of one), every value of its question's kind, every choice
 * one offered. Answers come from a public form anyone can post to, so nothing is taken on trust;
 * questions left unanswered are fine (a respondent may skip one).
 */
export function checkAnswers(questions: readonly SurveyQuestion[], answers: Readonly<Record<string, unknown>>): AnswerIssue[] {
  const byName = new Map(questions.map((q) => [q.name, q]));
  const issues: AnswerIssue[] = [];
  for (const [key, value] of Object.entries(answers)) {
    if (value === null || value === undefined) continue;
    const other = key.endsWith('-Comment') ? byName.get(key.slice(0, -'-Comment'.length)) : undefined;
    if (other) {
      if (typeof value !== 'string') issues.push({ path: key, message: 'wrong_type' });
      else if (value.length > MAX_TEXT) issues.push({ path: key, message: 'too_long' });
      continue;
    }
    const question = byName.get(key);
    if (!question || question.type === 'note') {
      issues.push({ path: key, message: 'unknown_question' });
      continue;
    }
    const issue = checkValue(question, value);
    if (issue) issues.push({ path: key, message: issue });
  }
  return issues;
}

function checkValue(q: SurveyQuestion, value: unknown): AnswerIssue['message'] | null {
  const offered = (v: unknown) => (typeof v === 'string' || typeof v === 'number') && (q.choices.some((c) => c.value === String(v)) || (q.other && v === 'other'));
  switch (q.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong_type';
      return q.integer && !Number.isInteger(value) ? 'not_integer' : null;
    case 'date':
      return typeof value === 'string' && ISO_DATE.test(value.slice(0, 10)) ? null : 'not_date';
    case 'text':
    case 'comment':
      if (typeof value !== 'string' && typeof value !== 'number') return 'wrong_type';
      return String(value).length > MAX_TEXT ? 'too_long' : null;
    case 'boolean':
      return typeof value === 'boolean' || offered(value) ? null : 'wrong_type';
    case 'single':
      return offered(value) ? null : 'not_a_choice';
    case 'multiple':
      if (!Array.isArray(value)) return 'wrong_type';
      return value.every(offered) && new Set(value).size === value.length ? null : 'not_a_choice';
    default:
      return 'wrong_type';
  }
}
