import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerOf, handOver, initialValues, lightFirstPage, problemsOf, type TLightPage } from './first-page';

const yesNo = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'radiogroup',
  name,
  title: { uk: 'Ви живете самі?', en: 'Do you live alone?' },
  choices: [
    { value: 'yes', text: { uk: 'Так', en: 'Yes' } },
    { value: 'no', text: { uk: 'Ні', en: 'No' } },
  ],
  ...extra,
});

/** Khmilnyk's first page, as the demonstration has it. */
const definition = (first: Record<string, unknown>[], more = true) => ({
  title: { uk: 'Анкета', en: 'Questionnaire' },
  locale: 'uk',
  pages: [
    { name: 'about', title: { uk: 'Про вас', en: 'About you' }, elements: first },
    ...(more ? [{ name: 'needs', elements: [{ type: 'boolean', name: 'needs_home_care', visibleIf: '{lives_alone} = "yes"' }] }] : []),
  ],
});

const age = { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120, step: 1, isRequired: true, title: { uk: 'Скільки вам років?', en: 'How old are you?' } };
const settlement = { type: 'dropdown', name: 'settlement', title: { uk: 'Де ви живете?' }, choices: [{ value: 'UA05', text: { uk: 'Хмільник', en: 'Khmilnyk' } }, 'Other'] };
const page = (): TLightPage => lightFirstPage(definition([settlement, age, yesNo('lives_alone'), { type: 'checkbox', name: 'sources', choices: ['a', 'b', 'c'] }, { type: 'comment', name: 'note' }, { type: 'boolean', name: 'ok' }]), 'en', ['uk', 'en'])!;

describe('whether the first page is simple enough to draw without SurveyJS', () => {
  it('draws plain questions, in the respondent’s language, falling back to the form’s first', () => {
    const p = page();
    expect(p).not.toBeNull();
    expect(p.title).toBe('About you');
    expect(p.last).toBe(false);
    expect(p.questions.map((q) => [q.kind, q.title, q.required])).toEqual([
      ['dropdown', 'Де ви живете?', false],
      ['number', 'How old are you?', true],
      ['radiogroup', 'Do you live alone?', false],
      ['checkbox', 'sources', false],
      ['comment', 'note', false],
      ['boolean', 'ok', false],
    ]);
    expect(p.questions[0]).toMatchObject({ choices: [{ value: 'UA05', text: 'Khmilnyk' }, { value: 'Other', text: 'Other' }] });
    expect(p.questions[1]).toMatchObject({ min: 0, max: 120, step: 1 });
    // Conditions on later pages do not matter; a single page is completed from here.
    expect(lightFirstPage(definition([age], false), 'uk', ['uk'])!.last).toBe(true);
  });

  it('leaves to SurveyJS a first page with anything it does not draw as SurveyJS would', () => {
    const notSimple: Record<string, unknown>[] = [
      yesNo('a', { visibleIf: '{age} > 60' }),
      yesNo('a', { enableIf: '{age} > 60' }),
      yesNo('a', { requiredIf: '{age} > 60' }),
      yesNo('a', { choicesVisibleIf: '{item} != "x"' }),
      yesNo('a', { showOtherItem: true }),
      yesNo('a', { choicesOrder: 'random' }),
      yesNo('a', { defaultValue: 'yes' }),
      yesNo('a', { choices: [{ value: 'yes', text: 'Yes', visibleIf: '{age} > 1' }] }),
      yesNo('a', { choices: [{ value: 1, text: 'One' }] }),
      yesNo('a', { title: 'Hello {name}' }),
      { ...age, min: '=today()' },
      { ...age, validators: [{ type: 'numeric', minValue: 1 }] },
      { type: 'text', name: 'when', inputType: 'date' },
      { type: 'html', name: 'note', html: '<b>Hi</b>' },
      { type: 'panel', name: 'p', elements: [age] },
      { type: 'matrix', name: 'm' },
      { type: 'boolean', name: 'b', valueTrue: 'ja' },
    ];
    for (const q of notSimple) expect(lightFirstPage(definition([age, q]), 'uk', ['uk']), JSON.stringify(q)).toBeNull();
    expect(lightFirstPage({ ...definition([age]), triggers: [{ type: 'complete' }] }, 'uk', ['uk'])).toBeNull();
    expect(lightFirstPage({ ...definition([age]), showQuestionNumbers: 'on' }, 'uk', ['uk'])).toBeNull();
    expect(lightFirstPage({ ...definition([age]), firstPageIsStarted: true }, 'uk', ['uk'])).toBeNull();
    expect(lightFirstPage({ ...definition([age]), questionsOrder: 'random' }, 'uk', ['uk'])).toBeNull();
    expect(lightFirstPage({ title: 'x', elements: [age] }, 'uk', ['uk'])).toBeNull();
    const withPageCondition = definition([age]);
    (withPageCondition.pages[0] as Record<string, unknown>).visibleIf = '{x} = 1';
    expect(lightFirstPage(withPageCondition, 'uk', ['uk'])).toBeNull();
    expect(lightFirstPage(definition([age, age]), 'uk', ['uk'])).toBeNull();
  });
});

describe('handing the light page’s answers to SurveyJS', () => {
  it('gives SurveyJS its own kinds of values and keeps the answers of later pages', () => {
    const p = page();
    const data = handOver(p, { settlement: 'UA05', age: '78', lives_alone: 'yes', sources: ['c', 'a'], note: 'Автобус', ok: false }, { needs_home_care: true, age: 12 });
    expect(data).toEqual({ settlement: 'UA05', age: 78, lives_alone: 'yes', sources: ['a', 'c'], note: 'Автобус', ok: false, needs_home_care: true });
    // A cleared answer is cleared in SurveyJS too.
    expect(handOver(p, { age: '', sources: [], note: '' }, { age: 12, note: 'x', sources: ['a'], needs_home_care: true })).toEqual({ needs_home_care: true });
    // What is not a number is handed over as typed, for SurveyJS to refuse with its own message.
    expect(answerOf(p.questions[1]!, '7e')).toBe('7e');
    expect(answerOf(p.questions[1]!, '7,5')).toBe(7.5);
  });

  it('shows again what the device kept, and hands it back unchanged (property)', () => {
    const p = page();
    const answers = fc.record(
      {
        settlement: fc.constantFrom('UA05', 'Other'),
        age: fc.integer({ min: 0, max: 120 }),
        lives_alone: fc.constantFrom('yes', 'no'),
        sources: fc.subarray(['a', 'b', 'c'], { minLength: 1 }),
        note: fc.string({ minLength: 1 }),
        ok: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(answers, fc.dictionary(fc.constantFrom('later1', 'later2'), fc.integer()), (given, later) => {
        const kept = { ...later, ...given };
        expect(handOver(p, initialValues(p, kept), later)).toEqual(kept);
      }),
    );
  });

  it('checks what is cheap to check here: required answers and a number’s limits', () => {
    const p = page();
    expect(problemsOf(p, {})).toEqual({ age: { code: 'required' } });
    expect(problemsOf(p, { age: '121' })).toEqual({ age: { code: 'max', max: 120 } });
    expect(problemsOf(p, { age: '-1' })).toEqual({ age: { code: 'min', min: 0 } });
    expect(problemsOf(p, { age: 'x' })).toEqual({ age: { code: 'notNumber' } });
    expect(problemsOf(p, { age: '78' })).toEqual({});
  });
});
