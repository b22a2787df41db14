import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

async function beyondTheEdge(page: Page): Promise<string[]> {
  await page.locator('header .mantine-Burger-root').waitFor();
  const { scrollWidth, innerWidth, culprits } = await widthOf(page);
  return scrollWidth > innerWidth ? [`${scrollWidth} px wide`, ...culprits] : [];
}

/**
 * Scenarios and peers of a round (issue 8, items 9 and 10): the regional officer makes a
 * scenario, lowers an item's cost and sees its over-budget check clear at once, then compares the
 * scenario with the round; Peshtera's officer sees Peshtera beside similar municipalities on a phone.
 */
describe('planning scenarios and peers', () => {
  const session = withAppAndBrowser();
  let regional: string;
  let peshtera: string;
  let roundId: number;

  it('the regional officer makes a scenario, changes an item and sees a check clear, then compares it with the round (bg, desktop)', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const paz = await territoryId(admin, 'PAZ');
    const paz21 = await territoryId(admin, 'PAZ21');
    regional = await createOfficer(session.url(), { login: 'paz.scenarios', name: 'Regional officer', role: 'regional_officer', territoryId: paz, language: 'bg' });
    peshtera = await createOfficer(session.url(), { login: 'paz.peers', name: 'Officer of Peshtera', role: 'municipal_officer', territoryId: paz21, language: 'uk' });
    const region = await apiAs(session.url(), 'paz.scenarios', regional);
    const round = await region('POST', '/api/v1/planning/rounds', { territoryId: paz, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    const item = await region('POST', `/api/v1/planning/rounds/${roundId}/items`, {
      municipalityId: paz21,
      action: 'open',
      serviceType: 'bg.day_care_elderly',
      capacityChange: 15,
      startYear: 2027,
      fundingSource: 'municipal',
      annualCost: 120000,
      explanation: 'Дневен център',
    });
    expect(item.status).toBe(201);
    expect((await region('PUT', `/api/v1/planning/rounds/${roundId}/envelopes`, { items: [{ municipalityId: paz21, fundingSource: null, annualLimit: 100000 }] })).status).toBe(200);

    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.scenarios', regional);
    await page.goto(`/planning/${roundId}?tab=scenarios`);
    await page.getByTestId('scenarios-empty').waitFor();
    await page.getByTestId('scenario-name').fill('По-евтин център');
    await page.getByTestId('scenario-create').click();
    await page.getByTestId('scenario-editor').waitFor();
    // As the round is: the item is over Peshtera's envelope.
    await page.locator('[data-testid="scenario-check"][data-check="over_budget"]').first().waitFor();
    await expectAccessible(page);

    await page.getByTestId('scenario-cost').first().fill('60000');
    await page.getByTestId('scenario-capacity').first().fill('20');
    await page.getByTestId('scenario-save').click();
    await expect.poll(() => page.locator('[data-testid="scenario-check"][data-check="over_budget"]').count(), { timeout: 15_000 }).toBe(0);
    // The round itself is unchanged; compared with the round, the difference is said in words.
    const overBudget = page.locator('[data-testid="compare-check"][data-check="over_budget"]');
    await expect.poll(() => overBudget.getAttribute('data-changed'), { timeout: 15_000 }).toBe('true');
    expect(await overBudget.textContent()).toMatch(/различно/);
    expect(await page.getByTestId('compare-gaps').textContent()).toMatch(/места|лица/);
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toMatch(/over_budget|scenarios\.|peers\.|persons_per_year/);
    await expectAccessible(page);
  });

  it("Peshtera's officer sees Peshtera beside similar municipalities (uk, 360 px)", async () => {
    const { page } = await session.newPage('uk');
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'paz.peers', peshtera);
    await page.goto(`/planning/${roundId}?tab=peers`);
    await page.getByTestId('peers-own').waitFor();
    expect(await page.getByTestId('peer').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('peer-row').count()).toBeGreaterThan(0);
    // Names in the reader's language, and the unknown urban share said so.
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toMatch(/Пещера/);
    expect(text).toMatch(/міського населення/);
    expect(text).not.toMatch(/urbanShare|shareAged65|peers\.|places|persons_per_year/);
    expect(await beyondTheEdge(page)).toEqual([]);
    await expectAccessible(page);
  });
});
