import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * Issue 7, "the year trap": one site entered early for next year in one municipality must not make
 * next year what everyone sees. The registry and the gap dashboard open on the newest year whose
 * registry is complete for the territory; a year far smaller than the year before says so, and
 * offers to start it from the previous year's sites.
 */
describe('the year a registry and a gap dashboard open on', () => {
  const session = withAppAndBrowser();

  const pickYear = async (page: Page, testId: string, year: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: year, exact: true }).click();
  };

  it('keeps the registry of Pazardzhik on 2025 after a 2026 site is added in Peshtera, and warns on 2026', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);

    // Every country's registry at once: Ukraine's demonstration has 2026, Bulgaria's is 2025.
    await page.goto('/services');
    await page.waitForURL(/year=2025/);
    expect(await page.getByTestId('filter-year').inputValue()).toBe('2025');
    await choose(page, 'filter-territory', 'PAZ', /Province \(oblast\) · PAZ$/);
    await page.waitForURL(/territoryId=\d+.*year=2025|year=2025.*territoryId=\d+/);
    await page.getByTestId('registry-count').getByText('29 service sites').waitFor();
    await expectAccessible(page);

    // A new site goes into the year the registry shows; this one is meant for 2026, in Peshtera.
    await page.getByTestId('add-site').click();
    await page.getByTestId('site-form').waitFor();
    expect(await page.getByTestId('site-year').inputValue()).toBe('2025');
    await page.getByTestId('site-name-input').fill('E2E Home care Peshtera 2026');
    await choose(page, 'site-service-type', 'Home care', 'Home care');
    await page.getByTestId('site-provider').fill('Municipality of Peshtera');
    await page.getByTestId('site-year').fill('2026');
    await choose(page, 'site-settlement', '56277', /56277/);
    await page.getByTestId('site-capacity-input').fill('30');
    await page.getByTestId('site-save').click();
    await page.getByTestId('site-form').waitFor({ state: 'hidden' });
    await page.getByText('E2E Home care Peshtera 2026 was added.').waitFor();

    // The registry still shows Pazardzhik's 2025; 2026 can be chosen, and says it is not complete.
    expect(await page.getByTestId('filter-year').inputValue()).toBe('2025');
    await page.getByTestId('registry-count').getByText('29 service sites').waitFor();
    expect(await page.getByTestId('registry-year-warning').count()).toBe(0);
    await pickYear(page, 'filter-year', '2026');
    await page.getByTestId('registry-count').getByText('1 service site').waitFor();
    await page.getByTestId('registry-year-warning').getByText('2026 has 1 site in the registry, 2025 had 29: the figures for 2026 are not complete.').waitFor();
  });

  // After the test above: Pazardzhik's registry holds its 29 sites of 2025 and Peshtera's one of 2026.
  it('opens the gap dashboard on 2025, warns on 2026 and starts 2026 from 2025’s sites', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);

    // The gap dashboard of the province opens on 2025, with no warning.
    await page.goto('/gaps');
    await page.waitForURL(/\/gaps\/\d+/);
    await page.getByTestId('gaps-context').waitFor();
    const provinceUrl = new URL(page.url());
    expect(provinceUrl.searchParams.get('year')).toBeNull();
    expect(await page.getByTestId('gaps-year').inputValue()).toBe('2025');
    await page.getByTestId('gaps-context').getByText(/2025/).waitFor();
    expect(await page.getByTestId('registry-year-warning').count()).toBe(0);

    // Choosing 2026: the warning, and the offer to start 2026 from 2025's sites.
    await pickYear(page, 'gaps-year', '2026');
    await page.waitForURL(/year=2026/);
    const warning = page.getByTestId('registry-year-warning');
    await warning.getByText('The registry of 2026 is not complete').waitFor();
    await warning.getByText('2026 has 1 site in the registry, 2025 had 29: the figures for 2026 are not complete.').waitFor();
    const copy = warning.getByTestId('copy-year');
    expect((await copy.textContent())?.trim()).toBe('Start 2026 from the sites of 2025');
    await expectAccessible(page);

    // On a phone the warning and its button fit the screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect
      .poll(() => warning.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth && el.scrollWidth <= el.clientWidth))
      .toBe(true);
    await page.setViewportSize({ width: 1360, height: 900 });

    // Starting 2026 from 2025: the 29 sites are copied, the warning goes, and 2026 becomes the year the dashboard opens on.
    await copy.click();
    await page.getByRole('dialog').getByText(/Users, waiting list and vacancies of 2026 are left empty/).waitFor();
    await page.getByTestId('confirm-copy-year').click();
    await page.getByText('29 sites copied to 2026.').waitFor();
    await warning.waitFor({ state: 'detached' });
    await page.goto(provinceUrl.pathname);
    await page.getByTestId('gaps-context').getByText(/2026/).waitFor();
    expect(await page.getByTestId('gaps-year').inputValue()).toBe('2026');
  });

  it('warns in Bulgarian with the right plural forms', async () => {
    const { page } = await session.newPage('bg');
    await signIn(page);
    await page.getByTestId('language-switch').selectOption('bg');
    // Velingrad's 2027 begun with one site, beside the 8 sites of its last year (2025, or 2026 once copied).
    const velingrad = await page.evaluate(async () => ((await (await fetch('/api/v1/territories?q=PAZ08')).json()) as { items: { id: number; code: string }[] }).items.find((i) => i.code === 'PAZ08')!.id);
    await page.goto(`/services?territoryId=${velingrad}&year=2027`);
    await page.getByTestId('add-site').click();
    await page.getByTestId('site-form').waitFor();
    expect(await page.getByTestId('site-year').inputValue()).toBe('2027');
    await page.getByTestId('site-name-input').fill('E2E Домашен патронаж – Велинград 2027');
    await choose(page, 'site-service-type', 'Домашна грижа', 'Домашна грижа / домашен социален патронаж');
    await page.getByTestId('site-provider').fill('Община Велинград');
    await choose(page, 'site-settlement', '10450', /10450/);
    await page.getByTestId('site-capacity-input').fill('10');
    await page.getByTestId('site-save').click();
    await page.getByTestId('site-form').waitFor({ state: 'hidden' });

    await page.goto(`/gaps/${velingrad}?year=2027&method=normative`);
    const warning = page.getByTestId('registry-year-warning');
    await warning.getByText(/^За 2027 г\. в регистъра има 1 услуга, за 202[56] г\. – 8: данните за 2027 г\. не са пълни\.$/).waitFor();
    expect((await warning.getByTestId('copy-year').textContent())?.trim()).toMatch(/^Започни 2027 г\. с услугите от 202[56] г\.$/);
    await expectAccessible(page);
  });
});
