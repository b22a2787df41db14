import { createResponseReader, ImportErrorList, listQuestions, normaliseHeader } from '@potreby/domain';
import { LANGUAGES } from '@potreby/i18n';
import { describe, expect, it } from 'vitest';
import { columnLabel } from '../exports/column-label';
import { khmilnykQuestionnaire } from '../seed/demo-khmilnyk';
import { responseHeaderAliases } from './export-responses';

const questions = listQuestions(khmilnykQuestionnaire([{ code: 'UA05120170010052389', name: 'Хмільник' }]));
const submission = ['submitted_at', 'respondent_group', 'settlement', 'channel'];

describe('the header of a responses export, read back by the response import', () => {
  it.each(LANGUAGES)('in %s: every column is understood, none refused, once the aliases are applied', (language) => {
    const header = [
      ...submission.map((c) => columnLabel(language, 'survey_responses', c)),
      ...questions.map((q) => q.name),
      columnLabel(language, 'survey_responses', 'submission_key'),
    ];
    const aliased = header.map((h) => responseHeaderAliases().get(normaliseHeader(h)) ?? h);
    const reader = createResponseReader(questions, aliased);
    expect(reader.errors).toEqual([]);
    expect(reader.columns.map((c) => c.role)).toEqual(['ignored', 'group', 'settlement', 'ignored', ...questions.map(() => 'question'), 'submission_key']);
    const cells = ['2026-03-01 10:00:00', 'Люди похилого віку (65+)', 'Хмільник', 'вебформа', ...questions.map((q) => (q.name === 'age' ? '70' : '')), 'demo-khm-0001'];
    const row = reader.read(cells, 2, new ImportErrorList());
    expect(row).toEqual({ answers: { age: 70 }, submissionKey: 'demo-khm-0001', group: 'Люди похилого віку (65+)', settlement: 'Хмільник' });
  });

  it('has no submission-column header that could be taken for a question name', () => {
    for (const language of LANGUAGES) {
      for (const column of [...submission, 'submission_key']) expect(columnLabel(language, 'survey_responses', column)).not.toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    }
  });
});
