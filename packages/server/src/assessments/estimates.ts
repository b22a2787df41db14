import { compareRecipients, estimateSurveyNeed, type RecipientAnswers } from '@potreby/domain';
import { eq, sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { questionnaire, questionTag } from '../surveys/tables';
import type { TRecipientsView, TSurveyEstimate } from './schema';
import { respondentGroup } from './tables';

const positive = (value: unknown, yes: readonly string[]) =>
  Array.isArray(value) ? value.some((v) => yes.includes(String(v))) : value !== null && value !== undefined && value !== '' && yes.includes(String(value));

const answered = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * The survey-based need of each service type a questionnaire's "need" questions are tagged with
 * (issue 3, item 6): in each respondent group, the share who need it (Wilson interval), weighted by
 * the group's population in the territory. The tallies are counted by the database.
 */
export async function surveyEstimates(db: Db, assessmentId: number): Promise<TSurveyEstimate[]> {
  const [groups, tags] = await Promise.all([
    db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, assessmentId)),
    db
      .select({ tag: questionTag })
      .from(questionTag)
      .innerJoin(questionnaire, eq(questionnaire.id, questionTag.questionnaireId))
      .where(sql`${questionnaire.assessmentId} = ${assessmentId} and ${questionTag.purpose} = 'need' and ${questionTag.serviceType} is not null`),
  ]);
  const out: TSurveyEstimate[] = [];
  for (const { tag } of tags) {
    const counted = await rows<{ group: number | null; value: unknown; count: number }>(
      db,
      sql`select respondent_group_id as group, answers -> ${tag.questionName} as value, count(*)::int as count
          from response where questionnaire_id = ${tag.questionnaireId} and answers ? ${tag.questionName} group by 1, 2`,
    );
    const tallies = groups.map((g) => {
      let n = 0;
      let yes = 0;
      for (const c of counted) {
        if (c.group !== g.id || !answered(c.value)) continue;
        n += c.count;
        if (positive(c.value, tag.positiveValues)) yes += c.count;
      }
      return { groupId: g.id, population: g.population, answered: n, positive: yes };
    });
    const estimate = estimateSurveyNeed(tallies);
    if (estimate) out.push({ serviceType: tag.serviceType!, questionnaireId: tag.questionnaireId, questionName: tag.questionName, ...estimate });
  }
  // One figure per service type: when two questions ask about it, the one more people answered.
  const best = new Map<string, TSurveyEstimate>();
  for (const e of out) if (!best.has(e.serviceType) || best.get(e.serviceType)!.respondents < e.respondents) best.set(e.serviceType, e);
  return [...best.values()].sort((a, b) => b.need - a.need);
}

/** Potential recipients' need beside current recipients' satisfaction, per service (issue 3, item 7). */
export async function recipientsView(db: Db, assessmentId: number): Promise<TRecipientsView> {
  const tags = await db
    .select({ tag: questionTag })
    .from(questionTag)
    .innerJoin(questionnaire, eq(questionnaire.id, questionTag.questionnaireId))
    .where(sql`${questionnaire.assessmentId} = ${assessmentId} and ${questionTag.serviceType} is not null`);
  const byQuestionnaireAndType = new Map<string, { questionnaireId: number; serviceType: string; need?: typeof tags[number]['tag']; use?: typeof tags[number]['tag']; satisfaction?: typeof tags[number]['tag'] }>();
  for (const { tag } of tags) {
    const key = `${tag.questionnaireId}|${tag.serviceType}`;
    const entry = byQuestionnaireAndType.get(key) ?? { questionnaireId: tag.questionnaireId, serviceType: tag.serviceType! };
    if (tag.purpose === 'need') entry.need = tag;
    if (tag.purpose === 'current_use') entry.use = tag;
    if (tag.purpose === 'satisfaction') entry.satisfaction = tag;
    byQuestionnaireAndType.set(key, entry);
  }
  const items: TRecipientsView['items'] = [];
  for (const e of byQuestionnaireAndType.values()) {
    // Without a question on current use, the two views cannot be told apart.
    if (!e.use) continue;
    const names = [e.use, e.need, e.satisfaction].filter((t) => t !== undefined).map((t) => t!.questionName);
    const found = await rows<{ answers: Record<string, unknown> }>(
      db,
      sql`select jsonb_build_object(${sql.join(names.map((n) => sql`${n}::text, answers -> ${n}`), sql`, `)}) as answers from response where questionnaire_id = ${e.questionnaireId}`,
    );
    const answers: RecipientAnswers[] = found.map(({ answers: a }) => ({
      uses: answered(a[e.use!.questionName]) ? positive(a[e.use!.questionName], e.use!.positiveValues) : null,
      needs: e.need && answered(a[e.need.questionName]) ? positive(a[e.need.questionName], e.need.positiveValues) : null,
      satisfied: e.satisfaction && answered(a[e.satisfaction.questionName]) ? positive(a[e.satisfaction.questionName], e.satisfaction.positiveValues) : null,
    }));
    const view = compareRecipients(answers);
    const share = (s: typeof view.potential) => (s.respondents === 0 ? null : { count: s.count, of: s.respondents, share: s.share, low: s.low, high: s.high });
    items.push({ serviceType: e.serviceType, potentialNeed: e.need ? share(view.potential) : null, currentSatisfaction: e.satisfaction ? share(view.current) : null });
  }
  return { items };
}
