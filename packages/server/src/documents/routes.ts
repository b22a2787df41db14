import { LANGUAGES, ZIdText, ZYearText } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../http/app';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { today } from '../planning/rounds';
import { DOCUMENT_FORMATS } from '../reports/render-document';
import { kindCountry, OFFICIAL_KINDS } from './kinds';
import { officialDocument } from './official-documents';

const TAGS = ['documents'];
const ZTerritoryParam = z.object({ territoryId: ZIdText });
const ZDocumentParams = ZTerritoryParam.extend({ kind: z.enum(OFFICIAL_KINDS), format: z.enum(DOCUMENT_FORMATS) });
const ZDocumentQuery = z.object({
  year: ZYearText,
  /** The language to write in; the territory's country's by default, as the authority files it. */
  lang: z.enum(LANGUAGES).optional(),
});
const ZDocumentKinds = z.object({ items: z.array(z.object({ kind: z.enum(OFFICIAL_KINDS), country: z.string().nullable() })) });

/** The official documents of a territory (issue 9, item 3): the same files as `potreby document`. */
export function documentRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get(
    '/api/v1/territories/:territoryId/documents',
    { schema: { tags: TAGS, summary: "The official documents written for a territory's country", params: ZTerritoryParam, response: { 200: ZDocumentKinds } } },
    async (request) => {
      const { territory } = await territoryFor(ctx, request, request.params.territoryId);
      return { items: OFFICIAL_KINDS.map((kind) => ({ kind, country: kindCountry(kind) })).filter((k) => k.country === null || k.country === territory.country) };
    },
  );

  app.get(
    '/api/v1/territories/:territoryId/documents/:kind/:format',
    {
      schema: {
        tags: TAGS,
        summary: "One official document of a territory for a year as DOCX or PDF; 409 document.missing_data names what to enter first",
        params: ZDocumentParams,
        querystring: ZDocumentQuery,
      },
    },
    async (request, reply) => {
      const { actor, territory } = await territoryFor(ctx, request, request.params.territoryId);
      const file = await officialDocument({ db, models: ctx.models }, actor, territory, { kind: request.params.kind, format: request.params.format, year: request.query.year, language: request.query.lang, today: today() });
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).header('cache-control', 'no-store').send(file.body);
    },
  );
}
