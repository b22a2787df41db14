import { basename, extname } from 'node:path';
import {
  AppError,
  convertXlsForm,
  cutValue,
  listQuestions,
  localized,
  may,
  type Actor,
  type SurveyDefinition,
  type UnconvertedElement,
  type XlsFormError,
  type XlsFormSheets,
} from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { and, eq } from 'drizzle-orm';
import { assessment } from '../assessments/tables';
import type { ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import { readWorkbookSheets } from '../imports/read-xlsx';
import { createQuestionnaire } from './questionnaires';
import type { TXlsFormImport } from './schema';
import { questionnaireVersion } from './tables';

/**
 * Import of an XLSForm file (ODK, KoboToolbox) as a new questionnaire: the web route and
 * `potreby survey import-xlsform` both come here. The domain converts the sheets; this module
 * reads the workbook, checks who may create the questionnaire and where, and stores it — or
 * refuses a file that is not a valid XLSForm with its errors row by row, storing nothing.
 */

export type XlsFormImportRequest = {
  fileName: string;
  bytes: Uint8Array;
  /** The questionnaire's own title; without it, the form's title, else the file's name. */
  title?: string | null;
  assessmentId: number | null;
  territoryId: number | null;
  actor: Actor;
  author: ChangeAuthor;
  language: TLanguage;
  /**
   * The language of texts in columns that name none (`label` alone), as the user chose it on
   * import; the settings sheet's `default_language` wins when the file gives one.
   */
  formLanguage?: string | null;
};

/**
 * Where the definition keeps the names of what the conversion left out (metadata such as
 * `start`, a geopoint, a repeat): a KoboToolbox export of the same form has columns for them,
 * which a later responses import must skip rather than refuse. A top-level key of the SurveyJS
 * JSON survives editing (the editor keeps unknown keys) and SurveyJS ignores it.
 */
export const UNCONVERTED_KEY = 'xlsformUnconverted';

/** The names a definition says were not converted from its XLSForm. */
export function unconvertedNamesOf(definition: unknown): string[] {
  const names = (definition as Record<string, unknown> | null)?.[UNCONVERTED_KEY];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/**
 * The sheets of an XLSX workbook as rows of cell texts, keyed by lower-case sheet name (Kobo
 * and ODK accept `Survey` as well as `survey`). `cell.text` is what the spreadsheet shows, which
 * is what the form's author typed — also for a name or a choice value that looks like a number.
 */
export async function readXlsFormWorkbook(bytes: Uint8Array, fileName: string): Promise<XlsFormSheets> {
  if (bytes.length === 0) throw new AppError('import.empty', { fileName });
  // An old binary .xls or anything else that is not a zip archive cannot be an XLSX workbook.
  if (!ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) throw new AppError('import.unreadable', { fileName });
  // The same bounded reader as every import: a LibreOffice form declaring 1,048,576 rows reads
  // only the cells that hold something, and a formula cell (`=FALSE()`) gives its value.
  return readWorkbookSheets(bytes, fileName, (name) => XLSFORM_SHEETS.includes(name));
}

const XLSFORM_SHEETS = ['survey', 'choices', 'settings'];

/** The territory a new questionnaire belongs to (its assessment's, or the one given), if the actor may create it there. */
async function placeFor(db: Db, actor: Actor, assessmentId: number | null, territoryId: number | null) {
  let id = territoryId;
  if (assessmentId !== null) {
    const [found] = await db.select({ territoryId: assessment.territoryId }).from(assessment).where(eq(assessment.id, assessmentId));
    if (!found) throw new AppError('validation.invalid', {}, { issues: [{ path: 'assessmentId', message: 'unknown_assessment' }] });
    id = found.territoryId;
  }
  if (id === null) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'territory_required' }] });
  const [place] = await db.select().from(territory).where(eq(territory.id, id));
  if (!place) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'unknown_territory' }] });
  if (!may(actor, 'edit_assessment', place)) {
    // Outside the actor's reach the territory is as good as unknown; inside it, the role lacks the right.
    throw may(actor, 'read', place) ? new AppError('auth.forbidden') : new AppError('not_found');
  }
  return place;
}

/** One error of an invalid XLSForm, in the user's language, as the import report lists them. */
export function describeXlsFormError(e: XlsFormError, language: TLanguage) {
  const t = translator(language);
  const text = t(`xlsformErrors.${e.code}`, { column: e.column ?? '', value: e.value ?? '' });
  // Row numbers are per sheet: the message says which sheet the row is on.
  const message = e.sheet ? t('xlsformErrors.inSheet', { sheet: e.sheet, message: text }) : text;
  // The cell is echoed cut short: a form's cell can hold megabytes.
  return { row: e.row, column: e.column, value: e.value === null ? null : cutValue(e.value), code: e.code, message };
}

const SHEET_ORDER = [null, 'survey', 'choices', 'settings'];

/** Errors as the file reads, top to bottom: the whole file first, then sheet by sheet, row by row. */
const inFileOrder = (errors: readonly XlsFormError[]): XlsFormError[] =>
  [...errors].sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row);

/** What the conversion left out, in the user's language. */
export function describeUnconverted(u: UnconvertedElement, language: TLanguage): string {
  const t = translator(language);
  // Pictures of a choice list read differently from a picture of the question itself.
  const key = u.reason === 'media' && u.column === 'choices' ? 'media_choices' : u.reason;
  return t(`xlsformUnconverted.${key}`, { name: u.name ?? '', type: u.type, column: u.column ?? '', detail: u.detail ?? '' });
}

/**
 * Convert and store an XLSForm as a new questionnaire (version 1). Throws `import.rejected`
 * with the row errors when the file is not a valid XLSForm; nothing is stored then.
 */
export async function importXlsForm(db: Db, request: XlsFormImportRequest): Promise<TXlsFormImport> {
  const place = await placeFor(db, request.actor, request.assessmentId, request.territoryId);
  const sheets = await readXlsFormWorkbook(request.bytes, request.fileName);
  const stem = basename(request.fileName, extname(request.fileName));
  // A `label` column without a language is in the language the file's settings name, else the
  // one the user chose. Never guessed from the territory: forms travel between projects, and an
  // English form marked Bulgarian would be offered to Bulgarian respondents as their own (issue 7).
  const conversion = convertXlsForm(sheets, { ...(request.formLanguage ? { defaultLanguage: request.formLanguage } : {}), title: stem });
  if (conversion.errors.length > 0) {
    throw new AppError(
      'import.rejected',
      { count: conversion.errors.length, fileName: request.fileName },
      { errors: inFileOrder(conversion.errors).map((e) => describeXlsFormError(e, request.language)), totalErrors: conversion.errors.length },
    );
  }
  const names = [...new Set(conversion.unconverted.flatMap((u) => (u.name ? [u.name] : [])))];
  const definition: SurveyDefinition = { ...conversion.definition, ...(names.length ? { [UNCONVERTED_KEY]: names } : {}) };
  const title = request.title?.trim() || localized(conversion.definition.title, conversion.definition.locale ?? 'default').trim() || stem;
  const questionnaireId = await createQuestionnaire(db, request.actor, request.author, {
    title: title.slice(0, 300),
    assessmentId: request.assessmentId,
    territoryId: place.id,
    definition,
    // The versions list shows where a version came from: `xlsform:<file>`.
    source: `xlsform:${request.fileName}`,
  });
  const [version] = await db.select().from(questionnaireVersion).where(and(eq(questionnaireVersion.questionnaireId, questionnaireId), eq(questionnaireVersion.version, 1)));
  return {
    questionnaireId,
    version: 1,
    languages: version!.languages,
    // Questions that take an answer: notes and calculations convert too, but ask nothing.
    questions: listQuestions(definition).filter((q) => q.type !== 'note').length,
    unconverted: conversion.unconverted.map((u) => ({ row: u.row, name: u.name, type: u.type, reason: u.reason, message: describeUnconverted(u, request.language) })),
  };
}
