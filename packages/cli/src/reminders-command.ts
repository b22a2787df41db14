import { translator } from '@potreby/i18n';
import { today } from '@potreby/server/planning/rounds';
import { senderFromEnv, sendDigests } from '@potreby/server/planning/reminders/send-digests';
import type { CliContext } from './main';

export type RemindersSendOptions = { date?: string; dryRun?: boolean };

/**
 * `potreby reminders send [--date D] [--dry-run]`: the day's reminder digests (issue 8, item 3),
 * for cron on a server where the app's own hourly timer is not wanted. One digest per person and
 * day whoever sends it (app servers or this command). Without SMTP_URL the digests are listed,
 * not sent, and the command still succeeds. One line per digest: status, address, items, subject.
 * Exit 1 when a digest could not be sent (it is tried again on the next run).
 */
export async function remindersSendCommand(ctx: CliContext, options: RemindersSendOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const t = translator(ctx.language);
  const day = options.date ?? today();
  const send = senderFromEnv(env);
  if (!send && !options.dryRun) ctx.io.err(`${t('cli.remindersNoSmtp')}\n`);
  const outcomes = await sendDigests(ctx.database.db, { day, send, dryRun: options.dryRun });
  for (const o of outcomes) ctx.io.out(`${o.status}\t${o.to}\t${o.items}\t${o.subject}${o.error ? `\t${o.error}` : ''}\n`);
  const count = (status: string) => outcomes.filter((o) => o.status === status).length;
  ctx.io.err(`${t('cli.remindersSummary', { date: day, sent: count('sent'), already: count('already_sent'), failed: count('failed'), listed: count('dry_run') })}\n`);
  return count('failed') > 0 ? 1 : 0;
}
