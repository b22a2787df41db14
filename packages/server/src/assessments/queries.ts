import { AppError, may, type Actor } from '@potreby/domain';
import { and, asc, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { territoryRef } from '../accounts/users';
import type { Db } from '../db/database';
import { questionnaire, response } from '../surveys/tables';
import { territory } from '../territories/tables';
import type { TAssessmentDetail, TAssessmentSummary } from './schema';
import { assessment, assessmentMethod, finding, planMeasure, respondentGroup, workingGroupMember } from './tables';

export type AssessmentRow = typeof assessment.$inferSelect;
type TerritoryRow = typeof territory.$inferSelect;

/** The assessment and its territory, if the actor may do `action` there; 404 otherwise (or 403 to change). */
export async function assessmentFor(db: Db, actor: Actor, id: number, action: 'read' | 'edit_assessment' = 'read'): Promise<{ row: AssessmentRow; place: TerritoryRow }> {
  const [found] = await db.select({ row: assessment, place: territory }).from(assessment).innerJoin(territory, eq(territory.id, assessment.territoryId)).where(eq(assessment.id, id));
  // Outside one's reach an assessment does not exist for the asker.
  if (!found || !may(actor, 'read', found.place)) throw new AppError('not_found');
  if (action === 'edit_assessment' && !may(actor, 'edit_assessment', found.place)) throw new AppError('auth.forbidden');
  return found;
}

async function responsesByQuestionnaire(db: Db, questionnaireIds: number[]): Promise<Map<number, number>> {
  if (questionnaireIds.length === 0) return new Map();
  const rows = await db
    .select({ id: response.questionnaireId, n: count() })
    .from(response)
    .where(inArray(response.questionnaireId, questionnaireIds))
    .groupBy(response.questionnaireId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function listAssessments(db: Db, scopePath: string | null, territoryPath: string | null): Promise<TAssessmentSummary[]> {
  const conditions = [scopePath ? like(territory.path, `${scopePath}%`) : undefined, territoryPath ? like(territory.path, `${territoryPath}%`) : undefined].filter((c) => c !== undefined);
  const rows = await db
    .select({ row: assessment, place: territory, responses: sql<number>`(select count(*)::int from response r join questionnaire q on q.id = r.questionnaire_id where q.assessment_id = ${assessment.id})` })
    .from(assessment)
    .innerJoin(territory, eq(territory.id, assessment.territoryId))
    .where(and(...conditions))
    .orderBy(desc(assessment.year), asc(territory.name));
  return rows.map(({ row, place, responses }) => summaryOf(row, place, responses));
}

function summaryOf(row: AssessmentRow, place: TerritoryRow, responses: number): TAssessmentSummary {
  return {
    id: row.id,
    territory: territoryRef(place),
    title: row.title,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    year: row.year,
    language: row.language as TAssessmentSummary['language'],
    status: row.status as TAssessmentSummary['status'],
    demo: row.demo,
    responses,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Responses per respondent group, over every questionnaire of the assessment. */
export async function responsesByGroup(db: Db, assessmentId: number): Promise<Map<number | null, number>> {
  const rows = await db
    .select({ group: response.respondentGroupId, n: count() })
    .from(response)
    .innerJoin(questionnaire, eq(questionnaire.id, response.questionnaireId))
    .where(eq(questionnaire.assessmentId, assessmentId))
    .groupBy(response.respondentGroupId);
  return new Map(rows.map((r) => [r.group, r.n]));
}

/** Responses given for one respondent group. */
export async function responsesOfGroup(db: Db, groupId: number): Promise<number> {
  const [found] = await db.select({ n: count() }).from(response).where(eq(response.respondentGroupId, groupId));
  return found?.n ?? 0;
}

export async function assessmentDetail(db: Db, actor: Actor, id: number): Promise<TAssessmentDetail> {
  const { row, place } = await assessmentFor(db, actor, id);
  const [members, measures, methods, groups, findings, questionnaires, byGroup] = await Promise.all([
    db.select().from(workingGroupMember).where(eq(workingGroupMember.assessmentId, id)).orderBy(desc(workingGroupMember.chair), asc(workingGroupMember.sortOrder), asc(workingGroupMember.id)),
    db.select().from(planMeasure).where(eq(planMeasure.assessmentId, id)).orderBy(asc(planMeasure.sortOrder), asc(planMeasure.dueDate), asc(planMeasure.id)),
    db.select().from(assessmentMethod).where(eq(assessmentMethod.assessmentId, id)).orderBy(asc(assessmentMethod.id)),
    db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, id)).orderBy(asc(respondentGroup.sortOrder), asc(respondentGroup.id)),
    db.select().from(finding).where(eq(finding.assessmentId, id)).orderBy(asc(finding.topic), asc(finding.sortOrder), asc(finding.id)),
    db.select().from(questionnaire).where(eq(questionnaire.assessmentId, id)).orderBy(asc(questionnaire.id)),
    responsesByGroup(db, id),
  ]);
  const perQuestionnaire = await responsesByQuestionnaire(db, questionnaires.map((q) => q.id));
  const today = new Date().toISOString().slice(0, 10);
  const total = [...perQuestionnaire.values()].reduce((a, b) => a + b, 0);
  return {
    ...summaryOf(row, place, total),
    rulesOfWork: row.rulesOfWork,
    planApprovedOn: row.planApprovedOn,
    planDecision: row.planDecision,
    conclusions: row.conclusions,
    recommendations: row.recommendations,
    suppressionThreshold: row.suppressionThreshold,
    members: members.map((m) => ({ id: m.id, name: m.name, organisation: m.organisation, role: m.role, chair: m.chair })),
    measures: measures.map((m) => ({
      id: m.id,
      activity: m.activity,
      responsible: m.responsible,
      dueDate: m.dueDate,
      status: m.status as never,
      overdue: m.dueDate !== null && m.dueDate < today && m.status !== 'done' && m.status !== 'cancelled',
    })),
    methods: methods.map((m) => ({ id: m.id, method: m.method as never, description: m.description })),
    groups: groups.map((g) => ({ id: g.id, key: g.key, name: g.name, targetRespondents: g.targetRespondents, population: g.population, populationSource: g.populationSource, responses: byGroup.get(g.id) ?? 0 })),
    findings: findings.map((f) => ({ id: f.id, method: f.method as never, topic: f.topic, respondentGroupId: f.respondentGroupId, text: f.text, quote: f.quote, serviceTypes: f.serviceTypes })),
    questionnaires: questionnaires.map((q) => ({ id: q.id, title: q.title, currentVersion: q.currentVersion, responses: perQuestionnaire.get(q.id) ?? 0 })),
    editable: may(actor, 'edit_assessment', place),
  };
}
