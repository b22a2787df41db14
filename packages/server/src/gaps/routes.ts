import type { TCountry } from '@potreby/domain';
import type { App } from '../http/app';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { territoryDefaultYear } from '../service-sites/registry-years';
import { gapDashboard, gapExplanation, gapMethods, gapSummaryOf, unitCoverage } from './gap-report';
import { gapMatrixOf } from './gap-matrix';
import { ZGapMatrix } from './gap-matrix-schema';
import { surveyRevision } from './survey-needs';
import { ZExplainQuery, ZGapDashboard, ZGapExplanation, ZGapMap, ZGapMapQuery, ZGapMethods, ZGapMethodsQuery, ZGapQuery } from './schema';

export function gapRoutes(app: App, ctx: RouteContext) {
  // A year not asked is the territory's own default, the newest with a complete registry there
  // (service-sites/registry-years.ts): not the country's newest, which one early site decides.
  const yearFor = async (territory: { id: number; country: string }, year: number | undefined) =>
    year ?? territoryDefaultYear(await ctx.models.get(territory.country as TCountry), territory.id);

  app.get('/api/v1/gaps', { schema: { tags: ['gaps'], summary: 'Need, capacity and gap by service type for a territory', querystring: ZGapQuery, response: { 200: ZGapDashboard } } }, async (request, reply) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    const { method } = request.query;
    const model = await ctx.models.get(territory.country);
    const year = request.query.year ?? territoryDefaultYear(model, territory.id);
    // The most requested page: its answer is serialised once per data revision, checked
    // against the schema then, and sent as is afterwards (as bytes, not measured and encoded again).
    const compute = async () => Buffer.from(JSON.stringify(ZGapDashboard.encode(await gapDashboard(ctx.models, territory, year, method))));
    // Survey estimates move with every answer, which the country's revision does not track: kept per survey revision.
    const revision = method === 'survey' ? `|${await surveyRevision(ctx.database.db)}` : '';
    const json = await model.memo(`gaps|${territory.id}|${year ?? ''}|${method}${revision}`, compute);
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get('/api/v1/gaps/map', { schema: { tags: ['gaps'], summary: 'Coverage of each municipality, for one service type or all', querystring: ZGapMapQuery, response: { 200: ZGapMap } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    const { model, table } = await gapSummaryOf(ctx.models, territory, await yearFor(territory, request.query.year), request.query.method);
    const serviceType = request.query.serviceType ?? null;
    return { serviceType, units: unitCoverage(model, table, territory.id, request.query.method, serviceType) };
  });

  // Survey estimates move with every answer: not kept, like the survey dashboard.
  app.get('/api/v1/gaps/methods', { schema: { tags: ['gaps'], summary: 'Which methods estimate a need for a territory and year, and why not', querystring: ZGapMethodsQuery, response: { 200: ZGapMethods } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    return gapMethods(ctx.models, territory, await yearFor(territory, request.query.year));
  });

  app.get('/api/v1/gaps/matrix', { schema: { tags: ['gaps'], summary: 'Need, capacity, gap and coverage of every municipality × service type, with the totals', querystring: ZGapQuery, response: { 200: ZGapMatrix } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    return gapMatrixOf(ctx.models, territory, await yearFor(territory, request.query.year), request.query.method);
  });

  app.get('/api/v1/gaps/explain', { schema: { tags: ['gaps'], summary: 'How a figure of the gap table was computed', querystring: ZExplainQuery, response: { 200: ZGapExplanation } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.query.territoryId);
    return gapExplanation(ctx.models, territory, await yearFor(territory, request.query.year), request.query.method, request.query.serviceType);
  });
}
