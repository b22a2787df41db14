import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/**
 * Story 2 of PRODUCT.md: Pazardzhik municipality's officer reviews its active services with the
 * forum — users over the years, results, challenges, a partner's good practice — and downloads
 * the review as a Word document.
 */
describe('municipal services review', () => {
  const session = withAppAndBrowser();

  it("the municipality's officer writes the forum's notes on a service, sees them after a reload and downloads the DOCX", async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const password = await createOfficer(session.url(), { login: 'paz.review', name: 'Officer of Pazardzhik', role: 'municipal_officer', territoryId: await territoryId(admin, 'PAZ19'), language: 'bg' });
    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.review', password);
    await page.goto('/services-review');
    await page.getByTestId('page-title').getByText('Преглед на социалните услуги в общината').waitFor();
    await page.getByTestId('review-chart').waitFor();
    const cards = page.locator('[data-testid^="review-service-"]');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    await expectAccessible(page);

    const card = cards.first();
    await card.getByTestId('review-results').fill('Обслужени 42 потребители, 5 от тях от селата');
    await card.getByTestId('review-challenges').fill('Трудно се откриват нови услуги; липсват социални работници');
    await card.getByTestId('review-goodPractices').fill('Мобилен екип посещава отдалечените села');
    await card.getByTestId('review-partner').fill('Сдружение „Подкрепа“');
    await card.getByTestId('review-save').click();
    await page.getByText('Бележките са запазени').waitFor();

    await page.reload();
    await cards.first().getByTestId('review-results').waitFor();
    await expect.poll(() => cards.first().getByTestId('review-results').inputValue()).toBe('Обслужени 42 потребители, 5 от тях от селата');
    expect(await cards.first().getByTestId('review-partner').inputValue()).toBe('Сдружение „Подкрепа“');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-docx').click()]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(/^pregled-na-uslugite-pazardzhik-\d{4}\.docx$/);
    // A Word document is a ZIP archive.
    expect(readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');

    // On a phone: no sideways scroll.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.getByTestId('review-chart').waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await expectAccessible(page);
  });
});
