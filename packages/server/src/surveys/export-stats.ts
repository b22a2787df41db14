import type { Writable } from 'node:stream';
import { localized, suppressFrequencies, SUPPRESSION_THRESHOLD } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { columnLabel } from '../exports/column-label';
import { questionnaireStats } from './analysis';
import type { TStats } from './schema';
import { csvTableWriter, xlsxTableWriter, type ColumnFormat, type ExportCell } from './write-export-table';

export const STATS_COLUMNS = ['question', 'question_title', 'answer', 'answer_text', 'count', 'share', 'n', 'mean', 'median'] as const;

/**
 * The smallest count that may be published: the assessment's own threshold, else the setting
 * `suppression_threshold` of the installation, else 5 (issue 3: "no cell under a threshold, default 5").
 */
export async function suppressionThresholdOf(db: Db, questionnaireId: number): Promise<number> {
  const [found] = await rows<{ threshold: number | null }>(
    db,
    sql`select coalesce(a.suppression_threshold,
                        (select case when s.value ~ '^[0-9]{1,4}$' then s.value::int end from app_setting s where s.key = 'suppression_threshold')) as threshold
        from questionnaire q left join assessment a on a.id = q.assessment_id where q.id = ${questionnaireId}`,
  );
  return found?.threshold ?? SUPPRESSION_THRESHOLD;
}

/**
 * The analysis tables as they may be published: per question and answer the count and share,
 * for numbers n, mean and median. These files leave the office, so small cells are withheld as
 * in the published report: a count from 1 to threshold − 1 shows as "<threshold" (with a second
 * count withheld where the first could be worked out from the total), and so does the n of a
 * question answered by so few; a mean or median of so few answers is left out. The minimum and
 * maximum are never exported: each is one respondent's answer.
 */
export function statsTable(stats: TStats, language: TLanguage, threshold: number): ExportCell[][] {
  const marker = translator(language)('documents.common.suppressed', { n: threshold });
  const small = (n: number) => n >= 1 && n < threshold;
  const out: ExportCell[][] = [];
  for (const q of stats.questions) {
    const title = localized(q.title, language);
    if (q.frequencies) {
      // The options of a multiple choice do not add up to the respondents; the others' do, to n.
      const additive = q.type !== 'multiple';
      const shown = suppressFrequencies(
        q.frequencies.map((f) => f.count),
        threshold,
        { additive },
      );
      const n: ExportCell = (additive ? shown.total === null : small(q.n)) ? marker : q.n;
      q.frequencies.forEach((f, i) => {
        const count = shown.counts[i]!;
        out.push([q.name, title, f.value, localized(f.text, language), count === null ? marker : count, count === null ? null : round(f.share), n, null, null]);
      });
      continue;
    }
    if (q.numbers) {
      const hidden = small(q.n);
      out.push([q.name, title, null, null, null, null, hidden ? marker : q.n, hidden ? null : round(q.numbers.mean), hidden ? null : round(q.numbers.median)]);
      continue;
    }
    // Texts and dates: only how many answered.
    out.push([q.name, title, null, null, null, null, small(q.n) ? marker : q.n, null, null]);
  }
  return out;
}

const round = (value: number | null) => (value === null ? null : Math.round(value * 10000) / 10000);

/** The published tables of a questionnaire as CSV or XLSX (with a sheet saying what the file holds). */
export async function writeStats(
  db: Db,
  input: { questionnaireId: number; title: string; language: TLanguage; format: 'csv' | 'xlsx'; sheetName: string; now: Date },
  out: Writable,
): Promise<void> {
  const { questionnaireId, language } = input;
  const t = translator(language);
  const [stats, threshold] = await Promise.all([questionnaireStats(db, questionnaireId, {}), suppressionThresholdOf(db, questionnaireId)]);
  const table = statsTable(stats, language, threshold);
  const columns: ColumnFormat[] = STATS_COLUMNS.map((c) => ({
    header: columnLabel(language, 'survey_stats', c),
    width: c === 'question_title' ? 50 : c === 'answer_text' ? 30 : c === 'question' || c === 'answer' ? 20 : 12,
    percent: c === 'share',
  }));
  if (input.format === 'csv') {
    const writer = csvTableWriter(out, columns);
    await writer.addRows(table);
    return writer.finish();
  }
  const about: ExportCell[][] = [
    [t('surveyExport.about.questionnaire'), input.title],
    [t('surveyExport.about.respondents'), stats.respondents],
    [t('surveyExport.about.exportedAt'), input.now.toISOString().slice(0, 19).replace('T', ' ')],
    [t('surveyExport.about.threshold'), threshold],
    [t('documents.common.suppressedNote', { n: threshold })],
  ];
  const writer = xlsxTableWriter(out, input.sheetName, columns, [{ name: t('surveyExport.about.sheet'), rows: about, widths: [30, 70] }]);
  await writer.addRows(table);
  await writer.finish();
}
