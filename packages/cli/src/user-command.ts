import { AppError, type TCountry, type TRole } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { ZNewPassword } from '@potreby/server/accounts/schema';
import { findUserByLogin } from '@potreby/server/accounts/queries';
import { createUser, resetPassword } from '@potreby/server/accounts/users';
import { findTerritory } from './find-territory';
import { cliAuthor, CliError, type CliContext } from './main';

type UserOptions = { login: string; name: string; role: TRole; territory?: string; country?: TCountry; organisation?: string; language: TLanguage; password?: string };

/** `potreby user create`: an account scoped to a territory (admins are not). */
export async function userCreateCommand(ctx: CliContext, options: UserOptions): Promise<number> {
  const t = translator(ctx.language);
  const territory = options.territory ? await findTerritory(ctx, options.territory, options.country) : null;
  if (options.territory && !territory) return 1;
  if (options.password !== undefined && !ZNewPassword.safeParse(options.password).success) throw new AppError('auth.weak_password');
  const created = await createUser(
    ctx.database.db,
    cliAuthor(),
    { login: options.login, name: options.name, role: options.role, territoryId: territory?.id ?? null, organisation: options.organisation ?? null, language: options.language },
    options.password ? { password: options.password, mustChangePassword: false } : {},
  );
  ctx.io.out(t('cli.userCreated', { login: created.user.login, role: t(`roles.${created.user.role}`) }) + '\n');
  if (created.oneTimePassword) ctx.io.out(t('cli.oneTimePassword', { password: created.oneTimePassword }) + '\n');
  return 0;
}

/**
 * `potreby user reset-password LOGIN`: a new one-time password for an account — the way back in
 * when the first start's administrator password scrolled away or a password is forgotten. The
 * account's sessions end, it must choose its own password at the next sign-in, and the audit log
 * records the reset under the computer's user.
 */
export async function userResetPasswordCommand(ctx: CliContext, login: string): Promise<number> {
  const t = translator(ctx.language);
  const found = await findUserByLogin(ctx.database.db, login);
  if (!found) throw new CliError('cli.userNotFound', { login }, 1);
  const reset = await resetPassword(ctx.database.db, cliAuthor(), found.id);
  ctx.io.out(t('cli.passwordReset', { login: reset.user.login }) + '\n');
  ctx.io.out(t('cli.oneTimePassword', { password: reset.oneTimePassword }) + '\n');
  return 0;
}
