import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

/** A proposals file as an officer saves it from a spreadsheet: Bulgarian headers, UTF-8 with a byte-order mark. */
const csvFile = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`) });

async function healthChecks(page: Page): Promise<string[]> {
  await page.getByTestId('round-tab-health').click();
  await page.getByTestId('health-municipality').first().waitFor();
  return page.getByTestId('health-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-check') ?? ''));
}

/**
 * Story 1 of PRODUCT.md, the items that come from spreadsheets: Peshtera's officer imports the
 * municipality's proposal (a refused file changes nothing and names each row's problem), sees the
 * plan fail a check, fixes the item and sees the check clear; the national agency's standards
 * come in the same way, in Ukrainian on a phone.
 */
describe('planning imports', () => {
  const session = withAppAndBrowser();

  it("Peshtera's officer imports the proposal, sees the budget check fail, fixes the item, and the check clears", async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const paz = await territoryId(admin, 'PAZ');
    const peshteraId = await territoryId(admin, 'PAZ21');
    const password = await createOfficer(session.url(), { login: 'import.peshtera', name: 'Officer of Peshtera', role: 'municipal_officer', territoryId: peshteraId, language: 'bg' });
    // A round of its own (the demonstration's has items already), with Peshtera's envelope of 100 000 a year.
    const round = await admin('POST', '/api/v1/planning/rounds', { territoryId: paz, templateKey: 'bg.npsu', periodStart: 2031, periodEnd: 2035, method: 'normative' });
    expect(round.status).toBe(201);
    expect((await admin('PUT', `/api/v1/planning/rounds/${round.body.id}/envelopes`, { items: [{ municipalityId: peshteraId, fundingSource: null, annualLimit: 100_000 }] })).status).toBe(200);

    const { page } = await session.newPage('bg');
    await signIn(page, 'import.peshtera', password);
    await page.goto(`/planning/${round.body.id}?tab=proposals`);
    await page.getByTestId('items-empty').waitFor();
    await page.getByTestId('import-items').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('plan-import-proposals').waitFor();
    // The columns the file needs, named in Bulgarian.
    expect(await dialog.getByTestId('plan-import-columns').textContent()).toContain('Код на общината');
    await expectAccessible(page);
    // The empty template: the headers in Bulgarian, as the officer fills it in.
    const download = page.waitForEvent('download');
    await dialog.getByTestId('plan-import-template').click();
    const template = readFileSync((await (await download).path())!, 'utf8');
    expect(template.startsWith('\uFEFFКод на общината,Действие,Вид услуга,')).toBe(true);
    // The columns up to the annual cost, in the template's order.
    const header = template.slice(1).trim().split(',').slice(0, 7).join(',');

    // A neighbour's row and an "open" that closes places: refused whole, row by row.
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByTestId('plan-import-file').click();
    await (await chooser).setFiles(csvFile('мерки.csv', [header, 'PAZ21,open,bg.day_care_elderly,10,2032,municipal,150000', 'PAZ20,open,bg.day_care_elderly,5,2032,municipal,', 'PAZ21,open,bg.home_care,-3,2032,municipal,']));
    await dialog.getByTestId('plan-import-submit').click();
    await dialog.getByTestId('import-rejected').waitFor();
    const rows = await dialog.getByTestId('import-error-row').allTextContents();
    expect(rows.some((r) => r.startsWith('3')), rows.join(' | ')).toBe(true);
    expect(rows.some((r) => r.startsWith('4'))).toBe(true);
    expect(rows.join('\n')).not.toMatch(/outside_scope|against_action|[a-z]+_[a-z]+ /);
    await expectAccessible(page);
    expect((await admin('GET', `/api/v1/planning/rounds/${round.body.id}/items`)).body.items).toEqual([]);

    // The corrected file: Peshtera's one row.
    const again = page.waitForEvent('filechooser');
    await dialog.getByTestId('plan-import-file').click();
    await (await again).setFiles(csvFile('мерки.csv', [header, 'PAZ21,open,bg.day_care_elderly,10,2032,municipal,150000']));
    await dialog.getByTestId('plan-import-submit').click();
    expect(await dialog.getByTestId('plan-import-done').textContent()).toContain('1 мярка е добавена към кръга');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('item-row').first().waitFor();
    expect(await page.getByTestId('item-row').count()).toBe(1);
    // The item shows the gap it answers: Peshtera's day care for older people, before and after its 10 places.
    await page.getByTestId('item-gap').waitFor();
    const gap = /^недостиг (.+) → (.+)$/.exec((await page.getByTestId('item-gap').textContent())!.trim());
    expect(gap).not.toBeNull();
    const number = (text: string) => Number(text.replace(/\s/g, '').replace(',', '.').replace('−', '-'));
    expect(number(gap![1]!) - number(gap![2]!)).toBeCloseTo(10, 5);

    // 150 000 a year against an envelope of 100 000: the plan's health says so.
    // (The tab may show the figures it had for a moment while it fetches the new ones.)
    await expect.poll(() => healthChecks(page), { timeout: 10_000 }).toContain('over_budget');

    // The officer lowers the item's cost; the check clears at once.
    await page.getByTestId('round-tab-proposals').click();
    await page.getByTestId('item-row').first().getByTestId('edit-item').click();
    await page.getByTestId('item-cost').fill('90000');
    await page.getByTestId('item-save').click();
    await page.getByTestId('item-form').waitFor({ state: 'hidden' });
    await expect.poll(() => healthChecks(page), { timeout: 10_000 }).not.toContain('over_budget');
  });

  it('the national agency imports unit costs for a year, in Ukrainian, on a phone', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const countries = (await admin('GET', '/api/v1/territories?level=country')).body.items as { id: number; country: string }[];
    const ukraine = countries.find((c) => c.country === 'UA');
    expect(ukraine).toBeDefined();
    const password = await createOfficer(session.url(), { login: 'agency.ua', name: 'Агентство', role: 'agency', territoryId: ukraine!.id, language: 'uk' });
    const { page } = await session.newPage('uk');
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'agency.ua', password);
    await page.goto('/planning-standards');
    const section = page.getByTestId('plan-import-unit-costs');
    await section.waitFor();
    // The agency's own country is chosen; the year is not assumed.
    expect(await page.getByTestId('standards-country').inputValue()).toBe('Україна');
    expect(await section.getByTestId('plan-import-submit').isDisabled()).toBe(true);
    await page.getByTestId('standards-year').fill('2027');

    const types = (await admin('GET', '/api/v1/service-types?country=UA')).body.items as { key: string }[];
    expect(types.length).toBeGreaterThan(1);
    const chooser = page.waitForEvent('filechooser');
    await section.getByTestId('plan-import-file').click();
    await (await chooser).setFiles(csvFile('нормативи.csv', ['Вид послуги,Вартість одиниці', `${types[0]!.key},18500`, `${types[1]!.key},24300`]));
    await section.getByTestId('plan-import-submit').click();
    expect(await section.getByTestId('plan-import-done').textContent()).toContain('Збережено 2 нормативи');
    const { scrollWidth, innerWidth } = await widthOf(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(page);

    // A municipal officer is not offered the page, and typing its address leads back to the gaps.
    const officerPassword = await createOfficer(session.url(), { login: 'pl.officer', name: 'Urzędnik', role: 'municipal_officer', territoryId: await territoryId(admin, 'PAZ19'), language: 'pl' });
    const { page: officer } = await session.newPage('pl');
    await signIn(officer, 'pl.officer', officerPassword);
    expect(await officer.getByTestId('nav-planningStandards').count()).toBe(0);
    await officer.goto('/planning-standards');
    await officer.waitForURL(/\/gaps/);
  });
});
