import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { listQuestions, localized, textsOf, type SurveyDefinition } from './survey-definition';

const definition: SurveyDefinition = {
  title: { default: 'Needs of older people', uk: 'Потреби людей старшого віку' },
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'html', name: 'intro', html: { default: 'Thank you', uk: 'Дякуємо' } },
        {
          type: 'panel',
          name: 'household',
          elements: [
            { type: 'text', name: 'age', inputType: 'number', step: 1, title: { default: 'Age', uk: 'Вік' }, isRequired: true },
            {
              type: 'panel',
              name: 'health',
              elements: [
                {
                  type: 'radiogroup',
                  name: 'mobility',
                  title: 'Can you walk outside alone?',
                  choices: ['yes', { value: 'with_help', text: { default: 'With help', uk: 'З допомогою', bg: 'С помощ' } }, { value: 3 }],
                  showOtherItem: true,
                },
              ],
            },
            { type: 'checkbox', name: 'needs', choices: ['home_care', 'transport'], showNoneItem: true, visibleIf: '{age} >= 60' },
          ],
        },
        { type: 'text', name: 'visit', inputType: 'date' },
        { type: 'text', name: 'phone', inputType: 'tel' },
        { type: 'comment', name: 'remarks' },
        { type: 'boolean', name: 'alone', title: 'Do you live alone?', labelTrue: { default: 'Yes', uk: 'Так' } },
        { type: 'dropdown', name: 'village', choices: ['Khmilnyk', 'Kozhukhiv'] },
        { type: 'tagbox', name: 'languages', choices: ['uk', 'ru'] },
        { type: 'rating', name: 'satisfaction', rateMin: 1, rateMax: 5 },
        { type: 'text', name: 'income', inputType: 'number' },
        { type: 'expression', name: 'older', expression: "iif({age} >= 60, 'yes', 'no')" },
        { type: 'matrix', name: 'grid', columns: ['a'], rows: ['b'] },
      ],
    },
    { name: 'p2', elements: [{ type: 'text', name: 'last' }] },
  ],
};

describe('listQuestions', () => {
  const questions = listQuestions(definition);

  it('lists the questions in document order with panels flattened into paths', () => {
    expect(questions.map((q) => [q.name, q.type, q.path.join('/')])).toEqual([
      ['intro', 'note', ''],
      ['age', 'number', 'household'],
      ['mobility', 'single', 'household/health'],
      ['needs', 'multiple', 'household'],
      ['visit', 'date', ''],
      ['phone', 'text', ''],
      ['remarks', 'comment', ''],
      ['alone', 'boolean', ''],
      ['village', 'single', ''],
      ['languages', 'multiple', ''],
      ['satisfaction', 'number', ''],
      ['income', 'number', ''],
      ['older', 'note', ''],
      // The matrix has answers of another shape and is left out.
      ['last', 'text', ''],
    ]);
    expect(new Model(definition).getAllQuestions().length).toBe(15);
  });

  it('reads choices given as strings, numbers or objects with translated texts, with the extra items SurveyJS adds', () => {
    const mobility = questions.find((q) => q.name === 'mobility')!;
    expect(mobility.choices).toEqual([
      { value: 'yes', text: { default: 'yes' } },
      { value: 'with_help', text: { default: 'With help', uk: 'З допомогою', bg: 'С помощ' } },
      { value: '3', text: { default: '3' } },
      { value: 'other', text: { default: 'Other' } },
    ]);
    expect(mobility.other).toBe(true);
    expect(questions.find((q) => q.name === 'needs')!.choices.map((c) => c.value)).toEqual(['home_care', 'transport', 'none']);
    expect(questions.find((q) => q.name === 'alone')!.choices).toEqual([
      { value: 'true', text: { default: 'Yes', uk: 'Так' } },
      { value: 'false', text: { default: 'No' } },
    ]);
  });

  it('gives every question a title, its name when it has none, and tells whole numbers apart', () => {
    expect(questions.find((q) => q.name === 'age')!.title).toEqual({ default: 'Age', uk: 'Вік' });
    expect(questions.find((q) => q.name === 'visit')!.title).toEqual({ default: 'visit' });
    expect(questions.filter((q) => q.integer).map((q) => q.name)).toEqual(['age', 'satisfaction']);
  });

  it('reads a one-page form whose elements stand at the top', () => {
    expect(listQuestions({ elements: [{ type: 'text', name: 'q' }] }).map((q) => q.name)).toEqual(['q']);
  });
});

describe('localized', () => {
  it('picks the language, then the default text, then any text', () => {
    expect(localized({ default: 'Age', uk: 'Вік' }, 'uk')).toBe('Вік');
    expect(localized({ default: 'Age', uk: 'Вік' }, 'bg')).toBe('Age');
    expect(localized({ pl: 'Wiek' }, 'bg')).toBe('Wiek');
    expect(localized('Вік', 'en')).toBe('Вік');
    expect(localized(undefined, 'en')).toBe('');
    expect(textsOf('Вік')).toEqual({ default: 'Вік' });
  });
});
