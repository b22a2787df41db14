import { AppError, type TRole } from '@potreby/domain';
import { checkPassword } from '@potreby/domain/accounts/check-password';
import type { TLanguage } from '@potreby/i18n';
import { asc, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { TTerritoryRef } from '../http/schema';
import { territory } from '../territories/tables';
import { hashPassword, oneTimePassword } from './passwords';
import type { TUser, TUserCreate } from './schema';
import { appUser } from './tables';
import { deleteSessionsOf } from './queries';

type UserRow = typeof appUser.$inferSelect;
type TerritoryRow = typeof territory.$inferSelect;

export const territoryRef = (t: Pick<TerritoryRow, 'id' | 'code' | 'name' | 'nameEn' | 'level' | 'country'>): TTerritoryRef => ({
  id: t.id,
  code: t.code,
  name: t.name,
  nameEn: t.nameEn,
  level: t.level,
  country: t.country,
});

export function toUserView(user: UserRow, scope: TerritoryRow | null): TUser {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role as TRole,
    territory: scope ? territoryRef(scope) : null,
    organisation: user.organisation,
    language: user.language as TLanguage,
    mustChangePassword: user.mustChangePassword,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
  };
}

/** Audit entries never hold password hashes. */
const auditView = (u: UserRow) => {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
};

/** Every account but an admin's is scoped to a territory. */
async function checkScope(db: Db, role: TRole, territoryId: number | null): Promise<void> {
  if (role === 'admin') return;
  if (territoryId === null) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'territory_required' }] });
  const [t] = await db.select({ id: territory.id }).from(territory).where(eq(territory.id, territoryId));
  if (!t) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'unknown_territory' }] });
}

/**
 * Create an account. Without a chosen password it gets a one-time password that must be
 * changed at first sign-in, so whoever handed it over never knows the real one.
 */
export async function createUser(
  db: Db,
  author: ChangeAuthor,
  input: TUserCreate,
  options: { password?: string; mustChangePassword?: boolean } = {},
): Promise<{ user: TUser; oneTimePassword: string | null }> {
  const login = input.login.trim().toLowerCase();
  await checkScope(db, input.role, input.territoryId);
  // A chosen password (the command line's --password, POTREBY_ADMIN_PASSWORD) follows the same
  // rule as one a user picks; a one-time password is random and long.
  const problem = options.password === undefined ? null : checkPassword(options.password, [login, input.name]);
  if (problem) throw new AppError('auth.weak_password', {}, { issues: [{ path: 'password', message: problem }] });
  const password = options.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.login, login));
    if (existing) throw new AppError('conflict.duplicate', { field: 'login', value: login });
    const [created] = await tx
      .insert(appUser)
      .values({
        login,
        name: input.name,
        role: input.role,
        territoryId: input.role === 'admin' ? null : input.territoryId,
        organisation: input.organisation,
        language: input.language,
        passwordHash,
        mustChangePassword: options.mustChangePassword ?? !options.password,
      })
      .returning();
    await recordChange(tx, author, { action: 'create', entity: 'user', entityId: created!.id, after: auditView(created!) });
    return { user: await userView(tx, created!.id), oneTimePassword: options.password ? null : password };
  });
}

export async function userView(db: Db, id: number): Promise<TUser> {
  const [row] = await db.select({ user: appUser, scope: territory }).from(appUser).leftJoin(territory, eq(territory.id, appUser.territoryId)).where(eq(appUser.id, id));
  if (!row) throw new AppError('not_found');
  return toUserView(row.user, row.scope);
}

export async function listUsers(db: Db): Promise<TUser[]> {
  const rows = await db.select({ user: appUser, scope: territory }).from(appUser).leftJoin(territory, eq(territory.id, appUser.territoryId)).orderBy(asc(appUser.login));
  return rows.map((r) => toUserView(r.user, r.scope));
}

export async function updateUser(
  db: Db,
  author: ChangeAuthor,
  id: number,
  input: { name: string; role: TRole; territoryId: number | null; organisation: string | null; language: TLanguage; disabled: boolean },
): Promise<TUser> {
  await checkScope(db, input.role, input.territoryId);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(appUser).where(eq(appUser.id, id));
    if (!before) throw new AppError('not_found');
    const [after] = await tx
      .update(appUser)
      .set({ ...input, territoryId: input.role === 'admin' ? null : input.territoryId })
      .where(eq(appUser.id, id))
      .returning();
    // A disabled account or a changed reach must not keep sessions opened under the old rules.
    if (input.disabled || before.role !== input.role || before.territoryId !== after!.territoryId) await deleteSessionsOf(tx, id);
    await recordChange(tx, author, { action: 'update', entity: 'user', entityId: id, before: auditView(before), after: auditView(after!) });
    return userView(tx, id);
  });
}

/** A new one-time password; the user's sessions end. */
export async function resetPassword(db: Db, author: ChangeAuthor, id: number): Promise<{ user: TUser; oneTimePassword: string }> {
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(appUser).set({ passwordHash, mustChangePassword: true }).where(eq(appUser.id, id)).returning({ id: appUser.id });
    if (!updated) throw new AppError('not_found');
    await deleteSessionsOf(tx, id);
    await recordChange(tx, author, { action: 'password_reset', entity: 'user', entityId: id });
    return { user: await userView(tx, id), oneTimePassword: password };
  });
}
