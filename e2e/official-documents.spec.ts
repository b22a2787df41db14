import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flatten, readDocx, readPdf } from '../packages/server/src/reports/read-document-text';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * The official documents (issue 9, item 3) as officers download them: Pazardzhik's planning
 * proposal in Bulgarian, what is missing said on the card instead of a download, and Niemce's
 * diagnosis and programme in Polish, on a phone.
 */
describe('official documents', () => {
  const session = withAppAndBrowser();

  it("downloads Pazardzhik's planning proposal and says what the needs analysis still lacks", async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const pazardzhik = await territoryId(admin, 'PAZ19');
    const password = await createOfficer(session.url(), { login: 'paz.documents', name: 'Pazardzhik officer', role: 'municipal_officer', territoryId: pazardzhik, language: 'bg' });
    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.documents', password);
    await page.goto('/documents');
    const proposal = page.getByTestId('document-bg.planning_proposal');
    await proposal.getByText('Предложение за планиране').waitFor();
    // Only Bulgaria's documents and those of every country are offered for a Bulgarian municipality.
    expect(await page.getByTestId('document-pl.ozps').count()).toBe(0);
    expect(await page.getByTestId('documents-language').inputValue()).toBe('Български');
    await expectAccessible(page);

    await proposal.getByTestId('document-bg.planning_proposal-year').fill('2027');
    const [download] = await Promise.all([page.waitForEvent('download'), proposal.getByTestId('document-bg.planning_proposal-docx').click()]);
    expect(download.suggestedFilename()).toBe('predlozhenie-za-planirane-pazardzhik-2027.docx');
    const text = flatten(readDocx(readFileSync((await download.path())!)).text);
    expect(text).toContain('ПРЕДЛОЖЕНИЕ');
    expect(text).toContain('втори дневен център в Пазарджик');
    await proposal.getByTestId('document-bg.planning_proposal-outcome').getByText('predlozhenie-za-planirane-pazardzhik-2027.docx').waitFor();

    const analysis = page.getByTestId('document-bg.needs_analysis');
    await analysis.getByTestId('document-bg.needs_analysis-year').fill('2026');
    await analysis.getByTestId('document-bg.needs_analysis-pdf').click();
    const missing = analysis.getByTestId('document-bg.needs_analysis-outcome');
    await missing.waitFor();
    expect(await missing.textContent()).toBe('Пазарджик (PAZ19) няма оценка на потребностите за 2026 г. Създайте я в „Анализи на потребностите“ с година 2026.');
    await expectAccessible(page);
  });

  it("gives Niemce's diagnosis and programme in Polish on a 360 px phone", async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const niemce = await territoryId(admin, '0609112');
    const password = await createOfficer(session.url(), { login: 'niemce.documents', name: 'Niemce officer', role: 'municipal_officer', territoryId: niemce, language: 'pl' });
    const { page } = await session.newPage('pl');
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, 'niemce.documents', password);
    await page.goto('/documents');
    const diagnosis = page.getByTestId('document-pl.diagnosis');
    await diagnosis.getByText('Diagnoza potrzeb i potencjału').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('document-pl.ozps').getByText('Ocena (OZPS) obejmuje poprzedni rok.').waitFor();
    await expectAccessible(page);

    await diagnosis.getByTestId('document-pl.diagnosis-year').fill('2026');
    const [first] = await Promise.all([page.waitForEvent('download'), diagnosis.getByTestId('document-pl.diagnosis-docx').click()]);
    expect(flatten(readDocx(readFileSync((await first.path())!)).text)).toContain('Potencjał wspólnoty');
    const programme = page.getByTestId('document-pl.programme');
    await programme.getByTestId('document-pl.programme-year').fill('2026');
    const [second] = await Promise.all([page.waitForEvent('download'), programme.getByTestId('document-pl.programme-pdf').click()]);
    expect(second.suggestedFilename()).toBe('program-uslug-spolecznych-niemce-2026.pdf');
    const text = flatten(readPdf(readFileSync((await second.path())!)).text);
    expect(text).toContain('PROGRAM');
    expect(text).toContain('Realizowane usługi społeczne');
  });

  it("lets an administrator reword the mayor's line of Bulgaria's planning proposal, and restore it", async () => {
    const { page } = await session.newPage('bg');
    await signIn(page);
    await page.goto('/document-wording');
    // The administrator's account speaks English: the page is switched to Bulgarian here.
    await page.getByTestId('language-switch').selectOption('bg');
    await page.getByRole('heading', { name: 'Текстове на документите' }).waitFor();
    await page.getByTestId('wording-kind').click();
    await page.getByRole('option', { name: 'Предложение за планиране' }).click();
    const line = page.getByTestId('wording-item').filter({ has: page.getByLabel('Кмет на общината') });
    await line.waitFor();
    await expectAccessible(page);
    await line.getByLabel('Кмет на общината').fill('Кмет на Община Пазарджик (подпис и печат)');
    await line.getByTestId('wording-save').click();
    await line.getByText('Запазено: следващият документ използва този текст.').waitFor();
    await line.getByText('Преработен от администратор').waitFor();

    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const pazardzhik = await territoryId(admin, 'PAZ19');
    // The file as the signed-in administrator's browser downloads it.
    const res = await page.request.get(`/api/v1/territories/${pazardzhik}/documents/bg.planning_proposal/docx?year=2027`);
    expect(flatten(readDocx(await res.body()).text)).toContain('Кмет на Община Пазарджик (подпис и печат)');

    await line.getByTestId('wording-restore').click();
    await line.getByText('Както идва с potreby').waitFor();
    expect(await line.getByLabel('Кмет на общината').inputValue()).toBe('Кмет на общината');
  });
});

