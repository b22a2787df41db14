import { AppError, may } from '@potreby/domain';
import { z } from 'zod';
import type { App, AppOptions } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import { ZIdParam } from '../http/schema';
import { ZUser, ZUserCreate, ZUserCreated, ZUserList, ZUserUpdate } from './schema';
import { createUser, listUsers, resetPassword, updateUser } from './users';

/** Accounts are managed by administrators only. */
export function userRoutes(app: App, options: AppOptions) {
  const { db } = options.database;
  const admin = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    if (!may(actor, 'manage_users', null)) throw new AppError('auth.forbidden');
    return actor;
  };

  app.get('/api/v1/users', { schema: { tags: ['users'], summary: 'All accounts', response: { 200: ZUserList } } }, async (request) => {
    admin(request);
    return { items: await listUsers(db) };
  });

  app.post('/api/v1/users', { schema: { tags: ['users'], summary: 'Create an account with a one-time password', body: ZUserCreate, response: { 201: ZUserCreated } } }, async (request, reply) => {
    const actor = admin(request);
    const created = await createUser(db, { userId: actor.userId, actor: actorLabel(actor) }, request.body);
    return reply.status(201).send({ user: created.user, oneTimePassword: created.oneTimePassword! });
  });

  app.put('/api/v1/users/:id', { schema: { tags: ['users'], summary: 'Change an account', params: ZIdParam, body: ZUserUpdate, response: { 200: ZUser } } }, async (request) => {
    const actor = admin(request);
    if (request.params.id === actor.userId && (request.body.disabled || request.body.role !== 'admin')) {
      // The last way back in must not be locked by its own hand.
      throw new AppError('validation.invalid', {}, { issues: [{ path: 'role', message: 'cannot_demote_self' }] });
    }
    return updateUser(db, { userId: actor.userId, actor: actorLabel(actor) }, request.params.id, request.body);
  });

  app.post('/api/v1/users/:id/password', { schema: { tags: ['users'], summary: 'Issue a new one-time password', params: ZIdParam, response: { 200: ZUserCreated } } }, async (request) => {
    const actor = admin(request);
    return resetPassword(db, { userId: actor.userId, actor: actorLabel(actor) }, request.params.id);
  });
  void z;
}
