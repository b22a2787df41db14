import { describe, expect, it } from 'vitest';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/** An officer looks up who lives in a province and in one of its municipalities, by age and sex. */
describe('territories and their population', () => {
  const session = withAppAndBrowser();

  const PAZARDZHIK = /^(Pazardzhik|Пазарджик)$/;
  const figure = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

  it('opens Pazardzhik province, then a municipality, and shows its estimated age pyramid', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/territories');
    await page.getByTestId('page-title').getByText('Territories').waitFor();
    await page.getByText('Choose a territory on the left').waitFor();
    await expectAccessible(page);

    // The tree: Bulgaria → Pazardzhik province.
    await page.getByTestId('tree-toggle-BG').click();
    expect(await page.getByTestId('tree-toggle-BG').getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('tree-node-PAZ').click();
    await page.waitForURL(/\/territories\/\d+$/);
    // English readers see the Latin name where the data has one.
    await page.getByTestId('territory-name').getByText(PAZARDZHIK).waitFor();
    await page.getByTestId('territory-detail').getByText('Province (oblast)').waitFor();
    // Real NSI figure: 227,625 people on 31 Dec 2021, from the province's own table.
    await page.getByTestId('population-total').getByText('227,625').waitFor();
    await page.getByTestId('population-how').getByText("from the unit's own population table").waitFor();
    await page.getByTestId('pyramid-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('pyramid-estimated').count()).toBe(0);
    await expectAccessible(page);

    // Its municipality Pazardzhik: no age table of its own, so the pyramid is an estimate.
    await page.getByTestId('tree-toggle-PAZ').click();
    await page.getByTestId('tree-node-PAZ19').click();
    await page.getByTestId('territory-detail').getByText('Municipality (obshtina)').waitFor();
    await page.getByTestId('territory-breadcrumbs').getByRole('link', { name: PAZARDZHIK }).waitFor();
    await page.getByTestId('territory-breadcrumbs').getByRole('link', { name: 'Bulgaria' }).waitFor();
    await page.getByTestId('pyramid-estimated').getByText(/Estimated: the age structure of (Pazardzhik|Пазарджик)/).waitFor();
    await page.getByTestId('population-how').getByText("estimated from an enclosing unit's age structure").waitFor();
    const total = figure(await page.getByTestId('population-total').textContent());
    expect(total).toBeGreaterThan(50_000);
    expect(total).toBeLessThan(227_625);
    // The chart's table alternative adds up to the same total.
    await page.getByTestId('pyramid-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('pyramid-chart').getAttribute('aria-label')).toMatch(/men on the left, women on the right/);
    expect(figure(await page.getByTestId('pyramid-total').textContent())).toBe(total);
    expect(await page.getByTestId('pyramid-table').locator('tbody tr').count()).toBeGreaterThan(15);
    await page.getByTestId('pyramid-sources').getByText(/NSI/).waitFor();
    await expectAccessible(page);

    // An earlier year.
    await page.getByTestId('pyramid-year').click();
    await page.getByRole('option', { name: '2015', exact: true }).click();
    await page.getByTestId('pyramid-table').getByText(/by age and sex, 2015/).waitFor();

    // Search by name: another municipality of the province.
    await page.getByTestId('territory-search').fill('Батак');
    await page.getByTestId('search-result-PAZ03').click();
    await page.getByTestId('territory-name').getByText(/^(Batak|Батак)$/).waitFor();
    await page.getByTestId('pyramid-estimated').waitFor();
    await expectAccessible(page);
  });
});
