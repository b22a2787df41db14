import { AppError, may, mayChangeSitesIn, ZServiceSiteInput } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { findServiceSite, territoriesByIds } from './queries';
import { countriesOf, registryListJson } from './registry-cache';
import { MissingTerritory, presentFromModels } from './present-from-model';
import { createServiceSite, deleteServiceSite, presentSites, updateServiceSite } from './save-service-site';
import { copyYear } from './copy-year';
import { registryYearsOfAll, registryYearsOfTerritory } from './registry-years';
import { ZCopyYear, ZCopyYearResult, ZRegistryYears, ZRegistryYearsQuery, ZServiceSiteList, ZServiceSiteParam, ZServiceSiteQuery, ZServiceSiteView } from './schema';

export function serviceSiteRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: ReturnType<typeof actorOf>) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.get('/api/v1/service-sites', { schema: { tags: ['service-sites'], summary: 'Service sites located in or serving a territory', querystring: ZServiceSiteQuery, response: { 200: ZServiceSiteList } } }, async (request, reply) => {
    const actor = actorOf(request);
    const territory = request.query.territoryId ? (await territoryFor(ctx, request, request.query.territoryId)).territory : null;
    // From the registry kept per country and data revision (registry-cache.ts): filtered, paged
    // and serialised in memory, checked against the schema when made, then sent as it is.
    const filter = { ...request.query, scopePath: actor.scopePath, territoryPath: territory?.path ?? null };
    const json = await registryListJson(db, ctx.models, countriesOf(territory?.country ?? null, actor), filter, actor, async ({ sites, total, years, models }) => {
      let items;
      try {
        items = presentFromModels(models, actor, sites);
      } catch (error) {
        if (!(error instanceof MissingTerritory)) throw error;
        items = await presentSites(db, actor, sites);
      }
      return JSON.stringify(ZServiceSiteList.encode({ items, total, years }));
    });
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get(
    '/api/v1/service-sites/years',
    { schema: { tags: ['service-sites'], summary: "A territory's registry by year: sites, years not filled in yet, and the year to open on", querystring: ZRegistryYearsQuery, response: { 200: ZRegistryYears } } },
    async (request) => {
      const actor = actorOf(request);
      // The registry as the list shows it: the territory asked (if reached), else the user's own.
      const territoryId = request.query.territoryId ?? actor.territoryId;
      if (territoryId !== null) return registryYearsOfTerritory(ctx.models, (await territoryFor(ctx, request, territoryId)).territory);
      // Neither asked nor held: only an account that reaches everywhere sees every country's.
      if (actor.scopePath !== null) throw new AppError('auth.forbidden');
      return registryYearsOfAll(db);
    },
  );

  app.get('/api/v1/service-sites/:id', { schema: { tags: ['service-sites'], summary: 'One service site in one year', params: ZServiceSiteParam, response: { 200: ZServiceSiteView } } }, async (request) => {
    const actor = actorOf(request);
    const site = await findServiceSite(db, request.params.id);
    const [settlement] = site ? await territoriesByIds(db, [site.settlementId]) : [];
    // Outside one's reach a site does not exist: its existence is not revealed.
    if (!site || !settlement || !may(actor, 'read', settlement)) throw new AppError('not_found');
    return (await presentSites(db, actor, [site]))[0]!;
  });

  app.post('/api/v1/service-sites', { schema: { tags: ['service-sites'], summary: 'Add a service site', body: ZServiceSiteInput, response: { 201: ZServiceSiteView } } }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createServiceSite(db, actor, authorOf(actor), request.body);
    return reply.status(201).send((await presentSites(db, actor, [created]))[0]!);
  });

  app.put('/api/v1/service-sites/:id', { schema: { tags: ['service-sites'], summary: 'Change a service site', params: ZServiceSiteParam, body: ZServiceSiteInput, response: { 200: ZServiceSiteView } } }, async (request) => {
    const actor = actorOf(request);
    const updated = await updateServiceSite(db, actor, authorOf(actor), request.params.id, request.body);
    return (await presentSites(db, actor, [updated]))[0]!;
  });

  app.post(
    '/api/v1/service-sites/copy-year',
    { schema: { tags: ['service-sites'], summary: "Start a year's registry from another year's sites in a territory", body: ZCopyYear, response: { 200: ZCopyYearResult } } },
    async (request) => {
      // Reach and the grant here; which of the territory's sites the user may copy, copyYear asks
      // site by site (a provider's account copies its organisation's sites only).
      const { actor, territory } = await territoryFor(ctx, request, request.body.territoryId);
      if (!mayChangeSitesIn(actor, territory)) throw new AppError('auth.forbidden');
      return copyYear(db, actor, authorOf(actor), { ...request.body, path: territory.path });
    },
  );

  app.delete('/api/v1/service-sites/:id', { schema: { tags: ['service-sites'], summary: 'Remove a service site', params: ZServiceSiteParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteServiceSite(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });
}
