import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import { appUser, session } from './tables';

export const SESSION_HOURS = 12;

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('base64url');

export async function findUserByLogin(db: Db, login: string) {
  const [user] = await db.select().from(appUser).where(eq(appUser.login, login.trim().toLowerCase())).limit(1);
  return user;
}

/** Start a session; returns the cookie token (only its hash is stored) and the CSRF token. */
export async function createSession(db: Db, userId: number): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.insert(session).values({ id: sessionIdOf(token), userId, csrfToken, expiresAt });
  await db.update(appUser).set({ lastSignInAt: new Date() }).where(eq(appUser.id, userId));
  return { token, csrfToken, expiresAt };
}

/** The user behind a session cookie, with their scope's path, if the session is alive. */
export async function loadSession(db: Db, token: string) {
  const [row] = await db
    .select({
      sessionId: session.id,
      csrfToken: session.csrfToken,
      user: appUser,
      scopePath: territory.path,
      scopeCountry: territory.country,
    })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .leftJoin(territory, eq(territory.id, appUser.territoryId))
    .where(and(eq(session.id, sessionIdOf(token)), gt(session.expiresAt, sql`now()`), eq(appUser.disabled, false)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(session).where(eq(session.id, sessionId));
}

/** Sign the user out everywhere except, optionally, the current session (after a password change). */
export async function deleteSessionsOf(db: Db, userId: number, keep?: string): Promise<void> {
  await db.delete(session).where(keep ? and(eq(session.userId, userId), sql`${session.id} <> ${keep}`) : eq(session.userId, userId));
}
