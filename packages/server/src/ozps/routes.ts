import { OZPS_SECTIONS, ZIdText, ZOzpsInput } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { loadOzps, saveOzps } from './ozps';

const TAGS = ['ozps'];
const ZParams = z.object({ municipalityId: ZIdText });
const ZYear = z.coerce.number().int().min(2000).max(2100);
const ZQuery = z.object({ year: ZYear });
const ZRow = z.object({ key: z.string(), section: z.enum(OZPS_SECTIONS as [string, ...string[]]), unit: z.enum(['persons', 'families', 'fte', 'pln']), values: z.array(z.number().nullable()), forecast: z.number().nullable() });
const ZProblem = z.object({ code: z.string(), year: z.number(), indicator: z.string().optional(), parts: z.number().optional(), total: z.number().optional() });
const ZOzpsView = z.object({ municipalityId: z.number(), year: z.number(), years: z.array(z.number()), rows: z.array(ZRow), problems: z.array(ZProblem), demo: z.boolean(), updatedAt: z.string().nullable() });

/**
 * A Polish gmina's figures for its yearly assessment of social-assistance resources (OZPS,
 * issue 9, story 5): read by whoever reads the gmina; entered by those who enter its needs
 * assessment (the gmina's officers, the region's, the national agency, administrators).
 */
export function ozpsRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const path = '/api/v1/municipalities/:municipalityId/ozps';
  app.get(path, { schema: { tags: TAGS, summary: "The OZPS figures of a Polish gmina for a year and the two before it, with the forecast of the year after and what contradicts itself", params: ZParams, querystring: ZQuery, response: { 200: ZOzpsView } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.params.municipalityId);
    return loadOzps(db, territory, request.query.year);
  });
  app.put(
    path,
    { schema: { tags: TAGS, summary: 'Enter, change or remove (value null) OZPS figures of a Polish gmina, all or none; answers the year asked', params: ZParams, querystring: ZQuery, body: ZOzpsInput, response: { 200: ZOzpsView } } },
    async (request) => {
      const { actor, territory } = await territoryFor(ctx, request, request.params.municipalityId, 'edit_assessment');
      await saveOzps(db, { userId: actor.userId, actor: actorLabel(actor) }, territory, request.body.figures);
      return loadOzps(db, territory, request.query.year);
    },
  );
}
