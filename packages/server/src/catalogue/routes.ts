import { INDICATORS } from '@potreby/domain';
import { asc, eq } from 'drizzle-orm';
import type { App } from '../http/app';
import type { RouteContext } from '../http/routes';
import { ZIndicatorCatalogue, ZServiceTypeList, ZServiceTypeQuery } from './schema';
import { serviceType } from './tables';

export const toServiceType = (r: typeof serviceType.$inferSelect) => ({
  key: r.key,
  country: r.country as 'BG' | 'UA' | 'PL',
  officialCode: r.officialCode,
  name: r.name,
  nameEn: r.nameEn,
  category: r.category,
  residential: r.residential,
  unit: r.unit as 'places' | 'persons_per_year',
  targetGroups: r.targetGroups,
});

export function catalogueRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  app.get('/api/v1/service-types', { schema: { tags: ['catalogue'], summary: "A country's classification of social services", querystring: ZServiceTypeQuery, response: { 200: ZServiceTypeList } } }, async (request) => {
    const found = await db
      .select()
      .from(serviceType)
      .where(request.query.country ? eq(serviceType.country, request.query.country) : undefined)
      .orderBy(asc(serviceType.country), asc(serviceType.sortOrder));
    return { items: found.map(toServiceType) };
  });
  app.get('/api/v1/indicators', { schema: { tags: ['catalogue'], summary: 'Indicator keys that imports accept', response: { 200: ZIndicatorCatalogue } } }, async () => ({ items: INDICATORS.map((key) => ({ key })) }));
}
