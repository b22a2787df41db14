import { digestOf, renderDigest } from '@potreby/domain/planning/reminders';
import { locale, translator } from '@potreby/i18n';
import { and, asc, eq, isNotNull, like } from 'drizzle-orm';
import { createTransport } from 'nodemailer';
import { appUser } from '../../accounts/tables';
import type { Db } from '../../db/database';
import { territory } from '../../territories/tables';
import { languageOf, workOfReader, type Reader } from './open-work';
import { reminderSent } from './tables';

export type Mail = { to: string; subject: string; text: string; html: string };
export type MailSender = (mail: Mail) => Promise<void>;

/**
 * A sender through the SMTP server of `SMTP_URL` (smtp://user:pass@host:port, smtps:// for TLS
 * from the start); `from` is SMTP_FROM or no-reply at the SMTP host.
 */
export function smtpSender(url: string, from?: string): MailSender {
  const transport = createTransport(url);
  const sender = from || `potreby <no-reply@${new URL(url).hostname || 'localhost'}>`;
  return async (mail) => {
    await transport.sendMail({ from: sender, ...mail });
  };
}

/** The sender the environment configures, or null: without SMTP_URL no reminder is sent. */
export const senderFromEnv = (env: NodeJS.ProcessEnv = process.env): MailSender | null => (env.SMTP_URL ? smtpSender(env.SMTP_URL, env.SMTP_FROM) : null);

export type DigestOutcome = { userId: number; to: string; subject: string; items: number; status: 'sent' | 'already_sent' | 'dry_run' | 'failed'; error?: string };

/**
 * The accounts reminders go to: enabled, scoped to a territory, signing in with an e-mail
 * address (the login is the address; a login without "@" has none).
 */
async function recipients(db: Db): Promise<(Reader & { email: string })[]> {
  const rows = await db
    .select({ user: appUser, scopePath: territory.path })
    .from(appUser)
    .innerJoin(territory, eq(territory.id, appUser.territoryId))
    .where(and(eq(appUser.disabled, false), isNotNull(appUser.territoryId), like(appUser.login, '%@%')))
    .orderBy(asc(appUser.id));
  return rows.map(({ user, scopePath }) => ({ id: user.id, name: user.name, role: user.role, territoryId: user.territoryId, scopePath, organisation: user.organisation, language: user.language, email: user.login }));
}

/**
 * Send the day's digests: one per person and day at most, whoever runs it (the server's timer
 * on several app servers, a cron job): the (user, day) row is written first and only the one
 * that wrote it sends; a failed send removes the row so a later run tries again.
 */
export async function sendDigests(db: Db, options: { day: string; send: MailSender | null; dryRun?: boolean }): Promise<DigestOutcome[]> {
  const out: DigestOutcome[] = [];
  for (const reader of await recipients(db)) {
    const digest = digestOf(options.day, await workOfReader(db, reader));
    if (!digest) continue;
    const language = languageOf(reader);
    const mail = renderDigest(digest, { name: reader.name, locale: locale(language), t: translator(language) });
    const base = { userId: reader.id, to: reader.email, subject: mail.subject, items: digest.overdueCount + digest.dueSoonCount };
    if (options.dryRun || !options.send) {
      out.push({ ...base, status: 'dry_run' });
      continue;
    }
    const claimed = await db.insert(reminderSent).values({ userId: reader.id, day: options.day }).onConflictDoNothing().returning();
    if (claimed.length === 0) {
      out.push({ ...base, status: 'already_sent' });
      continue;
    }
    try {
      await options.send({ to: reader.email, ...mail });
      out.push({ ...base, status: 'sent' });
    } catch (error) {
      await db.delete(reminderSent).where(and(eq(reminderSent.userId, reader.id), eq(reminderSent.day, options.day)));
      out.push({ ...base, status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
