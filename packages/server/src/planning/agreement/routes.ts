import type { TCountry } from '@potreby/domain';
import type { App } from '../../http/app';
import { actorLabel, actorOf, type SessionActor } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { loadRound } from '../rounds';
import { ZRoundParam } from '../schema';
import { compareVersions, generateDraft, listVersions, readVersion, recordPosition } from './agreement';
import { renderAgreement } from './agreement-document';
import { ZComparison, ZCompareQuery, ZGenerated, ZPositionInput, ZVersionDocumentParams, ZVersionList, ZVersionParam, ZVersionView } from './schema';

const TAGS = ['planning'];

/** The mayors' draft agreement of a round (issue 8, item 11): versions, positions, signatures, documents. */
export function agreementRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.get('/api/v1/planning/rounds/:id/agreement', { schema: { tags: TAGS, summary: "The versions of a round's mayors' agreement, newest first", params: ZRoundParam, response: { 200: ZVersionList } } }, async (request) => {
    const loaded = await loadRound(db, actorOf(request), request.params.id);
    return { items: await listVersions(db, loaded.round.id) };
  });

  app.post(
    '/api/v1/planning/rounds/:id/agreement',
    {
      schema: {
        tags: TAGS,
        summary: "Generate the mayors' draft agreement from the plan: the same content gives the same version (200), other content a new one (201)",
        params: ZRoundParam,
        response: { 200: ZGenerated, 201: ZGenerated },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const version = await generateDraft(ctx, actor, authorOf(actor), request.params.id);
      return reply.status(version.created ? 201 : 200).send(version);
    },
  );

  app.get(
    '/api/v1/planning/rounds/:id/agreement/compare',
    { schema: { tags: TAGS, summary: 'Two versions of the agreement side by side (version ids a and b)', params: ZRoundParam, querystring: ZCompareQuery, response: { 200: ZComparison } } },
    async (request) => compareVersions(db, actorOf(request), request.params.id, request.query.a, request.query.b),
  );

  app.get('/api/v1/planning/agreements/:id', { schema: { tags: TAGS, summary: 'One version of an agreement with the parties’ positions', params: ZVersionParam, response: { 200: ZVersionView } } }, async (request) => {
    const { loaded: _loaded, ...version } = await readVersion(db, actorOf(request), request.params.id);
    return version;
  });

  app.put(
    '/api/v1/planning/agreements/:id/position',
    { schema: { tags: TAGS, summary: "Record one's municipality's position on a version: agrees, objects (with a reason) or signed (with the decision)", params: ZVersionParam, body: ZPositionInput, response: { 200: ZVersionView } } },
    async (request) => {
      const actor = actorOf(request);
      return recordPosition(db, actor, authorOf(actor), request.params.id, request.body);
    },
  );

  app.get(
    '/api/v1/planning/agreements/:id/document/:format',
    { schema: { tags: TAGS, summary: "A version of the agreement as DOCX or PDF in the round's country's language", params: ZVersionDocumentParams } },
    async (request, reply) => {
      const { loaded, ...version } = await readVersion(db, actorOf(request), request.params.id);
      const model = await ctx.models.get(loaded.territory.country as TCountry);
      const file = await renderAgreement(db, version, loaded.territory, model, request.params.format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  );
}
