import { AppError, may } from '@potreby/domain';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { appUser } from '../accounts/tables';
import type { App } from '../http/app';
import { actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { territory } from '../territories/tables';
import { ZAuditList, ZAuditQuery } from './schema';
import { auditLog } from './tables';

export function auditRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  app.get('/api/v1/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first (administrators)', querystring: ZAuditQuery, response: { 200: ZAuditList } } }, async (request) => {
    const actor = actorOf(request);
    if (!may(actor, 'view_audit', null)) throw new AppError('auth.forbidden');
    const { page, pageSize, entity, userId } = request.query;
    const conditions: SQL[] = [];
    if (entity) conditions.push(eq(auditLog.entity, entity));
    if (userId) conditions.push(eq(auditLog.userId, userId));
    const where = and(...conditions);
    const [items, [total]] = await Promise.all([
      db
        .select({ a: auditLog, userName: appUser.name, t: { id: territory.id, code: territory.code, name: territory.name, nameEn: territory.nameEn, country: territory.country, level: territory.level } })
        .from(auditLog)
        .leftJoin(appUser, eq(appUser.id, auditLog.userId))
        .leftJoin(territory, eq(territory.id, auditLog.territoryId))
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return {
      total: total?.n ?? 0,
      items: items.map(({ a, userName, t }) => ({
        id: a.id,
        at: a.at.toISOString(),
        actor: a.actor,
        userName,
        action: a.action,
        entity: a.entity,
        entityId: a.entityId,
        territory: t?.id ? t : null,
        before: a.before,
        after: a.after,
      })),
    };
  });
}
