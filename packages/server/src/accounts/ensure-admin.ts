import { count } from 'drizzle-orm';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import type { Db } from '../db/database';
import { appUser } from './tables';
import { createUser } from './users';

/**
 * The first start creates the `admin` account. Its one-time password is printed once and must be
 * changed at first sign-in; POTREBY_ADMIN_PASSWORD sets a known password instead (tests, demos).
 */
export async function ensureAdmin(db: Db, password: string | null): Promise<{ login: string; oneTimePassword: string | null }> {
  const [existing] = await db.select({ n: count() }).from(appUser);
  if ((existing?.n ?? 0) > 0) return { login: 'admin', oneTimePassword: null };
  const created = await createUser(
    db,
    SYSTEM_AUTHOR,
    { login: 'admin', name: 'Administrator', role: 'admin', territoryId: null, organisation: null, language: 'en' },
    password ? { password, mustChangePassword: false } : {},
  );
  return { login: 'admin', oneTimePassword: created.oneTimePassword };
}
