import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flatten, readDocx } from '../packages/server/src/reports/read-document-text';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

/** Two English words running together: no Polish screen or document may have them. */
const ENGLISH_WORDS = /\b(the|and|of|with|for) [a-z]{3,}\b/;

/**
 * Story 5 of PRODUCT.md in one walk, in Polish: the Social Services Centre of gmina Niemce has
 * its diagnosis of needs and potential, writes the programme of social services from it, puts the
 * draft programme to the residents (the demonstration's consultation, open for 30 days); a
 * resident comments on one section from a 360 px phone without an account; the centre publishes
 * the comment and answers it; the resident finds the answer under that section; the report lists
 * it; and the yearly OZPS for the council is on its screen with the demonstration's figures.
 */
describe('story 5: a Polish gmina from diagnosis to OZPS', () => {
  const session = withAppAndBrowser();

  it('diagnosis → programme → consultation with residents → OZPS', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const niemce = await territoryId(admin, '0609112');
    const password = await createOfficer(session.url(), { login: 'niemce.cus', name: 'CUS Niemce', role: 'municipal_officer', territoryId: niemce, language: 'pl' });
    const { page } = await session.newPage('pl');
    await signIn(page, 'niemce.cus', password);

    // 1. The diagnosis is among the gmina's assessments.
    await page.goto('/assessments');
    const diagnosisRow = page.getByTestId('assessment-row').filter({ hasText: 'Niemce' });
    await diagnosisRow.first().waitFor();
    expect(await diagnosisRow.count()).toBeGreaterThan(0);

    // 2. The programme, written from it, downloaded as an editable document.
    await page.goto('/documents');
    const programme = page.getByTestId('document-pl.programme');
    await programme.getByTestId('document-pl.programme-year').fill('2026');
    const [download] = await Promise.all([page.waitForEvent('download'), programme.getByTestId('document-pl.programme-docx').click()]);
    const programmeText = flatten(readDocx(readFileSync((await download.path())!)).text);
    expect(programmeText).toContain('PROGRAM');
    expect(programmeText).toContain('Wnioski z diagnozy');

    // 3. The centre puts the draft programme to the residents from the gmina's own round.
    const rounds = (await admin('GET', `/api/v1/planning/rounds?territoryId=${niemce}`)).body.items as { id: number }[];
    expect(rounds.length).toBe(1);
    await page.goto(`/planning/${rounds[0]!.id}?tab=consultation`);
    await page.getByTestId('consultation-new').click();
    await page.getByTestId('consultation-title').fill('Projekt programu usług społecznych gminy Niemce na lata 2027–2030');
    await page.getByTestId('consultation-intro').fill('Centrum Usług Społecznych zaprasza mieszkańców do zgłaszania uwag.');
    await page.getByTestId('consultation-add-section').click();
    await page.getByTestId('consultation-section').getByRole('textbox').first().fill('Usługi do rozwoju');
    await page.getByTestId('consultation-section').getByRole('textbox').nth(1).fill('Klub seniora w kolejnej miejscowości i transport do usług dla mieszkańców wsi.');
    await expectAccessible(page);
    await page.getByTestId('consultation-save').click();
    await page.getByTestId('consultation-phase').getByText('Przyjmuje uwagi').waitFor();
    expect(await page.locator('main').textContent()).toContain('Program usług społecznych');
    const publicPath = (await page.getByTestId('consultation-public-link').getAttribute('href'))!;
    expect(publicPath).toMatch(/^\/consultations\/\d+$/);
    await expectAccessible(page);

    // A resident on a phone, no account, comments on the section on services to develop.
    const phone = await page.context().browser()!.newContext({ baseURL: session.url(), locale: 'pl', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const resident = await phone.newPage();
    await resident.goto(publicPath);
    await resident.getByRole('heading', { name: 'Projekt programu usług społecznych gminy Niemce na lata 2027–2030' }).waitFor();
    const section = resident.locator('section').filter({ has: resident.getByRole('heading', { name: 'Usługi do rozwoju' }) });
    await section.getByRole('link', { name: /Zgłoś uwagę/ }).click();
    await resident.waitForURL(/target=section-/);
    await resident.getByLabel('Treść uwagi').fill('Proszę o transport do klubu seniora także z Jakubowic.');
    await resident.getByLabel('Imię i nazwisko (nieobowiązkowo)').fill('Anna Kowalczyk');
    await resident.getByLabel(/Zgadzam się/).check();
    // A person reads before sending; the server refuses a form sent within seconds of loading.
    await resident.waitForTimeout(3500);
    await resident.getByRole('button', { name: 'Wyślij uwagę' }).click();
    await resident.getByText('Dziękujemy. Uwaga została przyjęta').waitFor();
    const { scrollWidth, innerWidth } = await widthOf(resident);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await expectAccessible(resident);

    // The centre publishes the comment and answers it.
    await page.reload();
    const comment = page.getByTestId('consultation-comment').filter({ hasText: 'Jakubowic' });
    expect(await comment.getByTestId('comment-status').textContent()).toBe('Czeka na moderację');
    await comment.getByTestId('comment-publish').click();
    await comment.getByTestId('comment-status').getByText('Opublikowana').waitFor();
    await comment.getByTestId('comment-answer').click();
    await comment.getByTestId('comment-verdict').getByText('Uwzględniona', { exact: true }).click();
    await comment.getByTestId('comment-reason').fill('Transport obejmie Jakubowice od 2027 r.');
    await comment.getByTestId('comment-change').fill('W części „Usługi do rozwoju” dopisano Jakubowice.');
    await comment.getByTestId('comment-answer-save').click();
    await comment.getByText('Transport obejmie Jakubowice od 2027 r.').waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(ENGLISH_WORDS);

    // The resident finds the answer under the section they commented on.
    await resident.goto(publicPath);
    const answered = resident.locator('section').filter({ has: resident.getByRole('heading', { name: 'Usługi do rozwoju' }) });
    await answered.getByText('Proszę o transport do klubu seniora także z Jakubowic.').waitFor();
    expect(await answered.textContent()).toContain('Anna Kowalczyk');
    expect(await answered.textContent()).toContain('Transport obejmie Jakubowice od 2027 r.');
    await phone.close();

    // The report lists it, in Polish.
    const href = (await page.getByTestId('consultation-report-docx').getAttribute('href'))!;
    const report = await page.context().request.get(href);
    expect(report.status()).toBe(200);
    const reportText = flatten(readDocx(Buffer.from(await report.body())).text);
    expect(reportText).toContain('Sprawozdanie z konsultacji społecznych');
    expect(reportText).toContain('Proszę o transport do klubu seniora także z Jakubowic.');
    expect(reportText).toContain('W części „Usługi do rozwoju” dopisano Jakubowice.');
    expect(reportText).not.toMatch(ENGLISH_WORDS);

    // 4. The yearly OZPS for the council, with the demonstration's figures.
    await page.getByRole('link', { name: 'Ocena zasobów (OZPS)' }).first().click();
    await page.getByRole('heading', { name: 'Ocena zasobów pomocy społecznej (OZPS)' }).waitFor();
    await page.getByTestId('ozps-year').fill('2025');
    expect(await page.getByLabel('Rodziny objęte pomocą, 2025').inputValue()).toBe('371');
    await expectAccessible(page);
  });
});
