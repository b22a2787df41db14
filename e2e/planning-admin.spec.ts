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
 * Issue 8, items 1, 2, 6 and 11's input: an administrator edits a template and the working-day
 * calendar, the region's officer sets an envelope and sees `over_budget`, a municipal officer
 * enters an item that serves two other municipalities.
 */
describe('planning administration', () => {
  const session = withAppAndBrowser();
  let admin: Api;
  let roundId: number;
  const dueOf = async (id: number, key: string) => ((await admin('GET', `/api/v1/planning/rounds/${id}/stages`)).body.items as { key: string; dueDate: string }[]).find((s) => s.key === key)!.dueDate;
  const openRound = async () => {
    const res = await admin('POST', '/api/v1/planning/rounds', { territoryId: await territoryId(admin, 'PAZ'), templateKey: 'bg.npsu', periodStart: 2027, periodEnd: 2031, start: '2027-01-11', method: 'normative' });
    expect(res.status).toBe(201);
    return res.body.id as number;
  };

  it('an administrator edits a stage of the Bulgarian template and adds a working Saturday, in Bulgarian; a new round counts with it', async () => {
    admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const before = await openRound();
    expect(await dueOf(before, 'bg.needs_analysis')).toBe('2027-02-01');

    const { page } = await session.newPage('bg');
    await signIn(page);
    await page.getByTestId('language-switch').selectOption('bg');
    await page.waitForFunction(() => document.documentElement.lang === 'bg');
    await page.getByRole('link', { name: 'Шаблони за планиране' }).first().click();
    const editor = page.locator('[data-testid="template-editor"][data-key="bg.npsu"]');
    await editor.waitFor();
    await editor.getByTestId('template-notice').getByText(/само за кръговете, открити след нея/).waitFor();
    const stage = editor.locator('[data-testid="template-stage"][data-key="bg.public_consultation"]');
    await stage.getByTestId('stage-days').fill('45');
    await expectAccessible(page);
    await editor.getByTestId('save-template').click();
    await editor.getByText('Променен от администратор').waitFor();
    const saved = (await admin('GET', '/api/v1/planning/templates/bg.npsu')).body;
    expect(saved.stages.find((s: { key: string }) => s.key === 'bg.public_consultation').due.days).toBe(45);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/after_stage|calendar|working|municipality/);

    await page.getByRole('link', { name: 'Календар на работните дни' }).first().click();
    await page.getByTestId('calendar-year').fill('2027');
    await page.getByTestId('holidays-table').getByText('Великден').first().waitFor();
    await page.getByTestId('amendment-date').fill('2027-01-16');
    await page.getByTestId('amendment-note').fill('РМС № 1/2027');
    await page.getByTestId('add-amendment').click();
    await page.locator('[data-testid="amendment-row"][data-date="2027-01-16"]').waitFor();
    await expectAccessible(page);

    // 15 working days from Monday 11 January 2027, with Saturday the 16th worked: Friday 29 January.
    roundId = await openRound();
    expect(await dueOf(roundId, 'bg.needs_analysis')).toBe('2027-01-29');
    expect(await dueOf(before, 'bg.needs_analysis')).toBe('2027-02-01');
  });

  it("the region's officer sets an envelope and sees over_budget at once, in Ukrainian at 360 px", async () => {
    const paz21 = await territoryId(admin, 'PAZ21');
    const item = await admin('POST', `/api/v1/planning/rounds/${roundId}/items`, {
      municipalityId: paz21, action: 'open', serviceType: 'bg.day_care_adults_disability', capacityChange: 15, startYear: 2028, fundingSource: 'state_delegated', annualCost: 120000, explanation: '', siteId: null, settlementId: null, served: [],
    });
    expect(item.status).toBe(201);
    const password = await createOfficer(session.url(), { login: 'paz.envelopes', name: 'Регіональний фахівець', role: 'regional_officer', territoryId: await territoryId(admin, 'PAZ'), language: 'uk' });
    const { page } = await session.newPage('uk');
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'paz.envelopes', password);
    await page.goto(`/planning/${roundId}`);
    await page.getByTestId('round-tab-budget').click();
    await page.getByTestId('envelopes').waitFor();
    await page.getByTestId('envelope-source').click();
    await page.getByRole('listbox').getByRole('option').nth(1).click();
    await page.getByTestId('envelope-limit').fill('1000');
    await page.getByTestId('set-envelope').click();
    await page.getByTestId('envelope-row').first().waitFor();
    await page.getByTestId('over-budget').first().waitFor();
    // Money by its sign, as Ukrainian writes it (Intl's own Ukrainian form is the Latin "EUR").
    expect(await page.getByTestId('over-budget').first().textContent()).toMatch(/120\s000\s€.*1\s000\s€/);
    await page.getByTestId('envelopes-table').getByText('Річна межа, €').waitFor();
    const text = (await page.getByTestId('envelopes').textContent()) ?? '';
    expect(text).not.toMatch(/state_delegated|over_budget|[A-Za-z]{4,} [A-Za-z]{4,}/);
    await expectAccessible(page);
    await expect.poll(() => beyondTheEdge(page), { timeout: 5000 }).toEqual([]);
  });

  // Peshtera's own officer: the round's other municipalities are out of their reach in the
  // territory register, yet theirs to name as served (the round's municipalities route).
  it("Peshtera's officer enters an item that serves two neighbouring municipalities, never more places than it adds", async () => {
    const password = await createOfficer(session.url(), { login: 'peshtera.served', name: 'Officer of Peshtera', role: 'municipal_officer', territoryId: await territoryId(admin, 'PAZ21') });
    const { page } = await session.newPage('en');
    await signIn(page, 'peshtera.served', password);
    await page.goto(`/planning/${roundId}`);
    await page.getByTestId('round-tab-proposals').click();
    await page.getByTestId('add-item').click();
    const form = page.getByTestId('item-form');
    await form.waitFor();
    // Their own municipality, and no other, to propose for.
    expect(await page.getByTestId('item-municipality').inputValue()).toBe('Peshtera');
    expect(await page.getByTestId('item-municipality').isDisabled()).toBe(true);
    await page.getByTestId('item-service-type').click();
    await page.getByTestId('item-service-type').fill('Day care for older');
    await page.getByRole('option', { name: 'Day care for older people' }).click();
    await page.getByTestId('item-amount').fill('10');
    await page.getByTestId('item-start-year').fill('2028');
    await page.getByTestId('add-served').click();
    await page.getByTestId('add-served').click();
    const neighbours = [await page.getByTestId('served-municipality').nth(0).inputValue(), await page.getByTestId('served-municipality').nth(1).inputValue()];
    expect(neighbours.every((n) => n !== '' && n !== 'Peshtera')).toBe(true);
    expect(new Set(neighbours).size).toBe(2);
    await page.getByTestId('served-places').nth(0).fill('6');
    await page.getByTestId('served-places').nth(1).fill('6');
    await page.getByTestId('item-save').click();
    await page.getByTestId('served-error').getByText('The places for other municipalities (12) are more than the capacity change (10).').waitFor();
    await expectAccessible(page);
    await page.getByTestId('served-places').nth(1).fill('4');
    await page.getByTestId('item-save').click();
    await form.waitFor({ state: 'hidden' });
    const items = (await admin('GET', `/api/v1/planning/rounds/${roundId}/items`)).body.items as { capacityChange: number; served: { municipalityId: number; capacity: number }[] }[];
    const entered = items.find((i) => i.capacityChange === 10)!;
    expect(entered.served.map((s) => s.capacity)).toEqual([6, 4]);
    expect(new Set(entered.served.map((s) => s.municipalityId)).size).toBe(2);
    expect(entered.served.map((s) => s.municipalityId)).not.toContain(await territoryId(admin, 'PAZ21'));
  });
});
