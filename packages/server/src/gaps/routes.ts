import type { App } from '../http/app';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { gapDashboard, gapExplanation, gapSummaryOf, unitCoverage } from './gap-report';
import { ZExplainQuery, ZGapDashboard, ZGapExplanation, ZGapMap, ZGapMapQuery, ZGapQuery } from './schema';

export function gapRoutes(app: App, ctx: RouteContext) {
  app.get('/api/v1/gaps', { schema: { tags: ['gaps'], summary: 'Need, capacity and gap by service type for a territory', querystring: ZGapQuery, response: { 200: ZGapDashboard } } }, async (request, reply) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    const { year, method } = request.query;
    const model = await ctx.models.get(territory.country);
    // The most requested page: its answer is serialised once per data revision, checked
    // against the schema then, and sent as is afterwards.
    const compute = async () => JSON.stringify(ZGapDashboard.encode(await gapDashboard(ctx.models, territory, year, method)));
    // Survey estimates move with every answer, which the data revision does not track: not kept.
    const json = method === 'survey' ? await compute() : await model.memo(`gaps|${territory.id}|${year ?? ''}|${method}`, compute);
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get('/api/v1/gaps/map', { schema: { tags: ['gaps'], summary: 'Coverage of each municipality, for one service type or all', querystring: ZGapMapQuery, response: { 200: ZGapMap } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    const { model, table } = await gapSummaryOf(ctx.models, territory, request.query.year, request.query.method);
    const serviceType = request.query.serviceType ?? null;
    return { serviceType, units: unitCoverage(model, table, territory.id, request.query.method, serviceType) };
  });

  app.get('/api/v1/gaps/explain', { schema: { tags: ['gaps'], summary: 'How a figure of the gap table was computed', querystring: ZExplainQuery, response: { 200: ZGapExplanation } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    return gapExplanation(ctx.models, territory, request.query.year, request.query.method, request.query.serviceType);
  });
}
