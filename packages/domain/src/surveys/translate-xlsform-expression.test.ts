import { ExpressionRunner } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { pipeReferences, referencesIn, translateXlsFormExpression, type ReferenceKind } from './translate-xlsform-expression';

const kinds: Record<string, ReferenceKind> = {
  age: 'value',
  sex: 'single',
  needs: 'multiple',
  consent: 'boolean',
  name: 'value',
  location: 'unconverted',
};
const context = (self: string | null = null) => ({ self, kindOf: (n: string) => kinds[n] });
const translate = (source: string, self: string | null = null) => translateXlsFormExpression(source, context(self));
const surveyjs = (source: string, self: string | null = null) => {
  const result = translate(source, self);
  if (!result.ok) throw new Error(`not translated: ${source} (${result.problem}: ${result.detail})`);
  return result.expression;
};
/** Runs the translated expression in SurveyJS itself, so the test checks meaning, not spelling. */
const evaluate = (source: string, values: Record<string, unknown>, self: string | null = null) => new ExpressionRunner(surveyjs(source, self)).runValues(values);

describe('translateXlsFormExpression', () => {
  it.each([
    ["${age} >= 60", '{age} >= 60'],
    ["${sex} = 'female' and ${age} < 18", "{sex} = 'female' and {age} < 18"],
    ["${age} > 60 or ${age} < 18", '{age} > 60 or {age} < 18'],
    ["selected(${needs}, 'transport')", "{needs} contains 'transport'"],
    ["selected(${sex}, 'male')", "{sex} = 'male'"],
    ["not(selected(${needs}, 'none'))", "!({needs} contains 'none')"],
    ["count-selected(${needs}) >= 2", 'iif({needs} empty, 0, {needs.length}) >= 2'],
    ["string-length(${name}) > 0", 'iif({name} empty, 0, {name.length}) > 0'],
    ["${name} != ''", '{name} notempty'],
    ["${name} = ''", '{name} empty'],
    ["(${age} + 1) * 2 > 10", '({age} + 1) * 2 > 10'],
    ['${age} div 2 mod 3', '{age} / 2 % 3'],
    ['${age} - (1 - 2)', '{age} - (1 - 2)'],
    ['-${age} < 0', '0 - {age} < 0'],
    ["if(${age} >= 60, 'older', 'younger')", "iif({age} >= 60, 'older', 'younger')"],
    ["coalesce(${name}, 'unknown')", "iif({name} notempty, {name}, 'unknown')"],
    ['${consent} = true()', '{consent} = true'],
    ['round(${age} div 3, 1)', 'round({age} / 3, 1)'],
    ['. <= today()', '{age} <= today()'],
    ["${name} = \"it's\"", "{name} = 'it\\'s'"],
  ])('%s → %s', (xlsform, expected) => {
    expect(surveyjs(xlsform, 'age')).toBe(expected);
  });

  it('means in SurveyJS what it meant in the XLSForm', () => {
    expect(evaluate("${age} >= 60 or selected(${needs}, 'transport')", { age: 40, needs: ['transport'] })).toBe(true);
    expect(evaluate("${age} >= 60 or selected(${needs}, 'transport')", { age: 40, needs: ['home_care'] })).toBe(false);
    // count-selected() of an unanswered question is 0 in ODK.
    expect(evaluate('count-selected(${needs}) = 0', {})).toBe(true);
    expect(evaluate('count-selected(${needs}) = 2', { needs: ['a', 'b'] })).toBe(true);
    expect(evaluate('not(${age} > 18) and ${sex} = \'male\'', { age: 30, sex: 'male' })).toBe(false);
    expect(evaluate('${age} - (10 - 4)', { age: 20 })).toBe(14);
    expect(evaluate('-${age} + 1', { age: 5 })).toBe(-4);
    expect(evaluate('. >= 14 and . <= 120', { age: 130 }, 'age')).toBe(false);
    expect(evaluate("if(${age} >= 60, 'older', 'younger')", { age: 70 })).toBe('older');
  });

  it.each([
    ["concat(${name}, ' ', ${age})", 'concat()'],
    ["pulldata('households', 'size', 'id', ${name})", 'pulldata()'],
    ["regex(., '^[0-9]+$')", 'regex()'],
    ["jr:choice-name(${sex}, '${sex}')", 'jr:choice-name()'],
    ['/data/age > 3', '/ (XPath path or predicate)'],
    ['../age > 3', '..'],
    ['${location} != \'\'', '${location} (not converted)'],
    ["contains(${needs}, 'tra')", 'contains() on a multiple choice'],
    ['position(..)', '..'],
  ])('refuses %s, naming %s', (xlsform, detail) => {
    expect(translate(xlsform, 'name')).toEqual({ ok: false, problem: 'unsupported', detail });
  });

  it('tells an unknown name and a broken expression apart', () => {
    expect(translate('${nobody} > 1')).toEqual({ ok: false, problem: 'unknown_reference', detail: 'nobody' });
    expect(translate('${age} >')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(translate("${age} = 'open")).toMatchObject({ ok: false, problem: 'syntax' });
    expect(translate('(${age} > 1')).toMatchObject({ ok: false, problem: 'syntax' });
    expect(translate('. > 1')).toEqual({ ok: false, problem: 'unsupported', detail: '. (no question here)' });
  });
});

describe('references', () => {
  it('lists the names an expression uses and pipes them in labels', () => {
    expect(referencesIn("${a} > 1 and selected(${ b }, 'x')")).toEqual(['a', 'b']);
    expect(pipeReferences('Дякуємо, ${name}! Вам ${age} років.')).toBe('Дякуємо, {name}! Вам {age} років.');
  });
});
