import {
  crossTabFromCounts,
  frequenciesFromCounts,
  listQuestions,
  numbersFromCounts,
  type SurveyDefinition,
  type SurveyQuestion,
} from '@potreby/domain';
import { eq, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import type { TCrossTab, TFreeText, TStats } from './schema';
import { questionnaire, questionnaireVersion } from './tables';

export type ResponseFilter = { respondentGroupId?: number; settlementId?: number };

const filterOf = (f: ResponseFilter): SQL =>
  sql.join(
    [
      f.respondentGroupId !== undefined ? sql`and r.respondent_group_id = ${f.respondentGroupId}` : sql``,
      f.settlementId !== undefined ? sql`and r.settlement_id = ${f.settlementId}` : sql``,
    ],
    sql` `,
  );

/**
 * The questions of a questionnaire as the analysis shows them: those of the current version,
 * then any that only earlier versions asked (their answers are still counted).
 */
export async function questionsOf(db: Db, questionnaireId: number): Promise<SurveyQuestion[]> {
  const versions = await db.select().from(questionnaireVersion).where(eq(questionnaireVersion.questionnaireId, questionnaireId));
  const [q] = await db.select().from(questionnaire).where(eq(questionnaire.id, questionnaireId));
  versions.sort((a, b) => (a.version === q?.currentVersion ? -1 : b.version === q?.currentVersion ? 1 : b.version - a.version));
  const seen = new Map<string, SurveyQuestion>();
  for (const v of versions) for (const question of listQuestions(v.definition as SurveyDefinition)) if (!seen.has(question.name)) seen.set(question.name, question);
  return [...seen.values()];
}

/** Counted answers per question: one pass over the responses, grouped by question and value. */
async function countedAnswers(db: Db, questionnaireId: number, names: string[], filter: ResponseFilter) {
  if (names.length === 0) return [];
  return rows<{ name: string; value: unknown; count: number }>(
    db,
    sql`select e.key as name, e.value as value, count(*)::int as count
        from response r cross join lateral jsonb_each(r.answers) e
        where r.questionnaire_id = ${questionnaireId} ${filterOf(filter)} and e.key in (${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )})
        group by e.key, e.value`,
  );
}

const COUNTED = new Set<SurveyQuestion['type']>(['single', 'multiple', 'boolean', 'number']);

export async function questionnaireStats(db: Db, questionnaireId: number, filter: ResponseFilter): Promise<TStats> {
  const questions = (await questionsOf(db, questionnaireId)).filter((q) => q.type !== 'note');
  const [total] = await rows<{ n: number }>(db, sql`select count(*)::int as n from response r where r.questionnaire_id = ${questionnaireId} ${filterOf(filter)}`);
  const respondents = total?.n ?? 0;
  // Free texts are many and mostly distinct: counted for "how many answered" only.
  const answered = await rows<{ name: string; n: number }>(
    db,
    sql`select e.key as name, count(*)::int as n from response r cross join lateral jsonb_each(r.answers) e
        where r.questionnaire_id = ${questionnaireId} ${filterOf(filter)} and e.value not in ('""'::jsonb, 'null'::jsonb, '[]'::jsonb)
        group by e.key`,
  );
  const answeredBy = new Map(answered.map((a) => [a.name, a.n]));
  const counted = await countedAnswers(
    db,
    questionnaireId,
    questions.filter((q) => COUNTED.has(q.type)).map((q) => q.name),
    filter,
  );
  const byQuestion = new Map<string, { value: unknown; count: number }[]>();
  for (const c of counted) {
    let list = byQuestion.get(c.name);
    if (!list) byQuestion.set(c.name, (list = []));
    list.push({ value: c.value, count: c.count });
  }
  return {
    questionnaireId,
    respondents,
    questions: questions.map((q) => {
      const counts = byQuestion.get(q.name) ?? [];
      if (q.type === 'number') {
        const { n, missing, mean, median, min, max } = numbersFromCounts(counts, respondents);
        return { name: q.name, type: q.type, title: q.title, n, missing, frequencies: null, numbers: { mean, median, min, max } };
      }
      if (COUNTED.has(q.type)) {
        const f = frequenciesFromCounts(counts, respondents, q.choices.map((c) => c.value));
        const textOf = new Map(q.choices.map((c) => [c.value, c.text]));
        return {
          name: q.name,
          type: q.type,
          title: q.title,
          n: f.n,
          missing: f.missing,
          frequencies: f.items.map((i) => ({ value: i.value, text: textOf.get(i.value) ?? { default: i.value }, count: i.count, share: i.share })),
          numbers: null,
        };
      }
      const n = answeredBy.get(q.name) ?? 0;
      return { name: q.name, type: q.type, title: q.title, n, missing: respondents - n, frequencies: null, numbers: null };
    }),
  };
}

export async function crossTab(db: Db, questionnaireId: number, question: SurveyQuestion, by: 'group' | 'settlement', filter: ResponseFilter): Promise<TCrossTab> {
  const rowColumn = by === 'group' ? sql`r.respondent_group_id` : sql`r.settlement_id`;
  const counted = await rows<{ row: number | null; value: unknown; count: number }>(
    db,
    sql`select ${rowColumn} as row, r.answers -> ${question.name} as value, count(*)::int as count
        from response r where r.questionnaire_id = ${questionnaireId} ${filterOf(filter)} and r.answers ? ${question.name}
        group by 1, 2`,
  );
  const rowIds = [...new Set(counted.map((c) => c.row).filter((r): r is number => r !== null))];
  const labels = new Map<number, string>();
  if (rowIds.length) {
    const named =
      by === 'group'
        ? await rows<{ id: number; name: string }>(db, sql`select id, name from respondent_group where id in (${sql.join(rowIds.map((i) => sql`${i}`), sql`, `)})`)
        : await rows<{ id: number; name: string }>(db, sql`select id, name from territory where id in (${sql.join(rowIds.map((i) => sql`${i}`), sql`, `)})`);
    for (const n of named) labels.set(n.id, n.name);
  }
  const rowKeys = [...rowIds.sort((a, b) => (labels.get(a) ?? '').localeCompare(labels.get(b) ?? '')).map(String), ...(counted.some((c) => c.row === null) ? ['none'] : [])];
  const columns = question.choices.map((c) => c.value);
  const extra = [...new Set(counted.flatMap((c) => (Array.isArray(c.value) ? c.value.map(String) : c.value === null || c.value === '' ? [] : [String(c.value)])))].filter((v) => !columns.includes(v));
  const allColumns = [...columns, ...extra];
  const counts = crossTabFromCounts(
    counted.map((c) => ({ row: c.row === null ? 'none' : String(c.row), value: c.value, count: c.count })),
    rowKeys,
    allColumns,
  );
  const textOf = new Map(question.choices.map((c) => [c.value, c.text]));
  return {
    question: question.name,
    by,
    rows: rowKeys.map((key) => ({ key, label: key === 'none' ? '' : (labels.get(Number(key)) ?? key) })),
    columns: allColumns.map((value) => ({ value, text: textOf.get(value) ?? { default: value } })),
    counts,
  };
}

export async function freeText(db: Db, questionnaireId: number, question: string, tag: string | undefined, page: number, pageSize: number, filter: ResponseFilter = {}): Promise<TFreeText> {
  const withTag = tag ? sql`and exists (select 1 from free_text_tag t where t.response_id = r.id and t.question_name = ${question} and t.tag = ${tag})` : sql``;
  const base = sql`from response r left join respondent_group g on g.id = r.respondent_group_id
    where r.questionnaire_id = ${questionnaireId} and coalesce(r.answers ->> ${question}, '') <> '' ${withTag} ${filterOf(filter)}`;
  const [answers, [total], tags] = await Promise.all([
    rows<{ id: number; text: string; group: string | null }>(db, sql`select r.id, r.answers ->> ${question} as text, g.name as group ${base} order by r.id limit ${pageSize} offset ${(page - 1) * pageSize}`),
    rows<{ n: number }>(db, sql`select count(*)::int as n ${base}`),
    rows<{ tag: string; count: number }>(
      db,
      sql`select t.tag, count(*)::int as count from free_text_tag t join response r on r.id = t.response_id
          where r.questionnaire_id = ${questionnaireId} and t.question_name = ${question} group by t.tag order by count(*) desc, t.tag`,
    ),
  ]);
  const tagged = answers.length
    ? await rows<{ response_id: number; tag: string }>(
        db,
        sql`select response_id, tag from free_text_tag where question_name = ${question} and response_id in (${sql.join(answers.map((a) => sql`${a.id}`), sql`, `)}) order by tag`,
      )
    : [];
  return {
    question,
    total: total?.n ?? 0,
    answers: answers.map((a) => ({ responseId: Number(a.id), text: a.text, group: a.group, tags: tagged.filter((t) => Number(t.response_id) === Number(a.id)).map((t) => t.tag) })),
    tags,
  };
}
