import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/** A regional officer keeps the registry of service sites up to date. */
describe('service registry', () => {
  const session = withAppAndBrowser();

  const rows = (page: Page) => page.getByTestId('registry-row');

  it('filters the demo sites of Pazardzhik, then adds, edits and deletes a site', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/services');
    await page.getByTestId('page-title').getByText('Service registry').waitFor();
    await rows(page).first().waitFor();
    await expectAccessible(page);

    // The demonstration sites of Pazardzhik province, each marked as demo data.
    await choose(page, 'filter-territory', 'PAZ', /Province \(oblast\) · PAZ$/);
    // The newest year of the province's sites (Ukraine's demo has later ones).
    await page.waitForURL(/territoryId=\d+.*year=2025|year=2025.*territoryId=\d+/);
    await page.getByTestId('registry-count').getByText(/^\d+ service sites$/).waitFor();
    const all = await rows(page).count();
    expect(all).toBeGreaterThan(5);
    expect(await rows(page).first().getByTestId('demo-badge').count()).toBe(1);

    // Narrow down to one service type, then by text.
    await choose(page, 'filter-service-type', 'Home care', 'Home care');
    await page.waitForURL(/serviceType=bg\.home_care/);
    await expect.poll(async () => (await rows(page).allTextContents()).every((r) => r.includes('Home care')), { timeout: 10_000 }).toBe(true);
    await page.getByTestId('filter-text').fill('Батак');
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    await rows(page).first().getByText(/Batak|Батак/).first().waitFor();
    await expectAccessible(page);
    await page.getByTestId('filter-text').fill('');
    // Choosing the selected type again clears it.
    await page.getByTestId('filter-service-type').click();
    await page.getByRole('option', { name: 'Home care', exact: true }).click();
    await page.waitForURL((u) => !u.search.includes('serviceType'));

    // A new site: the capacity typed wrongly is caught before anything is sent.
    await page.getByTestId('add-site').click();
    const form = page.getByTestId('site-form');
    await form.waitFor();
    await page.getByTestId('site-name-input').fill('E2E Day centre for older people');
    await choose(page, 'site-service-type', 'Day care for older', 'Day care for older people');
    await page.getByTestId('site-provider').fill('Municipality of Pazardzhik');
    await choose(page, 'site-settlement', '55155', /55155/);
    await page.getByTestId('site-serves').click();
    await page.getByRole('option', { name: /^(Batak|Батак)$/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('site-capacity-input').fill('-5');
    await page.getByTestId('site-users').fill('12');
    await page.getByTestId('site-save').click();
    await form.getByText('Enter 0 or more.').waitFor();
    expect(await page.getByTestId('site-capacity-input').getAttribute('aria-invalid')).toBe('true');
    // The rest of what was typed is kept.
    expect(await page.getByTestId('site-name-input').inputValue()).toBe('E2E Day centre for older people');
    await expectAccessible(page);

    await page.getByTestId('site-capacity-input').fill('24');
    await page.getByTestId('site-save').click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('E2E Day centre for older people was added.').waitFor();

    // It is in the table (found by its name), with its figures.
    await page.getByTestId('filter-text').fill('E2E Day centre');
    await expect.poll(() => rows(page).count(), { timeout: 10_000 }).toBe(1);
    const row = rows(page).first();
    await row.getByTestId('site-name').getByText('E2E Day centre for older people').waitFor();
    expect((await row.getByTestId('site-capacity').textContent())?.trim()).toBe('24');
    expect(await row.getByTestId('demo-badge').count()).toBe(0);

    // Edit: more places.
    await row.getByTestId('edit-site').click();
    await form.waitFor();
    expect(await page.getByTestId('site-capacity-input').inputValue()).toBe('24');
    await page.getByTestId('site-capacity-input').fill('30');
    await page.getByTestId('site-save').click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await rows(page).first().getByTestId('site-capacity').textContent())?.trim(), { timeout: 10_000 }).toBe('30');

    // Delete, after confirming.
    await rows(page).first().getByTestId('delete-site').click();
    await page.getByRole('dialog').getByText(/Delete "E2E Day centre for older people"/).waitFor();
    await expectAccessible(page);
    await page.getByTestId('confirm-delete').click();
    await page.getByTestId('registry-empty').waitFor();
    expect(await rows(page).count()).toBe(0);
  });

  it('starts next year’s registry of a municipality from this year’s sites', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/services');
    await page.getByTestId('registry-count').waitFor();
    await choose(page, 'filter-territory', 'Velingrad', /Velingrad.*PAZ08/);
    await page.waitForURL(/territoryId=\d+.*year=2025|year=2025.*territoryId=\d+/);
    // Velingrad's four demonstration sites, and four of Pazardzhik that serve the whole province.
    await page.getByTestId('registry-count').getByText('8 service sites').waitFor();

    await page.getByTestId('copy-year').getByText('Start 2026 from this year').click();
    await page.getByRole('dialog').getByText(/Users, waiting list and vacancies of 2026 are left empty/).waitFor();
    await expectAccessible(page);
    await page.getByTestId('confirm-copy-year').click();
    await page.getByText('4 sites copied to 2026.').waitFor();
    // The list now shows 2026: Velingrad's own sites, their users still to be entered; the
    // province's sites start their year in Pazardzhik's registry.
    await page.waitForURL(/year=2026/);
    await page.getByTestId('registry-count').getByText('4 service sites').waitFor();
  });
});
