import { describe, expect, it } from 'vitest';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * The administrator gives a municipal officer of Pazardzhik an account; the change is in the
 * audit log; the officer signs in with the one-time password, chooses her own, and sees only
 * her municipality. When she forgets it, the administrator gives her a new one-time password.
 */
describe('users and the audit log', () => {
  const session = withAppAndBrowser();


  it('creates a municipal officer, records it, and limits the officer to her municipality', async () => {
    const admin = await session.newPage('en');
    const page = admin.page;
    await signIn(page);
    await page.goto('/users');
    await page.getByTestId('page-title').getByText('Users').waitFor();
    await page.getByTestId('user-row-admin').waitFor();
    await expectAccessible(page);

    // The account: a municipal officer scoped to Pazardzhik municipality (PAZ19).
    await page.getByTestId('add-user').click();
    const form = page.getByTestId('user-form');
    await form.waitFor();
    await page.getByTestId('user-login').fill('m.ivanova');
    await page.getByTestId('user-name').fill('Maria Ivanova');
    expect(await page.getByTestId('user-role').inputValue()).toBe('Municipal officer');
    await choose(page, 'user-territory', 'PAZ19', /Municipality \(obshtina\) · PAZ19$/);
    await page.getByTestId('user-organisation').fill('Municipality of Pazardzhik');
    await page.getByTestId('user-save').click();
    await form.waitFor({ state: 'hidden' });

    // The one-time password, shown once.
    const otp = page.getByTestId('one-time-password');
    await otp.waitFor();
    const oneTimePassword = (await otp.textContent())!.trim();
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await page.getByRole('dialog').getByText(/Give this password to the user m\.ivanova/).waitFor();
    await expectAccessible(page);
    await page.getByTestId('one-time-password-done').click();
    await otp.waitFor({ state: 'hidden' });
    const row = page.getByTestId('user-row-m.ivanova');
    await row.getByText('Maria Ivanova').waitFor();
    await row.getByText('Municipal officer').waitFor();
    await row.getByText('Password to be changed').waitFor();
    await row.getByText(/PAZ19/).waitFor();

    // The audit log: who created which account, and what it holds.
    await page.goto('/audit');
    await page.getByTestId('page-title').getByText('Audit log').waitFor();
    await page.getByTestId('audit-entity').click();
    await page.getByRole('option', { name: 'User', exact: true }).click();
    await page.waitForURL(/entity=user/);
    const created = page.getByTestId('audit-row').filter({ hasText: 'Created' }).filter({ hasText: 'Administrator' }).first();
    await created.waitFor();
    await expect.poll(async () => (await page.getByTestId('audit-entity-cell').allTextContents()).every((t) => t.startsWith('User'))).toBe(true);
    await created.getByTestId('audit-toggle').click();
    const diff = page.getByTestId('audit-diff').first();
    await diff.getByText('m.ivanova').waitFor();
    await diff.getByText('Maria Ivanova').waitFor();
    expect(await diff.textContent()).not.toMatch(/passwordHash|argon2/);
    await expectAccessible(page);

    // The officer, on her own computer: the one-time password, then her own.
    const officer = await session.newPage('en');
    await signIn(officer.page, 'm.ivanova', oneTimePassword);
    await officer.page.waitForURL(/\/change-password/);
    await officer.page.getByTestId('password-change-required').waitFor();
    await expectAccessible(officer.page);
    await officer.page.getByTestId('current-password').fill(oneTimePassword);
    await officer.page.getByTestId('new-password').fill('short');
    await officer.page.getByTestId('repeat-password').fill('short');
    await officer.page.getByTestId('change-password-submit').click();
    await officer.page.getByText('Use at least 12 characters.').waitFor();
    await officer.page.getByTestId('new-password').fill('green river stone lamp');
    await officer.page.getByTestId('repeat-password').fill('green river stone lamp');
    await officer.page.getByTestId('change-password-submit').click();
    await officer.page.waitForURL(/\/gaps/);

    // Her reach: Pazardzhik municipality only, and no administration screens.
    expect(await officer.page.getByTestId('nav-users').count()).toBe(0);
    expect(await officer.page.getByTestId('nav-audit').count()).toBe(0);
    await officer.page.getByTestId('nav-territories').click();
    await officer.page.getByTestId('tree-node-PAZ19').waitFor();
    expect(await officer.page.getByTestId('tree-node-PAZ').count()).toBe(0);
    expect(await officer.page.getByTestId('tree-node-BG').count()).toBe(0);
    expect(await officer.page.getByTestId('territory-tree').locator('a').count()).toBe(1);
    await expectAccessible(officer.page);

    await officer.page.getByTestId('nav-services').click();
    const sites = officer.page.getByTestId('registry-row');
    await sites.first().waitFor();
    const texts = await sites.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/Pazardzhik|Пазарджик/);
    await officer.page.getByTestId('registry-count').getByText(/^\d+ service sites?$/).waitFor();
    expect(texts.some((t) => /Batak|Батак|Velingrad|Велинград|Peshtera|Пещера/.test(t))).toBe(false);
    await expectAccessible(officer.page);

    // The password change is in the log too.
    await page.goto('/audit?entity=user');
    await page.getByTestId('audit-row').filter({ hasText: 'Changed own password' }).filter({ hasText: 'Maria Ivanova' }).first().waitFor();

    // She forgets it: the administrator gives her a new one-time password, after being asked.
    await page.goto('/users');
    const her = page.getByTestId('user-row-m.ivanova');
    await her.getByTestId('reset-password').click();
    const confirm = page.getByRole('dialog', { name: 'Reset password' });
    await confirm.getByText('Give Maria Ivanova a new one-time password? The current password stops working.').waitFor();
    await expectAccessible(page);
    await confirm.getByTestId('confirm-reset').click();
    const again = page.getByTestId('one-time-password');
    await again.waitFor();
    const newOneTime = (await again.textContent())!.trim();
    expect(newOneTime).not.toBe(oneTimePassword);
    await page.getByTestId('one-time-password-done').click();
    await her.getByText('Password to be changed').waitFor();
    // Her own password no longer opens the app; the new one-time password does.
    const later = await session.newPage('en');
    await later.page.goto('/sign-in');
    await later.page.getByTestId('sign-in-login').fill('m.ivanova');
    await later.page.getByTestId('sign-in-password').fill('green river stone lamp');
    await later.page.getByTestId('sign-in-submit').click();
    await later.page.getByTestId('error-alert').waitFor();
    await signIn(later.page, 'm.ivanova', newOneTime);
    await later.page.waitForURL(/\/change-password/);
    await later.context.close();

    await officer.context.close();
    await admin.context.close();
  });
});
