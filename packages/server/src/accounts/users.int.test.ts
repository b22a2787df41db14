import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { Client, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';
import { appUser } from './tables';

/** Accounts as an administrator manages them: create, change, disable, reset, and the audit trail. */
describe(`accounts (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let adminId: number;
  let ids: Record<string, number>;

  const OTP = /^[a-km-np-z2-9]{5}(-[a-km-np-z2-9]{5}){3}$/;
  const body = (extra: Record<string, unknown> = {}) => ({ name: 'Петър Петров', role: 'municipal_officer', territoryId: ids.PAZ19, organisation: null, language: 'bg', disabled: false, ...extra });
  const latestAudit = async (entity: string) => (await admin.get(`/api/v1/audit?entity=${entity}&pageSize=1`)).body.items[0];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    adminId = (await admin.get('/api/v1/session')).body.user.id;
    ids = { PAZ: await t.territoryId('PAZ'), PAZ19: await t.territoryId('PAZ19'), SML: await t.territoryId('SML') };
  });
  afterAll(() => t.close());

  it('creates an account with a one-time password, stores only an argon2id hash, and audits it without the hash', async () => {
    const res = await admin.post('/api/v1/users', { login: '  Petar.Petrov@Pazardzhik.example ', name: ' Петър Петров ', role: 'municipal_officer', territoryId: ids.PAZ19, language: 'bg' });
    expect(res.status).toBe(201);
    expect(res.body.oneTimePassword).toMatch(OTP);
    expect(res.body.user).toMatchObject({
      login: 'petar.petrov@pazardzhik.example',
      name: 'Петър Петров',
      role: 'municipal_officer',
      territory: { id: ids.PAZ19, code: 'PAZ19', name: 'Пазарджик', level: 'municipality', country: 'BG' },
      organisation: null,
      language: 'bg',
      mustChangePassword: true,
      disabled: false,
      lastSignInAt: null,
    });
    const id = res.body.user.id;
    const [stored] = await t.database.db.select().from(appUser).where(eq(appUser.id, id));
    expect(stored!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored!.passwordHash).not.toContain(res.body.oneTimePassword);

    const entry = await latestAudit('user');
    expect(entry).toMatchObject({ action: 'create', entity: 'user', entityId: String(id), actor: `user:${adminId}`, before: null });
    expect(entry.after).toMatchObject({ id, login: 'petar.petrov@pazardzhik.example', role: 'municipal_officer', territoryId: ids.PAZ19, mustChangePassword: true });
    expect(entry.after).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(entry)).not.toContain('$argon2');

    const list = await admin.get('/api/v1/users');
    expect(list.body.items.filter((u: { login: string }) => u.login === 'petar.petrov@pazardzhik.example')).toHaveLength(1);
    // The one-time password signs in.
    const signIn = await t.anonymous().post('/api/v1/session', { login: 'petar.petrov@pazardzhik.example', password: res.body.oneTimePassword });
    expect([signIn.status, signIn.body.user.mustChangePassword]).toEqual([200, true]);
  });

  it('refuses a second account with the same login, whatever its case, with 409', async () => {
    const first = await admin.post('/api/v1/users', { login: 'ivan@smolyan.example', name: 'Иван', role: 'viewer', territoryId: ids.SML });
    expect(first.status).toBe(201);
    const count = (await admin.get('/api/v1/users')).body.items.length;
    const again = await admin.post('/api/v1/users', { login: 'IVAN@Smolyan.example', name: 'Друг Иван', role: 'viewer', territoryId: ids.PAZ });
    expect([again.status, again.body.code]).toEqual([409, 'conflict.duplicate']);
    expect(again.body.title).toContain('ivan@smolyan.example');
    expect((await admin.get('/api/v1/users')).body.items.length).toBe(count);
  });

  it('requires a territory for every role but admin, and ignores one given to an admin', async () => {
    for (const role of ['agency', 'regional_officer', 'municipal_officer', 'provider', 'viewer']) {
      const res = await admin.post('/api/v1/users', { login: `${role}.noscope@test.example`, name: 'No scope', role, territoryId: null });
      expect([res.status, res.body.code, res.body.issues], role).toEqual([400, 'validation.invalid', [{ path: 'territoryId', message: 'territory_required' }]]);
    }
    const unknown = await admin.post('/api/v1/users', { login: 'unknown.scope@test.example', name: 'Unknown scope', role: 'viewer', territoryId: 99_999_999 });
    expect([unknown.status, unknown.body.issues]).toEqual([400, [{ path: 'territoryId', message: 'unknown_territory' }]]);
    const logins = (await admin.get('/api/v1/users')).body.items.map((u: { login: string }) => u.login);
    expect(logins.filter((l: string) => l.includes('scope@test.example'))).toEqual([]);

    const second = await admin.post('/api/v1/users', { login: 'second.admin@test.example', name: 'Second admin', role: 'admin', territoryId: ids.PAZ });
    expect([second.status, second.body.user.territory]).toEqual([201, null]);
  });

  it('changes role, territory and language; the account’s open sessions end because its reach changed', async () => {
    const created = await admin.post('/api/v1/users', { login: 'georgi@pazardzhik.example', name: 'Георги', role: 'municipal_officer', territoryId: ids.PAZ19 });
    const id = created.body.user.id;
    await t.database.db.update(appUser).set({ mustChangePassword: false }).where(eq(appUser.id, id));
    const georgi = await new Client(t.url).signIn('georgi@pazardzhik.example', created.body.oneTimePassword);
    expect((await georgi.get(`/api/v1/territories/${ids.PAZ}`)).status).toBe(403);

    const res = await admin.put(`/api/v1/users/${id}`, body({ name: 'Георги Георгиев', role: 'regional_officer', territoryId: ids.PAZ, language: 'en' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, name: 'Георги Георгиев', role: 'regional_officer', territory: { code: 'PAZ' }, language: 'en', disabled: false });
    expect((await georgi.get('/api/v1/session')).status).toBe(401);
    // Signed in again, the new reach applies.
    const again = await new Client(t.url).signIn('georgi@pazardzhik.example', created.body.oneTimePassword);
    expect((await again.get(`/api/v1/territories/${ids.PAZ}`)).status).toBe(200);
    expect((await again.get('/api/v1/session')).body.permissions.editNorms).toBe(true);

    const entry = await latestAudit('user');
    expect(entry).toMatchObject({ action: 'update', entityId: String(id), actor: `user:${adminId}` });
    expect(entry.before).toMatchObject({ role: 'municipal_officer', territoryId: ids.PAZ19, name: 'Георги' });
    expect(entry.after).toMatchObject({ role: 'regional_officer', territoryId: ids.PAZ, name: 'Георги Георгиев' });
    expect(JSON.stringify(entry)).not.toContain('$argon2');
  });

  it('disables an account: it shows as disabled and cannot sign in', async () => {
    const created = await admin.post('/api/v1/users', { login: 'elena@pazardzhik.example', name: 'Елена', role: 'viewer', territoryId: ids.PAZ });
    const id = created.body.user.id;
    const res = await admin.put(`/api/v1/users/${id}`, body({ name: 'Елена', role: 'viewer', territoryId: ids.PAZ, disabled: true }));
    expect([res.status, res.body.disabled]).toEqual([200, true]);
    expect((await admin.get('/api/v1/users')).body.items.find((u: { id: number }) => u.id === id).disabled).toBe(true);
    const signIn = await t.anonymous().post('/api/v1/session', { login: 'elena@pazardzhik.example', password: created.body.oneTimePassword });
    expect([signIn.status, signIn.body.code]).toEqual([401, 'auth.invalid_credentials']);
  });

  it('resets a password: a new one-time password, the old password and sessions stop working', async () => {
    const user = await t.as('viewer', 'PAZ');
    const { id, login } = (await user.get('/api/v1/session')).body.user;
    const res = await admin.post(`/api/v1/users/${id}/password`);
    expect(res.status).toBe(200);
    expect(res.body.oneTimePassword).toMatch(OTP);
    expect(res.body.user).toMatchObject({ id, login, mustChangePassword: true });
    expect((await user.get('/api/v1/session')).status).toBe(401);
    expect((await t.anonymous().post('/api/v1/session', { login, password: TEST_PASSWORD })).status).toBe(401);
    const signIn = await t.anonymous().post('/api/v1/session', { login, password: res.body.oneTimePassword });
    expect([signIn.status, signIn.body.user.mustChangePassword]).toEqual([200, true]);
    const entry = await latestAudit('user');
    expect(entry).toMatchObject({ action: 'password_reset', entityId: String(id), actor: `user:${adminId}`, before: null, after: null });
    expect((await admin.post('/api/v1/users/99999999/password')).status).toBe(404);
    expect((await admin.put('/api/v1/users/99999999', body())).status).toBe(404);
  });

  it('does not let an administrator demote or disable themself', async () => {
    const me = (await admin.get('/api/v1/session')).body.user;
    const demote = await admin.put(`/api/v1/users/${adminId}`, body({ name: me.name, role: 'regional_officer', territoryId: ids.PAZ }));
    expect([demote.status, demote.body.code, demote.body.issues]).toEqual([400, 'validation.invalid', [{ path: 'role', message: 'cannot_demote_self' }]]);
    const disable = await admin.put(`/api/v1/users/${adminId}`, body({ name: me.name, role: 'admin', territoryId: null, disabled: true }));
    expect([disable.status, disable.body.issues]).toEqual([400, [{ path: 'role', message: 'cannot_demote_self' }]]);
    const [stored] = await t.database.db.select().from(appUser).where(eq(appUser.id, adminId));
    expect([stored!.role, stored!.disabled]).toEqual(['admin', false]);
    expect((await admin.get('/api/v1/users')).status).toBe(200);
    // Their own name and language they may change.
    const rename = await admin.put(`/api/v1/users/${adminId}`, body({ name: 'Главен администратор', role: 'admin', territoryId: null }));
    expect([rename.status, rename.body.name, rename.body.role]).toEqual([200, 'Главен администратор', 'admin']);
    expect((await admin.get('/api/v1/session')).status).toBe(200);
  });
});
