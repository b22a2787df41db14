import type { LocalizableText, SurveyChoice, SurveyDefinition, SurveyElement, SurveyPage, SurveyValidator } from './survey-definition';
import { languageCode, MEDIA_COLUMNS, XlsFormSheet } from './read-xlsform-sheet';
import { pipeReferences, referencesIn, translateXlsFormExpression, type ReferenceKind } from './translate-xlsform-expression';

/**
 * Conversion of an XLSForm — the spreadsheet form standard of ODK and KoboToolbox,
 * https://xlsform.org — into a SurveyJS definition. The spreadsheet arrives as plain rows of
 * strings (the caller reads the XLSX); this module only interprets them.
 *
 * What SurveyJS can express is converted; everything else is listed in `unconverted` with the
 * row of the `survey` sheet, so the user knows exactly what the imported questionnaire lacks.
 * A file that is not a valid XLSForm gets `errors` instead, with the row and column to fix.
 */

/** The three sheets as rows of cells; the first row is the header (spreadsheet row 1). */
export type XlsFormSheets = {
  survey?: readonly (readonly string[])[] | null;
  choices?: readonly (readonly string[])[] | null;
  settings?: readonly (readonly string[])[] | null;
};

export const UNCONVERTED_REASONS = [
  /** A question type SurveyJS has no equivalent for here (geopoint, image, audio, barcode, rank …). */
  'unsupported_type',
  /** Device metadata ODK records by itself (start, end, deviceid …); potreby records the submission time itself. */
  'metadata',
  /** A repeat: its questions are left out, one entry for the whole repeat. */
  'repeat',
  /** An expression (relevant, constraint, calculation, default, required, read_only) that has no SurveyJS equivalent. */
  'expression',
  /** Choices filtered by an earlier answer (cascading selects): all choices are offered. */
  'choice_filter',
  /** Choices read from an external CSV/XML file the spreadsheet does not contain. */
  'choices_from_file',
  /** Images, audio or video attached to a label. */
  'media',
  /** Another XLSForm column with no SurveyJS equivalent (trigger, bind::…, body::…). */
  'column',
] as const;
export type TUnconvertedReason = (typeof UNCONVERTED_REASONS)[number];

export type UnconvertedElement = {
  /** Row of the `survey` sheet (header = 1). */
  row: number;
  name: string | null;
  /** The row's type as written. */
  type: string;
  reason: TUnconvertedReason;
  /** The column whose content was lost, when it is one column (relevant, constraint …). */
  column: string | null;
  /** What exactly: the expression and the part SurveyJS lacks, the media file, the repeat's name. */
  detail: string | null;
};

export const XLSFORM_ERROR_CODES = [
  'no_survey_sheet',
  'missing_column',
  'missing_type',
  'unknown_type',
  'missing_name',
  'invalid_name',
  'duplicate_name',
  'missing_list',
  'unknown_list',
  'missing_choice_name',
  'duplicate_choice',
  'unclosed_group',
  'unmatched_end',
  'unknown_reference',
  'invalid_expression',
  'no_questions',
] as const;
export type TXlsFormErrorCode = (typeof XLSFORM_ERROR_CODES)[number];

export type XlsFormError = {
  sheet: 'survey' | 'choices' | 'settings' | null;
  /** Spreadsheet row (header = 1); 0 for the file as a whole. */
  row: number;
  column: string | null;
  value: string | null;
  code: TXlsFormErrorCode;
};

export type XlsFormConversion = {
  definition: SurveyDefinition;
  /** Languages of the texts, default language first (ISO 639-1 codes where known). Empty when the file names none. */
  languages: string[];
  /** The settings sheet's `version`, if any. */
  version: string | null;
  unconverted: UnconvertedElement[];
  /** Why the file is not a valid XLSForm; when not empty, the definition is incomplete and must not be used. */
  errors: XlsFormError[];
};

export type XlsFormOptions = {
  /** The language of texts whose column names none (`label` alone), when the settings do not say. */
  defaultLanguage?: string;
  /** The title when the settings sheet has none (e.g. the file name). */
  title?: string;
};

// ---------------------------------------------------------------- types

const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'start_geopoint',
  'uri:subscriberid',
  'uri:phonenumber',
  'uri:simserial',
  'uri:deviceid',
  'uri:username',
  'uri:email',
]);

const UNSUPPORTED = new Set([
  'geopoint',
  'geotrace',
  'geoshape',
  'gps',
  'location',
  'image',
  'photo',
  'audio',
  'video',
  'file',
  'barcode',
  'background-audio',
  'background-geopoint',
  'xml-external',
  'csv-external',
  'osm',
  'signature',
  'rank',
]);

type SelectType = { kind: 'single' | 'multiple'; list: string; other: boolean };

const SELECT = new RegExp(
  '^(select_one|select1|select one from|select one using|add select one prompt using|select one|' +
    'select_multiple|select all that apply from|select all that apply|select multiple from|select multiple using|add select multiple prompt using|select multiple)' +
    '\\s+(\\S+)(\\s+(or_other|or specify other))?$',
  'i',
);
const FROM_FILE = /^(select_one_from_file|select_multiple_from_file|select one from file|select multiple from file|select_one_external)\b/i;
const RANK = /^rank\s+\S+/i;

function parseSelect(type: string): SelectType | null {
  const match = SELECT.exec(type);
  if (!match) return null;
  const word = match[1]!.toLowerCase();
  return { kind: word.includes('one') || word === 'select1' ? 'single' : 'multiple', list: match[2]!, other: match[3] !== undefined };
}

const TRUTHY = new Set(['yes', 'true', 'true()', 'y']);
const FALSY = new Set(['no', 'false', 'false()', 'n', '']);

/** Names as XML allows them (what pyxform accepts): a letter or _ first, then letters, digits, _ . -. */
const VALID_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

// ---------------------------------------------------------------- conversion

type Texts = Map<string | null, string>;

type Choice = { name: string; texts: Texts; media: boolean };

type PendingExpression = {
  row: number;
  name: string | null;
  type: string;
  column: string;
  source: string;
  self: string | null;
  apply: (expression: string) => void;
};

/**
 * The SurveyJS definition of an XLSForm, what it could not convert, and why the file is not a
 * valid XLSForm if it is not.
 */
export function convertXlsForm(sheets: XlsFormSheets, options: XlsFormOptions = {}): XlsFormConversion {
  const errors: XlsFormError[] = [];
  const unconverted: UnconvertedElement[] = [];
  const empty = (): XlsFormConversion => ({ definition: { pages: [] }, languages: [], version: null, unconverted, errors });

  if (!sheets.survey || sheets.survey.length === 0) {
    errors.push({ sheet: null, row: 0, column: null, value: null, code: 'no_survey_sheet' });
    return empty();
  }
  const survey = new XlsFormSheet(sheets.survey);
  for (const required of ['type', 'name']) {
    if (!survey.has(required)) errors.push({ sheet: 'survey', row: 1, column: required, value: null, code: 'missing_column' });
  }
  if (errors.length > 0) return empty();

  // Settings: one row of values under the header.
  const settings = new XlsFormSheet(sheets.settings ?? []);
  const settingsRow = sheets.settings?.[1] ?? [];
  const setting = (name: string) => settings.cell(settingsRow, name);
  const choicesSheet = new XlsFormSheet(sheets.choices ?? []);

  // Languages: the settings' default, else the caller's for unnamed columns, else the first named.
  const named = [...new Set([...survey.languages(), ...choicesSheet.languages()])];
  const hasUnnamed = ['label', 'hint'].some((base) => survey.columns.some((c) => c.base === base && c.language === null));
  const defaultLanguage: string | null = setting('default_language')
    ? languageCode(setting('default_language'))
    : hasUnnamed
      ? (options.defaultLanguage ?? null)
      : (named[0] ?? options.defaultLanguage ?? null);
  const languages = defaultLanguage === null ? named : [defaultLanguage, ...named.filter((l) => l !== defaultLanguage)];

  /**
   * SurveyJS shows `default` for English (its built-in default locale: `locale: 'en'` reads
   * `default`) and for any language without its own text. So `default` holds the English text
   * when there is one, else the form's default language; every language also has its own key.
   * A text in one language only stays a plain string.
   */
  const localizable = (texts: Texts): LocalizableText | undefined => {
    const byLanguage = new Map<string, string>();
    for (const [language, text] of texts) {
      const key = language ?? defaultLanguage;
      if (key === null) continue;
      if (language !== null || !byLanguage.has(key)) byLanguage.set(key, text);
    }
    // Without a known default language the unnamed column is the default text, whatever it is.
    const unnamed = defaultLanguage === null ? texts.get(null) : undefined;
    const fallback = unnamed ?? byLanguage.get('en') ?? (defaultLanguage !== null ? byLanguage.get(defaultLanguage) : undefined) ?? [...byLanguage.values()][0];
    if (fallback === undefined) return undefined;
    if (byLanguage.size + (unnamed !== undefined ? 1 : 0) <= 1) return pipeReferences(fallback);
    const result: Record<string, string> = { default: pipeReferences(fallback) };
    for (const [language, text] of byLanguage) result[language] = pipeReferences(text);
    return result;
  };

  // Choice lists.
  const lists = new Map<string, Choice[]>();
  if (sheets.choices && sheets.choices.length > 0) {
    const allowDuplicates = TRUTHY.has(setting('allow_choice_duplicates').toLowerCase());
    for (const required of ['list_name', 'name']) {
      if (!choicesSheet.has(required)) errors.push({ sheet: 'choices', row: 1, column: required, value: null, code: 'missing_column' });
    }
    sheets.choices.forEach((row, i) => {
      if (i === 0 || choicesSheet.isBlank(row)) return;
      const listName = choicesSheet.cell(row, 'list_name');
      const name = choicesSheet.cell(row, 'name');
      if (listName === '') return;
      if (name === '') {
        errors.push({ sheet: 'choices', row: i + 1, column: 'name', value: null, code: 'missing_choice_name' });
        return;
      }
      let list = lists.get(listName);
      if (!list) lists.set(listName, (list = []));
      if (!allowDuplicates && list.some((c) => c.name === name)) {
        errors.push({ sheet: 'choices', row: i + 1, column: 'name', value: name, code: 'duplicate_choice' });
        return;
      }
      const media = [...MEDIA_COLUMNS].some((m) => choicesSheet.texts(row, m).size > 0);
      list.push({ name, texts: choicesSheet.texts(row, 'label'), media });
    });
  }

  // First pass: every name and what it is, so expressions can refer to questions further down.
  const kinds = new Map<string, ReferenceKind>();
  const seen = new Set<string>();
  survey.rows.forEach((row, i) => {
    if (i === 0 || survey.isBlank(row)) return;
    const type = survey.cell(row, 'type').replace(/\s+/g, ' ');
    const name = survey.cell(row, 'name');
    if (name === '' || /^end[ _]/i.test(type)) return;
    const select = parseSelect(type);
    const lower = type.toLowerCase();
    // Groups and repeats have no value to test in SurveyJS; neither has what is not converted.
    const kind: ReferenceKind = select
      ? select.kind
      : lower === 'acknowledge' || lower === 'trigger'
        ? 'boolean'
        : /^begin[ _]/i.test(type) || METADATA.has(lower) || UNSUPPORTED.has(lower) || FROM_FILE.test(type) || RANK.test(type)
          ? 'unconverted'
          : 'value';
    if (!kinds.has(name)) kinds.set(name, kind);
  });

  const pending: PendingExpression[] = [];
  const report = (entry: Omit<UnconvertedElement, 'column' | 'detail'> & Partial<Pick<UnconvertedElement, 'column' | 'detail'>>) =>
    unconverted.push({ column: null, detail: null, ...entry });

  // Containers: the form itself, then open groups; a repeat swallows everything up to its end.
  type Open = { kind: 'group' | 'repeat'; row: number; elements: SurveyElement[] };
  const root: SurveyElement[] = [];
  const stack: Open[] = [{ kind: 'group', row: 0, elements: root }];
  /** Inside a repeat: its rows are only checked for structure, not converted. */
  let skippingRepeat = false;
  const repeatNames = new Set<string>();

  survey.rows.forEach((row, index) => {
    if (index === 0 || survey.isBlank(row)) return;
    const rowNumber = index + 1;
    const rawType = survey.cell(row, 'type');
    const type = rawType.replace(/\s+/g, ' ');
    const lower = type.toLowerCase();
    const name = survey.cell(row, 'name');
    const error = (code: TXlsFormErrorCode, column: string | null, value: string | null) =>
      errors.push({ sheet: 'survey', row: rowNumber, column, value, code });

    if (type === '') {
      error('missing_type', 'type', null);
      return;
    }
    const isBegin = /^begin[ _](group|repeat|loop)\b/i.test(type);
    const isEnd = /^end[ _](group|repeat|loop)$/i.test(type);
    const structure = (/^(?:begin|end)[ _](group|repeat|loop)/i.exec(type)?.[1] ?? '').toLowerCase();
    // A group or repeat that is not converted still needs its end matched, or every later row would be misplaced.
    const openUnconverted = () => {
      if (isBegin) stack.push({ kind: structure === 'group' ? 'group' : 'repeat', row: rowNumber, elements: [] });
    };

    if (isEnd) {
      const expected = structure === 'group' ? 'group' : 'repeat';
      const top = stack[stack.length - 1]!;
      if (stack.length === 1 || top.kind !== expected) {
        error('unmatched_end', 'type', rawType);
        return;
      }
      stack.pop();
      if (!stack.some((open) => open.kind === 'repeat')) skippingRepeat = false;
      return;
    }

    if (name === '') {
      error('missing_name', 'name', null);
      openUnconverted();
      return;
    }
    if (!VALID_NAME.test(name)) error('invalid_name', 'name', name);

    if (skippingRepeat) {
      repeatNames.add(name);
      openUnconverted();
      return;
    }

    const key = name.toLowerCase();
    if (seen.has(key)) {
      error('duplicate_name', 'name', name);
      openUnconverted();
      return;
    }
    seen.add(key);

    const container = stack[stack.length - 1]!.elements;
    const texts = (base: string) => survey.texts(row, base);
    const cell = (base: string) => survey.cell(row, base);

    if (isBegin && structure !== 'group') {
      report({ row: rowNumber, name, type: rawType, reason: 'repeat', detail: name });
      openUnconverted();
      skippingRepeat = true;
      return;
    }

    // Columns that carry over to SurveyJS for every kind of element.
    const common = (element: SurveyElement, kind: 'question' | 'panel' | 'note') => {
      const title = localizable(texts('label'));
      if (title !== undefined) {
        if (kind === 'note') element.html = typeof title === 'string' ? escapeHtml(title) : mapTexts(title, escapeHtml);
        else element.title = title;
      }
      const hint = localizable(texts('hint'));
      if (hint !== undefined && kind !== 'note') element.description = hint;
      const relevant = cell('relevant');
      if (relevant) {
        pending.push({ row: rowNumber, name, type: rawType, column: 'relevant', source: relevant, self: name, apply: (e) => (element.visibleIf = e) });
      }
      for (const media of MEDIA_COLUMNS) {
        if (texts(media).size > 0) report({ row: rowNumber, name, type: rawType, reason: 'media', column: media, detail: [...texts(media).values()].join(', ') });
      }
      for (const column of survey.columns) {
        const value = String(row[column.index] ?? '').trim();
        if (value === '') continue;
        if (column.base === 'trigger' || column.base === 'save_to' || /^(bind|body|instance|control)::/.test(column.base)) {
          report({ row: rowNumber, name, type: rawType, reason: 'column', column: column.base, detail: value });
        }
      }
    };

    if (isBegin) {
      const panel: SurveyElement = { type: 'panel', name, elements: [] };
      common(panel, 'panel');
      container.push(panel);
      stack.push({ kind: 'group', row: rowNumber, elements: panel.elements! });
      return;
    }

    if (METADATA.has(lower)) {
      report({ row: rowNumber, name, type: rawType, reason: 'metadata' });
      return;
    }
    if (FROM_FILE.test(type)) {
      report({ row: rowNumber, name, type: rawType, reason: 'choices_from_file', detail: type.split(' ').slice(-1)[0] ?? null });
      return;
    }
    if (UNSUPPORTED.has(lower) || RANK.test(type)) {
      report({ row: rowNumber, name, type: rawType, reason: 'unsupported_type' });
      return;
    }

    const element = buildQuestion(type, lower, name, rowNumber, rawType);
    if (element === undefined) {
      error('unknown_type', 'type', rawType);
      return;
    }
    if (element === null) return;
    container.push(element);

    // Question-only columns.
    if (element.type !== 'html' && element.type !== 'expression') {
      const required = cell('required');
      if (TRUTHY.has(required.toLowerCase())) element.isRequired = true;
      else if (!FALSY.has(required.toLowerCase())) {
        pending.push({ row: rowNumber, name, type: rawType, column: 'required', source: required, self: name, apply: (e) => (element.requiredIf = e) });
      }
      const requiredMessage = localizable(texts('required_message'));
      if (requiredMessage !== undefined) element.requiredErrorText = requiredMessage;
      const readOnly = cell('read_only');
      if (TRUTHY.has(readOnly.toLowerCase())) element.readOnly = true;
      else if (!FALSY.has(readOnly.toLowerCase())) {
        pending.push({ row: rowNumber, name, type: rawType, column: 'read_only', source: readOnly, self: name, apply: (e) => (element.enableIf = `!(${e})`) });
      }
      const constraint = cell('constraint');
      if (constraint) addConstraint(element, constraint, localizable(texts('constraint_message')), rowNumber, rawType);
      const choiceFilter = cell('choice_filter');
      if (choiceFilter) report({ row: rowNumber, name, type: rawType, reason: 'choice_filter', column: 'choice_filter', detail: choiceFilter });
      const fallback = cell('default');
      if (fallback) addDefault(element, fallback, rowNumber, rawType);
      const calculation = cell('calculation');
      if (calculation) report({ row: rowNumber, name, type: rawType, reason: 'expression', column: 'calculation', detail: calculation });
    }

    function addConstraint(question: SurveyElement, source: string, message: LocalizableText | undefined, rowNo: number, written: string) {
      // A whole-constraint regex(., 'pattern') is SurveyJS's regex validator.
      const regex = /^regex\(\s*\.\s*,\s*(['"])(.*)\1\s*\)$/s.exec(source);
      if (regex) {
        (question.validators ??= []).push({ type: 'regex', regex: regex[2]!, ...(message !== undefined ? { text: message } : {}) });
        return;
      }
      pending.push({
        row: rowNo,
        name,
        type: written,
        column: 'constraint',
        source,
        self: name,
        // ODK checks a constraint only on an answered question; SurveyJS runs expression
        // validators on empty ones too, so an unanswered optional question must pass.
        apply: (e) => (question.validators ??= []).push({ type: 'expression', expression: `{${name}} empty or (${e})`, ...(message !== undefined ? { text: message } : {}) }),
      });
    }

    function addDefault(question: SurveyElement, value: string, rowNo: number, written: string) {
      // A dynamic default (https://xlsform.org/en/#dynamic-defaults) refers to answers or calls a function.
      if (value.includes('${') || /^[\p{L}_][\p{L}\p{N}_:.-]*\(.*\)$/su.test(value)) {
        pending.push({ row: rowNo, name, type: written, column: 'default', source: value, self: null, apply: (e) => (question.defaultValueExpression = e) });
        return;
      }
      if (question.type === 'checkbox' || question.type === 'tagbox') question.defaultValue = value.split(/\s+/);
      else if (question.inputType === 'number' || question.type === 'rating') question.defaultValue = Number(value.replace(',', '.'));
      else if (question.type === 'boolean') question.defaultValue = TRUTHY.has(value.toLowerCase()) || value.toUpperCase() === 'OK';
      else question.defaultValue = value.replace(/^(['"])(.*)\1$/, '$2');
    }

    /** The SurveyJS element for a question row; null when reported as unconverted, undefined for an unknown type. */
    function buildQuestion(typeText: string, lowerType: string, questionName: string, rowNo: number, written: string): SurveyElement | null | undefined {
      const appearance = cell('appearance').toLowerCase().split(/\s+/);
      const question = (props: Partial<SurveyElement> & { type: string }, kind: 'question' | 'note' = 'question'): SurveyElement => {
        const element: SurveyElement = { ...props, name: questionName };
        common(element, kind);
        return element;
      };

      if (lowerType === 'phone number') {
        // pyxform's old `phone number` type: text with the constraint regex(., '^\d*$').
        return question({ type: 'text', inputType: 'tel', validators: [{ type: 'regex', regex: '^\\d*$' }] });
      }
      const select = parseSelect(typeText);
      if (select) {
        if (!lists.has(select.list)) {
          errors.push({ sheet: 'survey', row: rowNo, column: 'type', value: select.list, code: 'unknown_list' });
          return null;
        }
        const list = lists.get(select.list)!;
        const minimal = appearance.includes('minimal') || appearance.includes('autocomplete') || appearance.includes('search');
        const surveyType = select.kind === 'single' ? (minimal ? 'dropdown' : 'radiogroup') : minimal ? 'tagbox' : 'checkbox';
        const choices: SurveyChoice[] = list.map((c) => {
          const text = localizable(c.texts);
          return text === undefined ? c.name : { value: c.name, text };
        });
        const element = question({ type: surveyType, choices });
        if (select.other) element.showOtherItem = true;
        if (appearance.some((a) => a === 'likert' || a === 'horizontal' || a === 'horizontal-compact')) element.colCount = 0;
        if (/\brandomize\s*=\s*(true|yes)\b/i.test(cell('parameters'))) element.choicesOrder = 'random';
        if (list.some((c) => c.media)) report({ row: rowNo, name: questionName, type: written, reason: 'media', column: 'choices', detail: select.list });
        return element;
      }
      if (/^(select|select_one|select_multiple|select one|select multiple|select all that apply)$/i.test(typeText)) {
        errors.push({ sheet: 'survey', row: rowNo, column: 'type', value: written, code: 'missing_list' });
        return null;
      }
      switch (lowerType) {
        case 'text':
        case 'string':
          return question(appearance.includes('multiline') ? { type: 'comment' } : { type: 'text' });
        case 'integer':
        case 'int':
          // SurveyJS has no integer input: a number with step 1, and a validator for whole numbers.
          return question({ type: 'text', inputType: 'number', step: 1, validators: [{ type: 'regex', regex: '^-?\\d+$' }] });
        case 'decimal':
          return question({ type: 'text', inputType: 'number' });
        case 'range':
          return question(rangeElement(cell('parameters')));
        case 'date':
          return question({ type: 'text', inputType: 'date' });
        case 'time':
          return question({ type: 'text', inputType: 'time' });
        case 'datetime':
        case 'date time':
          return question({ type: 'text', inputType: 'datetime-local' });
        case 'note':
          return question({ type: 'html' }, 'note');
        case 'acknowledge':
        case 'trigger':
          return question({ type: 'boolean' });
        case 'hidden':
          return question({ type: 'text', visible: false });
        case 'calculate': {
          const calculation = cell('calculation');
          const element: SurveyElement = { type: 'expression', name: questionName, visible: false };
          if (!calculation) return element;
          pending.push({
            row: rowNo,
            name: questionName,
            type: written,
            column: 'calculation',
            source: calculation,
            self: null,
            apply: (e) => (element.expression = e),
          });
          return element;
        }
        default:
          return undefined;
      }
    }
  });

  for (const open of stack.slice(1)) {
    errors.push({ sheet: 'survey', row: open.row, column: 'type', value: null, code: 'unclosed_group' });
  }

  // Expressions, now that every name is known. A name inside a repeat is known but not converted.
  for (const name of repeatNames) if (!seen.has(name.toLowerCase())) kinds.set(name, 'unconverted');
  const translate = (p: PendingExpression) => translateXlsFormExpression(p.source, { self: p.self, kindOf: (n) => kinds.get(n) });
  const withUnknownNames = new Set<PendingExpression>();
  for (const p of pending) {
    const unknown = referencesIn(p.source).filter((r) => !kinds.has(r));
    for (const r of unknown) errors.push({ sheet: 'survey', row: p.row, column: p.column, value: r, code: 'unknown_reference' });
    if (unknown.length > 0) withUnknownNames.add(p);
  }
  // A calculation SurveyJS cannot compute is dropped, and so is whatever refers to it: settle
  // the calculations first, as they may refer to each other in any order.
  const droppedCalculations = new Set<string>();
  const isCalculation = (p: PendingExpression) => p.column === 'calculation' && p.type.trim().toLowerCase() === 'calculate';
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of pending) {
      if (!isCalculation(p) || withUnknownNames.has(p) || droppedCalculations.has(p.name!)) continue;
      if (!translate(p).ok) {
        droppedCalculations.add(p.name!);
        kinds.set(p.name!, 'unconverted');
        changed = true;
      }
    }
  }
  for (const p of pending) {
    if (withUnknownNames.has(p)) continue;
    const result = translate(p);
    if (result.ok) {
      p.apply(result.expression);
    } else if (result.problem === 'syntax' && p.column !== 'default') {
      errors.push({ sheet: 'survey', row: p.row, column: p.column, value: p.source, code: 'invalid_expression' });
    } else {
      report({ row: p.row, name: p.name, type: p.type, reason: 'expression', column: p.column, detail: `${p.source} — ${result.detail}` });
    }
  }
  // A calculation SurveyJS cannot compute leaves nothing worth keeping.
  const prune = (elements: SurveyElement[]) => {
    for (let i = elements.length - 1; i >= 0; i--) {
      const e = elements[i]!;
      if (e.type === 'expression' && droppedCalculations.has(e.name)) elements.splice(i, 1);
      else if (e.elements) prune(e.elements);
    }
  };
  prune(root);

  const countQuestions = (elements: readonly SurveyElement[]): number =>
    elements.reduce((n, e) => n + (e.type === 'panel' ? countQuestions(e.elements ?? []) : 1), 0);
  if (errors.length === 0 && countQuestions(root) === 0) errors.push({ sheet: 'survey', row: 0, column: null, value: null, code: 'no_questions' });

  const titleText = setting('form_title') || options.title || setting('form_id');
  const definition: SurveyDefinition = {};
  if (titleText) definition.title = titleText;
  if (defaultLanguage !== null) definition.locale = defaultLanguage;
  definition.pages = pagesOf(root, /\bpages\b/i.test(setting('style')));
  // In the order of the sheet, as the user reads it (expressions are checked last).
  unconverted.sort((a, b) => a.row - b.row);
  return { definition, languages, version: setting('version') || null, unconverted, errors };
}

/**
 * `style: pages` in the settings puts each top-level group on its own screen; SurveyJS's pages
 * do the same. Without it the whole form is one page, as ODK shows it one question at a time anyway.
 */
function pagesOf(root: SurveyElement[], groupsArePages: boolean): SurveyPage[] {
  if (!groupsArePages) return [{ name: 'page1', elements: root }];
  const pages: SurveyPage[] = [];
  let loose: SurveyElement[] = [];
  const flush = () => {
    if (loose.length > 0) pages.push({ name: `page${pages.length + 1}`, elements: loose });
    loose = [];
  };
  for (const element of root) {
    if (element.type !== 'panel') {
      loose.push(element);
      continue;
    }
    flush();
    const page: SurveyPage = { name: element.name, elements: element.elements ?? [] };
    if (element.title !== undefined) page.title = element.title;
    if (element.visibleIf !== undefined) page.visibleIf = element.visibleIf;
    pages.push(page);
  }
  flush();
  return pages;
}

/**
 * `range` with `start=1 end=5 step=1` (XLSForm's defaults: 1, 10, 1). A short whole-number scale
 * is a SurveyJS rating; anything else a number input with its bounds.
 */
function rangeElement(parameters: string): Partial<SurveyElement> & { type: string } {
  const value = (key: string, fallback: number) => {
    const match = new RegExp(`\\b${key}\\s*=\\s*(-?[\\d.]+)`, 'i').exec(parameters);
    const n = match ? Number(match[1]) : fallback;
    return Number.isFinite(n) ? n : fallback;
  };
  const start = value('start', 1);
  const end = value('end', 10);
  const step = value('step', 1) || 1;
  const points = Math.floor((end - start) / step) + 1;
  if ([start, end, step].every(Number.isInteger) && step > 0 && points >= 2 && points <= 11) {
    return { type: 'rating', rateMin: start, rateMax: end, rateStep: step };
  }
  const validators: SurveyValidator[] = [{ type: 'numeric', minValue: Math.min(start, end), maxValue: Math.max(start, end) }];
  return { type: 'text', inputType: 'number', min: Math.min(start, end), max: Math.max(start, end), step: Math.abs(step), validators };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
}

function mapTexts(texts: Readonly<Record<string, string>>, f: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, f(v)]));
}
