import { ALL_AGES } from '@potreby/domain';
import type { App } from '../http/app';
import { actorOf } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { ZIdParam } from '../http/schema';
import { ancestorsOf, childCountOf, listTerritories, toTerritory } from './queries';
import { ZTerritoryDetail, ZTerritoryList, ZTerritoryQuery } from './schema';

export function territoryRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get('/api/v1/territories', { schema: { tags: ['territories'], summary: 'Children of a unit, search, or the top of my reach', querystring: ZTerritoryQuery, response: { 200: ZTerritoryList } } }, async (request) => {
    const actor = actorOf(request);
    const found = await listTerritories(db, { ...request.query, scopePath: actor.scopePath });
    return { items: found.map((r) => ({ ...toTerritory(r.t), childCount: r.childCount })) };
  });

  app.get('/api/v1/territories/:id', { schema: { tags: ['territories'], summary: 'A unit, its ancestors and total population', params: ZIdParam, response: { 200: ZTerritoryDetail } } }, async (request) => {
    const { territory } = await territoryFor(ctx, request, request.params.id);
    const [ancestors, childCount, model] = await Promise.all([ancestorsOf(db, territory), childCountOf(db, territory.id), ctx.models.get(territory.country as never)]);
    const year = model.populationYears[0];
    const total = year === undefined ? null : model.gapModel.sources.population.resolve(territory.id, year, { sex: 'T', age: ALL_AGES });
    return {
      territory: { ...toTerritory(territory), childCount },
      ancestors: ancestors.map(toTerritory),
      populationYears: model.populationYears,
      population: total && year !== undefined ? { year, value: total.value, how: total.source.how, dataYear: total.source.year } : null,
    };
  });
}
