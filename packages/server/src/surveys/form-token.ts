import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { appSetting } from './tables';

/**
 * The public form hands out a token signed with a key every app server shares (kept in the
 * database). It proves an answer was filled in on a form fetched from here, some seconds before:
 * bulk spam skips the form or answers in no time. It says nothing about who answered — no
 * cookie, no address, nothing stored about the respondent.
 */
export const MIN_SECONDS_TO_ANSWER = 3;
const MAX_AGE_DAYS = 30;

/** Per database, since one process (a test run, the CLI) can open several. */
const secrets = new WeakMap<Db, Promise<Buffer>>();

export function formSecret(db: Db): Promise<Buffer> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = readOrCreateSecret(db);
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db)); // a failed read is tried again next time
  }
  return secret;
}

async function readOrCreateSecret(db: Db): Promise<Buffer> {
  const fresh = randomBytes(32).toString('base64url');
  await db.insert(appSetting).values({ key: 'form_token_secret', value: fresh }).onConflictDoNothing();
  const [row] = await rows<{ value: string }>(db, sql`select value from app_setting where key = 'form_token_secret'`);
  return Buffer.from(row!.value, 'base64url');
}

const sign = (secret: Buffer, linkToken: string, issuedAt: number) => createHmac('sha256', secret).update(`${linkToken}.${issuedAt}`).digest('base64url');

export function issueFormToken(secret: Buffer, linkToken: string, now: number): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${sign(secret, linkToken, issuedAt)}`;
}

export type FormTokenCheck = 'ok' | 'invalid' | 'too_fast' | 'expired';

export function checkFormToken(secret: Buffer, linkToken: string, formToken: string, now: number): FormTokenCheck {
  const [issued, signature] = formToken.split('.');
  const issuedAt = Number(issued);
  if (!Number.isInteger(issuedAt) || !signature) return 'invalid';
  const expected = Buffer.from(sign(secret, linkToken, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  const age = now / 1000 - issuedAt;
  if (age < MIN_SECONDS_TO_ANSWER) return 'too_fast';
  if (age > MAX_AGE_DAYS * 86_400) return 'expired';
  return 'ok';
}
