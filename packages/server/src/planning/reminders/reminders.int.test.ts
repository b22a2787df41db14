import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appUser } from '../../accounts/tables';
import { ENGINE } from '../../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';
import type { App } from '../../http/app';
import { today } from '../rounds';
import { startReminderTimer } from './reminder-timer';
import { senderFromEnv, sendDigests, smtpSender } from './send-digests';
import { reminderSent } from './tables';

type Stage = { id: number; key: string; ownerTerritoryId: number | null; dueDate: string | null; status: string };
type Received = { to: string[]; subject: string; text: string };

/** Decode what nodemailer wrote: RFC 2047 words in headers, quoted-printable or base64 bodies. */
const decodeWords = (header: string) =>
  header.replace(/\r?\n[ \t]/g, ' ').replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
function parseMail(raw: string): { subject: string; text: string } {
  const subject = decodeWords(/^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '');
  // The text/plain part (alone or the first of multipart/alternative).
  const part = /Content-Type: text\/plain[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*?Content-Transfer-Encoding: ([\w-]+)\r?\n(?:[^\r\n]+\r?\n)*\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!part) return { subject, text: '' };
  const [, encoding, body] = part;
  const text =
    encoding!.toLowerCase() === 'base64'
      ? Buffer.from(body!.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding!.toLowerCase() === 'quoted-printable'
        ? Buffer.from(body!.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body!;
  return { subject, text };
}

/**
 * The daily reminder digests (issue 8, item 3) through a real SMTP server started here: who gets
 * one, in their language, with the overdue stage; one a day however often it runs; none without SMTP_URL.
 */
describe(`reminder digests by e-mail (${ENGINE})`, () => {
  let t: TestApp;
  let smtp: SMTPServer;
  let smtpUrl: string;
  const received: Received[] = [];
  let regional: Client;
  let stages: Stage[];
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('latin1')) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
    t = await startTestApp();
    for (const code of ['PAZ', 'PAZ19', 'PAZ20', 'SML']) ids[code] = await t.territoryId(code);
    regional = await t.as('regional_officer', 'PAZ');
    await t.as('municipal_officer', 'PAZ19');
    await t.as('municipal_officer', 'SML');
    // The Pazardzhik officer reads Bulgarian.
    await t.database.db.update(appUser).set({ language: 'bg' }).where(eq(appUser.territoryId, ids.PAZ19!));
    const res = await regional.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' });
    expect(res.status, res.text).toBe(201);
    stages = (await regional.get(`/api/v1/planning/rounds/${(res.body as { id: number }).id}/stages`)).body.items;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  const login = async (territoryId: number) => (await t.database.db.select({ login: appUser.login }).from(appUser).where(eq(appUser.territoryId, territoryId)))[0]!.login;

  it('sends nothing without SMTP_URL', async () => {
    expect(senderFromEnv({})).toBeNull();
    // The app started without SMTP_URL: it scheduled nothing and wrote nothing.
    expect(await t.database.db.select().from(reminderSent)).toEqual([]);
    expect(received).toEqual([]);
  });

  it('mails each person their territory’s overdue and coming stages, in their language, once a day', async () => {
    const analysis = stages.find((s) => s.key === 'bg.needs_analysis' && s.ownerTerritoryId === ids.PAZ19)!;
    expect(analysis.dueDate).toBeTruthy();
    // The day after the needs analysis was due: it is overdue.
    const day = new Date(Date.parse(`${analysis.dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const send = smtpSender(smtpUrl, 'potreby <reminders@test.example>');
    const outcomes = await sendDigests(t.database.db, { day, send });
    const to19 = await login(ids.PAZ19!);
    const mine = outcomes.find((o) => o.to === to19)!;
    expect(mine, JSON.stringify(outcomes)).toMatchObject({ status: 'sent' });
    // Sofia's officer has no work in Pazardzhik's round; the regional officer only the region's stages.
    expect(outcomes.map((o) => o.to)).not.toContain(await login(ids.SML!));

    const mail = received.find((m) => m.to.includes(to19))!;
    expect(mail, JSON.stringify(received.map((r) => r.to))).toBeDefined();
    expect(mail.subject).toMatch(/^Планиране: \d+ срок/);
    expect(mail.text).toContain('Анализ на потребностите');
    expect(mail.text).toMatch(/просрочен с 1 ден/);
    expect(mail.text).toContain('Пазарджик, 2026–2030');
    expect(received.filter((m) => m.to.includes(to19))).toHaveLength(1);

    // A second run the same day (another app server, a cron job) sends nothing more.
    const again = await sendDigests(t.database.db, { day, send });
    expect(again.filter((o) => o.status === 'sent')).toEqual([]);
    expect(again.find((o) => o.to === to19)).toMatchObject({ status: 'already_sent' });
    expect(received.filter((m) => m.to.includes(to19))).toHaveLength(1);

    // A dry run lists what would go, and neither sends nor records.
    const count = received.length;
    const nextDay = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dry = await sendDigests(t.database.db, { day: nextDay, send, dryRun: true });
    expect(dry.find((o) => o.to === to19)).toMatchObject({ status: 'dry_run' });
    expect(received).toHaveLength(count);
    expect(await t.database.db.select().from(reminderSent).where(eq(reminderSent.day, nextDay))).toEqual([]);
  });

  it('sends no digest to a disabled account, and a failed send is tried again later', async () => {
    const day = '2026-12-01';
    const to19 = await login(ids.PAZ19!);
    const failing = await sendDigests(t.database.db, {
      day,
      send: async () => {
        throw new Error('connection refused');
      },
    });
    expect(failing.find((o) => o.to === to19)).toMatchObject({ status: 'failed' });
    expect(await t.database.db.select().from(reminderSent).where(eq(reminderSent.day, day))).toEqual([]);
    await t.database.db.update(appUser).set({ disabled: true }).where(eq(appUser.login, to19));
    const later = await sendDigests(t.database.db, { day, send: smtpSender(smtpUrl) });
    expect(later.map((o) => o.to)).not.toContain(to19);
  });

  it('is sent by the app server itself: the day\'s digests once it is ready, then again at the hourly check', async () => {
    const day = today();
    await t.database.db.delete(reminderSent).where(eq(reminderSent.day, day));
    const toRegion = (await t.database.db.select({ login: appUser.login }).from(appUser).where(eq(appUser.territoryId, ids.PAZ!)))[0]!.login;
    const mailsToRegion = () => received.filter((m) => m.to.includes(toRegion)).length;
    const before = mailsToRegion();
    // Only the hourly interval is a fake clock; the database, the SMTP server and the sockets are real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const server = Fastify({ logger: false });
    try {
      startReminderTimer(server as unknown as App, t.database, smtpSender(smtpUrl));
      await server.ready();
      // The region's officer has the round's overdue regional stages: their digest goes out at start.
      await expect.poll(mailsToRegion, { timeout: 15_000 }).toBe(before + 1);
      // The hourly check sends nothing more the same day …
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
      await server.close();
      expect(mailsToRegion()).toBe(before + 1);
    } finally {
      vi.useRealTimers();
    }
    // … and an app server that checks on a day with nothing recorded sends again.
    await t.database.db.delete(reminderSent).where(eq(reminderSent.day, day));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const next = Fastify({ logger: false });
    try {
      let sends = 0;
      const counting = smtpSender(smtpUrl);
      startReminderTimer(next as unknown as App, t.database, async (mail) => {
        sends++;
        await counting(mail);
      });
      await next.ready();
      await expect.poll(() => sends, { timeout: 15_000 }).toBeGreaterThan(0);
      const afterStart = sends;
      await t.database.db.delete(reminderSent).where(eq(reminderSent.day, day));
      await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
      await expect.poll(() => sends, { timeout: 15_000 }).toBeGreaterThan(afterStart);
      await next.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

