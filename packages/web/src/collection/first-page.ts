/**
 * The questionnaire's first page without SurveyJS (issue 7: phones on slow connections).
 *
 * SurveyJS (its code and styles) weighs about 310 KB compressed: on a village network (50 KB/s)
 * that alone is six seconds before the first question. So a first page made only of plain
 * questions is drawn by a small renderer of our own while SurveyJS arrives in the background;
 * when the respondent presses "Next" the answers are handed to SurveyJS, which checks the page
 * with its own rules and takes over. Anything this renderer cannot draw exactly as SurveyJS
 * would (conditions, expressions, panels, piped texts, random order …) makes the page "not
 * simple": the form then waits for SurveyJS, as before — slower, never wrong.
 *
 * Pure: no DOM, no SurveyJS.
 */
import { localiseDefinition, type TRaw } from '../questionnaires/survey-definition';

export type TLightChoice = { value: string; text: string };
export type TLightQuestion =
  | { kind: 'text'; name: string; title: string; description: string; required: boolean; placeholder: string; maxLength: number | null }
  | { kind: 'number'; name: string; title: string; description: string; required: boolean; placeholder: string; min: number | null; max: number | null; step: number | null }
  | { kind: 'comment'; name: string; title: string; description: string; required: boolean; placeholder: string; maxLength: number | null }
  | { kind: 'radiogroup' | 'checkbox' | 'dropdown'; name: string; title: string; description: string; required: boolean; choices: TLightChoice[] }
  | { kind: 'boolean'; name: string; title: string; description: string; required: boolean; labelTrue: string | null; labelFalse: string | null };

export type TLightPage = {
  /** The page's own title (SurveyJS shows it above the questions), '' when it has none. */
  title: string;
  description: string;
  questions: TLightQuestion[];
  /** The only page: its button completes the form. */
  last: boolean;
};

/** What the respondent has typed or chosen, per question name, as the page keeps it. */
export type TLightValue = string | string[] | boolean;
export type TLightValues = Record<string, TLightValue | undefined>;

/** Properties of the survey itself under which its first page looks and behaves as drawn here. */
const SURVEY_KEYS = new Set(['title', 'description', 'locale', 'pages', 'logo', 'logoPosition', 'showProgressBar', 'progressBarType', 'completedHtml', 'showCompletedPage', 'checkErrorsMode', 'textUpdateMode', 'widthMode', 'width', 'clearInvisibleValues', 'showTitle']);
const PAGE_KEYS = new Set(['name', 'title', 'description', 'elements', 'navigationTitle', 'navigationDescription']);
const COMMON_KEYS = ['type', 'name', 'title', 'description', 'isRequired', 'titleLocation', 'descriptionLocation', 'width', 'minWidth', 'maxWidth', 'startWithNewLine', 'hideNumber'];
const QUESTION_KEYS: Record<string, Set<string>> = {
  text: new Set([...COMMON_KEYS, 'inputType', 'min', 'max', 'step', 'placeholder', 'maxLength', 'size', 'autocomplete']),
  comment: new Set([...COMMON_KEYS, 'placeholder', 'maxLength', 'rows', 'autoGrow', 'allowResize']),
  radiogroup: new Set([...COMMON_KEYS, 'choices', 'colCount']),
  checkbox: new Set([...COMMON_KEYS, 'choices', 'colCount']),
  dropdown: new Set([...COMMON_KEYS, 'choices', 'placeholder', 'allowClear', 'searchEnabled']),
  boolean: new Set([...COMMON_KEYS, 'labelTrue', 'labelFalse', 'renderAs']),
};

const isObject = (v: unknown): v is TRaw => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
/** SurveyJS replaces `{name}` in texts with answers; such a text is not drawn here. */
const piped = (s: string) => /\{[^}]*\}/.test(s);
const finite = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

function lightChoices(raw: unknown): TLightChoice[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: TLightChoice[] = [];
  for (const c of raw) {
    if (typeof c === 'string' || typeof c === 'number') out.push({ value: String(c), text: String(c) });
    else if (isObject(c) && Object.keys(c).every((k) => k === 'value' || k === 'text') && (typeof c.value === 'string' || typeof c.value === 'number')) {
      // A number value would come back from SurveyJS as a number and from here as a string.
      if (typeof c.value === 'number') return null;
      out.push({ value: c.value, text: text(c.text) || c.value });
    } else return null;
  }
  return new Set(out.map((c) => c.value)).size === out.length ? out : null;
}

function lightQuestion(q: TRaw): TLightQuestion | null {
  const type = typeof q.type === 'string' ? q.type : '';
  const allowed = QUESTION_KEYS[type];
  if (!allowed || !Object.keys(q).every((k) => allowed.has(k))) return null;
  if (typeof q.name !== 'string' || !q.name) return null;
  if (q.titleLocation !== undefined && q.titleLocation !== 'default' && q.titleLocation !== 'top') return null;
  if (q.isRequired !== undefined && typeof q.isRequired !== 'boolean') return null;
  const title = text(q.title) || q.name;
  const description = text(q.description);
  if (piped(title) || piped(description)) return null;
  const base = { name: q.name, title, description, required: q.isRequired === true };
  switch (type) {
    case 'text': {
      const inputType = q.inputType ?? 'text';
      const placeholder = text(q.placeholder);
      if (inputType === 'number') {
        const min = q.min === undefined ? null : finite(q.min);
        const max = q.max === undefined ? null : finite(q.max);
        // Limits written as expressions ("=today()") are SurveyJS's to work out.
        if ((q.min !== undefined && min === null) || (q.max !== undefined && max === null)) return null;
        return { kind: 'number', ...base, placeholder, min, max, step: finite(q.step) };
      }
      if (inputType !== 'text') return null;
      return { kind: 'text', ...base, placeholder, maxLength: finite(q.maxLength) };
    }
    case 'comment':
      return { kind: 'comment', ...base, placeholder: text(q.placeholder), maxLength: finite(q.maxLength) };
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown': {
      const choices = lightChoices(q.choices);
      return choices ? { kind: type, ...base, choices } : null;
    }
    case 'boolean':
      return { kind: 'boolean', ...base, labelTrue: text(q.labelTrue) || null, labelFalse: text(q.labelFalse) || null };
    default:
      return null;
  }
}

/**
 * The first page in `language` when this renderer can draw it as SurveyJS would, else null.
 * Texts are picked for the language as SurveyJS's model gets them (localiseDefinition).
 */
export function lightFirstPage(definition: TRaw, language: string, languages: string[]): TLightPage | null {
  if (!Object.keys(definition).every((k) => SURVEY_KEYS.has(k))) return null;
  if (definition.checkErrorsMode !== undefined && definition.checkErrorsMode !== 'onNextPage') return null;
  const localised = localiseDefinition(definition, language, languages);
  const pages = localised.pages;
  if (!Array.isArray(pages) || pages.length === 0 || !isObject(pages[0])) return null;
  const page = pages[0];
  if (!Object.keys(page).every((k) => PAGE_KEYS.has(k)) || !Array.isArray(page.elements) || page.elements.length === 0) return null;
  const questions: TLightQuestion[] = [];
  for (const element of page.elements) {
    const q = isObject(element) ? lightQuestion(element) : null;
    if (!q) return null;
    questions.push(q);
  }
  if (new Set(questions.map((q) => q.name)).size !== questions.length) return null;
  const title = text(page.title);
  const description = text(page.description);
  if (piped(title) || piped(description)) return null;
  return { title, description, questions, last: pages.length === 1 };
}

/** The value a question starts with on the light page: the draft's answer, if it fits. */
export function initialValue(question: TLightQuestion, answer: unknown): TLightValue | undefined {
  switch (question.kind) {
    case 'text':
    case 'comment':
      return typeof answer === 'string' ? answer : undefined;
    case 'number':
      return typeof answer === 'number' && Number.isFinite(answer) ? String(answer) : typeof answer === 'string' ? answer : undefined;
    case 'radiogroup':
    case 'dropdown':
      return typeof answer === 'string' && question.choices.some((c) => c.value === answer) ? answer : undefined;
    case 'checkbox':
      return Array.isArray(answer) ? answer.filter((a): a is string => typeof a === 'string' && question.choices.some((c) => c.value === a)) : undefined;
    case 'boolean':
      return typeof answer === 'boolean' ? answer : undefined;
  }
}

/** The light page's values from the answers kept on the device. */
export function initialValues(page: TLightPage, answers: Record<string, unknown> | undefined): TLightValues {
  const out: TLightValues = {};
  for (const q of page.questions) {
    const v = initialValue(q, answers?.[q.name]);
    if (v !== undefined) out[q.name] = v;
  }
  return out;
}

/** One question's answer as SurveyJS keeps it; undefined when there is none. */
export function answerOf(question: TLightQuestion, value: TLightValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (question.kind) {
    case 'number': {
      // SurveyJS keeps a number question's answer as a number; what is not a number stays as
      // typed, for SurveyJS to refuse with its own message.
      const s = typeof value === 'string' ? value.trim() : '';
      if (s === '') return undefined;
      const n = Number(s.replace(',', '.'));
      return Number.isFinite(n) ? n : s;
    }
    case 'text':
    case 'comment':
    case 'radiogroup':
    case 'dropdown':
      return typeof value === 'string' && value !== '' ? value : undefined;
    case 'checkbox':
      return Array.isArray(value) && value.length ? question.choices.map((c) => c.value).filter((v) => value.includes(v)) : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
  }
}

/**
 * The hand-over: the answers SurveyJS gets (`model.data = …`) — those it had (the draft's, of
 * later pages) with the first page's replaced by what is on the light page now, a cleared
 * answer cleared there too.
 */
export function handOver(page: TLightPage, values: TLightValues, previous: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...previous };
  for (const q of page.questions) {
    const answer = answerOf(q, values[q.name]);
    if (answer === undefined) delete out[q.name];
    else out[q.name] = answer;
  }
  return out;
}

export type TLightProblem = { code: 'required' } | { code: 'notNumber' } | { code: 'min'; min: number } | { code: 'max'; max: number };

/**
 * The checks that are cheap to make here and are SurveyJS's too (an answer required, a number's
 * limits): the respondent hears of them at once, on this page. SurveyJS checks the page again
 * with all its rules at the hand-over.
 */
export function problemsOf(page: TLightPage, values: TLightValues): Record<string, TLightProblem> {
  const out: Record<string, TLightProblem> = {};
  for (const q of page.questions) {
    const answer = answerOf(q, values[q.name]);
    if (answer === undefined) {
      if (q.required) out[q.name] = { code: 'required' };
      continue;
    }
    if (q.kind !== 'number') continue;
    if (typeof answer !== 'number') out[q.name] = { code: 'notNumber' };
    else if (q.min !== null && answer < q.min) out[q.name] = { code: 'min', min: q.min };
    else if (q.max !== null && answer > q.max) out[q.name] = { code: 'max', max: q.max };
  }
  return out;
}
