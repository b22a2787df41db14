import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { Client, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';

/**
 * Signing in and out, one-time passwords, disabled accounts and the session cookie, against the
 * real server. Route-by-route 401/403 answers are in http/access.int.test.ts.
 */
describe(`the session (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let ids: Record<string, number>;
  /** A viewer of Pazardzhik province that the tests below sign in as. */
  let viewerLogin: string;

  /** The login of a client that `t.as` signed in. */
  const loginOf = async (client: Client): Promise<string> => (await client.get('/api/v1/session')).body.user.login;
  const userIdOf = async (client: Client): Promise<number> => (await client.get('/api/v1/session')).body.user.id;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    ids = { PAZ: await t.territoryId('PAZ'), PAZ19: await t.territoryId('PAZ19') };
    viewerLogin = await loginOf(await t.as('viewer', 'PAZ'));
  });
  afterAll(() => t.close());

  it('signs in with the right password: the user, the permissions of the role and a CSRF token', async () => {
    const login = await loginOf(await t.as('municipal_officer', 'PAZ19'));
    const client = t.anonymous();
    const res = await client.post('/api/v1/session', { login: `  ${login.toUpperCase()} `, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ login, role: 'municipal_officer', territory: { code: 'PAZ19', level: 'municipality' }, mustChangePassword: false, disabled: false });
    expect(res.body.user.lastSignInAt).not.toBeNull();
    expect(res.body.permissions).toEqual({ editServiceSites: true, importData: true, editNorms: false, manageUsers: false, viewAudit: false, editCatalogue: false, setPlanStandards: false });
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    // The cookie it set is a working session.
    client.csrf = res.body.csrfToken;
    const me = await client.get('/api/v1/session');
    expect(me.status).toBe(200);
    expect(me.body.user.login).toBe(login);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('lets only a national administrator change the catalogue of service types; the agency of a whole country may not', async () => {
    expect((await admin.get('/api/v1/session')).body.permissions).toMatchObject({ manageUsers: true, editCatalogue: true });
    const agency = await t.as('agency', 'BG');
    expect((await agency.get('/api/v1/session')).body.permissions).toMatchObject({ editNorms: true, editCatalogue: false, setPlanStandards: true });
    // The server refuses as the session says.
    const refused = await agency.post('/api/v1/service-types/bg.home_care/retire');
    expect(refused.status).toBe(403);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, for the whole site and 12 hours', async () => {
    const res = await t.anonymous().post('/api/v1/session', { login: viewerLogin, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^potreby_session=[\w-]{30,};/);
    const attributes = cookie.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    expect(attributes).toContain(`max-age=${12 * 3600}`);
  });

  it('refuses a wrong password with 401 auth.invalid_credentials, the title in Bulgarian for Accept-Language: bg', async () => {
    const login = viewerLogin;
    const res = await t.anonymous().post('/api/v1/session', { login, password: 'not the password at all' }, { 'accept-language': 'bg-BG,bg;q=0.9,en;q=0.5' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'auth.invalid_credentials', status: 401, title: 'Името за вход или паролата не са верни.' });
    expect(res.headers.get('set-cookie')).toBeNull();
    // An unknown login gets exactly the same answer: nothing tells which logins exist.
    const unknown = await t.anonymous().post('/api/v1/session', { login: 'nobody@nowhere.example', password: 'not the password at all' }, { 'accept-language': 'bg' });
    expect([unknown.status, unknown.body.code, unknown.body.title]).toEqual([401, 'auth.invalid_credentials', 'Името за вход или паролата не са верни.']);
    // In English without the header.
    const english = await t.anonymous().post('/api/v1/session', { login, password: 'not the password at all' });
    expect(english.body.title).toBe('The sign-in name or password is not right.');
    // Failed attempts are in the audit log, under the login that was tried.
    const audit = await admin.get('/api/v1/audit?entity=session&pageSize=10');
    expect(audit.body.items.filter((a: { action: string; actor: string }) => a.action === 'sign_in_failed').map((a: { actor: string }) => a.actor)).toEqual(
      expect.arrayContaining([`login:${login}`, 'login:nobody@nowhere.example']),
    );
  });

  it('takes a one-time password at first sign-in and allows nothing else until the password is changed', async () => {
    const created = await admin.post('/api/v1/users', { login: 'Maria.Ivanova@Pazardzhik.example', name: 'Мария Иванова', role: 'municipal_officer', territoryId: ids.PAZ19 });
    expect(created.status).toBe(201);
    const otp: string = created.body.oneTimePassword;
    expect(otp).toMatch(/^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/);

    const maria = t.anonymous();
    const signIn = await maria.post('/api/v1/session', { login: 'maria.ivanova@pazardzhik.example', password: otp });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    maria.csrf = signIn.body.csrfToken;
    // A second session opened with the same one-time password, e.g. in another browser.
    const elsewhere = await new Client(t.url).signIn('maria.ivanova@pazardzhik.example', otp);

    // Reading and changing anything else is refused until the password is changed.
    for (const [method, path, body] of [
      ['GET', `/api/v1/territories/${ids.PAZ19}`],
      ['GET', `/api/v1/gaps?territoryId=${ids.PAZ19}`],
      ['GET', '/api/v1/service-sites'],
      ['POST', '/api/v1/service-sites', {}],
    ] as const) {
      const res = await maria.request(method, path, body);
      expect([res.status, res.body.code], `${method} ${path}`).toEqual([403, 'auth.password_change_required']);
    }
    // Who am I still answers, so the UI can show the change-password form.
    expect((await maria.get('/api/v1/session')).status).toBe(200);

    const tooShort = await maria.post('/api/v1/session/password', { currentPassword: otp, newPassword: 'short-pw' });
    expect([tooShort.status, tooShort.body.code]).toEqual([400, 'validation.invalid']);
    expect(tooShort.body.issues.map((i: { path: string }) => i.path)).toEqual(['newPassword']);
    const wrongCurrent = await maria.post('/api/v1/session/password', { currentPassword: 'not-the-one-time-password', newPassword: 'a long new password 2025' });
    expect([wrongCurrent.status, wrongCurrent.body.code]).toEqual([401, 'auth.invalid_credentials']);
    const same = await maria.post('/api/v1/session/password', { currentPassword: otp, newPassword: otp });
    expect([same.status, same.body.code]).toEqual([400, 'auth.weak_password']);
    // Still locked after the refused attempts.
    expect((await maria.get(`/api/v1/territories/${ids.PAZ19}`)).status).toBe(403);

    const changed = await maria.post('/api/v1/session/password', { currentPassword: otp, newPassword: 'a long new password 2025' });
    expect(changed.status).toBe(204);
    // The same session goes on, now with its reach…
    const territory = await maria.get(`/api/v1/territories/${ids.PAZ19}`);
    expect([territory.status, territory.body.territory.code]).toEqual([200, 'PAZ19']);
    expect((await maria.get('/api/v1/session')).body.user.mustChangePassword).toBe(false);
    // …while the other session opened with the one-time password has ended.
    expect([(await elsewhere.get('/api/v1/session')).status]).toEqual([401]);
    // The one-time password is spent; the new one works.
    expect((await t.anonymous().post('/api/v1/session', { login: 'maria.ivanova@pazardzhik.example', password: otp })).status).toBe(401);
    const again = await t.anonymous().post('/api/v1/session', { login: 'maria.ivanova@pazardzhik.example', password: 'a long new password 2025' });
    expect([again.status, again.body.user.mustChangePassword]).toEqual([200, false]);
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const client = await new Client(t.url).signIn(viewerLogin);
    const cookie = client.cookie!;
    const res = await client.delete('/api/v1/session');
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^potreby_session=;/);
    // Someone who kept the old cookie gets nothing with it.
    const replay = new Client(t.url);
    replay.cookie = cookie;
    const after = await replay.get('/api/v1/session');
    expect([after.status, after.body.code]).toEqual([401, 'auth.required']);
    expect((await replay.get(`/api/v1/territories/${ids.PAZ}`)).status).toBe(401);
  });

  it('ends the open sessions of a disabled account, and it cannot sign in again', async () => {
    const officer = await t.as('municipal_officer', 'PAZ19');
    const login = await loginOf(officer);
    const id = await userIdOf(officer);
    expect((await officer.get(`/api/v1/territories/${ids.PAZ19}`)).status).toBe(200);
    const disabled = await admin.put(`/api/v1/users/${id}`, { name: 'Disabled officer', role: 'municipal_officer', territoryId: ids.PAZ19, organisation: null, language: 'en', disabled: true });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    expect([(await officer.get(`/api/v1/territories/${ids.PAZ19}`)).status, (await officer.get('/api/v1/session')).status]).toEqual([401, 401]);
    const signIn = await t.anonymous().post('/api/v1/session', { login, password: TEST_PASSWORD });
    expect([signIn.status, signIn.body.code]).toEqual([401, 'auth.invalid_credentials']);
    // Enabled again, the same password works.
    await admin.put(`/api/v1/users/${id}`, { name: 'Disabled officer', role: 'municipal_officer', territoryId: ids.PAZ19, organisation: null, language: 'en', disabled: false });
    expect((await t.anonymous().post('/api/v1/session', { login, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('remembers the chosen language: later sessions and error titles use it', async () => {
    const client = await t.as('viewer', 'PAZ');
    const login = await loginOf(client);
    expect((await client.get('/api/v1/territories/99999999')).body.title).toBe('Not found.');
    expect((await client.put('/api/v1/session/language', { language: 'bg' })).status).toBe(204);
    expect((await client.get('/api/v1/session')).body.user.language).toBe('bg');
    expect((await client.get('/api/v1/territories/99999999')).body.title).toBe('Не е намерено.');
    const later = await t.anonymous().post('/api/v1/session', { login, password: TEST_PASSWORD });
    expect(later.body.user.language).toBe('bg');
    // Only the four languages of the app.
    const unknown = await client.put('/api/v1/session/language', { language: 'de' });
    expect([unknown.status, unknown.body.code, unknown.body.issues[0].path]).toEqual([400, 'validation.invalid', 'language']);
    expect((await client.get('/api/v1/session')).body.user.language).toBe('bg');
  });
});

describe(`sign-in attempts are limited (${ENGINE})`, () => {
  let t: TestApp;
  let login: string;
  let other: string;

  beforeAll(async () => {
    t = await startTestApp({ signInLimit: 3 });
    login = (await (await t.as('viewer', 'PAZ')).get('/api/v1/session')).body.user.login;
    other = (await (await t.as('viewer', 'PAZ')).get('/api/v1/session')).body.user.login;
  });
  afterAll(() => t.close());

  it('answers the fourth attempt within the window with 429 auth.rate_limited, even with the right password', async () => {
    // `t.as` above signed each account in once, which does not count: three wrong attempts.
    for (let i = 0; i < 3; i++) {
      expect((await t.anonymous().post('/api/v1/session', { login, password: `guess number ${i}` })).status).toBe(401);
    }
    const limited = await t.anonymous().post('/api/v1/session', { login, password: TEST_PASSWORD }, { 'accept-language': 'bg' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('auth.rate_limited');
    expect(limited.body.title).toMatch(/^Твърде много опити\. Опитайте отново след \d+ секунди\.$/);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts per address and login: a colleague at the same address still signs in', async () => {
    const res = await t.anonymous().post('/api/v1/session', { login: other, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
  });
});
