import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * Figures that keep their units: places and persons a year never added together, a method
 * without an estimate said to have none (and why) instead of zeros, and a survey's persons never
 * set against places as if they compared.
 */
describe('units and missing estimates on the gap dashboard', () => {
  const session = withAppAndBrowser();

  /** "2,015.5 places" → 2015.5 */
  const figure = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));

  const territoryId = async (page: Page, code: string) => {
    const found = await page.evaluate(async (q) => (await (await fetch(`/api/v1/territories?q=${q}`)).json()) as { items: { id: number; code: string }[] }, code);
    return found.items.find((i) => i.code === code)!.id;
  };

  it('Pazardzhik: capacity in places and in persons a year apart; the survey method says "no estimate — no survey results", not 0', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    const paz = await territoryId(page, 'PAZ');
    await page.goto(`/gaps/${paz}?method=normative`);
    await page.locator('[data-testid^="gap-row-"]').first().waitFor();

    // Two capacity totals, each with its unit, instead of one sum of places and persons a year.
    const places = page.getByTestId('gap-total-capacity-places');
    const personsAYear = page.getByTestId('gap-total-capacity-persons_per_year');
    await places.getByText('places').waitFor();
    await personsAYear.getByText('persons a year').waitFor();
    const placesBefore = figure(await places.textContent());
    const personsBefore = figure(await personsAYear.textContent());
    expect(placesBefore).toBeGreaterThan(0);
    expect(personsBefore).toBeGreaterThan(0);
    // The map's table lists a municipality's capacity per unit too.
    await page.getByTestId('coverage-capacity-PAZ19').locator('[data-unit="places"]').waitFor();
    await page.getByTestId('coverage-capacity-PAZ19').locator('[data-unit="persons_per_year"]').waitFor();

    // The method switch tells, before it is picked, that the survey has nothing to show here.
    const survey = page.getByTestId('gaps-method').getByText('Survey-based · no estimate');
    await survey.waitFor();
    await survey.click();
    await page.waitForURL(/method=survey/);
    await page.getByTestId('gaps-no-estimate').getByText(/Survey-based: no estimate here — no survey results/).waitFor();

    // The need card says "no estimate" and why; the capacity cards keep the real capacity.
    const need = page.getByTestId('gap-total-need');
    await need.getByText('no estimate', { exact: true }).waitFor();
    await need.getByText(/no survey results/).waitFor();
    expect(await need.textContent()).not.toMatch(/\b0\b/);
    await expect.poll(async () => figure(await page.getByTestId('gap-total-capacity-places').textContent())).toBe(placesBefore);
    expect(figure(await page.getByTestId('gap-total-capacity-persons_per_year').textContent())).toBe(personsBefore);
    await page.getByTestId('gap-total-shortfall').getByText('no estimate', { exact: true }).first().waitFor();

    // Each row: "no estimate" for the need, with the reason read out; the capacity as it is.
    await page.getByTestId('gap-no-estimate-bg.home_care').getByText('no estimate', { exact: true }).waitFor();
    expect(await page.getByTestId('gap-no-estimate-bg.home_care').textContent()).toMatch(/no survey results/);
    expect(figure(await page.getByTestId('gap-capacity-bg.home_care').textContent())).toBeGreaterThan(0);

    // Each municipality: no coverage and why, its need "no estimate", its capacity not 0.
    const coverage = page.getByTestId('coverage-value-PAZ19');
    await expect.poll(() => coverage.textContent()).toMatch(/no estimate \(no survey results/);
    await page.getByTestId('coverage-need-PAZ19').getByText(/no estimate/).waitFor();
    expect(figure(await page.getByTestId('coverage-capacity-PAZ19').locator('[data-unit="places"]').textContent())).toBeGreaterThan(0);
    await expectAccessible(page);
  });

  it('Khmilnyk: the survey’s persons for day care beside its places are said not to compare, with no coverage', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    const khmilnyk = await territoryId(page, 'UA05120170000013778');
    await page.goto(`/gaps/${khmilnyk}?method=survey`);
    await page.locator('[data-testid^="gap-row-"]').first().waitFor();

    // Units named per row: the survey counts persons; day care's capacity counts places.
    await page.getByTestId('gap-unit-ua.day_care').getByText('need in persons, capacity in places').waitFor();
    await page.getByTestId('gap-need-ua.day_care').waitFor();
    const dayCareCoverage = page.getByTestId('gap-coverage-cell-ua.day_care');
    await dayCareCoverage.getByText('not comparable').waitFor();
    expect(await dayCareCoverage.textContent()).not.toMatch(/%/);
    expect(await page.getByTestId('gap-row-ua.day_care').textContent()).toMatch(/do not compare one to one/);
    // Home care counts persons served a year, which a survey's persons compare with.
    expect(await page.getByTestId('gap-coverage-cell-ua.home_care').textContent()).toMatch(/%/);
    await page.getByTestId('gaps-survey-units').getByText(/counts persons who would use a service at some time, not places/).waitFor();

    // The summary: the survey's persons apart from the places and persons a year of capacity.
    await page.getByTestId('gap-total-need-persons').getByText('persons').waitFor();
    await page.getByTestId('gap-total-capacity-places').waitFor();
    // Explanation of day care: the arithmetic is replaced by how to read the two figures.
    await page.getByTestId('gap-need-ua.day_care').click();
    await page.getByTestId('explain-not-comparable').getByText(/places serve in a year/).waitFor();
    await expectAccessible(page);
  });
});
