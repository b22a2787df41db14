import type { Database } from '../../db/database';
import type { App } from '../../http/app';
import { today } from '../rounds';
import { senderFromEnv, sendDigests, type MailSender } from './send-digests';

/** How often the server looks whether today's digests are out (they go once a day; the table keeps it so). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * With SMTP_URL set, each app server sends the day's digests when it starts and then checks
 * hourly; the `reminder_sent` key makes sure two servers never send the same digest twice.
 * Without SMTP_URL nothing is scheduled and nothing fails. (pg-boss runs here without its cron
 * schedules, so a plain timer it is.)
 */
export function startReminderTimer(app: App, database: Database, send: MailSender | null = senderFromEnv()): void {
  if (!send) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = sendDigests(database.db, { day: today(), send }).then(
      (outcomes) => {
        for (const o of outcomes.filter((x) => x.status === 'failed')) app.log.warn({ userId: o.userId, error: o.error }, 'reminder digest not sent');
      },
      (error) => app.log.error(error),
    );
  };
  app.addHook('onReady', async () => {
    run();
    timer = setInterval(run, CHECK_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
