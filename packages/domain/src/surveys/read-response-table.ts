import type { ImportErrorList, TImportError, TImportErrorCode } from '../imports/import-error';
import { isCellError, parseDate, parseInteger, parseNumber, parseYesNo } from '../imports/parse-cells';
import type { SurveyQuestion } from './survey-definition';

/**
 * Reading completed questionnaires from a table: a KoboToolbox or ODK Central export (CSV or
 * XLSX with XML names as headers, https://support.kobotoolbox.org/export_download.html) or
 * potreby's own export. One column per question, named by the question or by its group path
 * (`household/age`); a multiple choice as one column of space-separated values, or Kobo's split
 * columns `needs/transport` holding 1/0 or True/False.
 */

/** How a column of the file is read. */
export type ResponseColumn =
  | { header: string; role: 'question'; question: string }
  /** Kobo's split column of a multiple choice: whether `option` was ticked. */
  | { header: string; role: 'option'; question: string; option: string }
  /** The text of "Other (please specify)": ODK's `<name>_other` or SurveyJS's `<name>-Comment`. */
  | { header: string; role: 'other_text'; question: string }
  | { header: string; role: 'submission_key' | 'group' | 'settlement' | 'ignored' | 'unknown' };

export type ResponseRow = {
  /** Answers as SurveyJS stores them: strings, numbers, booleans, arrays of option values. */
  answers: Record<string, unknown>;
  /** The submission's own id (Kobo `_uuid`, ODK `instanceID` without `uuid:`), so importing a file twice stores each response once. */
  submissionKey: string | null;
  /** Respondent group key (column `respondent_group`). */
  group: string | null;
  /** Settlement code or name (column `settlement` or `settlement_code`). */
  settlement: string | null;
};

export type ResponseReader = {
  columns: ResponseColumn[];
  /** Errors of the header row: unknown and repeated columns. */
  errors: TImportError[];
  /** The row's answers, or null for an empty row or when any cell is wrong (each added to `errors`). */
  read(cells: readonly string[], row: number, errors: ImportErrorList): ResponseRow | null;
};

export type ResponseReaderOptions = {
  /** Further column names to skip, e.g. the elements the XLSForm conversion could not convert (a geopoint, a photo). */
  ignore?: readonly string[];
  /**
   * Names of the form's own elements whose values it computes or fixes rather than asks
   * (calculations, notes, hidden questions): an export has columns for them, which are skipped.
   */
  computed?: Iterable<string>;
};

/** Kobo's `_uuid`, ODK's `meta/instanceID` (ODK Central: `meta-instanceID`, `KEY`), potreby's own `submission_key`. */
const SUBMISSION_KEYS = new Set(['_uuid', 'meta/instanceid', 'meta-instanceid', 'instanceid', 'key', 'submission_key']);
/** What collection tools add about the submission rather than the answers. */
const SYSTEM_COLUMNS = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'imei',
  'username',
  'email',
  'phonenumber',
  'simserial',
  'subscriberid',
  'audit',
  'instancename',
  'formhub/uuid',
  'submitted_at',
  'submittedat',
  'submitterid',
  'submittername',
  'attachmentspresent',
  'attachmentsexpected',
  'submissiondate',
  'status',
  'reviewstate',
  'edits',
  'formversion',
]);
const BOM = '\ufeff';

const trueWords = new Set(['ok']);

/**
 * A reader for the rows of one file, given the questionnaire's questions and the file's header.
 * Question names are matched exactly, then regardless of letter case.
 */
export function createResponseReader(questions: readonly SurveyQuestion[], header: readonly string[], options: ResponseReaderOptions = {}): ResponseReader {
  const byName = new Map(questions.map((q) => [q.name, q]));
  const byLowerName = new Map(questions.map((q) => [q.name.toLowerCase(), q]));
  const find = (name: string) => byName.get(name) ?? byLowerName.get(name.toLowerCase());
  const ignore = new Set((options.ignore ?? []).map((n) => n.toLowerCase()));
  const computed = new Set([...(options.computed ?? [])].map((n) => n.toLowerCase()));
  const errors: TImportError[] = [];
  const taken = new Set<string>();

  const columns = header.map((cell): ResponseColumn => {
    const text = (cell.startsWith(BOM) ? cell.slice(1) : cell).trim();
    const lower = text.toLowerCase();
    if (text === '') return { header: text, role: 'ignored' };
    const segments = text.split('/');
    const last = segments[segments.length - 1]!;
    // A value the form computes or fixes itself: skipped though the form has an element of that name.
    if (computed.has(lower) || computed.has(last.toLowerCase())) return { header: text, role: 'ignored' };
    const question = find(last);
    if (question) return claim(text, { header: text, role: 'question', question: question.name });
    if (SUBMISSION_KEYS.has(lower)) return { header: text, role: 'submission_key' };
    if (lower === 'respondent_group') return claim(text, { header: text, role: 'group' });
    if (lower === 'settlement' || lower === 'settlement_code') return claim(text, { header: text, role: 'settlement' });
    if (segments.length >= 2) {
      const parent = find(segments[segments.length - 2]!);
      const option = parent?.type === 'multiple' ? parent.choices.find((c) => c.value === last || c.value.toLowerCase() === last.toLowerCase()) : undefined;
      if (parent && option) return claim(text, { header: text, role: 'option', question: parent.name, option: option.value });
    }
    const other = /^(.*?)(_other|-comment)$/i.exec(last);
    const owner = other ? find(other[1]!) : undefined;
    if (owner?.other) return claim(text, { header: text, role: 'other_text', question: owner.name });
    // ODK Central joins group and question with a hyphen (`household-age`).
    const hyphenated = text.includes('-') ? find(text.slice(text.lastIndexOf('-') + 1)) : undefined;
    if (hyphenated) return claim(text, { header: text, role: 'question', question: hyphenated.name });
    // Kobo's own columns all start with _ (_id, _submission_time, _index, __version__ …); ODK's sit under meta/.
    if (text.startsWith('_') || lower.startsWith('meta/') || lower.startsWith('meta-') || SYSTEM_COLUMNS.has(lower) || SYSTEM_COLUMNS.has(last.toLowerCase())) return { header: text, role: 'ignored' };
    if (ignore.has(lower) || ignore.has(last.toLowerCase())) return { header: text, role: 'ignored' };
    errors.push({ row: 1, column: null, value: text, code: 'unknown_column' });
    return { header: text, role: 'unknown' };
  });

  function claim(text: string, column: ResponseColumn): ResponseColumn {
    const key = column.role === 'option' ? `${column.question}/${column.option}` : 'question' in column ? `${column.role}:${column.question}` : column.role;
    if (taken.has(key)) {
      errors.push({ row: 1, column: 'question' in column ? column.question : column.role, value: text, code: 'duplicate_column' });
      return { header: text, role: 'ignored' };
    }
    taken.add(key);
    return column;
  }

  // A Kobo export may hold both the joined column and the split ones; the joined one is read then.
  const joined = new Set(columns.flatMap((c) => (c.role === 'question' ? [c.question] : [])));

  return {
    columns,
    errors,
    read(cells, row, errorList) {
      if (cells.every((c) => String(c ?? '').trim() === '')) return null;
      let failed = false;
      const fail = (column: string, value: string, code: TImportErrorCode, params?: Record<string, string | number>) => {
        failed = true;
        errorList.add(params ? { row, column, value, code, params } : { row, column, value, code });
      };
      const answers: Record<string, unknown> = {};
      const ticked = new Map<string, string[]>();
      let submissionKey: string | null = null;
      let group: string | null = null;
      let settlement: string | null = null;

      columns.forEach((column, i) => {
        const raw = String(cells[i] ?? '').trim();
        if (raw === '') return;
        switch (column.role) {
          case 'question': {
            const question = byName.get(column.question)!;
            const value = readAnswer(question, raw);
            if (isRefusal(value)) fail(column.question, raw, value.error, value.error === 'invalid_choice' ? { allowed: question.choices.map((c) => c.value).join(', ') } : undefined);
            else answers[question.name] = value;
            return;
          }
          case 'option': {
            if (joined.has(column.question)) return;
            const yes = parseYesNo(raw);
            if (isCellError(yes)) fail(column.header, raw, yes.error);
            else if (yes) {
              let list = ticked.get(column.question);
              if (!list) ticked.set(column.question, (list = []));
              list.push(column.option);
            }
            return;
          }
          case 'other_text':
            answers[`${column.question}-Comment`] = raw;
            return;
          case 'submission_key':
            submissionKey ??= raw.replace(/^uuid:/i, '');
            return;
          case 'group':
            group = raw;
            return;
          case 'settlement':
            settlement = raw;
            return;
          default:
            return;
        }
      });
      // Split columns in the order of the question's options, as SurveyJS would store them.
      for (const [name, options] of ticked) {
        const order = byName.get(name)!.choices.map((c) => c.value);
        answers[name] = [...options].sort((a, b) => order.indexOf(a) - order.indexOf(b));
      }
      return failed ? null : { answers, submissionKey, group, settlement };
    },
  };
}

type CellValue = unknown;
const isRefusal = (value: unknown): value is { error: TImportErrorCode } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'error' in value;
const INVALID_CHOICE = { error: 'invalid_choice' } as const satisfies { error: TImportErrorCode };
const NOT_DATE = { error: 'not_date' } as const satisfies { error: TImportErrorCode };
const NOT_YES_NO = { error: 'not_yes_no' } as const satisfies { error: TImportErrorCode };

/** One cell as the answer SurveyJS would have stored, or why it cannot be one. */
function readAnswer(question: SurveyQuestion, raw: string): CellValue | { error: TImportErrorCode } {
  const choiceValue = (text: string): string | null => {
    // A question with no listed options (filled from elsewhere) takes any value.
    if (question.choices.length === 0) return text;
    const exact = question.choices.find((c) => c.value === text);
    if (exact) return exact.value;
    const lower = text.toLowerCase();
    return question.choices.find((c) => c.value.toLowerCase() === lower)?.value ?? null;
  };
  switch (question.type) {
    case 'number': {
      const value = question.integer ? parseInteger(raw) : parseNumber(raw);
      return value;
    }
    case 'date': {
      // Spreadsheets and Kobo's XLSX give a date cell as a timestamp; the day is what was asked.
      const iso = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
      const value = parseDate(iso ? iso[1]! : raw);
      return value === null ? NOT_DATE : value;
    }
    case 'single':
      return choiceValue(raw) ?? INVALID_CHOICE;
    case 'multiple': {
      let parts: string[];
      if (raw.startsWith('[')) {
        // potreby's own export writes the array as JSON.
        try {
          const parsed: unknown = JSON.parse(raw);
          if (!Array.isArray(parsed)) return INVALID_CHOICE;
          parts = parsed.map(String);
        } catch {
          return INVALID_CHOICE;
        }
      } else {
        // ODK values have no spaces; a SurveyJS value might, so a whole cell that is one value is one value.
        parts = choiceValue(raw) !== null && question.choices.length > 0 ? [raw] : raw.split(/\s+/);
      }
      const values: string[] = [];
      for (const part of parts) {
        const value = choiceValue(part);
        if (value === null) return INVALID_CHOICE;
        if (!values.includes(value)) values.push(value);
      }
      return values;
    }
    case 'boolean': {
      const [yes, no] = question.choices;
      // A boolean with its own stored values (valueTrue/valueFalse) keeps them.
      if (yes && no && yes.value !== 'true') {
        if (raw === yes.value) return yes.value;
        if (raw === no.value) return no.value;
      }
      if (trueWords.has(raw.toLowerCase())) return true; // ODK's acknowledge is exported as "OK".
      const value = parseYesNo(raw);
      return value === null ? NOT_YES_NO : value;
    }
    default:
      return raw;
  }
}
