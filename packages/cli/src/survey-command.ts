import { basename } from 'node:path';
import { AppError, csvText, formLanguageCode, type TCountry } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { questionnaireStats } from '@potreby/server/surveys/analysis';
import { importResponses } from '@potreby/server/surveys/import-responses';
import { importXlsForm } from '@potreby/server/surveys/import-xlsform';
import { questionnaireFor } from '@potreby/server/surveys/questionnaires';
import { and, eq } from 'drizzle-orm';
import { respondentGroup } from '@potreby/server/assessments/tables';
import { findTerritory } from './find-territory';
import { CLI_ACTOR, cliAuthor, type CliContext } from './main';

type ReportedError = { row: number; column: string | null; message: string };

/** The report of a refused file on stderr: the summary line, then one line per error. */
function printRejection(ctx: CliContext, summary: string, error: AppError) {
  const t = translator(ctx.language);
  const details = error.details as { errors: ReportedError[]; totalErrors: number };
  ctx.io.err(summary + '\n');
  for (const e of details.errors) ctx.io.err(t('cli.errorLine', { row: e.row, column: e.column ?? '-', message: e.message }) + '\n');
  if (details.totalErrors > details.errors.length) ctx.io.err(t('cli.moreErrors', { count: details.totalErrors - details.errors.length }) + '\n');
}

type XlsFormOptions = { file: string; bytes: Uint8Array; territory?: string; country?: TCountry; assessment?: number; title?: string; language?: string; format: 'text' | 'json' };

/**
 * `potreby survey import-xlsform FILE`: 0 with the new questionnaire's id and every element not
 * converted (by row of the survey sheet); 1 with the errors when the file is not a valid XLSForm.
 */
export async function importXlsFormCommand(ctx: CliContext, options: XlsFormOptions): Promise<number> {
  const t = translator(ctx.language);
  const fileName = basename(options.file);
  if (options.territory === undefined && options.assessment === undefined) {
    ctx.io.err(t('cli.territoryOrAssessment') + '\n');
    return 2;
  }
  // The language of unnamed `label` columns, when the settings sheet does not name it (issue 7).
  const formLanguage = options.language === undefined ? null : formLanguageCode(options.language);
  if (options.language !== undefined && formLanguage === null) {
    ctx.io.err(t('cli.unknownFormLanguage', { language: options.language }) + '\n');
    return 2;
  }
  let territoryId: number | null = null;
  if (options.territory !== undefined) {
    const place = await findTerritory(ctx, options.territory, options.country);
    if (!place) return 1;
    territoryId = place.id;
  }
  try {
    const result = await importXlsForm(ctx.database.db, {
      fileName,
      bytes: options.bytes,
      title: options.title,
      assessmentId: options.assessment ?? null,
      territoryId,
      actor: CLI_ACTOR,
      author: cliAuthor(),
      language: ctx.language,
      formLanguage,
    });
    if (options.format === 'json') {
      ctx.io.out(JSON.stringify(result, null, 2) + '\n');
      return 0;
    }
    ctx.io.out(t('cli.questionnaireCreated', { id: result.questionnaireId, fileName, count: result.questions, languages: result.languages.join(', ') || '-' }) + '\n');
    if (result.unconverted.length === 0) ctx.io.out(t('cli.allConverted') + '\n');
    else {
      ctx.io.out(t('cli.unconvertedHeader', { count: result.unconverted.length }) + '\n');
      for (const u of result.unconverted) ctx.io.out(t('cli.unconvertedLine', { row: u.row, name: u.name ?? '-', type: u.type, message: u.message }) + '\n');
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'import.rejected') throw error;
    printRejection(ctx, t('cli.notXlsForm', { fileName, count: (error.details as { totalErrors: number }).totalErrors }), error);
    return 1;
  }
}

type ResponsesOptions = { file: string; bytes: Uint8Array; questionnaire: number; group?: string };

/** The questionnaire, or null after saying that there is none with this id. */
async function existingQuestionnaire(ctx: CliContext, id: number) {
  try {
    return await questionnaireFor(ctx.database.db, CLI_ACTOR, id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    ctx.io.err(translator(ctx.language)('cli.unknownQuestionnaire', { id }) + '\n');
    return null;
  }
}

/**
 * `potreby survey import-responses --questionnaire ID FILE`: all or nothing; 1 with the row-by-row
 * report when refused — a cell of the wrong kind, or an answer that breaks the questionnaire's
 * own rules (an XLSForm constraint, relevance, a required question), each by row and column.
 */
export async function importResponsesCommand(ctx: CliContext, options: ResponsesOptions): Promise<number> {
  const t = translator(ctx.language);
  const fileName = basename(options.file);
  const found = await existingQuestionnaire(ctx, options.questionnaire);
  if (!found) return 1;
  let respondentGroupId: number | null = null;
  if (options.group !== undefined) {
    const [group] = found.row.assessmentId === null ? [] : await ctx.database.db.select().from(respondentGroup).where(and(eq(respondentGroup.assessmentId, found.row.assessmentId), eq(respondentGroup.key, options.group)));
    if (!group) {
      ctx.io.err(t('importErrors.invalid_choice', { column: '--group', value: options.group }) + '\n');
      return 2;
    }
    respondentGroupId = group.id;
  }
  try {
    const result = await importResponses(ctx.database, {
      questionnaireId: options.questionnaire,
      respondentGroupId,
      fileName,
      bytes: options.bytes,
      actor: CLI_ACTOR,
      author: cliAuthor(),
      language: ctx.language,
    });
    // A file with nothing new changed nothing (no dataset was created): say so rather than "0 imported".
    if (result.datasetId === null) ctx.io.out(t('cli.responsesNothingNew', { fileName }) + '\n');
    else ctx.io.out(t('cli.responsesImported', { count: result.rows, questionnaireId: result.questionnaireId, datasetId: result.datasetId }) + '\n');
    if (result.duplicates > 0) ctx.io.out(t('cli.responsesDuplicates', { count: result.duplicates }) + '\n');
    return 0;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'import.rejected') throw error;
    printRejection(ctx, t('cli.rejected', { fileName, count: (error.details as { totalErrors: number }).totalErrors }), error);
    return 1;
  }
}

/** One line of `potreby survey stats --format csv`; the JSON has the same figures, nested by question. */
export type StatsOutputRow = { question: string; type: string; option: string | null; count: number | null; share: number | null; n: number; mean: number | null; median: number | null };

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/**
 * `potreby survey stats --questionnaire ID`: per question its n; per option the count and share
 * of those who answered; for numbers n, mean and median (the analysis screen's figures).
 */
export async function surveyStatsCommand(ctx: CliContext, options: { questionnaire: number; format: 'json' | 'csv' }): Promise<number> {
  const found = await existingQuestionnaire(ctx, options.questionnaire);
  if (!found) return 1;
  const stats = await questionnaireStats(ctx.database.db, found.row.id, {});
  const text = (texts: Record<string, string>) => texts[ctx.language] ?? texts.default ?? Object.values(texts)[0] ?? '';
  if (options.format === 'json') {
    const questions = stats.questions.map((q) => ({
      name: q.name,
      type: q.type,
      title: text(q.title),
      n: q.n,
      missing: q.missing,
      ...(q.frequencies ? { options: q.frequencies.map((f) => ({ value: f.value, text: text(f.text), count: f.count, share: round(f.share, 4) })) } : {}),
      ...(q.numbers ? { numbers: { n: q.n, mean: round(q.numbers.mean, 2), median: round(q.numbers.median, 2), min: q.numbers.min, max: q.numbers.max } } : {}),
    }));
    ctx.io.out(JSON.stringify({ questionnaireId: stats.questionnaireId, title: found.row.title, respondents: stats.respondents, questions }, null, 2) + '\n');
    return 0;
  }
  const lines: StatsOutputRow[] = [];
  for (const q of stats.questions) {
    if (q.frequencies) for (const f of q.frequencies) lines.push({ question: q.name, type: q.type, option: f.value, count: f.count, share: round(f.share, 4), n: q.n, mean: null, median: null });
    else lines.push({ question: q.name, type: q.type, option: null, count: null, share: null, n: q.n, mean: round(q.numbers?.mean ?? null, 2), median: round(q.numbers?.median ?? null, 2) });
  }
  // Question names and option values are an officer's text: neutralised like every CSV the app writes.
  const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? String(v) : csvText(v));
  ctx.io.out('question,type,option,count,share,n,mean,median\n');
  for (const l of lines) ctx.io.out([l.question, l.type, l.option, l.count, l.share, l.n, l.mean, l.median].map(cell).join(',') + '\n');
  return 0;
}
