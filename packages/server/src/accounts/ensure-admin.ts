import { AppError } from '@potreby/domain';
import { checkPassword } from '@potreby/domain/accounts/check-password';
import { count } from 'drizzle-orm';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import type { Db } from '../db/database';
import { appUser } from './tables';
import { createUser } from './users';

export const ADMIN_LOGIN = 'admin';
const ADMIN_NAME = 'Administrator';

/**
 * POTREBY_ADMIN_PASSWORD follows the rule of every chosen password, and a weak one stops the start
 * with a clear message: it would never be asked to change, and the administrator's account is
 * the one worth guessing. Checked whether or not the account exists yet, so a weak value left in
 * a configuration is noticed at once.
 */
export function checkAdminPassword(password: string | null): void {
  if (password === null) return;
  const problem = checkPassword(password, [ADMIN_LOGIN, ADMIN_NAME]);
  if (problem) throw new AppError('auth.weak_password', {}, { issues: [{ path: 'POTREBY_ADMIN_PASSWORD', message: problem }] });
}

/**
 * The first start creates the `admin` account. Its one-time password is printed once and must be
 * changed at first sign-in; POTREBY_ADMIN_PASSWORD sets a known password instead (tests, demos).
 */
export async function ensureAdmin(db: Db, password: string | null): Promise<{ login: string; oneTimePassword: string | null }> {
  checkAdminPassword(password);
  const [existing] = await db.select({ n: count() }).from(appUser);
  if ((existing?.n ?? 0) > 0) return { login: ADMIN_LOGIN, oneTimePassword: null };
  const created = await createUser(
    db,
    SYSTEM_AUTHOR,
    { login: ADMIN_LOGIN, name: ADMIN_NAME, role: 'admin', territoryId: null, organisation: null, language: 'en' },
    password ? { password, mustChangePassword: false } : {},
  );
  return { login: ADMIN_LOGIN, oneTimePassword: created.oneTimePassword };
}
