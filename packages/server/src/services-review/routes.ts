import type { App } from '../http/app';
import { actorLabel } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import type { TCountry } from '@potreby/domain';
import { pickLanguage } from '@potreby/i18n';
import { loadServicesReview, saveReviewNotes } from './review';
import { renderServicesReview } from './review-document';
import { ZReviewDocumentParams, ZReviewDocumentQuery, ZReviewNotes, ZReviewNotesInput, ZReviewParams, ZReviewQuery, ZServicesReview } from './schema';

const TAGS = ['services-review'];

/** The municipal services review (issue 8, story 2): read by everyone reaching the municipality, written by its officers. */
export function servicesReviewRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get(
    '/api/v1/services-review/:municipalityId',
    { schema: { tags: TAGS, summary: "A municipality's active services with users per year and the forum's notes", params: ZReviewParams, querystring: ZReviewQuery, response: { 200: ZServicesReview } } },
    async (request) => {
      const { actor, territory } = await territoryFor(ctx, request, request.params.municipalityId);
      return loadServicesReview(db, ctx.models, actor, territory, request.query.year);
    },
  );

  app.put(
    '/api/v1/services-review/:municipalityId',
    { schema: { tags: TAGS, summary: "Write the forum's notes on one service of the municipality for a registry year", params: ZReviewParams, body: ZReviewNotesInput, response: { 200: ZReviewNotes } } },
    async (request) => {
      const { actor, territory } = await territoryFor(ctx, request, request.params.municipalityId);
      return saveReviewNotes(db, actor, { userId: actor.userId, actor: actorLabel(actor) }, territory, request.body);
    },
  );

  app.get(
    '/api/v1/services-review/:municipalityId/document/:format',
    { schema: { tags: TAGS, summary: "The municipality's services review as DOCX or PDF in the reader's language", params: ZReviewDocumentParams, querystring: ZReviewDocumentQuery } },
    async (request, reply) => {
      const { actor, territory } = await territoryFor(ctx, request, request.params.municipalityId);
      const review = await loadServicesReview(db, ctx.models, actor, territory, request.query.year);
      const model = await ctx.models.get(territory.country as TCountry);
      const file = await renderServicesReview(db, review, model, pickLanguage(request.query.lang, request.language), request.params.format);
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  );
}
