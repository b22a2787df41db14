import { ConditionRunner, ExpressionRunner } from 'survey-core';
import {
  breaksStep,
  isAnswerNumber,
  isEmptyAnswer,
  MAX_ANSWER_TEXT,
  readDate,
  readDateTime,
  readMonth,
  readTime,
  readWeek,
} from './answer-values';
import { listQuestions, type SurveyChoice, type SurveyDefinition, type SurveyElement, type SurveyQuestion, type SurveyValidator } from './survey-definition';

/**
 * Whether answers fit the questionnaire version they answer — the one rule for an answer sent
 * through a public link, a paper form typed in and a row of an imported file. The version's
 * definition is compiled once (`compileAnswerCheck`); checking an answer then costs a few
 * microseconds, and SurveyJS's own expression engine (survey-core's ConditionRunner and
 * ExpressionRunner, the code the form runs in the browser) decides relevance, "required if" and
 * the constraint expressions, so the server reads an expression exactly as the form did.
 *
 * This module brings survey-core with it and is therefore not exported from the domain's index:
 * the web app loads survey-core only with a form. Import it as `@potreby/domain/surveys/check-answers`.
 */

export const ANSWER_ISSUE_CODES = [
  /** No question of this version has that name (or it is a note or a calculation, not a question one answers). */
  'unknown_question',
  /** A value of another kind than the question takes (text for a number, a list for a single choice). */
  'wrong_type',
  'not_a_choice',
  'too_long',
  /** Not a date (or date and time) that exists, in ISO form. */
  'not_date',
  'not_time',
  'not_integer',
  /** Not a multiple of the question's step. */
  'not_step',
  'below_min',
  'above_max',
  /** Fails one of the question's validation rules: an XLSForm constraint, a pattern, an expression. */
  'breaks_rule',
  'required',
  /** The question is not asked given the other answers (its relevance is false), or is hidden. */
  'not_asked',
  /** A `<name>-Comment` text for a question that offers no comment, or whose "other" was not chosen. */
  'comment_not_allowed',
] as const;
export type AnswerIssueCode = (typeof ANSWER_ISSUE_CODES)[number];

/** `path` is the answer's key: the question's name, or `<name>-Comment` for its comment or "other" text. */
export type AnswerIssue = { path: string; message: AnswerIssueCode };

/**
 * What to do with an answer to a question that is not shown given the other answers:
 * `refuse` it with `not_asked` (paper forms, imports: the person typing can correct it), or
 * `drop` it as SurveyJS itself does when a form is completed (`clearInvisibleValues`, a public
 * link: the respondent cannot see the question, and the rest of their answers stand).
 */
export type InvisibleAnswers = 'refuse' | 'drop';

export type CheckedAnswers = {
  /** The answers to store: those given, less any dropped. */
  answers: Record<string, unknown>;
  issues: AnswerIssue[];
};

export type AnswerCheck = {
  /** The version's questions as the analysis reads them. */
  readonly questions: readonly SurveyQuestion[];
  /**
   * Names whose values the form computes or fixes rather than asks (calculations, notes, hidden
   * questions): an export has columns for them, which an import leaves out.
   */
  readonly notAsked: ReadonlySet<string>;
  check(answers: Readonly<Record<string, unknown>>, invisible?: InvisibleAnswers): CheckedAnswers;
};

type Values = Record<string, unknown>;
type Condition = (values: Values) => boolean;
/** One check of a value; null when it passes. `values` are all answers (and calculations), for expressions. */
type ValueCheck = (value: unknown, values: Values) => AnswerIssueCode | null;

type Rule = {
  name: string;
  /** Its place in the form, to report issues in the form's order. */
  at: number;
  /** All must hold for the question to be shown: its own visibleIf and those of its panels and page. */
  shownIf: Condition[];
  /** `visible: false` on it or around it. */
  hidden: boolean;
  readOnly: boolean;
  /** All must hold for the question to be editable (enableIf on it and around it). */
  enableIf: Condition[];
  required: boolean;
  requiredIf: Condition | null;
  /** Kind, shape, choices, bounds, length: checked on every answer given. */
  value: ValueCheck;
  /** The question's validators, skipped on a read-only question as SurveyJS skips them. */
  validators: ValueCheck[];
  /** An expression validator runs on an unanswered question too (SurveyJS runs it whatever the value). */
  checksEmpty: boolean;
  /** `<name>-Comment`: always (a comment area), or only while "other" is chosen. */
  comment: 'always' | 'other' | 'never';
};

type Calculation = { name: string; run: (values: Values) => unknown };

/** SurveyJS passes the survey to custom functions here; the built-in functions need nothing. */
const NO_PROPERTIES = {};

/**
 * The extra items SurveyJS adds to a choice question, with the values it stores for them
 * (https://surveyjs.io/form-library/documentation/api-reference/checkbox-question-model#showNoneItem).
 */
const EXTRA_ITEMS = [
  ['showNoneItem', 'hasNone', 'none'],
  ['showOtherItem', 'hasOther', 'other'],
  ['showRefuseItem', null, 'refused'],
  ['showDontKnowItem', null, 'dontknow'],
] as const;
/** Chosen alone: SurveyJS clears the other options when one of these is ticked. */
const EXCLUSIVE = new Set(['none', 'refused', 'dontknow']);

const NOTES = new Set(['html', 'image', 'expression']);
const SINGLE_CHOICE = new Set(['radiogroup', 'dropdown', 'buttongroup']);
const MULTIPLE_CHOICE = new Set(['checkbox', 'tagbox']);
/** SurveyJS's text input types whose value is free text. */
const FREE_TEXT_INPUTS = new Set(['text', 'tel', 'url', 'password', 'search']);
/** SurveyJS's e-mail check (EmailValidator), which an `email` input applies by itself. */
const EMAIL = /^(([^<>()[\]\\.,;:\s@"]+(\.[^<>()[\]\\.,;:\s@"]+)*)|(".+"))@(([^<>()=[\]\\.,;:\s@"]+\.)+[^<>()=[\]\\.,;:\s@"]{2,})$/i;
/** Rows of a dynamic matrix and panels of a dynamic panel, when the question sets no maximum (SurveyJS's defaults). */
const MAX_MATRIX_ROWS = 1000;
const MAX_PANELS = 100;

const isScalar = (value: unknown): value is string | number => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOr = (value: unknown, fallback: number | null): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

/** A choice's stored value; SurveyJS reads `"value|text"` in a plain string as value and text. */
function choiceValue(choice: SurveyChoice | null | undefined): string | null {
  if (choice === null || choice === undefined) return null;
  if (typeof choice === 'number') return String(choice);
  if (typeof choice === 'string') {
    const bar = choice.indexOf('|');
    return bar > 0 ? choice.slice(0, bar) : choice;
  }
  return typeof choice === 'object' && 'value' in choice ? String(choice.value) : null;
}

const valuesOf = (items: unknown): string[] => (Array.isArray(items) ? items.map((c) => choiceValue(c as SurveyChoice)).filter((v): v is string => v !== null) : []);

/** Results kept per expression: enough for the values of a question or two, and bounded. */
const MEMO_SIZE = 4096;

/**
 * Compiles SurveyJS expressions once each; the same text (a group's relevance repeated) shares
 * one runner. An expression without functions gives the same result for the same values of its
 * variables, so for variables that are the form's own names holding plain values the result is
 * kept: an imported million rows ask `{age} >= 14 and {age} <= 120` for a hundred ages.
 */
class Expressions {
  private conditions = new Map<string, Condition>();

  constructor(private readonly names: ReadonlySet<string>) {}

  condition(expression: string): Condition {
    let known = this.conditions.get(expression);
    if (known) return known;
    // An expression SurveyJS cannot parse is false for it too: the form hides what it governs
    // and refuses what it validates, and so does this check.
    const runner = new ConditionRunner(expression);
    const run = (values: Values) => {
      try {
        return runner.runValues(values, NO_PROPERTIES) === true;
      } catch {
        return false;
      }
    };
    const variables = runner.canRun() && !runner.hasFunction() ? runner.getVariables() : [];
    if (variables.length === 0 || variables.length > 4 || !variables.every((v) => this.names.has(v))) known = run;
    else {
      const memo = new Map<string, boolean>();
      known = (values) => {
        const key = memoKey(variables, values);
        if (key === null) return run(values);
        let result = memo.get(key);
        if (result === undefined) {
          if (memo.size >= MEMO_SIZE) memo.clear();
          memo.set(key, (result = run(values)));
        }
        return result;
      };
    }
    this.conditions.set(expression, known);
    return known;
  }

  value(expression: string): (values: Values) => unknown {
    const runner = new ExpressionRunner(expression);
    return (values) => {
      try {
        return runner.runValues(values, NO_PROPERTIES);
      } catch {
        return undefined;
      }
    };
  }
}

/** The values of `variables` as one text, or null when one is not a short plain value. */
function memoKey(variables: readonly string[], values: Values): string | null {
  let key = '';
  for (const name of variables) {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    if (value === undefined) key += 'u\u0001';
    else if (typeof value === 'number' || typeof value === 'boolean') key += `${typeof value}${String(value)}\u0001`;
    else if (typeof value === 'string' && value.length <= 100) key += `s${value}\u0001`;
    else return null;
  }
  return key;
}

type Scope = { shownIf: Condition[]; hidden: boolean; readOnly: boolean; enableIf: Condition[] };

/** The check of answers to one version: compiled once, used for every answer to it. */
export function compileAnswerCheck(definition: SurveyDefinition): AnswerCheck {
  const rules: Rule[] = [];
  const calculations: Calculation[] = [];
  const notAsked = new Set<string>();
  /** Every element by name, so a question can take its choices from another (`choicesFromQuestion`). */
  const elementsByName = new Map<string, SurveyElement>();
  const collect = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const e of elements as SurveyElement[]) {
      if (!e || typeof e !== 'object') continue;
      if (typeof e.name === 'string' && !elementsByName.has(e.name)) elementsByName.set(e.name, e);
      collect(e.elements ?? e.questions);
    }
  };
  collect(definition.elements);
  for (const page of definition.pages ?? []) collect(page?.elements ?? page?.questions);
  const calculated = Array.isArray(definition.calculatedValues) ? (definition.calculatedValues as { name?: unknown; expression?: unknown }[]) : [];
  // The names an expression may read as plain answers: those of the form, and their comments.
  const names = new Set([...elementsByName.keys()].flatMap((n) => [n, `${n}-Comment`]));
  for (const c of calculated) if (typeof c?.name === 'string') names.add(c.name);
  const expressions = new Expressions(names);

  const values = new ValueChecks(definition, elementsByName, expressions);

  const inner = (scope: Scope, container: { visibleIf?: unknown; visible?: unknown; readOnly?: unknown; enableIf?: unknown }): Scope => ({
    shownIf: typeof container.visibleIf === 'string' && container.visibleIf.trim() ? [...scope.shownIf, expressions.condition(container.visibleIf)] : scope.shownIf,
    hidden: scope.hidden || container.visible === false,
    readOnly: scope.readOnly || container.readOnly === true,
    enableIf: typeof container.enableIf === 'string' && container.enableIf.trim() ? [...scope.enableIf, expressions.condition(container.enableIf)] : scope.enableIf,
  });

  const visit = (elements: unknown, scope: Scope) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements as SurveyElement[]) {
      if (!element || typeof element !== 'object') continue;
      const own = inner(scope, element);
      if (element.type === 'panel') {
        visit(element.elements ?? element.questions, own);
        continue;
      }
      if (typeof element.name !== 'string' || element.name === '' || element.name === '__proto__') continue;
      if (NOTES.has(element.type)) {
        notAsked.add(element.name);
        if (element.type === 'expression' && typeof element.expression === 'string') calculations.push({ name: element.name, run: expressions.value(element.expression) });
        continue;
      }
      const value = values.of(element);
      // A kind of question whose answers cannot be checked here (a file, a signature, a custom
      // component) takes none: its answers are refused as unknown, as before this check existed.
      if (!value) continue;
      if (own.hidden) notAsked.add(element.name);
      const declared = Array.isArray(element.validators) ? element.validators : [];
      const validators = declared.map((v) => values.validator(v)).filter((v): v is ValueCheck => v !== null);
      rules.push({
        name: element.name,
        at: rules.length,
        ...own,
        required: element.isRequired === true,
        requiredIf: typeof element.requiredIf === 'string' && element.requiredIf.trim() ? expressions.condition(element.requiredIf) : null,
        value,
        validators,
        checksEmpty: declared.some((v) => v?.type === 'expression'),
        comment: element.showCommentArea || element.hasComment ? 'always' : values.offersOther(element) ? 'other' : 'never',
      });
    }
  };
  const root: Scope = { shownIf: [], hidden: false, readOnly: definition.mode === 'display', enableIf: [] };
  visit(definition.elements, root);
  for (const page of definition.pages ?? []) if (page && typeof page === 'object') visit(page.elements ?? page.questions, inner(root, page));
  for (const c of calculated) {
    if (typeof c?.name === 'string' && c.name !== '__proto__' && typeof c.expression === 'string') calculations.push({ name: c.name, run: expressions.value(c.expression) });
  }

  const byName = new Map(rules.map((r) => [r.name, r]));
  // SurveyJS keeps an invisible answer only when the form says so.
  const clearsInvisible = definition.clearInvisibleValues !== 'none';
  const questions = listQuestions(definition);

  // Only these need looking at beyond their own answer: cheaper for a million imported rows.
  const conditional = rules.filter((r) => r.hidden || r.shownIf.length > 0);
  const validated = rules.filter((r) => r.required || r.requiredIf || r.validators.length > 0);

  return {
    questions,
    notAsked,
    check(answers, invisible = 'refuse') {
      /** Issues with the place of their question in the form, to be reported in that order. */
      const found: Found[] = [];
      /** What expressions see: the answers (and comments) to known questions, then the calculations. */
      const env: Values = {};
      const given: Rule[] = [];
      const comments: { key: string; rule: Rule; value: unknown }[] = [];
      const dropped = new Set<string>();

      for (const key of Object.keys(answers)) {
        const value = answers[key];
        const rule = byName.get(key);
        const owner = rule ? undefined : key.endsWith('-Comment') ? byName.get(key.slice(0, -'-Comment'.length)) : undefined;
        if (rule || owner) {
          // A question left blank may come as null (and is kept so).
          if (value === null || value === undefined) continue;
          env[key] = value;
          if (rule) given.push(rule);
          else comments.push({ key, rule: owner!, value });
        } else if (invisible === 'drop' && notAsked.has(key)) {
          // A calculation's result or a note: the form sends what it computed; it is not an answer.
          dropped.add(key);
        } else found.push({ at: -1, path: key, message: 'unknown_question' });
      }

      // Each answer of the kind, shape and bounds of its question; a refused one then counts as
      // not given, so it cannot make other questions shown or required.
      if (calculations.length > 0) calculate(calculations, env);
      const refused = new Set<string>();
      for (const rule of given) {
        const problem = rule.value(env[rule.name], env);
        if (problem) {
          found.push({ at: rule.at, path: rule.name, message: problem });
          refused.add(rule.name);
        }
      }
      for (const name of refused) delete env[name];

      // Relevance, in the order of the form: an answer to a question not shown goes, and what
      // depended on it is looked at again (SurveyJS clears in the same order when completing).
      if (clearsInvisible) {
        for (let pass = 0; pass < 10; pass++) {
          let changed = false;
          for (const rule of conditional) {
            if (isEmptyAnswer(valueOf(env, rule.name)) || shown(rule, env)) continue;
            if (invisible === 'refuse') found.push({ at: rule.at, path: rule.name, message: 'not_asked' });
            dropped.add(rule.name);
            delete env[rule.name];
            changed = true;
          }
          if (!changed) break;
          if (calculations.length > 0) calculate(calculations, env);
        }
      }

      for (const rule of validated) {
        if (dropped.has(rule.name) || refused.has(rule.name)) continue;
        const value = valueOf(env, rule.name);
        const empty = isEmptyAnswer(value);
        if (empty && !rule.required && !rule.requiredIf && !rule.checksEmpty) continue;
        // SurveyJS validates only what it shows; an answer given was found shown above.
        if ((empty || !clearsInvisible) && !shown(rule, env)) continue;
        if (!editable(rule, env)) continue;
        if (empty && (rule.required || rule.requiredIf?.(env))) {
          found.push({ at: rule.at, path: rule.name, message: 'required' });
          continue;
        }
        for (const validator of rule.validators) {
          const problem = validator(value, env);
          if (problem) {
            found.push({ at: rule.at, path: rule.name, message: problem });
            break;
          }
        }
      }

      for (const { key, rule, value } of comments) {
        const at = rule.at + 0.5;
        if (dropped.has(rule.name) || (clearsInvisible && value !== '' && !shown(rule, env))) {
          // The comment of a question not shown goes with its answer.
          if (invisible === 'refuse' && !dropped.has(rule.name)) found.push({ at, path: key, message: 'not_asked' });
          dropped.add(key);
        } else if (typeof value !== 'string') found.push({ at, path: key, message: 'wrong_type' });
        else if (value.length > MAX_ANSWER_TEXT) found.push({ at, path: key, message: 'too_long' });
        else if (value === '' || rule.comment === 'always' || (rule.comment === 'other' && otherChosen(answers[rule.name]))) continue;
        // SurveyJS clears an "other" text once "other" is unticked.
        else if (rule.comment === 'other' && invisible === 'drop') dropped.add(key);
        else found.push({ at, path: key, message: 'comment_not_allowed' });
      }

      const issues = found.length === 0 ? [] : found.sort((a, b) => a.at - b.at).map(({ path, message }) => ({ path, message }));
      if (dropped.size === 0) return { answers: answers as Record<string, unknown>, issues };
      return { answers: Object.fromEntries(Object.entries(answers).filter(([key]) => !dropped.has(key))), issues };
    },
  };
}

type Found = AnswerIssue & { at: number };

// Own keys only: a question may be called `constructor`.
const valueOf = (env: Values, name: string): unknown => (Object.hasOwn(env, name) ? env[name] : undefined);

function shown(rule: Rule, env: Values): boolean {
  if (rule.hidden) return false;
  for (const condition of rule.shownIf) if (!condition(env)) return false;
  return true;
}

function editable(rule: Rule, env: Values): boolean {
  if (rule.readOnly) return false;
  for (const condition of rule.enableIf) if (!condition(env)) return false;
  return true;
}

const otherChosen = (value: unknown) => value === 'other' || (Array.isArray(value) && value.includes('other'));

/** Calculations in the order of the form, each seeing those before it (and, on a later pass, after). */
function calculate(calculations: readonly Calculation[], env: Values) {
  for (const c of calculations) {
    const result = c.run(env);
    if (result === undefined || result === null) delete env[c.name];
    else env[c.name] = result;
  }
}

/** How each kind of SurveyJS question's answer is checked, compiled per element. */
class ValueChecks {
  constructor(
    private readonly definition: SurveyDefinition,
    private readonly elements: ReadonlyMap<string, SurveyElement>,
    private readonly expressions: Expressions,
  ) {}

  /** The check of an element's answer, or null for a kind of question whose answers are not taken. */
  of(element: SurveyElement): ValueCheck | null {
    switch (element.type) {
      case 'text':
        return this.text(element);
      case 'comment':
        return this.freeText(this.maxLength(element));
      case 'boolean':
        return this.boolean(element);
      case 'rating':
        return this.rating(element);
      case 'imagepicker':
        return element.multiSelect ? this.multiple(element) : this.single(element);
      case 'ranking':
        return this.multiple(element, true);
      case 'matrix':
        return this.matrix(element);
      case 'matrixdropdown':
        return this.matrixDropdown(element);
      case 'matrixdynamic':
        return this.matrixDynamic(element);
      case 'multipletext':
        return this.multipleText(element);
      case 'paneldynamic':
        return this.panelDynamic(element);
      default:
        if (SINGLE_CHOICE.has(element.type)) return this.single(element);
        if (MULTIPLE_CHOICE.has(element.type)) return this.multiple(element);
        return null;
    }
  }

  /** Whether the question has an "other (please specify)" item. */
  offersOther(element: SurveyElement): boolean {
    return Boolean(element.showOtherItem || element.hasOther);
  }

  /** SurveyJS's validator, or null for a kind it would not apply. */
  validator(v: SurveyValidator | null | undefined): ValueCheck | null {
    if (!v || typeof v !== 'object') return null;
    switch (v.type) {
      case 'numeric': {
        const [min, max] = [numberOr(v.minValue, null), numberOr(v.maxValue, null)];
        return (value) => {
          if (isEmptyAnswer(value)) return null;
          const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
          if (!Number.isFinite(n)) return 'wrong_type';
          if (min !== null && n < min) return 'below_min';
          return max !== null && n > max ? 'above_max' : null;
        };
      }
      case 'text': {
        const [min, max] = [numberOr(v.minLength, 0)!, numberOr(v.maxLength, 0)!];
        return (value) => {
          if (isEmptyAnswer(value) || typeof value !== 'string') return null;
          if (v.allowDigits === false && /\d+$/.test(value)) return 'breaks_rule';
          if (min > 0 && value.length < min) return 'breaks_rule';
          return max > 0 && value.length > max ? 'too_long' : null;
        };
      }
      case 'answercount': {
        const [min, max] = [numberOr(v.minCount, 0)!, numberOr(v.maxCount, 0)!];
        return (value) => (Array.isArray(value) && value.length > 0 && ((min && value.length < min) || (max && value.length > max)) ? 'breaks_rule' : null);
      }
      case 'regex': {
        if (typeof v.regex !== 'string' || v.regex === '') return null;
        let pattern: RegExp;
        try {
          const flags = v as { caseInsensitive?: unknown; insensitive?: unknown };
          pattern = new RegExp(v.regex, flags.caseInsensitive || flags.insensitive ? 'i' : '');
        } catch {
          // The form could not use it either; SurveyJS would throw on it in the browser.
          return null;
        }
        const fits = (item: unknown) => pattern.test(String(item));
        return (value) => (isEmptyAnswer(value) ? null : (Array.isArray(value) ? value.every(fits) : fits(value)) ? null : 'breaks_rule');
      }
      case 'email':
        return (value) => (!value || EMAIL.test(String(value)) ? null : 'breaks_rule');
      case 'expression': {
        if (typeof v.expression !== 'string') return null;
        const holds = this.expressions.condition(v.expression);
        return (_value, values) => (holds(values) ? null : 'breaks_rule');
      }
      default:
        return null;
    }
  }

  /** A text question's own maximum, the form's, and in any case the global one. */
  private maxLength(element: SurveyElement): number {
    const own = numberOr(element.maxLength, -1)!;
    const form = numberOr(this.definition.maxTextLength, 0)!;
    const limit = own > 0 ? own : own === 0 ? 0 : form;
    return limit > 0 ? Math.min(limit, MAX_ANSWER_TEXT) : MAX_ANSWER_TEXT;
  }

  private freeText(max: number): ValueCheck {
    // A number is text too: a masked numeric input stores one.
    return (value) => (typeof value === 'number' ? (Number.isFinite(value) ? null : 'wrong_type') : typeof value !== 'string' ? 'wrong_type' : value.length > max ? 'too_long' : null);
  }

  private text(element: SurveyElement): ValueCheck {
    let inputType = typeof element.inputType === 'string' ? element.inputType.toLowerCase() : 'text';
    if (inputType === 'datetime' || inputType === 'datetime_local') inputType = 'datetime-local';
    switch (inputType) {
      case 'number':
      case 'range':
        return this.number(element);
      case 'date':
        return this.dated(element, readDate, 'not_date');
      case 'datetime-local':
        return this.dated(element, readDateTime, 'not_date');
      case 'time':
        return this.dated(element, readTime, 'not_time');
      case 'month':
        return this.dated(element, readMonth, 'not_date');
      case 'week':
        return this.dated(element, readWeek, 'not_date');
      case 'color':
        return (value) => (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value) ? null : 'wrong_type');
      case 'email': {
        const text = this.freeText(this.maxLength(element));
        return (value) => text(value, {}) ?? (value === '' || EMAIL.test(String(value)) ? null : 'breaks_rule');
      }
      default:
        return this.freeText(FREE_TEXT_INPUTS.has(inputType) ? this.maxLength(element) : MAX_ANSWER_TEXT);
    }
  }

  /**
   * A bound of a text question: a number or date in `min`/`max`, an expression there (`=today()`)
   * or in `minValueExpression`/`maxValueExpression`, evaluated against the answers.
   */
  private bound(element: SurveyElement, which: 'min' | 'max'): ((values: Values) => unknown) | null {
    const given = element[which];
    const expression = typeof given === 'string' && given.startsWith('=') ? given.slice(1) : element[`${which}ValueExpression`];
    if (typeof expression === 'string' && expression.trim()) return this.expressions.value(expression);
    if (given === undefined || given === null || given === '') return null;
    return () => given;
  }

  private number(element: SurveyElement): ValueCheck {
    const [min, max] = [this.bound(element, 'min'), this.bound(element, 'max')];
    const step = numberOr(element.step, null);
    const limit = (bound: ((values: Values) => unknown) | null, values: Values): number | null => {
      if (!bound) return null;
      const n = Number(bound(values));
      return Number.isFinite(n) ? n : null;
    };
    return (value, values) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong_type';
      if (!isAnswerNumber(value)) return value < 0 ? 'below_min' : 'above_max';
      const lo = limit(min, values);
      if (lo !== null && value < lo) return 'below_min';
      const hi = limit(max, values);
      if (hi !== null && value > hi) return 'above_max';
      if (step !== null && step > 0) {
        if (Number.isInteger(step) && !Number.isInteger(value)) return 'not_integer';
        if (breaksStep(value, step)) return 'not_step';
      }
      return null;
    };
  }

  /** A date, date and time, time, month or week: the exact form, a value that exists, within the bounds. */
  private dated(element: SurveyElement, read: (text: string) => number | null, wrong: AnswerIssueCode): ValueCheck {
    const [min, max] = [this.bound(element, 'min'), this.bound(element, 'max')];
    const limit = (bound: ((values: Values) => unknown) | null, values: Values): number | null => {
      if (!bound) return null;
      const given = bound(values);
      const text = given instanceof Date ? localDate(given) : typeof given === 'string' ? given : null;
      if (text === null) return null;
      // A date-and-time question may be bounded by a plain date (midnight).
      return read(text) ?? (read === readDateTime ? readDateTime(`${text.slice(0, 10)}T00:00`) : null);
    };
    return (value, values) => {
      if (typeof value !== 'string' || value.length > 40) return wrong;
      const at = read(value);
      if (at === null) return wrong;
      const lo = limit(min, values);
      if (lo !== null && at < lo) return 'below_min';
      const hi = limit(max, values);
      return hi !== null && at > hi ? 'above_max' : null;
    };
  }

  private boolean(element: SurveyElement): ValueCheck {
    const own = [element.valueTrue, element.valueFalse].filter((v) => v !== undefined).map(String);
    // A file imported with "yes" for a yes/no question whose values are its own may still give true/false.
    return (value) => (typeof value === 'boolean' || (isScalar(value) && own.includes(String(value))) ? null : 'wrong_type');
  }

  private rating(element: SurveyElement): ValueCheck {
    const listed = valuesOf(element.rateValues);
    if (listed.length > 0) {
      const allowed = new Set(listed);
      return (value) => (!isScalar(value) ? 'wrong_type' : allowed.has(String(value)) ? null : 'not_a_choice');
    }
    const step = numberOr(element.rateStep, 1)! > 0 ? numberOr(element.rateStep, 1)! : 1;
    const min = numberOr(element.rateMin, 1)!;
    const count = numberOr(element.rateCount, null);
    const max = numberOr(element.rateMax, count !== null && count > 0 ? min + (count - 1) * step : 5)!;
    return (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'wrong_type';
      if (value < min) return 'below_min';
      if (value > max) return 'above_max';
      if (Number.isInteger(step) && !Number.isInteger(value)) return 'not_integer';
      return breaksStep(value - min, step) ? 'not_step' : null;
    };
  }

  /**
   * The values a choice question offers, or null when any value may come (choices loaded from a
   * web service). Choices taken from another question are that question's.
   */
  private choices(element: SurveyElement): Set<string> | null {
    if (element.choicesByUrl) return null;
    let listed = valuesOf(element.choices);
    const source = typeof element.choicesFromQuestion === 'string' ? this.elements.get(element.choicesFromQuestion) : undefined;
    if (source) listed = [...listed, ...valuesOf(source.choices)];
    const allowed = new Set(listed);
    for (const [shown, legacy, value] of EXTRA_ITEMS) if (element[shown] || (legacy && element[legacy])) allowed.add(value);
    return allowed;
  }

  /** With `storeOthersAsComment: false` SurveyJS stores the "other" text as the answer itself. */
  private otherAsValue(element: SurveyElement): boolean {
    return this.offersOther(element) && (element.storeOthersAsComment === false || (element.storeOthersAsComment === undefined && this.definition.storeOthersAsComment === false));
  }

  private single(element: SurveyElement): ValueCheck {
    const allowed = this.choices(element);
    const free = this.otherAsValue(element);
    return (value) => {
      if (!isScalar(value)) return 'wrong_type';
      if (typeof value === 'string' && value.length > MAX_ANSWER_TEXT) return 'too_long';
      return allowed === null || allowed.has(String(value)) || (free && typeof value === 'string') ? null : 'not_a_choice';
    };
  }

  private multiple(element: SurveyElement, ranking = false): ValueCheck {
    const allowed = this.choices(element);
    const free = this.otherAsValue(element);
    const [min, max] = [numberOr(element.minSelectedChoices, 0)!, numberOr(element.maxSelectedChoices, 0)!];
    return (value) => {
      if (!Array.isArray(value)) return 'wrong_type';
      if (value.length > (allowed && !free ? allowed.size : MAX_MATRIX_ROWS)) return 'not_a_choice';
      const seen = new Set<string>();
      let others = 0;
      for (const item of value) {
        if (!isScalar(item)) return 'wrong_type';
        const text = String(item);
        if (text.length > MAX_ANSWER_TEXT) return 'too_long';
        if (seen.has(text)) return 'not_a_choice';
        seen.add(text);
        if (allowed !== null && !allowed.has(text)) {
          if (!free || typeof item !== 'string') return 'not_a_choice';
          others++;
        }
      }
      if (others > 1) return 'not_a_choice';
      if (!ranking && value.length > 1 && value.some((item) => EXCLUSIVE.has(String(item)))) return 'not_a_choice';
      if (value.length > 0 && ((min > 0 && value.length < min) || (max > 0 && value.length > max))) return 'breaks_rule';
      return null;
    };
  }

  /** A single-choice matrix: `{ row: column }`, every row (when the form requires it) answered. */
  private matrix(element: SurveyElement): ValueCheck {
    const rows = valuesOf(element.rows);
    const columns = new Set(valuesOf(element.columns));
    const rowSet = new Set(rows);
    const everyRow = element.eachRowRequired === true || element.isAllRowRequired === true;
    const multiple = element.cellType === 'checkbox';
    const cell = (v: unknown) => (multiple ? Array.isArray(v) && v.every((c) => isScalar(c) && columns.has(String(c))) : isScalar(v) && (columns.size === 0 || columns.has(String(v))));
    return (value) => {
      if (!isPlainObject(value)) return 'wrong_type';
      for (const [row, answer] of Object.entries(value)) {
        if ((rows.length > 0 && !rowSet.has(row)) || row.length > 200) return 'not_a_choice';
        if (answer !== null && answer !== undefined && !cell(answer)) return 'not_a_choice';
      }
      if (everyRow && !isEmptyAnswer(value) && rows.some((row) => isEmptyAnswer(value[row]))) return 'required';
      return null;
    };
  }

  /** The cells of a row of a dropdown or dynamic matrix: `{ column: value }`, each by its column's cell type. */
  private matrixRow(element: SurveyElement): ValueCheck {
    const columns = new Map<string, ValueCheck>();
    for (const column of Array.isArray(element.columns) ? (element.columns as SurveyElement[]) : []) {
      if (!column || typeof column.name !== 'string') continue;
      const cellType = column.cellType ?? element.cellType ?? 'dropdown';
      const asQuestion: SurveyElement = { choices: element.choices, ...column, type: cellType === 'default' ? String(element.cellType ?? 'dropdown') : String(cellType) };
      // A cell with no options of its own or the matrix's (filled in some other way) takes any value.
      const listed = SINGLE_CHOICE.has(asQuestion.type) || MULTIPLE_CHOICE.has(asQuestion.type) ? this.choices(asQuestion) : null;
      const check = asQuestion.type === 'expression' || (listed !== null && listed.size === 0) ? this.anyScalarOrList() : (this.of(asQuestion) ?? this.anyScalarOrList());
      columns.set(column.name, check);
    }
    return (value, values) => {
      if (!isPlainObject(value)) return 'wrong_type';
      for (const [name, cell] of Object.entries(value)) {
        if (cell === null || cell === undefined) continue;
        const check = columns.get(name) ?? (name.endsWith('-Comment') ? columns.get(name.slice(0, -'-Comment'.length)) && this.freeText(MAX_ANSWER_TEXT) : undefined);
        if (!check) return 'not_a_choice';
        const problem = check(cell, values);
        if (problem) return problem;
      }
      return null;
    };
  }

  private anyScalarOrList(): ValueCheck {
    const scalar = (v: unknown) => (typeof v === 'boolean' || (isScalar(v) && String(v).length <= MAX_ANSWER_TEXT));
    return (value) => (scalar(value) || (Array.isArray(value) && value.length <= MAX_MATRIX_ROWS && value.every(scalar)) ? null : 'wrong_type');
  }

  private matrixDropdown(element: SurveyElement): ValueCheck {
    const rows = new Set(valuesOf(element.rows));
    const row = this.matrixRow(element);
    return (value, values) => {
      if (!isPlainObject(value)) return 'wrong_type';
      for (const [name, cells] of Object.entries(value)) {
        if (!rows.has(name)) return 'not_a_choice';
        const problem = cells === null || cells === undefined ? null : row(cells, values);
        if (problem) return problem;
      }
      return null;
    };
  }

  private matrixDynamic(element: SurveyElement): ValueCheck {
    const max = Math.min(numberOr(element.maxRowCount, MAX_MATRIX_ROWS)!, MAX_MATRIX_ROWS);
    const row = this.matrixRow(element);
    return (value, values) => {
      if (!Array.isArray(value)) return 'wrong_type';
      if (value.length > max) return 'too_long';
      for (const cells of value) {
        const problem = row(cells, values);
        if (problem) return problem;
      }
      return null;
    };
  }

  private multipleText(element: SurveyElement): ValueCheck {
    const items = new Map<string, ValueCheck>();
    for (const item of Array.isArray(element.items) ? (element.items as SurveyElement[]) : []) {
      if (item && typeof item.name === 'string') items.set(item.name, this.text({ ...item, type: 'text' }));
    }
    return (value, values) => {
      if (!isPlainObject(value)) return 'wrong_type';
      for (const [name, text] of Object.entries(value)) {
        const check = items.get(name);
        if (!check) return 'not_a_choice';
        const problem = text === null || text === undefined ? null : check(text, values);
        if (problem) return problem;
      }
      return null;
    };
  }

  /**
   * A dynamic panel: a list of `{ question: answer }`, each answer checked as its question's.
   * The panels' own conditions (`{panel.x}`) are not evaluated here.
   */
  private panelDynamic(element: SurveyElement): ValueCheck {
    const max = Math.min(numberOr(element.maxPanelCount, MAX_PANELS)!, MAX_PANELS);
    const inner = new Map<string, { check: ValueCheck; comment: boolean }>();
    const visit = (elements: unknown) => {
      for (const e of Array.isArray(elements) ? (elements as SurveyElement[]) : []) {
        if (!e || typeof e !== 'object') continue;
        if (e.type === 'panel') visit(e.elements ?? e.questions);
        else if (typeof e.name === 'string' && e.type === 'expression') inner.set(e.name, { check: this.anyScalarOrList(), comment: false });
        else if (typeof e.name === 'string') {
          const check = this.of(e);
          if (check) inner.set(e.name, { check, comment: Boolean(e.showCommentArea || e.hasComment || this.offersOther(e)) });
        }
      }
    };
    visit(element.templateElements);
    const comment = this.freeText(MAX_ANSWER_TEXT);
    return (value, values) => {
      if (!Array.isArray(value)) return 'wrong_type';
      if (value.length > max) return 'too_long';
      for (const panel of value) {
        if (!isPlainObject(panel)) return 'wrong_type';
        for (const [name, answer] of Object.entries(panel)) {
          if (answer === null || answer === undefined) continue;
          const question = inner.get(name);
          const owner = question ? undefined : name.endsWith('-Comment') ? inner.get(name.slice(0, -'-Comment'.length)) : undefined;
          const problem = question ? question.check(answer, values) : owner?.comment ? comment(answer, values) : 'unknown_question';
          if (problem) return problem;
        }
      }
      return null;
    };
  }
}

/** A date as SurveyJS's `today()` gives it (local midnight), as `YYYY-MM-DD`. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
