import { buildPyramid } from '@potreby/domain';
import type { App } from '../http/app';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { ZIdParam } from '../http/schema';
import { indicatorsOf, populationSources } from './queries';
import { ZIndicatorList, ZPyramid, ZPyramidQuery } from './schema';

export function populationRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get(
    '/api/v1/territories/:id/population',
    { schema: { tags: ['territories'], summary: 'Population pyramid: women and men by age band', params: ZIdParam, querystring: ZPyramidQuery, response: { 200: ZPyramid } } },
    async (request) => {
      const { territory } = await territoryFor(ctx, request, request.params.id);
      const model = await ctx.models.get(territory.country as never);
      const year = request.query.year ?? model.populationYears[0] ?? new Date().getFullYear();
      const { tree, populationIndex, sources } = model.gapModel;
      const pyramid = buildPyramid(tree, populationIndex, sources.population, territory.id, year);
      const source = pyramid.source;
      const from = source?.how === 'apportioned' ? model.territories.get(source.from.territoryId) : undefined;
      const used = [territory.id, ...(from ? [from.id] : [])];
      return {
        territoryId: territory.id,
        year,
        years: model.populationYears,
        bands: pyramid.bands,
        how: source?.how ?? null,
        dataYear: source?.year ?? null,
        from: from ? { id: from.id, code: from.code, name: from.name, nameEn: from.nameEn, country: from.country, level: from.level } : null,
        sources: source ? await populationSources(db, used, source.year) : [],
      };
    },
  );

  app.get('/api/v1/territories/:id/indicators', { schema: { tags: ['territories'], summary: "A unit's indicators by year, with their sources", params: ZIdParam, response: { 200: ZIndicatorList } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.params.id);
    const items = await indicatorsOf(db, territory.id);
    return { items: items.map((i) => ({ ...i, value: Number(i.value) })) };
  });
}
