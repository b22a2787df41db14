import { and, eq, like } from 'drizzle-orm';
import type { App } from '../http/app';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { territory, territoryBoundary } from '../territories/tables';
import { ZBoundaries, ZBoundaryQuery } from './schema';

export function geoRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  app.get('/api/v1/geo/boundaries', { schema: { tags: ['gaps'], summary: 'Boundaries of the municipalities in a territory (GeoJSON)', querystring: ZBoundaryQuery, response: { 200: ZBoundaries } } }, async (request, reply) => {
    const { territory: within } = await territoryFor(ctx, request, request.query.territoryId);
    const found = await db
      .select({ id: territory.id, code: territory.code, name: territory.name, geometry: territoryBoundary.geometry })
      .from(territoryBoundary)
      .innerJoin(territory, eq(territory.id, territoryBoundary.territoryId))
      .where(and(like(territory.path, `${within.path}%`), eq(territory.level, 'municipality')));
    // Boundaries change rarely; let the browser keep them for a while.
    void reply.header('cache-control', 'private, max-age=300');
    return {
      type: 'FeatureCollection' as const,
      features: found.map((f) => ({ type: 'Feature' as const, properties: { id: f.id, code: f.code, name: f.name }, geometry: f.geometry })),
    };
  });
}
