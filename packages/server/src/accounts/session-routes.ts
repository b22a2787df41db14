import { AppError, hasGrant, mayEditCatalogue, type Actor, type TRole } from '@potreby/domain';
import { checkPassword } from '@potreby/domain/accounts/check-password';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordChange } from '../audit/record-change';
import type { Db } from '../db/database';
import { SESSION_COOKIE, type App, type AppOptions } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import { territory } from '../territories/tables';
import { AttemptLimiter, windowMs, type AttemptKey } from './attempt-limiter';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords';
import { createSession, deleteSession, deleteSessionsOf, findUserByLogin, SESSION_HOURS } from './queries';
import { ZChangePassword, ZLanguage, ZSessionResponse, ZSignIn, type TSessionResponse } from './schema';
import { appUser } from './tables';
import { toUserView } from './users';
import { maySetStandardsSomewhere } from '../planning/access';

/** What the UI may offer: the role's grants; the catalogue also asks for no territorial scope. */
export function permissionsOf(actor: Pick<Actor, 'role' | 'scopePath'>): TSessionResponse['permissions'] {
  return {
    editServiceSites: hasGrant(actor as Actor, 'edit_service_site'),
    importData: hasGrant(actor as Actor, 'import_population') || hasGrant(actor as Actor, 'import_territories'),
    editNorms: hasGrant(actor as Actor, 'edit_norm'),
    manageUsers: hasGrant(actor as Actor, 'manage_users'),
    viewAudit: hasGrant(actor as Actor, 'view_audit'),
    editCatalogue: mayEditCatalogue({ userId: null, organisation: null, ...actor }),
    setPlanStandards: maySetStandardsSomewhere(actor),
  };
}

async function sessionResponse(db: Db, userId: number, role: TRole, csrfToken: string): Promise<TSessionResponse> {
  const [row] = await db.select({ user: appUser, scope: territory }).from(appUser).leftJoin(territory, eq(territory.id, appUser.territoryId)).where(eq(appUser.id, userId));
  if (!row) throw new AppError('not_found');
  return { user: toUserView(row.user, row.scope), permissions: permissionsOf({ role, scopePath: row.scope?.path ?? null }), csrfToken };
}

export function sessionRoutes(app: App, options: AppOptions) {
  const { db } = options.database;

  // Wrong passwords are counted per address and login (one person's typos), per login from
  // anywhere (a guesser changing addresses) and per address whatever the login (one address trying
  // many accounts). The address is the client's as the configured proxies report it (trustProxy):
  // an X-Forwarded-For the client wrote itself is not believed.
  const perAddressAndLogin = options.signInLimit ?? 10;
  const limits = {
    perAddressAndLogin,
    perLogin: options.signInLimitPerLogin ?? perAddressAndLogin * 2,
    perAddress: options.signInLimitPerAddress ?? perAddressAndLogin * 10,
  };
  const attempts = new AttemptLimiter(windowMs(options.signInWindow ?? '15 minutes'));
  const signInKeys = (address: string, login: string): AttemptKey[] => [
    { key: `sign-in|${address}|${login}`, max: limits.perAddressAndLogin },
    { key: `sign-in|login|${login}`, max: limits.perLogin },
    { key: `sign-in|address|${address}`, max: limits.perAddress },
  ];
  // A password change checks the current password too: limited per account, so one person's
  // mistakes never block a colleague at the same address; per address only as a coarse guard.
  const passwordChangeKeys = (address: string, userId: number): AttemptKey[] => [
    { key: `password|user|${userId}`, max: limits.perAddressAndLogin },
    { key: `password|address|${address}`, max: limits.perAddress },
  ];
  const begin = (keys: AttemptKey[]) => {
    const wait = attempts.begin(keys);
    if (wait !== null) throw new AppError('auth.rate_limited', { seconds: wait });
  };

  app.post(
    '/api/v1/session',
    {
      schema: { tags: ['session'], summary: 'Sign in', body: ZSignIn, response: { 200: ZSessionResponse } },
      config: { public: true },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      const keys = signInKeys(request.ip, login.toLowerCase());
      begin(keys);
      const user = await findUserByLogin(db, login);
      // Same work whether or not the login exists, so timing does not tell.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok || user.disabled) {
        await recordChange(db, { userId: user?.id ?? null, actor: `login:${login.toLowerCase()}` }, { action: 'sign_in_failed', entity: 'session', entityId: user?.id ?? null });
        throw new AppError('auth.invalid_credentials');
      }
      attempts.succeeded(keys);
      const created = await createSession(db, user.id);
      await recordChange(db, { userId: user.id, actor: `user:${user.id}` }, { action: 'sign_in', entity: 'session', entityId: user.id });
      void reply.setCookie(SESSION_COOKIE, created.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        // Secure over HTTPS; plain http only on the user's own machine (http://localhost).
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return sessionResponse(db, user.id, user.role as TRole, created.csrfToken);
    },
  );

  app.get('/api/v1/session', { schema: { tags: ['session'], summary: 'The signed-in user', response: { 200: ZSessionResponse } } }, async (request) => {
    const actor = actorOf(request);
    return sessionResponse(db, actor.userId, actor.role, actor.csrfToken);
  });

  app.delete('/api/v1/session', { schema: { tags: ['session'], summary: 'Sign out', response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteSession(db, actor.sessionId);
    await recordChange(db, { userId: actor.userId, actor: actorLabel(actor) }, { action: 'sign_out', entity: 'session', entityId: actor.userId });
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/api/v1/session/password',
    {
      schema: { tags: ['session'], summary: 'Change my password', body: ZChangePassword, response: { 204: z.undefined() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const keys = passwordChangeKeys(request.ip, actor.userId);
      begin(keys);
      const [user] = await db.select().from(appUser).where(eq(appUser.id, actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) throw new AppError('auth.invalid_credentials');
      attempts.succeeded(keys);
      const { currentPassword, newPassword } = request.body;
      const problem = newPassword === currentPassword ? 'password_same_as_current' : checkPassword(newPassword, [user.login, user.name]);
      if (problem) throw new AppError('auth.weak_password', {}, { issues: [{ path: 'newPassword', message: problem }] });
      const passwordHash = await hashPassword(request.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.update(appUser).set({ passwordHash, mustChangePassword: false }).where(eq(appUser.id, actor.userId));
        await deleteSessionsOf(tx, actor.userId, actor.sessionId);
        await recordChange(tx, { userId: actor.userId, actor: actorLabel(actor) }, { action: 'password_change', entity: 'user', entityId: actor.userId });
      });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/v1/session/language',
    { schema: { tags: ['session'], summary: 'Remember my language', body: z.object({ language: ZLanguage }), response: { 204: z.undefined() } } },
    async (request, reply) => {
      const actor = actorOf(request);
      await db.update(appUser).set({ language: request.body.language }).where(eq(appUser.id, actor.userId));
      return reply.status(204).send();
    },
  );
}
