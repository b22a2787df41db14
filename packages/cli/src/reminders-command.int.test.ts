import { sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '@potreby/server/db/database';
import { ENGINE } from '@potreby/server/testing/test-database';
import { useCli } from './testing/cli-harness';

/** `potreby reminders send` for cron (issue 8, item 3; README, "Reminders and calendars"). */
describe(`potreby reminders send (${ENGINE})`, () => {
  const { cli, withDatabase } = useCli('potreby-reminders-');
  let smtp: SMTPServer;
  const received: string[][] = [];
  let day = '';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const sentRows = () => withDatabase(async ({ db }) => rows<{ n: number }>(db, sql`select count(*)::int as n from reminder_sent`));

  it('without SMTP_URL lists the digests, sends nothing, records nothing and succeeds', async () => {
    expect((await cli('user', 'create', '--login', 'Reminded@Pazardzhik.example', '--name', 'Мария', '--role', 'municipal_officer', '--territory', 'PAZ19', '--language', 'bg', '--password', 'дълга парола за напомняния')).code).toBe(0);
    expect((await cli('round', 'create', '--territory', 'PAZ', '--template', 'bg.npsu', '--period', '2026-2030', '--start', '2026-01-15')).code).toBe(0);
    const [due] = await withDatabase(({ db }) => rows<{ due: string }>(db, sql`select max(due_date)::text as due from round_stage where key = 'bg.needs_analysis'`));
    day = due!.due;
    delete process.env.SMTP_URL;
    const res = await cli('reminders', 'send', '--date', day);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toMatch(/^dry_run\treminded@pazardzhik\.example\t\d+\tПланиране: /m);
    expect(res.err).toContain('SMTP_URL');
    expect(await sentRows()).toEqual([{ n: 0 }]);
    expect(received).toEqual([]);
  });

  it('with SMTP_URL sends each digest once a day, however often cron runs it', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
    const first = await cli('reminders', 'send', '--date', day);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^sent\treminded@pazardzhik\.example\t/m);
    expect(received.filter((to) => to.includes('reminded@pazardzhik.example'))).toHaveLength(1);
    const again = await cli('reminders', 'send', '--date', day);
    expect(again.out).toMatch(/^already_sent\treminded@pazardzhik\.example\t/m);
    expect(again.out).not.toMatch(/^sent\t/m);
    expect(received.filter((to) => to.includes('reminded@pazardzhik.example'))).toHaveLength(1);
    expect((await cli('reminders', 'send', '--date', '2026-02-30')).code).toBe(2);
  });
});
