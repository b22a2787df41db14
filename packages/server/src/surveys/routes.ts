import { AppError, listQuestions, ZIdText, ZPaperResponse, ZPublicSubmission, type SurveyDefinition } from '@potreby/domain';
import { and, asc, count, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { z } from 'zod';
import { assessmentFor } from '../assessments/queries';
import { respondentGroup } from '../assessments/tables';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { formSecret, issueFormToken } from './form-token';
import { sanitiseDefinition, sanitiseStoredDefinition } from './sanitise-html';
import {
  addVersion,
  createLink,
  createQuestionnaire,
  deleteQuestionnaire,
  linkOf,
  questionnaireDetail,
  questionnaireFor,
  renameQuestionnaire,
  setLinkActive,
  setTags,
} from './questionnaires';
import {
  ZCollectionLink,
  ZLinkCreate,
  ZLinkUpdate,
  ZPublicForm,
  ZQuestionnaireCreate,
  ZQuestionnaireDetail,
  ZQuestionnaireIdParam,
  ZQuestionnaireList,
  ZQuestionnaireVersionInput,
  ZQuestionTagsInput,
  ZCrossTab,
  ZCrossTabQuery,
  ZFreeText,
  ZFreeTextQuery,
  ZFreeTextTagsInput,
  ZResponseFilter,
  ZStats,
  ZSubmissionReceipt,
} from './schema';
import { crossTab, freeText, questionnaireStats, questionsOf } from './analysis';
import { answerThroughLink, assertAnswers, questionsOfVersion } from './public-link';
import { storeResponse } from './store-response';
import { collectionLink, freeTextTag, questionnaire, questionnaireVersion, response } from './tables';
import { recordChange } from '../audit/record-change';
import { territory } from '../territories/tables';

const ZLinkParams = z.object({ id: ZIdText, linkId: ZIdText });
const ZTokenParam = z.object({ token: z.string().min(10).max(100) });

/**
 * A definition the analysis cannot read is refused before it is stored, whether it is the first
 * version or a later one: answers are kept by question name, so names must be usable and unique.
 */
function assertQuestionNames(definition: Record<string, unknown>) {
  const names = listQuestions(definition as SurveyDefinition).map((q) => q.name);
  if (names.some((n) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(n))) throw new AppError('validation.invalid', {}, { issues: [{ path: 'definition', message: 'question_name' }] });
  if (new Set(names).size !== names.length) throw new AppError('validation.invalid', {}, { issues: [{ path: 'definition', message: 'duplicate_question_name' }] });
}

export function surveyRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: ReturnType<typeof actorOf>) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.get(
    '/api/v1/questionnaires',
    { schema: { tags: ['questionnaires'], summary: "An assessment's questionnaires", querystring: z.object({ assessmentId: ZIdText }), response: { 200: ZQuestionnaireList } } },
    async (request) => {
      const actor = actorOf(request);
      await assessmentFor(db, actor, request.query.assessmentId);
      const found = await db
        .select({ q: questionnaire, n: count(response.id) })
        .from(questionnaire)
        .leftJoin(response, eq(response.questionnaireId, questionnaire.id))
        .where(eq(questionnaire.assessmentId, request.query.assessmentId))
        .groupBy(questionnaire.id)
        .orderBy(asc(questionnaire.id));
      return { items: found.map(({ q, n }) => ({ id: q.id, title: q.title, assessmentId: q.assessmentId, currentVersion: q.currentVersion, responses: n })) };
    },
  );

  app.post('/api/v1/questionnaires', { schema: { tags: ['questionnaires'], summary: 'Create a questionnaire', body: ZQuestionnaireCreate, response: { 201: ZQuestionnaireDetail } } }, async (request, reply) => {
    const actor = actorOf(request);
    // Cleaned (and its depth checked) before anything walks it; createQuestionnaire cleans what any caller stores.
    const definition = sanitiseDefinition(request.body.definition);
    assertQuestionNames(definition);
    const id = await createQuestionnaire(db, actor, authorOf(actor), { ...request.body, definition });
    return reply.status(201).send(await questionnaireDetail(db, actor, id));
  });

  app.get('/api/v1/questionnaires/:id', { schema: { tags: ['questionnaires'], summary: 'A questionnaire: current content, versions, tags, collection links', params: ZQuestionnaireIdParam, response: { 200: ZQuestionnaireDetail } } }, async (request) => {
    return questionnaireDetail(db, actorOf(request), request.params.id);
  });

  app.put(
    '/api/v1/questionnaires/:id',
    { schema: { tags: ['questionnaires'], summary: 'Rename a questionnaire', params: ZQuestionnaireIdParam, body: z.object({ title: z.string().trim().min(1).max(300) }), response: { 200: ZQuestionnaireDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await renameQuestionnaire(db, actor, authorOf(actor), request.params.id, request.body.title);
      return questionnaireDetail(db, actor, request.params.id);
    },
  );

  app.delete('/api/v1/questionnaires/:id', { schema: { tags: ['questionnaires'], summary: 'Remove a questionnaire and its answers', params: ZQuestionnaireIdParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteQuestionnaire(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });

  app.post(
    '/api/v1/questionnaires/:id/versions',
    { schema: { tags: ['questionnaires'], summary: 'Save new content as the next version', params: ZQuestionnaireIdParam, body: ZQuestionnaireVersionInput, response: { 200: ZQuestionnaireDetail } } },
    async (request) => {
      const actor = actorOf(request);
      const definition = sanitiseDefinition(request.body.definition);
      assertQuestionNames(definition);
      await addVersion(db, actor, authorOf(actor), request.params.id, definition);
      return questionnaireDetail(db, actor, request.params.id);
    },
  );

  app.put(
    '/api/v1/questionnaires/:id/tags',
    { schema: { tags: ['questionnaires'], summary: 'What each question tells about services', params: ZQuestionnaireIdParam, body: ZQuestionTagsInput, response: { 200: ZQuestionnaireDetail } } },
    async (request) => {
      const actor = actorOf(request);
      await setTags(db, actor, authorOf(actor), request.params.id, request.body.tags, request.language);
      return questionnaireDetail(db, actor, request.params.id);
    },
  );

  app.post('/api/v1/questionnaires/:id/links', { schema: { tags: ['questionnaires'], summary: 'A public link for a respondent group', params: ZQuestionnaireIdParam, body: ZLinkCreate, response: { 201: ZCollectionLink } } }, async (request, reply) => {
    const actor = actorOf(request);
    const linkId = await createLink(db, actor, authorOf(actor), request.params.id, request.body.respondentGroupId);
    const detail = await questionnaireDetail(db, actor, request.params.id);
    return reply.status(201).send(detail.links.find((l) => l.id === linkId)!);
  });

  app.put('/api/v1/questionnaires/:id/links/:linkId', { schema: { tags: ['questionnaires'], summary: 'Open or close a public link', params: ZLinkParams, body: ZLinkUpdate, response: { 200: ZCollectionLink } } }, async (request) => {
    const actor = actorOf(request);
    await setLinkActive(db, actor, authorOf(actor), request.params.id, request.params.linkId, request.body.active);
    const detail = await questionnaireDetail(db, actor, request.params.id);
    return detail.links.find((l) => l.id === request.params.linkId)!;
  });

  app.get(
    '/api/v1/questionnaires/:id/links/:linkId/qr.svg',
    {
      schema: {
        tags: ['questionnaires'],
        summary: "QR code of a link's public address (SVG, for print)",
        params: ZLinkParams,
        querystring: z.object({ origin: z.url().max(200).optional() }),
      },
    },
    async (request, reply) => {
      await questionnaireFor(db, actorOf(request), request.params.id);
      const link = await linkOf(db, request.params.id, request.params.linkId);
      // The address the respondents see is the one the officer's browser uses (behind any proxy).
      const origin = request.query.origin ?? `${request.protocol}://${request.headers.host}`;
      const svg = await QRCode.toString(`${origin.replace(/\/$/, '')}/f/${link.token}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('content-disposition', `inline; filename="qr-${link.id}.svg"`).send(svg);
    },
  );

  app.post(
    '/api/v1/questionnaires/:id/responses',
    { schema: { tags: ['questionnaires'], summary: 'Type in a paper questionnaire', params: ZQuestionnaireIdParam, body: ZPaperResponse, response: { 200: ZSubmissionReceipt, 201: ZSubmissionReceipt } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row } = await questionnaireFor(db, actor, request.params.id, 'edit_assessment');
      if (request.body.respondentGroupId !== null) {
        const [group] = await db.select().from(respondentGroup).where(eq(respondentGroup.id, request.body.respondentGroupId));
        if (!group || group.assessmentId !== row.assessmentId) throw new AppError('validation.invalid', {}, { issues: [{ path: 'respondentGroupId', message: 'not_in_assessment' }] });
      }
      assertAnswers(await questionsOfVersion(db, row.id, row.currentVersion), request.body.answers);
      const receipt = await storeResponse(db, authorOf(actor), {
        questionnaireId: row.id,
        version: row.currentVersion,
        respondentGroupId: request.body.respondentGroupId,
        answers: request.body.answers,
        channel: 'paper',
        submissionKey: request.body.submissionKey,
        enteredBy: actor.userId,
      });
      return reply.status(receipt.duplicate ? 200 : 201).send(receipt);
    },
  );

  // ---- Analysis: counted by the database, whatever the number of answers ----

  /** A question of the questionnaire by name, or a clear 400 naming the parameter. */
  async function questionNamed(questionnaireId: number, name: string) {
    const found = (await questionsOf(db, questionnaireId)).find((q) => q.name === name);
    if (!found) throw new AppError('validation.invalid', {}, { issues: [{ path: 'question', message: 'unknown_question' }] });
    return found;
  }

  app.get(
    '/api/v1/questionnaires/:id/stats',
    { schema: { tags: ['analysis'], summary: 'Frequencies and shares per question; n, mean and median for numbers', params: ZQuestionnaireIdParam, querystring: ZResponseFilter, response: { 200: ZStats } } },
    async (request) => {
      const { row } = await questionnaireFor(db, actorOf(request), request.params.id);
      return questionnaireStats(db, row.id, request.query);
    },
  );

  app.get(
    '/api/v1/questionnaires/:id/crosstab',
    { schema: { tags: ['analysis'], summary: 'Answers to one question by respondent group or settlement', params: ZQuestionnaireIdParam, querystring: ZCrossTabQuery, response: { 200: ZCrossTab } } },
    async (request) => {
      const { row } = await questionnaireFor(db, actorOf(request), request.params.id);
      const { question, by, ...filter } = request.query;
      return crossTab(db, row.id, await questionNamed(row.id, question), by, filter);
    },
  );

  app.get(
    '/api/v1/questionnaires/:id/free-text',
    { schema: { tags: ['analysis'], summary: 'The written answers to one question, with their tags', params: ZQuestionnaireIdParam, querystring: ZFreeTextQuery, response: { 200: ZFreeText } } },
    async (request) => {
      const { row } = await questionnaireFor(db, actorOf(request), request.params.id);
      const { question, tag, page, pageSize, ...filter } = request.query;
      await questionNamed(row.id, question);
      return freeText(db, row.id, question, tag, page, pageSize, filter);
    },
  );

  app.put(
    '/api/v1/questionnaires/:id/free-text/tags',
    { schema: { tags: ['analysis'], summary: 'Tag a written answer (replaces its tags)', params: ZQuestionnaireIdParam, body: ZFreeTextTagsInput, response: { 204: z.undefined() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { row, place } = await questionnaireFor(db, actor, request.params.id, 'edit_assessment');
      const { responseId, question, tags } = request.body;
      const [answer] = await db.select({ id: response.id }).from(response).where(and(eq(response.id, responseId), eq(response.questionnaireId, row.id)));
      if (!answer) throw new AppError('not_found');
      await questionNamed(row.id, question);
      const unique = [...new Set(tags)];
      await db.transaction(async (tx) => {
        const before = await tx.delete(freeTextTag).where(and(eq(freeTextTag.responseId, responseId), eq(freeTextTag.questionName, question))).returning({ tag: freeTextTag.tag });
        if (unique.length) await tx.insert(freeTextTag).values(unique.map((tag) => ({ responseId, questionName: question, tag })));
        await recordChange(tx, authorOf(actor), {
          action: 'update',
          entity: 'free_text_tag',
          entityId: responseId,
          territoryId: place.id,
          before: { question, tags: before.map((b) => b.tag).sort() },
          after: { question, tags: unique },
        });
      });
      return reply.status(204).send();
    },
  );

  // ---- The respondent's side: no account, no tracking ----

  async function openLink(token: string) {
    const [found] = await db
      .select({ link: collectionLink, q: questionnaire, group: respondentGroup, place: territory })
      .from(collectionLink)
      .innerJoin(questionnaire, eq(questionnaire.id, collectionLink.questionnaireId))
      .innerJoin(territory, eq(territory.id, questionnaire.territoryId))
      .leftJoin(respondentGroup, eq(respondentGroup.id, collectionLink.respondentGroupId))
      .where(eq(collectionLink.token, token));
    if (!found || !found.link.active) throw new AppError('not_found');
    const [version] = await db.select().from(questionnaireVersion).where(and(eq(questionnaireVersion.questionnaireId, found.q.id), eq(questionnaireVersion.version, found.q.currentVersion)));
    return { ...found, version: version! };
  }

  app.get(
    '/api/v1/public/forms/:token',
    { config: { public: true }, schema: { tags: ['collection'], summary: 'A questionnaire to answer, by its public link', params: ZTokenParam, response: { 200: ZPublicForm } } },
    async (request, reply) => {
      const { link, q, group, version } = await openLink(request.params.token);
      // A fresh form token each time: it dates the start of answering.
      void reply.header('cache-control', 'no-store');
      return { title: q.title, definition: sanitiseStoredDefinition(version.definition), languages: version.languages, group: group?.name ?? null, formToken: issueFormToken(await formSecret(db), link.token, Date.now()) };
    },
  );

  app.post(
    '/api/v1/public/forms/:token/responses',
    {
      config: {
        public: true,
        // Per address and link, in this process's memory only: enough to stop a flood, nothing
        // kept about anyone. A family or a day centre sharing one address still gets through.
        rateLimit: {
          max: ctx.publicSubmissionLimit ?? 30,
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}|${(req.params as { token?: string }).token}`,
          // A 429 the form can tell from a refused answer (without it the error became a 400).
          errorResponseBuilder: (_req, limit) => new AppError('auth.rate_limited', { seconds: Math.ceil(limit.ttl / 1000) }),
        },
      },
      schema: { tags: ['collection'], summary: 'Send answers (resending the same submission key stores them once)', params: ZTokenParam, body: ZPublicSubmission, response: { 200: ZSubmissionReceipt, 201: ZSubmissionReceipt } },
    },
    async (request, reply) => {
      const receipt = await answerThroughLink(db, request.params.token, request.body);
      return reply.status(receipt.duplicate ? 200 : 201).send(receipt);
    },
  );
}
