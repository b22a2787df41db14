import { AppError, mayChooseServiceType, mayEditNorm, type TTargetPopulation } from '@potreby/domain';
import { and, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { territoryRef } from '../accounts/users';
import { recordChange } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import type { Db } from '../db/database';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { ZIdParam } from '../http/schema';
import { findTerritory } from '../territories/queries';
import { territory } from '../territories/tables';
import { ZNormInput, ZNormList, ZNormQuery, ZNormView, type TNormView } from './schema';
import { norm } from './tables';

const toView = (n: typeof norm.$inferSelect, t: typeof territory.$inferSelect): TNormView => ({
  id: n.id,
  serviceType: n.serviceType,
  territory: territoryRef(t),
  target: n.target as TTargetPopulation,
  ratePer1000: Number(n.ratePer1000),
  source: n.source,
  illustrative: n.illustrative,
  updatedAt: n.updatedAt.toISOString(),
});

async function normView(db: Db, id: number): Promise<TNormView> {
  const [row] = await db.select({ n: norm, t: territory }).from(norm).innerJoin(territory, eq(territory.id, norm.territoryId)).where(eq(norm.id, id));
  if (!row) throw new AppError('not_found');
  return toView(row.n, row.t);
}

export function normRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get('/api/v1/norms', { schema: { tags: ['norms'], summary: 'Norms in force for a territory: set on it, above it or within it', querystring: ZNormQuery, response: { 200: ZNormList } } }, async (request) => {
    const { territory: t } = await territoryFor(ctx, request, request.query.territoryId);
    const found = await db
      .select({ n: norm, t: territory })
      .from(norm)
      .innerJoin(territory, eq(territory.id, norm.territoryId))
      .where(or(sql`${t.path} like ${territory.path} || '%'`, sql`${territory.path} like ${t.path + '%'}`))
      .orderBy(norm.serviceType, territory.path);
    return { items: found.map((r) => toView(r.n, r.t)) };
  });

  app.put('/api/v1/norms', { schema: { tags: ['norms'], summary: 'Set the norm of a service type on a country or region', body: ZNormInput, response: { 200: ZNormView } } }, async (request) => {
    const actor = actorOf(request);
    const input = request.body;
    const place = await findTerritory(db, input.territoryId);
    // Norms belong to a country (national standard) or a region (its override), not to a unit below.
    if (place.level !== 'country' && place.level !== 'region') {
      throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'norm_level' }] });
    }
    if (!mayEditNorm(actor, place)) throw new AppError('auth.forbidden');
    const [type] = await db.select().from(serviceType).where(eq(serviceType.key, input.serviceType));
    if (!type) throw new AppError('validation.invalid', {}, { issues: [{ path: 'serviceType', message: 'unknown_service_type' }] });
    if (type.country !== place.country) throw new AppError('validation.invalid', {}, { issues: [{ path: 'serviceType', message: 'wrong_country' }] });
    // A retired type keeps the norms it has (they can still be changed), but gets no new one.
    if (type.retiredAt) {
      const [kept] = await db.select({ id: norm.id }).from(norm).where(and(eq(norm.serviceType, input.serviceType), eq(norm.territoryId, input.territoryId)));
      if (!mayChooseServiceType({ key: type.key, retiredAt: type.retiredAt.toISOString() }, kept ? type.key : null)) {
        throw new AppError('validation.invalid', {}, { issues: [{ path: 'serviceType', message: 'retired_service_type' }] });
      }
    }
    const id = await db.transaction(async (tx) => {
      const [before] = await tx.select().from(norm).where(and(eq(norm.serviceType, input.serviceType), eq(norm.territoryId, input.territoryId)));
      const fields = { target: input.target, ratePer1000: input.ratePer1000, source: input.source, illustrative: input.illustrative, updatedAt: new Date() };
      const [after] = before
        ? await tx.update(norm).set(fields).where(eq(norm.id, before.id)).returning()
        : await tx.insert(norm).values({ serviceType: input.serviceType, territoryId: input.territoryId, ...fields }).returning();
      await recordChange(tx, { userId: actor.userId, actor: actorLabel(actor) }, {
        action: before ? 'update' : 'create',
        entity: 'norm',
        entityId: after!.id,
        country: place.country,
        territoryId: place.id,
        before: before ?? null,
        after,
      });
      return after!.id;
    });
    return normView(db, id);
  });

  app.delete('/api/v1/norms/:id', { schema: { tags: ['norms'], summary: 'Remove a norm', params: ZIdParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    const [row] = await db.select({ n: norm, t: territory }).from(norm).innerJoin(territory, eq(territory.id, norm.territoryId)).where(eq(norm.id, request.params.id));
    if (!row) throw new AppError('not_found');
    if (!mayEditNorm(actor, row.t)) throw new AppError('auth.forbidden');
    await db.transaction(async (tx) => {
      await tx.delete(norm).where(eq(norm.id, row.n.id));
      await recordChange(tx, { userId: actor.userId, actor: actorLabel(actor) }, { action: 'delete', entity: 'norm', entityId: row.n.id, country: row.t.country, territoryId: row.t.id, before: row.n });
    });
    return reply.status(204).send();
  });
}
