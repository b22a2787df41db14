import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, createOfficer, territoryId, type Api } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

/** What reaches beyond a phone's window (nothing when the page does not scroll sideways). */
async function beyondTheEdge(page: Page): Promise<string[]> {
  await page.locator('header .mantine-Burger-root').waitFor();
  const { scrollWidth, innerWidth, culprits } = await widthOf(page);
  return scrollWidth > innerWidth ? [`${scrollWidth} px wide`, ...culprits] : [];
}

/**
 * Story 1 of PRODUCT.md, its end (issue 8, item 11): the region generates the mayors' draft
 * agreement, two municipalities record their positions (one objects, then signs), every party
 * signs and the version is frozen; a change of the plan gives a new draft, compared side by side.
 */
describe("mayors' agreement", () => {
  const session = withAppAndBrowser();
  let admin: Api;
  let regional: string;
  let batak: string;
  let bratsigovo: string;
  let roundId: number;
  let itemId: number;
  const ids: Record<string, number> = {};

  const openAgreement = async (language: string, login: string, password: string) => {
    const { page } = await session.newPage(language);
    await signIn(page, login, password);
    await page.goto(`/planning/${roundId}?tab=agreement`);
    return page;
  };

  it('the regional officer generates the draft, in Bulgarian', async () => {
    admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    for (const code of ['PAZ', 'PAZ03', 'PAZ06']) ids[code] = await territoryId(admin, code);
    regional = await createOfficer(session.url(), { login: 'agr.region', name: 'Regional officer', role: 'regional_officer', territoryId: ids.PAZ!, language: 'bg' });
    batak = await createOfficer(session.url(), { login: 'agr.batak', name: 'Officer of Batak', role: 'municipal_officer', territoryId: ids.PAZ03!, language: 'bg' });
    bratsigovo = await createOfficer(session.url(), { login: 'agr.bratsigovo', name: 'Officer of Bratsigovo', role: 'municipal_officer', territoryId: ids.PAZ06!, language: 'en' });
    const round = await admin('POST', '/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2027, periodEnd: 2031, start: '2027-01-11', method: 'normative' });
    expect(round.status).toBe(201);
    roundId = round.body.id;
    // Batak hosts a day centre of 10 places, 4 of them for Bratsigovo's residents.
    const item = await admin('POST', `/api/v1/planning/rounds/${roundId}/items`, {
      municipalityId: ids.PAZ03,
      action: 'open',
      serviceType: 'bg.day_care_adults_disability',
      capacityChange: 10,
      served: [{ municipalityId: ids.PAZ06, capacity: 4 }],
      startYear: 2028,
      fundingSource: 'state_delegated',
      annualCost: 100000,
      explanation: '',
    });
    expect(item.status).toBe(201);
    itemId = item.body.id;

    const page = await openAgreement('bg', 'agr.region', regional);
    await page.getByTestId('agreement-none').waitFor();
    await page.getByTestId('agreement-generate').click();
    await page.getByTestId('agreement-notice').getByText('Съставена е версия 1.').waitFor();
    await page.getByTestId('agreement-number').getByText('Версия 1').waitFor();
    expect(await page.getByTestId('agreement-status').textContent()).toBe('проект');
    expect(await page.getByTestId('agreement-party').count()).toBe(12);
    const parts = await page.getByTestId('agreement-service-part').allTextContents();
    expect(parts.join('\n')).toMatch(/Батак.*6 места/s);
    expect(parts.join('\n')).toMatch(/Брацигово.*4 места.*40\s?000/s);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/day_care|persons_per_year|agrees|draft|EUR/);
    expect(text).toContain('€');
    // Generating again without a change keeps version 1.
    await page.getByTestId('agreement-generate').click();
    await page.getByTestId('agreement-notice').getByText(/версия 1 остава текущата/).waitFor();
    await expectAccessible(page);
  });

  it("Bratsigovo's officer objects, then signs, on a phone in English", async () => {
    const page = await openAgreement('en', 'agr.bratsigovo', bratsigovo);
    await page.setViewportSize({ width: 360, height: 740 });
    const form = page.getByTestId('agreement-position-form');
    await form.waitFor();
    await page.getByTestId('agreement-position-objects').check();
    await page.getByTestId('agreement-save').click();
    await form.getByText('Please fill this in.').waitFor();
    await page.getByTestId('agreement-reason').fill('Our share of the cost is too high');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-notice').getByText('Position recorded.').waitFor();
    const mine = page.getByTestId('agreement-party').filter({ has: page.locator('[data-position="objects"]') });
    await mine.getByText('Our share of the cost is too high').waitFor();
    await expectAccessible(page);

    await page.getByTestId('agreement-position-signed').check();
    await page.getByTestId('agreement-decision-number').fill('112/2027');
    await page.getByTestId('agreement-decision-date').fill('2027-03-18');
    await page.getByTestId('agreement-signatory').fill('Mayor of Bratsigovo');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-party').locator('[data-position="signed"]').first().waitFor();
    await expect.poll(() => beyondTheEdge(page), { timeout: 5000 }).toEqual([]);
    await expectAccessible(page);
  });

  it("Batak's officer signs; once every party has signed the version is frozen", async () => {
    const versions = (await admin('GET', `/api/v1/planning/rounds/${roundId}/agreement`)).body.items as { id: number }[];
    const version = (await admin('GET', `/api/v1/planning/agreements/${versions[0]!.id}`)).body as { id: number; content: { parties: { municipalityId: number }[] } };
    // The other ten municipalities sign through the API.
    for (const p of version.content.parties) {
      if (p.municipalityId === ids.PAZ03 || p.municipalityId === ids.PAZ06) continue;
      const res = await admin('PUT', `/api/v1/planning/agreements/${version.id}/position`, { municipalityId: p.municipalityId, position: 'signed', decisionNumber: '1/2027', decisionDate: '2027-03-01' });
      expect(res.status).toBe(200);
    }
    const page = await openAgreement('bg', 'agr.batak', batak);
    await page.getByTestId('agreement-position-form').waitFor();
    await page.getByTestId('agreement-position-signed').check();
    await page.getByTestId('agreement-decision-number').fill('45/2027');
    await page.getByTestId('agreement-decision-date').fill('2027-03-20');
    await page.getByTestId('agreement-save').click();
    await page.getByTestId('agreement-frozen').waitFor();
    expect(await page.getByTestId('agreement-status').textContent()).toBe('подписана и замразена');
    // A frozen version offers no form.
    expect(await page.getByTestId('agreement-position-form').count()).toBe(0);
    await expectAccessible(page);
  });

  it('a change of the plan gives a new draft, compared side by side with the signed one', async () => {
    const item = (await admin('GET', `/api/v1/planning/items/${itemId}`)).body;
    expect((await admin('PUT', `/api/v1/planning/items/${itemId}`, { ...item, capacityChange: 12, served: [{ municipalityId: ids.PAZ06, capacity: 5 }] })).status).toBe(200);
    const page = await openAgreement('bg', 'agr.region', regional);
    await page.getByTestId('agreement-frozen').waitFor();
    await page.getByTestId('agreement-generate').click();
    await page.getByTestId('agreement-notice').getByText('Съставена е версия 2.').waitFor();
    await page.getByTestId('agreement-number').getByText('Версия 2').waitFor();
    expect(await page.getByTestId('agreement-status').textContent()).toBe('проект');
    const row = page.getByTestId('agreement-compare-row').filter({ hasText: 'Обща услуга' });
    await row.waitFor();
    expect(await row.getAttribute('data-change')).toBe('changed');
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(/променено/);
    expect(cells[1]).toMatch(/капацитет: 10/);
    expect(cells[2]).toMatch(/капацитет: 12/);
    await expectAccessible(page);
  });
});
