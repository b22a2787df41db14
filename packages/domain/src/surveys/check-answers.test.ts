import fc from 'fast-check';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { echoAnswer } from './answer-values';
import { compileAnswerCheck, type AnswerIssue } from './check-answers';
import { convertXlsForm } from './convert-xlsform';
import type { SurveyDefinition } from './survey-definition';

const definition: SurveyDefinition = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'text', name: 'age', inputType: 'number', min: 0, max: 120, step: 1 },
        { type: 'radiogroup', name: 'lives_alone', choices: ['yes', 'no'], showOtherItem: true },
        { type: 'checkbox', name: 'services', choices: [{ value: 'home_care', text: { uk: 'Догляд вдома' } }, 'day_care'], showNoneItem: true },
        { type: 'comment', name: 'other_needs' },
        { type: 'boolean', name: 'uses_home_care' },
        { type: 'radiogroup', name: 'satisfied', choices: ['yes', 'partly', 'no'], visibleIf: '{uses_home_care} = true', isRequired: true },
        { type: 'html', name: 'intro', html: 'Дякуємо' },
        { type: 'text', name: 'visit', inputType: 'date', min: '2025-01-01', max: '2026-12-31' },
        { type: 'text', name: 'arrived', inputType: 'time' },
        { type: 'text', name: 'called', inputType: 'datetime-local' },
        { type: 'text', name: 'phone', inputType: 'tel', validators: [{ type: 'regex', regex: '^\\d*$' }], maxLength: 15 },
        { type: 'text', name: 'income', inputType: 'number', validators: [{ type: 'numeric', minValue: 0, maxValue: 1_000_000 }] },
        { type: 'dropdown', name: 'district', choices: ['north', 'south'], showCommentArea: true },
      ],
    },
    {
      name: 'p2',
      visibleIf: '{age} >= 60',
      elements: [
        { type: 'expression', name: 'very_old', expression: '{age} >= 90', visible: false },
        { type: 'radiogroup', name: 'needs_escort', choices: ['yes', 'no'], requiredIf: '{very_old} = true' },
        { type: 'text', name: 'carer_age', inputType: 'number', validators: [{ type: 'expression', expression: '{carer_age} empty or {carer_age} >= 18' }] },
      ],
    },
  ],
};
const check = compileAnswerCheck(definition);
const issuesOf = (answers: Record<string, unknown>, invisible: 'refuse' | 'drop' = 'refuse'): AnswerIssue[] => check.check(answers, invisible).issues;

describe('checking answers against their questionnaire version', () => {
  it('accepts answers that fit, and skipped questions', () => {
    expect(issuesOf({ age: 71, lives_alone: 'yes', services: ['home_care'], other_needs: 'Транспорт до лікаря', uses_home_care: false })).toEqual([]);
    expect(issuesOf({})).toEqual([]);
    expect(issuesOf({ lives_alone: 'other', 'lives_alone-Comment': 'з донькою', district: 'north', 'district-Comment': 'біля школи' })).toEqual([]);
    expect(issuesOf({ visit: '2025-02-28', arrived: '09:30', called: '2025-02-28T09:30', phone: '0671234567', income: 12500.5 })).toEqual([]);
    // What ODK and Kobo export for a time and a date-time, offset and all.
    expect(issuesOf({ arrived: '09:30:00.000+02:00', called: '2025-02-28T09:30:00.000+02:00' })).toEqual([]);
  });

  it('refuses unknown questions, wrong kinds and choices not offered', () => {
    expect(issuesOf({ name: 'Іван' })).toEqual([{ path: 'name', message: 'unknown_question' }]);
    expect(issuesOf({ intro: 'x' })).toEqual([{ path: 'intro', message: 'unknown_question' }]);
    expect(issuesOf({ age: '71' })).toEqual([{ path: 'age', message: 'wrong_type' }]);
    expect(issuesOf({ age: 71.5 })).toEqual([{ path: 'age', message: 'not_integer' }]);
    expect(issuesOf({ lives_alone: 'maybe' })).toEqual([{ path: 'lives_alone', message: 'not_a_choice' }]);
    expect(issuesOf({ services: ['home_care', 'home_care'] })).toEqual([{ path: 'services', message: 'not_a_choice' }]);
    expect(issuesOf({ services: ['home_care', 'none'] })).toEqual([{ path: 'services', message: 'not_a_choice' }]);
    expect(issuesOf({ services: 'home_care' })).toEqual([{ path: 'services', message: 'wrong_type' }]);
    expect(issuesOf({ other_needs: 'x'.repeat(10_001) })).toEqual([{ path: 'other_needs', message: 'too_long' }]);
    expect(issuesOf({ phone: '1'.repeat(16) })).toEqual([{ path: 'phone', message: 'too_long' }]);
    expect(issuesOf({ phone: '067-123' })).toEqual([{ path: 'phone', message: 'breaks_rule' }]);
    expect(issuesOf({ income: -1 })).toEqual([{ path: 'income', message: 'below_min' }]);
  });

  it('refuses what the security review stored: −5, 999 and 1e308 for an age of 0–120, 30 February, a date with text after it, a foreign "-Comment"', () => {
    expect(issuesOf({ age: -5 })).toEqual([{ path: 'age', message: 'below_min' }]);
    expect(issuesOf({ age: 999 })).toEqual([{ path: 'age', message: 'above_max' }]);
    expect(issuesOf({ age: 1e308 })).toEqual([{ path: 'age', message: 'above_max' }]);
    expect(issuesOf({ income: 1e308 })).toEqual([{ path: 'income', message: 'above_max' }]);
    expect(issuesOf({ visit: '2025-02-30' })).toEqual([{ path: 'visit', message: 'not_date' }]);
    expect(issuesOf({ visit: `2025-03-01${'x'.repeat(1_500_000)}` })).toEqual([{ path: 'visit', message: 'not_date' }]);
    expect(issuesOf({ visit: '2024-12-31' })).toEqual([{ path: 'visit', message: 'below_min' }]);
    expect(issuesOf({ arrived: '25:00' })).toEqual([{ path: 'arrived', message: 'not_time' }]);
    expect(issuesOf({ called: '2025-02-29T10:00' })).toEqual([{ path: 'called', message: 'not_date' }]);
    expect(issuesOf({ 'age-Comment': 'hello' })).toEqual([{ path: 'age-Comment', message: 'comment_not_allowed' }]);
    expect(issuesOf({ 'nothing-Comment': 'hello' })).toEqual([{ path: 'nothing-Comment', message: 'unknown_question' }]);
    // "Other" text while "other" is not chosen.
    expect(issuesOf({ lives_alone: 'yes', 'lives_alone-Comment': 'x' })).toEqual([{ path: 'lives_alone-Comment', message: 'comment_not_allowed' }]);
  });

  it('keeps answers to questions not shown out: refused, or dropped as SurveyJS drops them on completing', () => {
    // satisfied is asked only of those who use home care; page 2 only of those 60 or older.
    expect(issuesOf({ uses_home_care: false, satisfied: 'yes' })).toEqual([{ path: 'satisfied', message: 'not_asked' }]);
    expect(issuesOf({ age: 40, needs_escort: 'yes' })).toEqual([{ path: 'needs_escort', message: 'not_asked' }]);
    const dropped = check.check({ uses_home_care: false, satisfied: 'yes', age: 40, needs_escort: 'yes', other_needs: 'x' }, 'drop');
    expect(dropped).toEqual({ answers: { uses_home_care: false, age: 40, other_needs: 'x' }, issues: [] });
    // A value the form computed (a calculation) is not an answer: dropped from a public form.
    expect(check.check({ age: 95, very_old: true, needs_escort: 'no' }, 'drop')).toEqual({ answers: { age: 95, needs_escort: 'no' }, issues: [] });
    expect(issuesOf({ age: 95, very_old: true, needs_escort: 'no' })).toEqual([{ path: 'very_old', message: 'unknown_question' }]);
  });

  it('asks for what is required where it is shown, and runs expression rules with the other answers', () => {
    expect(issuesOf({ uses_home_care: true })).toEqual([{ path: 'satisfied', message: 'required' }]);
    expect(issuesOf({ uses_home_care: true, satisfied: '   ' })).toEqual([{ path: 'satisfied', message: 'not_a_choice' }]);
    // requiredIf through a calculation: at 90 or older the escort question must be answered.
    expect(issuesOf({ age: 95 })).toEqual([{ path: 'needs_escort', message: 'required' }]);
    expect(issuesOf({ age: 75 })).toEqual([]);
    expect(issuesOf({ age: 75, carer_age: 16 })).toEqual([{ path: 'carer_age', message: 'breaks_rule' }]);
    expect(issuesOf({ age: 75, carer_age: 40 })).toEqual([]);
  });

  it('reports every issue, each by question, in the order of the form', () => {
    expect(issuesOf({ age: 999, visit: '2025-02-30', lives_alone: 'maybe', 'age-Comment': 'x', foo: 1 })).toEqual([
      { path: 'foo', message: 'unknown_question' },
      { path: 'age', message: 'above_max' },
      { path: 'age-Comment', message: 'comment_not_allowed' },
      { path: 'lives_alone', message: 'not_a_choice' },
      { path: 'visit', message: 'not_date' },
    ]);
  });

  it('keeps an answer to a hidden question when the form says SurveyJS keeps it (clearInvisibleValues: none)', () => {
    const keeping = compileAnswerCheck({ ...definition, clearInvisibleValues: 'none' });
    expect(keeping.check({ uses_home_care: false, satisfied: 'yes' })).toEqual({ answers: { uses_home_care: false, satisfied: 'yes' }, issues: [] });
    // Still of the question's kind.
    expect(keeping.check({ uses_home_care: false, satisfied: 'maybe' }).issues).toEqual([{ path: 'satisfied', message: 'not_a_choice' }]);
  });

  it('repeats an answer in a report short and without control characters', () => {
    expect(echoAnswer('\u001b[2J<b>x</b>\u202e')).toBe(' [2J<b>x</b> ');
    expect(echoAnswer('я'.repeat(1000))).toBe(`${'я'.repeat(80)}…`);
    expect(echoAnswer(['a', 1])).toBe('["a",1]');
  });

  it('is not fooled by names of the object prototype', () => {
    const odd = compileAnswerCheck({ elements: [{ type: 'text', name: 'constructor', isRequired: true }, { type: 'text', name: 'toString', visibleIf: '{constructor} notempty' }] });
    expect(odd.check({}).issues).toEqual([{ path: 'constructor', message: 'required' }]);
    expect(odd.check(JSON.parse('{"constructor":"a","__proto__":{"x":1}}')).issues).toEqual([{ path: '__proto__', message: 'unknown_question' }]);
  });

  it('checks the shapes of matrices, ranking, multiple text, ratings and dynamic panels', () => {
    const shapes = compileAnswerCheck({
      elements: [
        { type: 'matrix', name: 'm', rows: ['r1', 'r2'], columns: [1, 2, 3], eachRowRequired: true },
        { type: 'matrixdropdown', name: 'md', rows: ['a'], columns: [{ name: 'c', cellType: 'text', inputType: 'number', min: 0 }, { name: 'd', choices: ['x'] }] },
        { type: 'matrixdynamic', name: 'mdyn', columns: [{ name: 'who', cellType: 'text' }], maxRowCount: 2 },
        { type: 'ranking', name: 'rank', choices: ['a', 'b', 'c'] },
        { type: 'multipletext', name: 'mt', items: [{ name: 'first' }, { name: 'year', inputType: 'number' }] },
        { type: 'rating', name: 'score', rateMax: 10 },
        { type: 'paneldynamic', name: 'kids', templateElements: [{ type: 'text', name: 'kid_age', inputType: 'number', min: 0, max: 18 }] },
        { type: 'file', name: 'photo' },
      ],
    });
    const ok = { m: { r1: 1, r2: 3 }, md: { a: { c: 5, d: 'x' } }, mdyn: [{ who: 'Оля' }], rank: ['c', 'a', 'b'], mt: { first: 'Іван', year: 1950 }, score: 7, kids: [{ kid_age: 4 }] };
    expect(shapes.check(ok).issues).toEqual([]);
    expect(
      shapes.check({ m: { r1: 4 }, md: { a: { c: -1 } }, mdyn: [{ who: 'a' }, { who: 'b' }, { who: 'c' }], rank: ['a', 'a'], mt: { last: 'x' }, score: 11, kids: [{ kid_age: 40 }], photo: [{ content: 'data:' }] })
        .issues,
    ).toEqual([
      { path: 'photo', message: 'unknown_question' },
      { path: 'm', message: 'not_a_choice' },
      { path: 'md', message: 'below_min' },
      { path: 'mdyn', message: 'too_long' },
      { path: 'rank', message: 'not_a_choice' },
      { path: 'mt', message: 'not_a_choice' },
      { path: 'score', message: 'above_max' },
      { path: 'kids', message: 'above_max' },
    ]);
    expect(shapes.check({ m: { r1: 1 } }).issues).toEqual([{ path: 'm', message: 'required' }]);
  });

  it('reads an XLSForm constraint and relevance as the converted form states them', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'constraint', 'relevant', 'required'],
        ['integer', 'age', 'Age', '. >= 14 and . <= 110', '', 'yes'],
        ['select_one yn', 'works', 'Do you work?', '', '${age} < 65', ''],
        ['text', 'phone', 'Phone', "regex(., '^[0-9]{10}$')", '', ''],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
        ['yn', 'no', 'No'],
      ],
    });
    expect(conversion.errors).toEqual([]);
    const xls = compileAnswerCheck(conversion.definition);
    expect(xls.check({ age: 300 }).issues).toEqual([{ path: 'age', message: 'breaks_rule' }]);
    expect(xls.check({ age: 13 }).issues).toEqual([{ path: 'age', message: 'breaks_rule' }]);
    expect(xls.check({ age: 40, works: 'yes', phone: '0671234567' }).issues).toEqual([]);
    expect(xls.check({ age: 70, works: 'yes' }).issues).toEqual([{ path: 'works', message: 'not_asked' }]);
    // Unanswered, the age is below no number: SurveyJS (like ODK) does not ask "works" then.
    expect(xls.check({ works: 'no' }).issues).toEqual([
      { path: 'age', message: 'required' },
      { path: 'works', message: 'not_asked' },
    ]);
    expect(xls.check({ age: 40, phone: '12345' }).issues).toEqual([{ path: 'phone', message: 'breaks_rule' }]);
  });

  it('agrees with SurveyJS itself on what a completed form may hold', () => {
    // The model the browser runs: what it accepts on completing, this check accepts.
    const model = new Model(definition);
    const answers = { age: 92, lives_alone: 'other', 'lives_alone-Comment': 'з онукою', services: ['day_care'], uses_home_care: true, satisfied: 'partly', visit: '2026-03-02', needs_escort: 'yes', carer_age: 50 };
    model.data = answers;
    expect(model.validate(false)).toBe(true);
    expect(issuesOf(answers)).toEqual([]);
    model.setValue('carer_age', 12);
    expect(model.validate(false)).toBe(false);
    expect(issuesOf({ ...answers, carer_age: 12 })).toEqual([{ path: 'carer_age', message: 'breaks_rule' }]);
  });
});

describe('properties of the check', () => {
  const age = compileAnswerCheck({ elements: [{ type: 'text', name: 'age', inputType: 'number', min: 0, max: 120 }] });
  const day = compileAnswerCheck({ elements: [{ type: 'text', name: 'day', inputType: 'date' }] });

  it('takes any finite number within [min, max] and refuses any outside', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const issues = age.check({ age: n }).issues;
        if (n >= 0 && n <= 120) expect(issues).toEqual([]);
        else expect(issues).toEqual([{ path: 'age', message: n < 0 ? 'below_min' : 'above_max' }]);
      }),
    );
    // Not a finite number at all: no JSON gives one, but an object built in code might.
    for (const n of [Number.NaN, Infinity, -Infinity]) expect(age.check({ age: n }).issues).toEqual([{ path: 'age', message: 'wrong_type' }]);
  });

  it('takes every date of the calendar and refuses days that do not exist', () => {
    const iso = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(day.check({ day: date.toISOString().slice(0, 10) }).issues).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 99 }), (y, m, d) => {
        const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
        const exists = d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
        expect(day.check({ day: iso(y, m, d) }).issues).toEqual(exists ? [] : [{ path: 'day', message: 'not_date' }]);
      }),
    );
  });

  it('refuses any text that merely starts with a date', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (tail) => {
        expect(day.check({ day: `2025-03-01${tail}` }).issues).toEqual([{ path: 'day', message: 'not_date' }]);
      }),
    );
  });

  it('never throws and never lets an unknown key through, whatever is sent', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), (answers) => {
        const { answers: kept, issues } = check.check(answers, 'drop');
        const known = new Set(['age', 'lives_alone', 'services', 'other_needs', 'uses_home_care', 'satisfied', 'visit', 'arrived', 'called', 'phone', 'income', 'district', 'needs_escort', 'carer_age']);
        for (const key of Object.keys(kept)) {
          const base = key.replace(/-Comment$/, '');
          if (!known.has(key) && !known.has(base)) expect(issues.map((i) => i.path)).toContain(key);
        }
      }),
    );
  });
});
