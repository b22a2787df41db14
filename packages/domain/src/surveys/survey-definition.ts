/**
 * The parts of a SurveyJS form definition (https://surveyjs.io/form-library/documentation/design-survey/create-a-simple-survey)
 * that potreby reads and writes. SurveyJS accepts many more properties; they pass through
 * untouched, which is why every object also allows other keys.
 */

/** A text in one language, or `{ default: '…', uk: '…', bg: '…' }` for several. */
export type LocalizableText = string | Readonly<Record<string, string>>;

export type SurveyChoice = string | number | { value: string | number; text?: LocalizableText; visibleIf?: string; [key: string]: unknown };

export type SurveyValidator =
  | { type: 'expression'; expression: string; text?: LocalizableText }
  | { type: 'regex'; regex: string; text?: LocalizableText }
  | { type: 'numeric'; minValue?: number; maxValue?: number; text?: LocalizableText }
  | { type: string; text?: LocalizableText; [key: string]: unknown };

export type SurveyElement = {
  type: string;
  name: string;
  title?: LocalizableText;
  description?: LocalizableText;
  visibleIf?: string;
  enableIf?: string;
  requiredIf?: string;
  isRequired?: boolean;
  requiredErrorText?: LocalizableText;
  readOnly?: boolean;
  validators?: SurveyValidator[];
  /** text: 'number', 'date', 'time', 'datetime-local', 'tel' … */
  inputType?: string;
  min?: number | string;
  max?: number | string;
  step?: number;
  choices?: SurveyChoice[];
  showOtherItem?: boolean;
  otherText?: LocalizableText;
  showNoneItem?: boolean;
  noneText?: LocalizableText;
  /** boolean */
  labelTrue?: LocalizableText;
  labelFalse?: LocalizableText;
  valueTrue?: unknown;
  valueFalse?: unknown;
  /** panel */
  elements?: SurveyElement[];
  /** html */
  html?: LocalizableText;
  /** expression */
  expression?: string;
  defaultValue?: unknown;
  defaultValueExpression?: string;
  visible?: boolean;
  /** rating */
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  [key: string]: unknown;
};

export type SurveyPage = { name: string; title?: LocalizableText; visibleIf?: string; elements?: SurveyElement[]; questions?: SurveyElement[]; [key: string]: unknown };

export type SurveyDefinition = {
  title?: LocalizableText;
  description?: LocalizableText;
  /** The language the form opens in. */
  locale?: string;
  pages?: SurveyPage[];
  /** A one-page form may list its elements directly. */
  elements?: SurveyElement[];
  [key: string]: unknown;
};

/** What a question asks for, as the analysis counts it. */
export type QuestionKind = 'text' | 'number' | 'date' | 'single' | 'multiple' | 'boolean' | 'comment' | 'note';

export type SurveyQuestion = {
  name: string;
  type: QuestionKind;
  /** The title by language; `default` holds the form's default text (the name when the form has no title). */
  title: Record<string, string>;
  /** For single and multiple choice (and yes/no as `true`/`false`), with the extra items SurveyJS adds: other, none. */
  choices: { value: string; text: Record<string, string> }[];
  /** Names of the panels the question sits in, outermost first. */
  path: string[];
  /** The question offers "Other (please specify)": its text is kept as `<name>-Comment`. */
  other: boolean;
  /** A number question that takes whole numbers only (`step` of 1, as an XLSForm integer converts). */
  integer: boolean;
};

/** A text as `{ language: text }`; a plain string is the default language's. */
export function textsOf(text: LocalizableText | undefined): Record<string, string> {
  if (text === undefined) return {};
  if (typeof text === 'string') return { default: text };
  return { ...text };
}

/** The text in `language`, else the default text, else any text there is. */
export function localized(text: LocalizableText | undefined, language: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[language] ?? text.default ?? Object.values(text)[0] ?? '';
}

const SINGLE = new Set(['radiogroup', 'dropdown']);
const MULTIPLE = new Set(['checkbox', 'tagbox']);
const NOTE = new Set(['html', 'expression', 'image']);

function kindOf(element: SurveyElement): QuestionKind | null {
  const type = element.type;
  if (type === 'text') {
    if (element.inputType === 'number' || element.inputType === 'range') return 'number';
    if (element.inputType === 'date') return 'date';
    return 'text';
  }
  if (type === 'comment') return 'comment';
  if (SINGLE.has(type)) return 'single';
  if (MULTIPLE.has(type)) return 'multiple';
  if (type === 'boolean') return 'boolean';
  // A rating answer is a point on a numeric scale.
  if (type === 'rating') return 'number';
  if (NOTE.has(type)) return 'note';
  // Matrices, dynamic panels, files, signatures … have answers of other shapes the analysis does not read.
  return null;
}

const choiceOf = (choice: SurveyChoice): { value: string; text: Record<string, string> } => {
  if (typeof choice === 'string' || typeof choice === 'number') return { value: String(choice), text: { default: String(choice) } };
  const text = textsOf(choice.text);
  return { value: String(choice.value), text: Object.keys(text).length > 0 ? text : { default: String(choice.value) } };
};

function choicesOf(element: SurveyElement, kind: QuestionKind): SurveyQuestion['choices'] {
  if (kind === 'boolean') {
    return [
      { value: String(element.valueTrue ?? true), text: element.labelTrue === undefined ? { default: 'Yes' } : textsOf(element.labelTrue) },
      { value: String(element.valueFalse ?? false), text: element.labelFalse === undefined ? { default: 'No' } : textsOf(element.labelFalse) },
    ];
  }
  if (kind !== 'single' && kind !== 'multiple') return [];
  const choices = (element.choices ?? []).map(choiceOf);
  // The values SurveyJS itself stores for its extra items.
  if (element.showNoneItem || element.hasNone) choices.push({ value: 'none', text: element.noneText === undefined ? { default: 'None' } : textsOf(element.noneText) });
  if (element.showOtherItem || element.hasOther) choices.push({ value: 'other', text: element.otherText === undefined ? { default: 'Other' } : textsOf(element.otherText) });
  return choices;
}

/** A rating's points are whole unless its step is not; a number input is whole when its step is. */
function isWholeNumberScale(element: SurveyElement): boolean {
  if (element.type === 'rating') return element.rateStep === undefined || Number.isInteger(element.rateStep);
  return typeof element.step === 'number' && Number.isInteger(element.step);
}

/** The questions of a form in document order, panels flattened, with what the analysis needs to know of each. */
export function listQuestions(definition: SurveyDefinition): SurveyQuestion[] {
  const questions: SurveyQuestion[] = [];
  const visit = (elements: readonly SurveyElement[] | undefined, path: string[]) => {
    for (const element of elements ?? []) {
      if (element.type === 'panel') {
        visit(element.elements, [...path, element.name]);
        continue;
      }
      const kind = kindOf(element);
      if (kind === null || !element.name) continue;
      const title = textsOf(element.title);
      questions.push({
        name: element.name,
        type: kind,
        title: Object.keys(title).length > 0 ? title : { default: element.name },
        choices: choicesOf(element, kind),
        path,
        other: kind === 'single' || kind === 'multiple' ? Boolean(element.showOtherItem || element.hasOther) : false,
        integer: kind === 'number' && isWholeNumberScale(element),
      });
    }
  };
  visit(definition.elements, []);
  for (const page of definition.pages ?? []) visit(page.elements ?? page.questions, []);
  return questions;
}
