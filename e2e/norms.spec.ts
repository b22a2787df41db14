import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/** A regional officer sets a regional coverage norm that replaces the country's, then removes it. */
describe('coverage norms', () => {
  const session = withAppAndBrowser();

  const row = (page: Page, text: RegExp) => page.getByTestId('norm-row').filter({ hasText: text });

  it('adds a regional norm for Pazardzhik, sees it replace the national one, edits and deletes it', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/norms');
    await page.getByTestId('page-title').getByText('Norms').waitFor();
    // Bulgaria's national (illustrative) norms by default.
    await row(page, /Day care for older people/).first().waitFor();
    expect(await page.getByTestId('norm-row').count()).toBeGreaterThan(5);
    expect(await row(page, /Day care for older people/).getByTestId('demo-badge').count()).toBe(1);
    await expectAccessible(page);

    // A norm for the province: the rate above 1,000 per 1,000 is refused on the spot.
    await page.getByTestId('add-norm').click();
    const form = page.getByTestId('norm-form');
    await form.waitFor();
    await choose(page, 'norm-service-type', 'Day care for older', 'Day care for older people');
    await choose(page, 'norm-territory', 'PAZ', /Province \(oblast\) · PAZ$/);
    await page.getByTestId('norm-sex').click();
    await page.getByRole('option', { name: 'Women' }).click();
    await page.getByTestId('norm-age-from').fill('70');
    await page.getByTestId('norm-rate-input').fill('1200');
    await page.getByTestId('norm-source').fill('Regional strategy for social services 2026–2030');
    await page.getByTestId('norm-save').click();
    await form.getByText('Enter 1000 or less.').waitFor();
    await expectAccessible(page);
    await page.getByTestId('norm-rate-input').fill('4.5');
    await page.getByTestId('norm-save').click();
    await form.waitFor({ state: 'hidden' });

    // Norms in force for the province: the regional norm, and the national one marked as replaced.
    await choose(page, 'norms-territory', 'PAZ', /Province \(oblast\) · PAZ$/);
    const regional = row(page, /Regional strategy for social services/);
    await regional.waitFor();
    expect(await regional.textContent()).toMatch(/Women aged 70\+/);
    expect((await regional.getByTestId('norm-rate').textContent())?.trim()).toBe('4.5');
    await row(page, /Day care for older people/).filter({ hasText: 'Replaced by a regional norm' }).waitFor();
    await expectAccessible(page);

    // Edit the rate.
    await regional.getByTestId('edit-norm').click();
    await form.waitFor();
    await page.getByTestId('norm-rate-input').fill('5');
    await page.getByTestId('norm-save').click();
    await form.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await regional.getByTestId('norm-rate').textContent())?.trim()).toBe('5');

    // Delete it: the national norm applies again.
    await regional.getByTestId('delete-norm').click();
    await page.getByRole('dialog').getByText(/Delete the norm for "Day care for older people"/).waitFor();
    await page.getByTestId('confirm-delete-norm').click();
    await regional.waitFor({ state: 'detached' });
    expect(await page.getByText('Replaced by a regional norm').count()).toBe(0);
    await row(page, /Day care for older people/).first().waitFor();
  });
});
