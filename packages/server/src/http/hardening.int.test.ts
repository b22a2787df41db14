import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, type TRole } from '@potreby/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureAdmin } from '../accounts/ensure-admin';
import { createUser } from '../accounts/users';
import { SYSTEM_AUTHOR } from '../audit/record-change';
import { serverConfig } from '../config';
import type { Database } from '../db/database';
import { territory } from '../territories/tables';
import { Client, TEST_PASSWORD } from '../testing/test-app';
import { ENGINE, freshDatabase } from '../testing/test-database';
import { buildApp, type App, type AppOptions } from './app';

/**
 * Issue 6, findings 4, 8, 10, 12 and 14 as the security review found them, each shown refused:
 * the sign-in limit behind a proxy, the password-change limit, 500s for bad input, secrets in
 * the log, weak passwords, and the security headers.
 */
describe(`hardening (${ENGINE})`, () => {
  let database: Database & { drop(): Promise<void> };
  const apps: App[] = [];
  const log: string[] = [];
  let webDist: string;
  /** Signs in at most 3 times wrong per address and login, behind one proxy (POTREBY_TRUST_PROXY=1). */
  let proxied: string;
  /** The app with its log captured, the UI served, no practical sign-in limit. */
  let logged: string;
  let admin: Client;
  let counter = 0;

  const start = async (options: Partial<AppOptions>, extra?: (app: App) => void) => {
    const app = await buildApp({ database, webDist: null, ...options });
    extra?.(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push(app);
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  };
  const territoryId = async (code: string) => (await database.db.select({ id: territory.id }).from(territory).where(eq(territory.code, code)))[0]!.id;
  const newUser = async (role: TRole = 'viewer', code: string | null = 'PAZ') => {
    const login = `hardening-${++counter}@test.example`;
    await createUser(
      database.db,
      SYSTEM_AUTHOR,
      { login, name: `Hardening ${counter}`, role, territoryId: code ? await territoryId(code) : null, organisation: null, language: 'en' },
      { password: TEST_PASSWORD, mustChangePassword: false },
    );
    return login;
  };
  /** A sign-in as it reaches the app through the proxy, which appends the address it saw. */
  const signIn = (url: string, login: string, password: string, forwardedFor: string) =>
    new Client(url).post('/api/v1/session', { login, password }, { 'x-forwarded-for': forwardedFor });
  const signedIn = async (url: string, login: string, forwardedFor: string) => {
    const client = new Client(url);
    const res = await client.post<{ csrfToken: string }>('/api/v1/session', { login, password: TEST_PASSWORD }, { 'x-forwarded-for': forwardedFor });
    expect(res.status).toBe(200);
    client.csrf = res.body.csrfToken;
    return client;
  };

  beforeAll(async () => {
    database = await freshDatabase(inject('pgliteDump'));
    webDist = mkdtempSync(join(tmpdir(), 'potreby-web-'));
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head><title>potreby</title></head><body><div id="root"></div></body></html>');
    // As `npm start` reads POTREBY_TRUST_PROXY=1 (one TLS-terminating proxy).
    proxied = await start({ signInLimit: 3, trustProxy: serverConfig({ POTREBY_TRUST_PROXY: '1' }).trustProxy });
    logged = await start({ signInLimit: 1000, webDist, logStream: { write: (line) => void log.push(line) } }, (app) => {
      // Real database errors through the real error handler: a value out of int4's range, and a
      // statement that fails with a password hash among its parameters.
      app.get('/api/v1/test/out-of-range', { config: { public: true } }, async () => database.db.execute(sql`select ${'2147483648'}::int4 as n`));
      app.get('/api/v1/test/failed-insert', { config: { public: true } }, async () =>
        database.db.execute(sql`insert into app_user (login, name, role, password_hash) values (null, 'x', 'viewer', ${'$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g'})`),
      );
    });
    const login = await newUser('admin', null);
    admin = await signedIn(logged, login, '127.0.0.1');
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await database.drop();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('the sign-in limit behind a proxy (finding 4)', () => {
    it('believes only the proxy’s own hop: a client rotating X-Forwarded-For is still limited at its real address', async () => {
      const login = await newUser();
      for (let i = 1; i <= 3; i++) {
        const res = await signIn(proxied, login, `guess number ${i}`, `198.51.100.${i}, 203.0.113.7`);
        expect(res.status, `attempt ${i}`).toBe(401);
      }
      const refused = await signIn(proxied, login, TEST_PASSWORD, `198.51.100.99, 203.0.113.7`);
      expect([refused.status, refused.body.code]).toEqual([429, 'auth.rate_limited']);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.title).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
      // Someone else behind the same proxy (another address as the proxy saw it) signs in.
      expect((await signIn(proxied, login, TEST_PASSWORD, '198.51.100.99, 203.0.113.8')).status).toBe(200);
    });

    it('limits one login from any address: 30 wrong passwords from 30 addresses end in 429', async () => {
      const login = await newUser();
      const statuses: number[] = [];
      for (let i = 1; i <= 30; i++) statuses.push((await signIn(proxied, login, `guess number ${i}`, `192.0.2.${i}`)).status);
      // Twice the per-address limit, then nothing more from anywhere while the window lasts.
      expect(statuses).toEqual([...Array<number>(6).fill(401), ...Array<number>(24).fill(429)]);
      const right = await signIn(proxied, login, TEST_PASSWORD, '192.0.2.200');
      expect([right.status, right.body.code]).toEqual([429, 'auth.rate_limited']);
    });

    it('does not count successful sign-ins against the limit', async () => {
      const login = await newUser();
      for (let i = 0; i < 6; i++) expect((await signIn(proxied, login, TEST_PASSWORD, '203.0.113.20')).status, `sign-in ${i}`).toBe(200);
      for (let i = 0; i < 3; i++) expect((await signIn(proxied, login, 'not my password', '203.0.113.20')).status).toBe(401);
      expect((await signIn(proxied, login, TEST_PASSWORD, '203.0.113.20')).status).toBe(429);
    });
  });

  describe('the password-change limit (finding 8)', () => {
    it('counts per account: one user’s wrong attempts do not block a colleague at the same address; 429 with Retry-After', async () => {
      const [a, b] = [await signedIn(proxied, await newUser(), '203.0.113.30'), await signedIn(proxied, await newUser(), '203.0.113.30')];
      const change = (client: Client, currentPassword: string) =>
        client.post('/api/v1/session/password', { currentPassword, newPassword: 'plum violin harbour quietly' }, { 'x-forwarded-for': '203.0.113.30', 'x-potreby-language': 'bg' });
      for (let i = 0; i < 3; i++) expect((await change(a, `wrong password ${i}`)).status).toBe(401);
      const refused = await change(a, TEST_PASSWORD);
      expect([refused.status, refused.body.code]).toEqual([429, 'auth.rate_limited']);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.body.title).toMatch(/^Твърде много опити\. Опитайте отново след \d+ секунди\.$/);
      expect((await change(b, TEST_PASSWORD)).status).toBe(204);
    });
  });

  describe('bad input is refused with 4xx, never a 500 (finding 10)', () => {
    it('refuses a NUL character in a body, a query or a path with 400, and stores nothing', async () => {
      const created = await admin.post('/api/v1/users', { login: 'nul@test.example', name: 'Ана\u0000Иванова', role: 'viewer', territoryId: await territoryId('PAZ') });
      expect([created.status, created.body.code, created.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'name', message: 'nul_character' }]]);
      expect((await admin.get('/api/v1/users')).body.items.map((u: { login: string }) => u.login)).not.toContain('nul@test.example');
      const query = await admin.get('/api/v1/territories?q=%00ab');
      expect([query.status, query.body.issues?.[0]?.message]).toEqual([400, 'nul_character']);
      expect((await admin.get('/api/v1/territories/%00')).status).toBe(400);
      // Nor as a key.
      expect((await admin.put('/api/v1/session/language', { language: 'bg', 'x\u0000': 1 })).status).toBe(400);
    });

    it('refuses an upload cut short (no closing boundary) with 400 on every import route', async () => {
      const truncated = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncode,name\r\n';
      for (const path of ['/api/v1/imports/services', '/api/v1/imports/responses', '/api/v1/questionnaires/import-xlsform']) {
        const cut = await fetch(`${admin.baseUrl}${path}`, {
          method: 'POST',
          headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf!, 'content-type': 'multipart/form-data; boundary=x' },
          body: truncated,
        });
        const body = (await cut.json()) as { code: string; issues?: { message: string }[] };
        expect([path, cut.status, body.code], path).toEqual([path, 400, 'validation.invalid']);
      }
    });

    it('refuses ids and whole numbers beyond PostgreSQL’s integer with a 4xx', async () => {
      const PAZ19 = await territoryId('PAZ19');
      const site = {
        siteKey: 'HARDENING-1',
        year: 2024,
        name: 'Дневен център',
        serviceType: 'bg.day_care_elderly',
        provider: 'Община Пазарджик',
        providerKind: 'public',
        settlementId: 2147483648,
        address: null,
        servesIds: [PAZ19],
        capacity: 20,
        users: null,
        waitingList: null,
        staffPositions: null,
        staffVacancies: null,
        funding: 'state',
        mobile: false,
        accessible: true,
        opened: null,
      };
      const probes: [string, Promise<{ status: number }>][] = [
        ['settlementId', admin.post('/api/v1/service-sites', site)],
        ['servesIds', admin.post('/api/v1/service-sites', { ...site, settlementId: PAZ19, servesIds: [2147483648] })],
        ['service site id', admin.get('/api/v1/service-sites/99999999999')],
        ['gaps territoryId', admin.get('/api/v1/gaps?territoryId=2147483648')],
        ['job id', admin.get('/api/v1/jobs/9999999999')],
        ['territory id', admin.get('/api/v1/territories/2147483648')],
        ['territories parentId', admin.get('/api/v1/territories?parentId=2147483648')],
        ['norms territoryId', admin.get('/api/v1/norms?territoryId=2147483648')],
        ['audit userId', admin.get('/api/v1/audit?userId=2147483648')],
        ['audit page', admin.get('/api/v1/audit?page=99999999999999')],
        ['assessments territoryId', admin.get('/api/v1/assessments?territoryId=2147483648')],
        ['assessment id', admin.get('/api/v1/assessments/2147483648')],
        ['export territoryId', admin.get('/api/v1/exports/services/csv?territoryId=2147483648')],
        ['user territoryId', admin.post('/api/v1/users', { login: 'big@test.example', name: 'Big', role: 'viewer', territoryId: 2147483648 })],
        ['user id', admin.put('/api/v1/users/2147483648', { name: 'x', role: 'viewer', territoryId: PAZ19, organisation: null, language: 'en', disabled: false })],
      ];
      for (const [label, probe] of probes) {
        const { status } = await probe;
        expect(status >= 400 && status < 500, `${label}: ${status}`).toBe(true);
      }
    });

    it('answers 400, not 500, for a database error about the value itself (the safety net behind the schemas)', async () => {
      const res = await new Client(logged).get('/api/v1/test/out-of-range');
      expect([res.status, res.body.code]).toEqual([400, 'validation.invalid']);
    });

    it('refuses JSON nested deeper than 64 levels at parse time, whatever the route', async () => {
      const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
      const send = (path: string, body: string) => fetch(`${logged}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrf! }, body });
      // The questionnaire definition nested 5,000 levels deep that overflowed the stack.
      for (const [path, body] of [
        ['/api/v1/questionnaires/1/versions', `{"definition":{"pages":${deep(5000)}}}`],
        ['/api/v1/users', deep(100_000)],
        ['/api/v1/public/forms/some-token/responses', `{"answers":{"q":${deep(65)}}}`],
      ]) {
        const res = await send(path!, body!);
        expect(res.status, path).toBe(400);
        expect(((await res.json()) as { issues: { message: string }[] }).issues[0]!.message, path).toBe('nesting_too_deep');
      }
      // Deep but within the limit: the route's own schema answers.
      const within = await send('/api/v1/users', `{"name":${deep(60)}}`);
      expect(within.status).toBe(400);
      expect(((await within.json()) as { issues: { message: string }[] }).issues.map((i) => i.message)).not.toContain('nesting_too_deep');
      // Prototype poisoning is still refused by Fastify's own parser.
      expect((await send('/api/v1/users', '{"__proto__":{"role":"admin"}}')).status).toBe(400);
    });
  });

  describe('the log (findings 10 and 14)', () => {
    it('never holds a failed statement’s parameters — a password hash — nor its detail line', async () => {
      const res = await new Client(logged).get('/api/v1/test/failed-insert');
      expect([res.status, res.body.code]).toEqual([500, 'internal']);
      const lines = log.filter((line) => line.includes('"level":50'));
      expect(lines.length).toBeGreaterThan(0);
      const logged_ = lines.join('\n');
      expect(logged_).toContain('23502');
      expect(logged_).toContain('insert into app_user');
      expect(logged_).not.toMatch(/argon2|c2FsdHNhbHQ|aGFzaGhhc2g/);
      expect(log.join('\n')).not.toMatch(/\$argon2/);
    });

    it('writes public link tokens as [token] in request URLs, for the API and the answering page', async () => {
      const token = 'secret-link-token-4f9a2c';
      await new Client(logged).get(`/api/v1/public/forms/${token}`);
      await new Client(logged).post(`/api/v1/public/forms/${token}/responses`, { submissionKey: 'abcdefgh12', answers: {}, formToken: 'x'.repeat(20) });
      await new Client(logged).get(`/f/${token}?lang=bg`);
      const text = log.join('\n');
      expect(text).toContain('"url":"/api/v1/public/forms/[token]"');
      expect(text).toContain('"url":"/api/v1/public/forms/[token]/responses"');
      expect(text).toContain('"url":"/f/[token]?lang=bg"');
      expect(text).not.toContain(token);
    });
  });

  describe('weak passwords (finding 12)', () => {
    it('refuses the weak new passwords of the review; the old password keeps working', async () => {
      const login = await newUser();
      const client = await signedIn(logged, login, '127.0.0.1');
      for (const [weak, reason] of [
        ['aaaaaaaaaaaa', 'password_too_common'],
        ['password1234', 'password_too_common'],
        [' '.repeat(12), 'password_too_short'],
        ['\u200B'.repeat(12), 'password_too_short'],
        [login, 'password_too_common'],
      ] as const) {
        const res = await client.post('/api/v1/session/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
        expect([res.status, res.body.issues?.[0]], JSON.stringify(weak)).toEqual([400, { path: 'newPassword', message: reason }]);
      }
      expect((await new Client(logged).post('/api/v1/session', { login, password: TEST_PASSWORD })).status).toBe(200);
    });

    it('refuses POTREBY_ADMIN_PASSWORD=a (and any weak one) before starting, and a weak chosen password for a new account', async () => {
      for (const weak of ['a', 'aaaaaaaaaaaa', 'admin1234567', 'administrator']) {
        const refused = await ensureAdmin(database.db, weak).catch((error: unknown) => error);
        expect(refused, weak).toBeInstanceOf(AppError);
        expect((refused as AppError).code).toBe('auth.weak_password');
      }
      await expect(ensureAdmin(database.db, 'e2e-admin-password-1')).resolves.toMatchObject({ login: 'admin' });
      // The command line's `user create --password`.
      const weakUser = createUser(database.db, SYSTEM_AUTHOR, { login: 'weak@test.example', name: 'Weak', role: 'viewer', territoryId: await territoryId('PAZ'), organisation: null, language: 'en' }, { password: 'password1234' });
      await expect(weakUser).rejects.toMatchObject({ code: 'auth.weak_password' });
    });
  });

  describe('security headers (finding 14)', () => {
    it('sends a strict Content-Security-Policy, nosniff and DENY framing on the API, the UI, its pages and the API docs', async () => {
      for (const path of ['/api/v1/health', '/', '/f/some-token', '/gaps', '/api/docs', '/api/v1/nowhere', '/api/openapi.json']) {
        const res = await fetch(`${logged}${path}`);
        expect(res.status, path).toBeLessThan(500);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp, path).toContain("default-src 'self'");
        expect(csp, path).toContain("script-src 'self';");
        expect(csp, path).toContain("frame-ancestors 'none'");
        expect(csp, path).toContain("object-src 'none'");
        expect(csp, path).not.toContain('unsafe-eval');
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
        expect(res.headers.get('x-frame-options'), path).toBe('DENY');
        expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      }
      const page = await fetch(`${logged}/`);
      expect(await page.text()).toContain('<div id="root">');
    });
  });
});
