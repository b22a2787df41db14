import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { sessionIdOf } from '../../accounts/queries';
import { appUser } from '../../accounts/tables';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { territory } from '../../territories/tables';
import type { Reader } from '../reminders/open-work';
import { calendarToken } from './tables';

/** 32 random bytes, base64url: 43 characters, the shape a feed address must have. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Create or replace the person's calendar token; returns the token, shown once (only its hash
 * is kept, hashed as session tokens are). The old address stops working at once. Audited as a
 * change of the account.
 */
export async function rotateCalendarToken(db: Db, author: ChangeAuthor & { userId: number }, scope: { country: string | null; territoryId: number | null }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = sessionIdOf(token);
  const createdAt = new Date();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ createdAt: calendarToken.createdAt }).from(calendarToken).where(eq(calendarToken.userId, author.userId));
    await tx
      .insert(calendarToken)
      .values({ userId: author.userId, tokenHash, createdAt })
      .onConflictDoUpdate({ target: calendarToken.userId, set: { tokenHash, createdAt } });
    // The person's account changed: its calendar address is new (the token itself is never logged).
    await recordChange(tx, author, { action: 'update', entity: 'user', entityId: author.userId, country: scope.country, territoryId: scope.territoryId, before: { calendarFeedCreatedAt: before?.createdAt.toISOString() ?? null }, after: { calendarFeedCreatedAt: createdAt.toISOString() } });
  });
  return token;
}

/** The enabled account behind a feed token, or null (a wrong, rotated or malformed token, a disabled account). */
export async function readerOfToken(db: Db, token: string): Promise<Reader | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await db
    .select({ user: appUser, scopePath: territory.path })
    .from(calendarToken)
    .innerJoin(appUser, eq(appUser.id, calendarToken.userId))
    .leftJoin(territory, eq(territory.id, appUser.territoryId))
    .where(and(eq(calendarToken.tokenHash, sessionIdOf(token)), eq(appUser.disabled, false)))
    .limit(1);
  if (!row) return null;
  const { user, scopePath } = row;
  return { id: user.id, name: user.name, role: user.role, territoryId: user.territoryId, scopePath: scopePath ?? null, organisation: user.organisation, language: user.language };
}
