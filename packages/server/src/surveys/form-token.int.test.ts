import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINE, freshDatabase } from '../testing/test-database';
import { checkFormToken, formSecret, issueFormToken, MIN_SECONDS_TO_ANSWER } from './form-token';

/**
 * The key that signs public forms belongs to a database, not to the process: a process that
 * opens two databases (the CLI, a test run) must not accept one's forms on the other.
 */
describe(`the public forms' signing key (${ENGINE})`, () => {
  let one: Awaited<ReturnType<typeof freshDatabase>>;
  let other: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    [one, other] = [await freshDatabase(inject('pgliteDump')), await freshDatabase(inject('pgliteDump'))];
    // Both are copies of one template; give the second a key of its own, as a separate installation has.
    await other.db.execute(sql`delete from app_setting where key = 'form_token_secret'`);
  });
  afterAll(async () => {
    await one?.drop();
    await other?.drop();
  });

  it('is read from each database, once, and a form of one is refused by the other', async () => {
    const [a, b] = [await formSecret(one.db), await formSecret(other.db)];
    expect(a.equals(b)).toBe(false);
    expect(await formSecret(one.db)).toBe(a);
    const issued = Date.now() - (MIN_SECONDS_TO_ANSWER + 1) * 1000;
    const token = issueFormToken(a, 'link-token', issued);
    expect(checkFormToken(a, 'link-token', token, Date.now())).toBe('ok');
    expect(checkFormToken(b, 'link-token', token, Date.now())).toBe('invalid');
  });
});
