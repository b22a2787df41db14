import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/** The officer's story: see the province's gaps, understand a figure, then add a site and see it count. */
describe('gap dashboard of Pazardzhik province', () => {
  const session = withAppAndBrowser();

  /** A figure as printed in English ("1,234.5"), back to a number. */
  const parseFigure = (text: string | null) => Number((text ?? '').replace(/[^0-9.-]/g, ''));

  const waitForDashboard = async (page: Page) => {
    await page.locator('[data-testid^="gap-row-"]').first().waitFor();
  };

  it('shows rows and the map, explains a figure, switches method, and counts a new service site', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);

    // An administrator's /gaps opens the demonstration province.
    await page.goto('/gaps');
    await page.waitForURL(/\/gaps\/\d+/);
    await waitForDashboard(page);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toMatch(/Pazardzhik|Пазарджик/);
    const provinceUrl = new URL(page.url());
    expect(await page.locator('[data-testid^="gap-row-"]').count()).toBeGreaterThan(3);
    await page.getByTestId('gap-diversity').getByText(/needed service types? (is|are) available/).waitFor();

    // The map and its table alternative: the 12 municipalities of the province.
    await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
    await expect.poll(() => page.locator('[data-testid^="coverage-PAZ"]').count()).toBe(12);
    await page.getByTestId('coverage-PAZ19').waitFor();
    await expectAccessible(page);

    // "How was this computed" for the first need figure: sums over municipalities, each explained.
    const needButton = page.locator('[data-testid^="gap-need-"]').first();
    const serviceType = (await needButton.getAttribute('data-testid'))!.slice('gap-need-'.length);
    const serviceTypeName = (await page.getByTestId(`gap-row-${serviceType}`).locator('th').textContent())!.trim();
    await needButton.click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('How was this computed').waitFor();
    await drawer.getByText(serviceTypeName).first().waitFor();
    const unit = drawer.getByTestId('explain-unit-PAZ19');
    await unit.getByRole('button').first().click();
    const norm = unit.getByTestId('explain-norm');
    await norm.waitFor();
    expect(await norm.textContent()).toMatch(/per 1,000/);
    expect(await norm.textContent()).toMatch(/Set for/);
    const population = unit.getByTestId('explain-population');
    expect(await population.textContent()).toMatch(/own population table|sum of its parts|estimated from an enclosing unit/);
    expect(await unit.getByTestId('explain-need-arithmetic').textContent()).toMatch(/× [\d.,]+ ÷ 1,000 = /);
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // Observed demand instead of the norm: the URL carries the method, the table follows.
    await page.getByTestId('gaps-method').getByText('Observed demand').click();
    await page.waitForURL(/method=observed/);
    await page.getByTestId('gaps-method-description').getByText('Observed demand (users + waiting list)').waitFor();
    await page.getByTestId('gaps-context').getByText(/Observed demand/).waitFor();
    await waitForDashboard(page);

    // Back to the normative view; note Batak's figures for that service type before adding a site.
    const year = await page.getByTestId('gaps-year').inputValue();
    const normativeProvince = `${provinceUrl.pathname}?year=${year}&method=normative`;
    await page.goto(normativeProvince);
    await waitForDashboard(page);
    const coverageBefore = await mapValueFor(page, serviceTypeName, 'PAZ03');
    await page.getByTestId('coverage-PAZ03').getByRole('link').click();
    await page.waitForURL((u) => u.pathname !== provinceUrl.pathname);
    await page.getByTestId(`gap-capacity-${serviceType}`).waitFor();
    const batakUrl = page.url();
    const capacityBefore = parseFigure(await page.getByTestId(`gap-capacity-${serviceType}`).textContent());
    const gapBefore = await page.getByTestId(`gap-gap-${serviceType}`).textContent();

    // A new day of work: the registry gets a site in Batak (the town, EKATTE 02837).
    await page.goto('/services');
    await page.getByTestId('add-site').click();
    await page.getByTestId('site-name-input').fill('E2E new service in Batak');
    await page.getByTestId('site-service-type').click();
    await page.getByTestId('site-service-type').fill(serviceTypeName.slice(0, 12));
    await page.getByRole('option', { name: serviceTypeName, exact: true }).click();
    await page.getByTestId('site-provider').fill('Municipality of Batak');
    await page.getByTestId('site-year').fill(year);
    await page.getByTestId('site-settlement').click();
    await page.getByTestId('site-settlement').fill('02837');
    await page.getByRole('option', { name: /02837/ }).click();
    await page.getByTestId('site-capacity-input').fill('500');
    await page.getByTestId('site-save').click();
    await page.getByTestId('site-form').waitFor({ state: 'hidden' });

    // Batak's dashboard: capacity up by 500, the gap changed.
    await page.goto(batakUrl);
    await expect
      .poll(async () => parseFigure(await page.getByTestId(`gap-capacity-${serviceType}`).textContent()), { timeout: 15_000 })
      .toBe(capacityBefore + 500);
    expect(await page.getByTestId(`gap-gap-${serviceType}`).textContent()).not.toBe(gapBefore);

    // The province's map value for Batak changed too.
    await page.goto(normativeProvince);
    await waitForDashboard(page);
    expect(await mapValueFor(page, serviceTypeName, 'PAZ03')).not.toBe(coverageBefore);
  });

  it('shows Khmilnyk hromada’s survey-based need with its 95 % interval, in Ukrainian', async () => {
    const { page } = await session.newPage('uk');
    await signIn(page);
    // The hromada's dashboard, as the territory tree links to it.
    const found = await page.evaluate(async () => (await (await fetch('/api/v1/territories?q=UA05120170000013778')).json()) as { items: { id: number }[] });
    await page.goto(`/gaps/${found.items[0]!.id}`);
    await waitForDashboard(page);
    await page.getByTestId('language-switch').selectOption('uk');
    await page.getByTestId('page-title').getByText(/Хмільницька/).waitFor();
    await page.getByTestId('gaps-method').getByText('За опитуванням').click();
    await page.waitForURL(/method=survey/);
    await page.getByTestId('gaps-method-description').getByText('За опитуванням (частка з потребою × чисельність групи)').waitFor();
    const interval = page.getByTestId('gap-need-interval-ua.home_care');
    await interval.waitFor();
    // "95 % інтервал 1 234,5–2 345,6": the low end below the figure, the high end above it.
    const figures = /інтервал\s*([\d\s,]+)–([\d\s,]+)/.exec((await interval.textContent()) ?? '');
    const [low, high] = [figures?.[1], figures?.[2]].map((x) => Number((x ?? '').replace(/\s/g, '').replace(',', '.')));
    const need = Number(((await page.getByTestId('gap-need-ua.home_care').textContent()) ?? '').replace(/\s/g, '').replace(',', '.'));
    expect(low).toBeLessThan(need);
    expect(high).toBeGreaterThan(need);
    await page.getByTestId('gap-gap-interval-ua.home_care').waitFor();
    await expectAccessible(page);
    // "How was this computed" leads to the assessment whose answers gave the figure.
    await page.getByTestId('gap-need-ua.home_care').click();
    await page.getByTestId('explain-need-arithmetic').getByText(/95\s*%\s*інтервал/).waitFor();
    await page.getByTestId('explain-survey-assessment').click();
    await page.waitForURL(/\/assessments\/\d+\?tab=needs/);
  });
});

/** Pick a service type above the map and read one municipality's coverage from the map's table. */
async function mapValueFor(page: Page, serviceTypeName: string, code: string): Promise<string> {
  await page.getByTestId('coverage-map').locator('canvas').first().waitFor();
  await page.getByTestId('map-service-type').click();
  await page.getByRole('option', { name: serviceTypeName, exact: true }).click();
  await expect.poll(() => page.getByTestId('map-service-type').inputValue()).toBe(serviceTypeName);
  const cell = page.getByTestId(`coverage-value-${code}`);
  await cell.waitFor();
  // The list follows the chosen service type once its figures have arrived.
  await expect.poll(async () => (await page.getByTestId('coverage-list').getAttribute('aria-busy')) ?? 'false').toBe('false');
  return (await cell.textContent())!.trim();
}
