import { describe, expect, it } from 'vitest';
import { checkAnswers } from './check-answers';
import { listQuestions, type SurveyDefinition } from './survey-definition';

const definition: SurveyDefinition = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'age', inputType: 'number', step: 1 },
        { type: 'radiogroup', name: 'lives_alone', choices: ['yes', 'no'], showOtherItem: true },
        { type: 'checkbox', name: 'services', choices: [{ value: 'home_care', text: { uk: 'Догляд вдома' } }, 'day_care'] },
        { type: 'comment', name: 'other_needs' },
        { type: 'boolean', name: 'uses_home_care' },
        { type: 'html', name: 'intro', html: 'Дякуємо' },
      ],
    },
  ],
};
const questions = listQuestions(definition);

describe('checkAnswers', () => {
  it('accepts answers that fit, and skipped questions', () => {
    expect(checkAnswers(questions, { age: 71, lives_alone: 'yes', services: ['home_care'], other_needs: 'Транспорт до лікаря', uses_home_care: false })).toEqual([]);
    expect(checkAnswers(questions, {})).toEqual([]);
    expect(checkAnswers(questions, { lives_alone: 'other', 'lives_alone-Comment': 'з донькою' })).toEqual([]);
  });

  it('refuses unknown questions, wrong kinds and choices not offered', () => {
    expect(checkAnswers(questions, { name: 'Іван' })).toEqual([{ path: 'name', message: 'unknown_question' }]);
    expect(checkAnswers(questions, { intro: 'x' })).toEqual([{ path: 'intro', message: 'unknown_question' }]);
    expect(checkAnswers(questions, { age: '71' })).toEqual([{ path: 'age', message: 'wrong_type' }]);
    expect(checkAnswers(questions, { age: 71.5 })).toEqual([{ path: 'age', message: 'not_integer' }]);
    expect(checkAnswers(questions, { lives_alone: 'maybe' })).toEqual([{ path: 'lives_alone', message: 'not_a_choice' }]);
    expect(checkAnswers(questions, { services: ['home_care', 'home_care'] })).toEqual([{ path: 'services', message: 'not_a_choice' }]);
    expect(checkAnswers(questions, { services: 'home_care' })).toEqual([{ path: 'services', message: 'wrong_type' }]);
    expect(checkAnswers(questions, { other_needs: 'x'.repeat(10_001) })).toEqual([{ path: 'other_needs', message: 'too_long' }]);
  });
});
