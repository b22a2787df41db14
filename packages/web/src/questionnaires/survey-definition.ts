/**
 * The questionnaire editor's model of a SurveyJS definition, and the way back to JSON.
 *
 * The editor changes only what it knows (names, texts, choices, required, a simple condition,
 * number limits, order); every other property of a page, panel or question — validators and
 * constraints from an XLSForm, SurveyJS options nobody here edits — is kept as it came, so opening
 * and saving an imported questionnaire loses nothing.
 *
 * Texts are kept per language: `{ uk: 'Вік', en: 'Age' }`. SurveyJS also reads a "default" key,
 * but with English as a second language it prefers "default" over "en" (its own default locale),
 * so we never write "default": we read it as the questionnaire's first language.
 */

import { escapeHtml } from '../components/escape-html';

export type TTexts = Record<string, string>;
export type TRaw = Record<string, unknown>;

export const QUESTION_KINDS = ['shortText', 'longText', 'number', 'date', 'single', 'multiple', 'dropdown', 'yesNo', 'note'] as const;
export type TQuestionKind = (typeof QUESTION_KINDS)[number];
export type TElementKind = TQuestionKind | 'panel' | 'other';

/** Kinds whose answers are picked from a list of choices. */
export const CHOICE_KINDS: readonly TElementKind[] = ['single', 'multiple', 'dropdown'];

export type TElement = { uid: string; raw: TRaw; elements?: TElement[] };
export type TPage = { uid: string; raw: TRaw; elements: TElement[] };
export type TDraft = {
  /** The questionnaire's languages, its default (first) language first. */
  languages: string[];
  title: TTexts;
  pages: TPage[];
  /** Top-level properties the editor does not change. */
  rest: TRaw;
};
export type TChoice = { value: string; text: TTexts };

let counter = 0;
export const newUid = (): string => `u${++counter}`;

const LANGUAGE_KEY = /^[a-z]{2}(?:-[A-Za-z0-9]+)?$/;
const isLanguageKey = (k: string) => k === 'default' || LANGUAGE_KEY.test(k);

/** Property names SurveyJS localises (plus any ending in Text, Html or Placeholder). */
const LOCALISED_PROPS = new Set(['title', 'description', 'html', 'text', 'placeholder', 'labelTrue', 'labelFalse', 'label', 'minRateDescription', 'maxRateDescription']);
const isLocalisedProp = (key: string | null) => key !== null && (LOCALISED_PROPS.has(key) || /(Text|Html|Placeholder)$/.test(key));

const isTextsObject = (v: unknown): v is Record<string, string> =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, s]) => isLanguageKey(k) && typeof s === 'string');

/** A localisable value as texts per language; a plain string (or "default") is the first language's. */
export function toTexts(value: unknown, firstLanguage: string): TTexts {
  if (typeof value === 'string') return value ? { [firstLanguage]: value } : {};
  if (typeof value === 'number') return { [firstLanguage]: String(value) };
  if (!isTextsObject(value)) return {};
  const out: TTexts = {};
  for (const [k, s] of Object.entries(value)) if (k !== 'default' && s) out[k] = s;
  if (value.default && !out[firstLanguage]) out[firstLanguage] = value.default;
  return out;
}

/** Texts as SurveyJS JSON: only the languages that have one; undefined when none has. */
export function fromTexts(texts: TTexts | undefined, languages: string[]): TTexts | undefined {
  if (!texts) return undefined;
  const out: TTexts = {};
  for (const l of languages) if (texts[l]?.trim()) out[l] = texts[l]!;
  // Texts in a language no longer in the list are dropped with it.
  return Object.keys(out).length ? out : undefined;
}

/** The text to show in `language`, falling back to the first language that has one. */
export function textIn(texts: TTexts | undefined, language: string, languages: string[]): string {
  if (!texts) return '';
  if (texts[language]) return texts[language]!;
  for (const l of languages) if (texts[l]) return texts[l]!;
  return Object.values(texts)[0] ?? '';
}

export function kindOf(raw: TRaw): TElementKind {
  switch (raw.type) {
    case 'text': {
      const inputType = raw.inputType;
      if (inputType === 'number') return 'number';
      if (inputType === 'date') return 'date';
      return 'shortText';
    }
    case 'comment':
      return 'longText';
    case 'radiogroup':
      return 'single';
    case 'checkbox':
      return 'multiple';
    case 'dropdown':
      return 'dropdown';
    case 'boolean':
      return 'yesNo';
    case 'html':
      return 'note';
    case 'panel':
      return 'panel';
    default:
      return 'other';
  }
}

/** A new question of a kind, with a name not yet used. */
export function newQuestion(kind: TQuestionKind, name: string): TElement {
  const raw: TRaw = { name };
  switch (kind) {
    case 'shortText':
      raw.type = 'text';
      break;
    case 'longText':
      raw.type = 'comment';
      break;
    case 'number':
      Object.assign(raw, { type: 'text', inputType: 'number' });
      break;
    case 'date':
      Object.assign(raw, { type: 'text', inputType: 'date' });
      break;
    case 'single':
    case 'multiple':
    case 'dropdown':
      raw.type = kind === 'single' ? 'radiogroup' : kind === 'multiple' ? 'checkbox' : 'dropdown';
      raw.choices = [
        { value: 'option_1', text: {} },
        { value: 'option_2', text: {} },
      ];
      break;
    case 'yesNo':
      // Answers "yes"/"no" (as in XLSForm's yes_no lists), shown as two radio buttons.
      Object.assign(raw, { type: 'boolean', valueTrue: 'yes', valueFalse: 'no', renderAs: 'radio' });
      break;
    case 'note':
      Object.assign(raw, { type: 'html', html: {} });
      break;
  }
  if (kind !== 'note') raw.title = {};
  return { uid: newUid(), raw };
}

export const newPanel = (name: string): TElement => ({ uid: newUid(), raw: { type: 'panel', name, title: {} }, elements: [] });
export const newPage = (name: string): TPage => ({ uid: newUid(), raw: { name, title: {} }, elements: [] });

/** Change a question's kind, keeping what still applies (choices between choice kinds, texts, condition). */
export function changeKind(element: TElement, kind: TQuestionKind): TElement {
  const fresh = newQuestion(kind, String(element.raw.name ?? ''));
  const keep: TRaw = { ...element.raw };
  for (const k of ['type', 'inputType', 'valueTrue', 'valueFalse', 'renderAs', 'min', 'max', 'html']) delete keep[k];
  if (!CHOICE_KINDS.includes(kind)) delete keep.choices;
  if (kind === 'note') {
    delete keep.isRequired;
    delete keep.title;
  }
  const raw: TRaw = { ...fresh.raw, ...keep };
  if (CHOICE_KINDS.includes(kind) && !Array.isArray(element.raw.choices)) raw.choices = fresh.raw.choices;
  if (kind === 'note') raw.html = element.raw.title ?? {};
  return { uid: element.uid, raw };
}

function normaliseChoices(choices: unknown, first: string): TChoice[] {
  if (!Array.isArray(choices)) return [];
  return choices.map((c) => {
    if (c && typeof c === 'object' && 'value' in c) {
      const o = c as TRaw;
      const texts = toTexts(o.text, first);
      return { ...o, value: String(o.value), text: Object.keys(texts).length ? texts : { [first]: String(o.value) } } as TChoice;
    }
    return { value: String(c), text: { [first]: String(c) } };
  });
}

function parseElement(raw: TRaw, first: string): TElement {
  const { elements, ...rest } = raw;
  const copy: TRaw = { ...rest };
  for (const key of ['title', 'description', 'html']) if (key in copy) copy[key] = toTexts(copy[key], first);
  if ('choices' in copy) copy.choices = normaliseChoices(copy.choices, first);
  const element: TElement = { uid: newUid(), raw: copy };
  if (raw.type === 'panel' || Array.isArray(elements)) element.elements = (Array.isArray(elements) ? elements : []).map((e) => parseElement(e as TRaw, first));
  return element;
}

/** Every language a definition has texts in. */
function languagesIn(definition: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, key: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, null));
    if (!node || typeof node !== 'object') return;
    if (isLocalisedProp(key) && isTextsObject(node)) {
      for (const [l, s] of Object.entries(node)) if (l !== 'default' && s) found.add(l);
      return;
    }
    for (const [k, v] of Object.entries(node as TRaw)) visit(v, k);
  };
  visit(definition, null);
  return [...found];
}

/**
 * The editor's draft of a definition. The first language is the definition's `locale`, else the
 * first of `languages` (as the server lists them), else `fallbackLanguage`.
 */
export function parseDefinition(definition: TRaw, languages: string[], fallbackLanguage: string): TDraft {
  const locale = typeof definition.locale === 'string' && LANGUAGE_KEY.test(definition.locale) ? definition.locale : null;
  const first = locale ?? languages[0] ?? fallbackLanguage;
  const all = [...new Set([first, ...languages, ...languagesIn(definition)])];
  const { pages, elements, title, locale: _locale, ...rest } = definition;
  const rawPages: TRaw[] = Array.isArray(pages) ? (pages as TRaw[]) : [{ name: 'page1', elements: Array.isArray(elements) ? elements : [] }];
  return {
    languages: all,
    title: toTexts(title, first),
    rest,
    pages: (rawPages.length ? rawPages : [{ name: 'page1', elements: [] }]).map((p) => {
      const { elements: pageElements, ...pageRest } = p;
      const raw: TRaw = { ...pageRest };
      for (const key of ['title', 'description']) if (key in raw) raw[key] = toTexts(raw[key], first);
      return { uid: newUid(), raw, elements: (Array.isArray(pageElements) ? pageElements : []).map((e) => parseElement(e as TRaw, first)) };
    }),
  };
}

function serialiseRaw(raw: TRaw, languages: string[]): TRaw {
  const out: TRaw = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'title' || key === 'description' || key === 'html') {
      const texts = fromTexts(value as TTexts, languages);
      if (texts) out[key] = texts;
    } else if (key === 'choices' && Array.isArray(value)) {
      out.choices = (value as TChoice[]).map(({ text: texts, ...choice }) => {
        const text = fromTexts(texts, languages);
        return text ? { ...choice, text } : choice;
      });
    } else if (value !== undefined && value !== '') out[key] = value;
  }
  return out;
}

function serialiseElement(element: TElement, languages: string[]): TRaw {
  const out = serialiseRaw(element.raw, languages);
  if (element.elements) out.elements = element.elements.map((e) => serialiseElement(e, languages));
  return out;
}

/** The draft as a SurveyJS definition: `locale` names the first language. */
export function toDefinition(draft: TDraft): TRaw {
  const title = fromTexts(draft.title, draft.languages);
  return {
    ...draft.rest,
    locale: draft.languages[0],
    ...(title ? { title } : {}),
    pages: draft.pages.map((p) => ({ ...serialiseRaw(p.raw, draft.languages), elements: p.elements.map((e) => serialiseElement(e, draft.languages)) })),
  };
}

/**
 * The definition with every text in one language (else the first language that has it), for
 * rendering: SurveyJS then needs no locale logic of its own, and an untranslated text shows in
 * the default language instead of the question's name.
 */
export function localiseDefinition(definition: TRaw, language: string, languages: string[]): TRaw {
  const first = typeof definition.locale === 'string' ? definition.locale : (languages[0] ?? language);
  const order = [language, first, ...languages];
  const pick = (texts: Record<string, string>): string => {
    for (const l of order) if (texts[l]) return texts[l]!;
    if (texts.default) return texts.default;
    return Object.values(texts).find((s) => s) ?? '';
  };
  const visit = (node: unknown, key: string | null): unknown => {
    if (Array.isArray(node)) return node.map((n) => visit(n, null));
    if (!node || typeof node !== 'object') return node;
    if (isLocalisedProp(key) && isTextsObject(node)) return pick(node);
    const out: TRaw = {};
    for (const [k, v] of Object.entries(node as TRaw)) out[k] = visit(v, k);
    return out;
  };
  const out = visit(definition, null) as TRaw;
  delete out.locale;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Walking the tree

/** Every element in order, with the list that holds it. */
export function walk(draft: TDraft): { element: TElement; page: TPage; depth: number }[] {
  const out: { element: TElement; page: TPage; depth: number }[] = [];
  const visit = (elements: TElement[], page: TPage, depth: number) => {
    for (const e of elements) {
      out.push({ element: e, page, depth });
      if (e.elements) visit(e.elements, page, depth + 1);
    }
  };
  for (const p of draft.pages) visit(p.elements, p, 0);
  return out;
}

/** The questions (not groups, not notes) in order. */
export function questionsOf(draft: TDraft): TElement[] {
  return walk(draft)
    .map((w) => w.element)
    .filter((e) => {
      const k = kindOf(e.raw);
      return k !== 'panel' && k !== 'note';
    });
}

/** Replace the element with this uid (or remove it when `next` is null). */
export function mapElements(draft: TDraft, uid: string, next: (e: TElement) => TElement | null): TDraft {
  const visit = (elements: TElement[]): TElement[] =>
    elements.flatMap((e) => {
      if (e.uid === uid) {
        const n = next(e);
        return n ? [n] : [];
      }
      return e.elements ? [{ ...e, elements: visit(e.elements) }] : [e];
    });
  return { ...draft, pages: draft.pages.map((p) => ({ ...p, elements: visit(p.elements) })) };
}

/** Add an element at the end of a page or a panel (container = page or panel uid). */
export function addElement(draft: TDraft, containerUid: string, element: TElement): TDraft {
  const visit = (elements: TElement[]): TElement[] =>
    elements.map((e) => (e.uid === containerUid ? { ...e, elements: [...(e.elements ?? []), element] } : e.elements ? { ...e, elements: visit(e.elements) } : e));
  return {
    ...draft,
    pages: draft.pages.map((p) => (p.uid === containerUid ? { ...p, elements: [...p.elements, element] } : { ...p, elements: visit(p.elements) })),
  };
}

/** Move an element one place up (-1) or down (+1) among its siblings. */
export function moveElement(draft: TDraft, uid: string, by: -1 | 1): TDraft {
  const shift = (elements: TElement[]): TElement[] => {
    const i = elements.findIndex((e) => e.uid === uid);
    if (i >= 0) {
      const j = i + by;
      if (j < 0 || j >= elements.length) return elements;
      const copy = [...elements];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy;
    }
    return elements.map((e) => (e.elements ? { ...e, elements: shift(e.elements) } : e));
  };
  return { ...draft, pages: draft.pages.map((p) => ({ ...p, elements: shift(p.elements) })) };
}

export function movePage(draft: TDraft, uid: string, by: -1 | 1): TDraft {
  const i = draft.pages.findIndex((p) => p.uid === uid);
  const j = i + by;
  if (i < 0 || j < 0 || j >= draft.pages.length) return draft;
  const pages = [...draft.pages];
  [pages[i], pages[j]] = [pages[j]!, pages[i]!];
  return { ...draft, pages };
}

/** The first unused name of the form `prefix` + number. */
export function nextName(draft: TDraft, prefix: string): string {
  const used = new Set(allNames(draft).map((n) => n.toLowerCase()));
  for (const p of draft.pages) used.add(String(p.raw.name ?? '').toLowerCase());
  for (let i = 1; ; i++) if (!used.has(`${prefix}${i}`.toLowerCase())) return `${prefix}${i}`;
}

export const allNames = (draft: TDraft): string[] => walk(draft).map((w) => String(w.element.raw.name ?? ''));

// ---------------------------------------------------------------------------------------------
// Checks

/** A stable identifier: a letter, then letters, digits or underscores (as XLSForm names). */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Choice values go into conditions and exports: no spaces or quotes. */
export const VALUE_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

export type TProblemCode =
  | 'name_invalid'
  | 'name_taken'
  | 'title_missing'
  | 'choices_missing'
  | 'choice_value_invalid'
  | 'choice_value_taken'
  | 'choice_text_missing'
  | 'limits_order';
export type TElementProblem = { uid: string; field: 'name' | 'title' | 'choices' | 'limits'; code: TProblemCode; index?: number };

/** What keeps the draft from being saved, per element. */
export function checkDraft(draft: TDraft): TElementProblem[] {
  const problems: TElementProblem[] = [];
  const first = draft.languages[0]!;
  const seen = new Map<string, number>();
  for (const { element } of walk(draft)) {
    const n = String(element.raw.name ?? '').toLowerCase();
    seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  for (const { element } of walk(draft)) {
    const raw = element.raw;
    const name = String(raw.name ?? '');
    const kind = kindOf(raw);
    if (!NAME_PATTERN.test(name)) problems.push({ uid: element.uid, field: 'name', code: 'name_invalid' });
    else if ((seen.get(name.toLowerCase()) ?? 0) > 1) problems.push({ uid: element.uid, field: 'name', code: 'name_taken' });
    if (kind === 'other') continue;
    const mainText = (kind === 'note' ? raw.html : raw.title) as TTexts | undefined;
    if (kind !== 'panel' && !mainText?.[first]?.trim()) problems.push({ uid: element.uid, field: 'title', code: 'title_missing' });
    if (CHOICE_KINDS.includes(kind)) {
      const choices = (raw.choices as TChoice[] | undefined) ?? [];
      if (choices.length === 0) problems.push({ uid: element.uid, field: 'choices', code: 'choices_missing' });
      const values = new Set<string>();
      choices.forEach((c, index) => {
        if (!VALUE_PATTERN.test(c.value)) problems.push({ uid: element.uid, field: 'choices', code: 'choice_value_invalid', index });
        else if (values.has(c.value)) problems.push({ uid: element.uid, field: 'choices', code: 'choice_value_taken', index });
        values.add(c.value);
        // Without a text the respondent would read the stored value ("option_1").
        if (!c.text?.[first]?.trim()) problems.push({ uid: element.uid, field: 'choices', code: 'choice_text_missing', index });
      });
    }
    if (kind === 'number' && typeof raw.min === 'number' && typeof raw.max === 'number' && raw.min > raw.max) {
      problems.push({ uid: element.uid, field: 'limits', code: 'limits_order' });
    }
  }
  return problems;
}

/** Texts of an element (and its choices) written in the first language but not in `language`. */
export function untranslatedIn(element: TElement, draft: TDraft, language: string): number {
  const first = draft.languages[0]!;
  if (language === first) return 0;
  let missing = 0;
  const count = (texts: unknown) => {
    const t = texts as TTexts | undefined;
    if (t?.[first]?.trim() && !t[language]?.trim()) missing++;
  };
  count(element.raw.title);
  count(element.raw.description);
  count(element.raw.html);
  for (const c of (element.raw.choices as TChoice[] | undefined) ?? []) count(c.text);
  return missing;
}

/** Untranslated texts of the whole draft, per language other than the first. */
export function untranslatedCounts(draft: TDraft): Record<string, number> {
  const out: Record<string, number> = {};
  const first = draft.languages[0]!;
  for (const language of draft.languages.slice(1)) {
    let n = 0;
    if (draft.title[first]?.trim() && !draft.title[language]?.trim()) n++;
    for (const p of draft.pages) {
      const t = p.raw.title as TTexts | undefined;
      if (t?.[first]?.trim() && !t[language]?.trim()) n++;
    }
    for (const { element } of walk(draft)) n += untranslatedIn(element, draft, language);
    out[language] = n;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conditions: "show only if <question> is / contains <value>"

export type TCondition = { question: string; operator: 'is' | 'contains'; value: string };

const CONDITION = /^\s*\{([A-Za-z_][\w.-]*)\}\s*(=|==|contains)\s*(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|(true|false))\s*$/;

/** A visibleIf the editor can show as a simple condition; null for anything else. */
export function parseCondition(expression: unknown): TCondition | null {
  if (typeof expression !== 'string') return null;
  const m = CONDITION.exec(expression);
  if (!m) return null;
  return { question: m[1]!, operator: m[2] === 'contains' ? 'contains' : 'is', value: m[3] ?? m[4] ?? m[5] ?? m[6] ?? '' };
}

/** The SurveyJS expression: numbers and booleans unquoted, where the target's answers are such. */
export function buildCondition(condition: TCondition, target: TElement | undefined): string {
  const kind = target ? kindOf(target.raw) : 'other';
  const v = condition.value.replace(/['"]/g, '');
  const bareBoolean = kind === 'yesNo' && target!.raw.valueTrue === undefined && (v === 'true' || v === 'false');
  const bareNumber = kind === 'number' && /^-?\d+(?:\.\d+)?$/.test(v);
  const literal = bareBoolean || bareNumber ? v : `'${v}'`;
  return `{${condition.question}} ${condition.operator === 'contains' ? 'contains' : '='} ${literal}`;
}

/** The answers a question can have, for conditions and tags (value and its text in the first language). */
export function answerOptions(element: TElement, draft: TDraft, yesNo: { yes: string; no: string }): { value: string; label: string }[] {
  const kind = kindOf(element.raw);
  if (kind === 'yesNo') {
    const yes = element.raw.valueTrue === undefined ? 'true' : String(element.raw.valueTrue);
    const no = element.raw.valueFalse === undefined ? 'false' : String(element.raw.valueFalse);
    return [
      { value: yes, label: yesNo.yes },
      { value: no, label: yesNo.no },
    ];
  }
  if (!CHOICE_KINDS.includes(kind)) return [];
  return ((element.raw.choices as TChoice[] | undefined) ?? []).map((c) => ({ value: c.value, label: textIn(c.text, draft.languages[0]!, draft.languages) || c.value }));
}

// ---------------------------------------------------------------------------------------------
// Notes are HTML in SurveyJS; the editor writes plain text.

export function textToHtml(text: string): string {
  if (!text.trim()) return '';
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&nbsp;', ' ')
    .replaceAll('&amp;', '&');
}

// ---------------------------------------------------------------------------------------------
// References between questions

const referencePattern = (name: string) => new RegExp(`\\{${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\}`, 'gi');
const EXPRESSION_PROPS = ['visibleIf', 'enableIf', 'requiredIf'];

/** Elements whose conditions mention the question `name`. */
export function dependentsOf(draft: TDraft, name: string): TElement[] {
  return walk(draft)
    .map((w) => w.element)
    .filter((e) => EXPRESSION_PROPS.some((p) => typeof e.raw[p] === 'string' && referencePattern(name).test(e.raw[p] as string)));
}

/** A question renamed: conditions that mention it follow. */
export function renameReferences(draft: TDraft, from: string, to: string): TDraft {
  if (!from || from === to) return draft;
  const fix = (raw: TRaw): TRaw => {
    let changed = false;
    const out = { ...raw };
    for (const p of EXPRESSION_PROPS) {
      if (typeof out[p] === 'string' && referencePattern(from).test(out[p] as string)) {
        out[p] = (out[p] as string).replace(referencePattern(from), `{${to}}`);
        changed = true;
      }
    }
    return changed ? out : raw;
  };
  const visit = (elements: TElement[]): TElement[] => elements.map((e) => ({ ...e, raw: fix(e.raw), ...(e.elements ? { elements: visit(e.elements) } : {}) }));
  return { ...draft, pages: draft.pages.map((p) => ({ ...p, raw: fix(p.raw), elements: visit(p.elements) })) };
}

/** A question removed: simple conditions on it go too (they could never be met). */
export function removeElement(draft: TDraft, uid: string): TDraft {
  const removed = walk(draft).find((w) => w.element.uid === uid)?.element;
  let next = mapElements(draft, uid, () => null);
  if (!removed) return next;
  const names = [removed, ...walk({ ...draft, pages: [{ uid: 'x', raw: {}, elements: removed.elements ?? [] }] }).map((w) => w.element)].map((e) => String(e.raw.name ?? ''));
  for (const e of walk(next).map((w) => w.element)) {
    const c = parseCondition(e.raw.visibleIf);
    if (c && names.includes(c.question)) {
      next = mapElements(next, e.uid, (el) => {
        const { visibleIf: _drop, ...raw } = el.raw;
        return { ...el, raw };
      });
    }
  }
  return next;
}
