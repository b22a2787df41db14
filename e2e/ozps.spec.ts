import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flatten, readPdf } from '../packages/server/src/reports/read-document-text';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * Story 5's yearly step, in Polish: the Social Services Centre of Niemce enters the OZPS's
 * figures for the year before, a typing slip is caught on the field before anything is sent, the
 * forecast follows the figures, and the document for the council carries them — on a desktop and
 * on a 360 px phone, where the tables scroll in their own box.
 */
describe('the OZPS of a Polish gmina', () => {
  const session = withAppAndBrowser();

  it('enters the figures of 2025, sees the forecast follow, and downloads the OZPS with them', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const niemce = await territoryId(admin, '0609112');
    const password = await createOfficer(session.url(), { login: 'niemce.ozps', name: 'Niemce CUS', role: 'municipal_officer', territoryId: niemce, language: 'pl' });
    const { page } = await session.newPage('pl');
    await signIn(page, 'niemce.ozps', password);
    await page.getByRole('link', { name: 'Ocena zasobów (OZPS)' }).first().click();
    await page.getByRole('heading', { name: 'Ocena zasobów pomocy społecznej (OZPS)' }).waitFor();
    // The year the April report covers, and the gmina of the officer's account, without choosing.
    expect(await page.getByTestId('ozps-year').inputValue()).toBe(String(new Date().getFullYear() - 1));
    await page.getByTestId('ozps-year').fill('2025');
    const families = page.getByLabel('Rodziny objęte pomocą, 2025');
    expect(await families.inputValue()).toBe('371');
    await page.getByTestId('ozps-demo').getByText('Dane poglądowe').waitFor();
    expect((await page.getByTestId('ozps-forecast-beneficiaries.families').textContent())?.trim()).toBe('356');
    await expectAccessible(page);

    // A comma decimal where only whole people count: said on the field, nothing sent.
    await page.getByLabel('Osoby, którym przyznano świadczenie, 2025').fill('560,5');
    await page.getByText('Wpisz liczbę całkowitą.').waitFor();
    await page.getByTestId('ozps-save').click();
    await page.getByTestId('ozps-message').getByText('1 wartość jest niepoprawna: popraw zaznaczone pole.').waitFor();
    await page.getByLabel('Osoby, którym przyznano świadczenie, 2025').fill('560');
    await families.fill('401');
    await page.getByLabel('Pracownicy socjalni, 2025').fill('10,5');
    await page.getByTestId('ozps-save').click();
    await page.getByTestId('ozps-message').getByText('Zapisano 2 zmiany.').waitFor();
    // 402, 388, 401: the line through them has mean 397 and slope −0.5 a year → 396 for 2026.
    await page.getByTestId('ozps-forecast-beneficiaries.families').getByText('396').waitFor();
    expect(await page.getByLabel('Pracownicy socjalni, 2025').inputValue()).toBe('10,5');

    await page.getByRole('link', { name: 'Przejdź do dokumentów' }).click();
    const card = page.getByTestId('document-pl.ozps');
    await card.getByTestId('document-pl.ozps-year').fill('2025');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('document-pl.ozps-pdf').click()]);
    expect(download.suggestedFilename()).toBe('ocena-zasobow-pomocy-spolecznej-niemce-2025.pdf');
    const text = flatten(readPdf(readFileSync((await download.path())!)).text);
    expect(text).toContain('OCENA ZASOBÓW');
    // The PDF's text runs the cells of a row together.
    expect(text).toMatch(/Rodziny objęte pomocą\s*rodziny\s*402\s*388\s*401/);
    expect(text).toMatch(/Pracownicy socjalni\s*etaty\s*9\s*9,5\s*10,5/);
  });

  it('fits a 360 px phone: the tables scroll in their own box, the page does not', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const niemce = await territoryId(admin, '0609112');
    const password = await createOfficer(session.url(), { login: 'niemce.ozps.phone', name: 'Niemce CUS phone', role: 'municipal_officer', territoryId: niemce, language: 'pl' });
    const { page } = await session.newPage('pl');
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, 'niemce.ozps.phone', password);
    await page.goto(`/ozps?municipalityId=${niemce}&year=2025`);
    await page.getByTestId('ozps-causes').getByText('Przemoc w rodzinie').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);
  });
});
