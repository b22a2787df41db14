import { ZAssessmentInput } from '@potreby/domain';
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { assessmentDetail, assessmentFor, listAssessments, responsesByGroup, responsesOfGroup } from './queries';
import { createAssessment, deleteAssessment, deletePart, PART_NAMES, PARTS, savePart, updateAssessment, type PartName } from './save-assessment';
import { assessmentReportData } from '../reports/assessment-report-data';
import { DOCUMENT_FORMATS, DOCUMENTS, renderDocument } from '../reports/render-document';
import { recipientsView, surveyEstimates } from './estimates';
import { ZAssessmentDetail, ZAssessmentIdParam, ZAssessmentList, ZAssessmentQuery, ZFinding, ZMeasure, ZMember, ZMethod, ZPartParams, ZRecipientsView, ZRespondentGroup, ZSurveyEstimates } from './schema';
import { ZProgress } from '../surveys/schema';
import { respondentGroup } from './tables';

/** How each part is shown; a measure due before today and not done is overdue. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each part presents its own table's row
const PRESENT: Record<PartName, { schema: z.ZodType; present: (row: any) => unknown }> = {
  members: { schema: ZMember, present: (m) => ({ id: m.id, name: m.name, organisation: m.organisation, role: m.role, chair: m.chair }) },
  measures: {
    schema: ZMeasure,
    present: (m) => ({
      id: m.id,
      activity: m.activity,
      responsible: m.responsible,
      dueDate: m.dueDate,
      status: m.status,
      overdue: m.dueDate !== null && m.dueDate < new Date().toISOString().slice(0, 10) && m.status !== 'done' && m.status !== 'cancelled',
    }),
  },
  methods: { schema: ZMethod, present: (m) => ({ id: m.id, method: m.method, description: m.description }) },
  groups: {
    schema: ZRespondentGroup,
    present: (g) => ({ id: g.id, key: g.key, name: g.name, targetRespondents: g.targetRespondents, population: g.population, populationSource: g.populationSource, responses: 0 }),
  },
  findings: {
    schema: ZFinding,
    present: (f) => ({ id: f.id, method: f.method, topic: f.topic, respondentGroupId: f.respondentGroupId, text: f.text, quote: f.quote, serviceTypes: f.serviceTypes }),
  },
};

export function assessmentRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: ReturnType<typeof actorOf>) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.get('/api/v1/assessments', { schema: { tags: ['assessments'], summary: 'Needs assessments within my reach', querystring: ZAssessmentQuery, response: { 200: ZAssessmentList } } }, async (request) => {
    const actor = actorOf(request);
    const within = request.query.territoryId ? (await territoryFor(ctx, request, request.query.territoryId)).territory.path : null;
    return { items: await listAssessments(db, actor.scopePath, within) };
  });

  app.post('/api/v1/assessments', { schema: { tags: ['assessments'], summary: 'Start a needs assessment', body: ZAssessmentInput, response: { 201: ZAssessmentDetail } } }, async (request, reply) => {
    const actor = actorOf(request);
    const id = await createAssessment(db, actor, authorOf(actor), request.body);
    return reply.status(201).send(await assessmentDetail(db, actor, id));
  });

  app.get('/api/v1/assessments/:id', { schema: { tags: ['assessments'], summary: 'An assessment with its working group, plan, methods, groups, findings and questionnaires', params: ZAssessmentIdParam, response: { 200: ZAssessmentDetail } } }, async (request) => {
    return assessmentDetail(db, actorOf(request), request.params.id);
  });

  app.put('/api/v1/assessments/:id', { schema: { tags: ['assessments'], summary: 'Change an assessment', params: ZAssessmentIdParam, body: ZAssessmentInput, response: { 200: ZAssessmentDetail } } }, async (request) => {
    const actor = actorOf(request);
    await updateAssessment(db, actor, authorOf(actor), request.params.id, request.body);
    return assessmentDetail(db, actor, request.params.id);
  });

  app.delete('/api/v1/assessments/:id', { schema: { tags: ['assessments'], summary: 'Remove an assessment and all its parts', params: ZAssessmentIdParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteAssessment(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });

  for (const part of PART_NAMES) {
    const { schema } = PRESENT[part];
    const input = PARTS[part].input;
    // A changed respondent group keeps the answers it has: its count is read, not assumed 0.
    const present = async (row: { id: number }) => (part === 'groups' ? { ...(PRESENT.groups.present(row) as object), responses: await responsesOfGroup(db, row.id) } : PRESENT[part].present(row));
    app.post(`/api/v1/assessments/:id/${part}`, { schema: { tags: ['assessments'], summary: `Add to an assessment's ${part}`, params: ZAssessmentIdParam, body: input, response: { 201: schema } } }, async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(await present((await savePart(db, actor, authorOf(actor), request.params.id, part, null, request.body)) as { id: number }));
    });
    app.put(`/api/v1/assessments/:id/${part}/:partId`, { schema: { tags: ['assessments'], summary: `Change one of an assessment's ${part}`, params: ZPartParams, body: input, response: { 200: schema } } }, async (request) => {
      const actor = actorOf(request);
      return present((await savePart(db, actor, authorOf(actor), request.params.id, part, request.params.partId, request.body)) as { id: number });
    });
    app.delete(`/api/v1/assessments/:id/${part}/:partId`, { schema: { tags: ['assessments'], summary: `Remove one of an assessment's ${part}`, params: ZPartParams, response: { 204: z.undefined() } } }, async (request, reply) => {
      const actor = actorOf(request);
      await deletePart(db, actor, authorOf(actor), request.params.id, part, request.params.partId);
      return reply.status(204).send();
    });
  }

  app.get('/api/v1/assessments/:id/progress', { schema: { tags: ['assessments'], summary: 'Responses per respondent group against their targets', params: ZAssessmentIdParam, response: { 200: ZProgress } } }, async (request) => {
    const { row } = await assessmentFor(db, actorOf(request), request.params.id);
    const [groups, counts] = await Promise.all([
      db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, row.id)).orderBy(asc(respondentGroup.sortOrder), asc(respondentGroup.id)),
      responsesByGroup(db, row.id),
    ]);
    const items = groups.map((g) => ({ id: g.id, name: g.name, target: g.targetRespondents, responses: counts.get(g.id) ?? 0 }));
    // Answers from a link without a group (or paper without one) are counted too.
    const ungrouped = counts.get(null) ?? 0;
    if (ungrouped) items.push({ id: null as never, name: null as never, target: 0, responses: ungrouped });
    return { groups: items, total: [...counts.values()].reduce((a, b) => a + b, 0) };
  });

  app.get(
    '/api/v1/assessments/:id/estimates',
    { schema: { tags: ['assessments'], summary: 'Need estimated from the survey, per tagged service type, with its 95 % interval', params: ZAssessmentIdParam, response: { 200: ZSurveyEstimates } } },
    async (request) => {
      const { row } = await assessmentFor(db, actorOf(request), request.params.id);
      return { assessmentId: row.id, year: row.year, items: await surveyEstimates(db, row.id) };
    },
  );

  app.get(
    '/api/v1/assessments/:id/recipients',
    { schema: { tags: ['assessments'], summary: "Potential recipients' need beside current recipients' satisfaction, per service", params: ZAssessmentIdParam, response: { 200: ZRecipientsView } } },
    async (request) => {
      const { row } = await assessmentFor(db, actorOf(request), request.params.id);
      return recipientsView(db, row.id);
    },
  );

  app.get(
    '/api/v1/assessments/:id/documents/:document/:format',
    {
      schema: {
        tags: ['assessments'],
        summary: 'The plan of measures, the assessment report or the social passport, as DOCX or PDF in the assessment’s language',
        params: ZAssessmentIdParam.extend({ document: z.enum(DOCUMENTS), format: z.enum(DOCUMENT_FORMATS) }),
      },
    },
    async (request, reply) => {
      const data = await assessmentReportData(db, ctx.models, actorOf(request), request.params.id);
      const file = await renderDocument(request.params.document, request.params.format, data);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
