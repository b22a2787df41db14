import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createUser } from '../accounts/users';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import { Client, TEST_PASSWORD } from '../testing/test-app';
import { ENGINE, freshDatabase } from '../testing/test-database';
import { territory } from '../territories/tables';
import { eq } from 'drizzle-orm';
import { buildApp, type App } from './app';

/**
 * Two app servers on one database, as behind a load balancer: they share nothing but the
 * database, so a session opened on one works on the other, and a change made through one
 * reaches the other's cached figures (its revision check is at most a second old).
 */
describe(`two app servers on one database (${ENGINE})`, () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const apps: App[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase(inject('pgliteDump'));
    for (let i = 0; i < 2; i++) {
      const app = await buildApp({ database, webDist: null, signInLimit: 1000 });
      await app.listen({ port: 0, host: '127.0.0.1' });
      apps.push(app);
      urls.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
    }
    await createUser(database.db, SYSTEM_AUTHOR, { login: 'officer@two.example', name: 'Officer', role: 'regional_officer', territoryId: await idOf('PAZ'), organisation: null, language: 'en' }, { password: TEST_PASSWORD, mustChangePassword: false });
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
  });

  const idOf = async (code: string) => (await database.db.select({ id: territory.id }).from(territory).where(eq(territory.code, code)))[0]!.id;

  it('shares sessions and sees each other’s changes', async () => {
    const onA = await new Client(urls[0]!).signIn('officer@two.example');
    // The same browser, sent to the other server by the load balancer.
    const onB = new Client(urls[1]!);
    onB.cookie = onA.cookie;
    onB.csrf = onA.csrf;

    const batak = await idOf('PAZ03');
    const capacityOf = async (client: Client) =>
      ((await client.get(`/api/v1/gaps?territoryId=${batak}`)).body.rows as { serviceType: string; capacity: number }[]).find((r) => r.serviceType === 'bg.day_care_elderly')?.capacity ?? 0;
    const before = await capacityOf(onB);

    const created = await onA.post('/api/v1/service-sites', {
      siteKey: 'TWO-SERVERS-1',
      year: 2025,
      name: 'Day centre added through server A',
      serviceType: 'bg.day_care_elderly',
      provider: 'Община Батак',
      providerKind: 'public',
      settlementId: await idOf('02837'),
      capacity: 20,
    });
    expect(created.status).toBe(201);
    // Server A made the change: its next answer has it at once.
    expect(await capacityOf(onA)).toBe(before + 20);
    // Server B learns of it from the database within its revision-check interval.
    const deadline = Date.now() + 5_000;
    let seen = await capacityOf(onB);
    while (seen !== before + 20 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      seen = await capacityOf(onB);
    }
    expect(seen).toBe(before + 20);

    // Signing out on A ends the session on B too (within B's session-cache time).
    expect((await onA.delete('/api/v1/session')).status).toBe(204);
    const until = Date.now() + 8_000;
    let status = (await onB.get('/api/v1/session')).status;
    while (status !== 401 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await onB.get('/api/v1/session')).status;
    }
    expect(status).toBe(401);
  });
});
