import { AppError, INDICATORS, mayChangeUnit, mayEditCatalogue, ZServiceType } from '@potreby/domain';
import { asc, eq } from 'drizzle-orm';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { ZIndicatorCatalogue, ZServiceTypeChange, ZServiceTypeInput, ZServiceTypeKeyParam, ZServiceTypeList, ZServiceTypeQuery } from './schema';
import { serviceType } from './tables';
import { changeServiceType, createServiceType, findServiceType, setRetired, toServiceType, typeInUse } from './service-types';

export function catalogueRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  app.get(
    '/api/v1/service-types',
    {
      schema: {
        tags: ['catalogue'],
        summary: "A country's classification of social services",
        description: 'Retired types are listed with `retiredAt`: sites and norms that have one keep it, new ones may not choose it.',
        querystring: ZServiceTypeQuery,
        response: { 200: ZServiceTypeList },
      },
    },
    async (request) => {
      const found = await db
        .select()
        .from(serviceType)
        .where(request.query.country ? eq(serviceType.country, request.query.country) : undefined)
        .orderBy(asc(serviceType.country), asc(serviceType.sortOrder), asc(serviceType.key));
      return { items: found.map(toServiceType) };
    },
  );

  const author = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    // The classification is one for the whole country: national administrators only.
    if (!mayEditCatalogue(actor)) throw new AppError('auth.forbidden');
    return { userId: actor.userId, actor: actorLabel(actor) };
  };

  app.post(
    '/api/v1/service-types',
    { schema: { tags: ['catalogue'], summary: 'Add a service type to a country’s classification (national administrators)', body: ZServiceTypeInput, response: { 200: ZServiceType } } },
    async (request) => toServiceType(await createServiceType(db, author(request), request.body)),
  );

  app.put(
    '/api/v1/service-types/:key',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'Rename a service type, or change its official code, group, unit or target groups (national administrators)',
        description: 'Fields left out stay as they are. Names by language (`bg`, `uk`, `pl`, `en`); the official one and English cannot be emptied. The unit cannot change while sites or norms count in it (409 `conflict.in_use`).',
        params: ZServiceTypeKeyParam,
        body: ZServiceTypeChange,
        response: { 200: ZServiceType },
      },
    },
    async (request) => {
      const who = author(request);
      const before = await findServiceType(db, request.params.key);
      const change = request.body;
      if (change.unit && !mayChangeUnit(before.unit as never, change.unit, await typeInUse(db, before.key))) throw new AppError('conflict.in_use');
      return toServiceType(await changeServiceType(db, who, before, change));
    },
  );

  for (const [path, retired, summary] of [
    ['retire', true, 'Retire a service type: kept where it is used, no longer offered (national administrators)'],
    ['unretire', false, 'Offer a retired service type again (national administrators)'],
  ] as const) {
    app.post(
      `/api/v1/service-types/:key/${path}`,
      { schema: { tags: ['catalogue'], summary, params: ZServiceTypeKeyParam, response: { 200: ZServiceType } } },
      async (request) => {
        const who = author(request);
        return toServiceType(await setRetired(db, who, await findServiceType(db, request.params.key), retired));
      },
    );
  }

  app.get('/api/v1/indicators', { schema: { tags: ['catalogue'], summary: 'Indicator keys that imports accept', response: { 200: ZIndicatorCatalogue } } }, async () => ({ items: INDICATORS.map((key) => ({ key })) }));
}
