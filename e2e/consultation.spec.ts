import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { flatten, readDocx } from '../packages/server/src/reports/read-document-text';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

const LATIN_WORDS = /[A-Za-z]{4,} [A-Za-z]{4,}/;

async function sidewaysScroll(page: Page): Promise<string[]> {
  const { scrollWidth, innerWidth, culprits } = await widthOf(page);
  return scrollWidth > innerWidth ? [`${scrollWidth} px wide`, ...culprits] : [];
}

/**
 * Issue 9, item 1 (story 1's consultation): Pazardzhik's regional officer publishes the round's
 * draft agreement for 30 days; a resident reads it on a 360 px phone in Bulgarian (also with
 * JavaScript off) and comments on one planned service without an account; the officer publishes
 * the comment and answers it "partly", naming the item changed; the resident finds the answer
 * under the service; the report lists it.
 */
describe('a public consultation of the draft agreement', () => {
  const session = withAppAndBrowser();

  it('is published by the region, commented from a phone, moderated, answered and reported', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const paz = await territoryId(admin, 'PAZ');
    const password = await createOfficer(session.url(), { login: 'paz.consultation', name: 'Regional officer', role: 'regional_officer', territoryId: paz, language: 'bg' });
    const round = await admin('POST', '/api/v1/planning/rounds', { territoryId: paz, templateKey: 'bg.npsu', periodStart: 2027, periodEnd: 2031, start: '2026-01-12', method: 'normative' });
    expect(round.status).toBe(201);
    const item = await admin('POST', `/api/v1/planning/rounds/${round.body.id}/items`, { municipalityId: await territoryId(admin, 'PAZ21'), action: 'open', serviceType: 'bg.day_care_adults_disability', capacityChange: 15, startYear: 2027, fundingSource: 'state_delegated', annualCost: null, explanation: 'В общината няма такава услуга.', served: [] });
    expect(item.status).toBe(201);

    // The regional officer publishes the draft agreement.
    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.consultation', password);
    await page.goto(`/planning/${round.body.id}?tab=consultation`);
    await page.getByTestId('consultation-new').click();
    await page.getByTestId('consultation-title').fill('Проект на споразумение между общините в област Пазарджик');
    await page.getByTestId('consultation-intro').fill('Общините съгласуват кои социални услуги къде ще се предоставят.');
    await page.getByTestId('consultation-add-section').click();
    await page.getByTestId('consultation-section').getByRole('textbox').first().fill('Споделени услуги');
    await page.getByTestId('consultation-section').getByRole('textbox').nth(1).fill('Дневният център в Пещера ще обслужва и съседните общини.');
    // The usual 30 days are offered: no warning about a short period.
    expect(await page.getByTestId('consultation-short').count()).toBe(0);
    await expectAccessible(page);
    await page.getByTestId('consultation-save').click();
    await page.getByTestId('consultation-phase').getByText('Отворена за коментари').waitFor();
    const publicPath = (await page.getByTestId('consultation-public-link').getAttribute('href'))!;
    expect(publicPath).toMatch(/^\/consultations\/\d+$/);
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(LATIN_WORDS);
    await expectAccessible(page);

    // A resident on a phone, no account: reads, and comments on the day centre.
    const phone = await page.context().browser()!.newContext({ baseURL: session.url(), locale: 'bg', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const resident = await phone.newPage();
    await resident.goto(publicPath);
    await resident.getByRole('heading', { name: 'Проект на споразумение между общините в област Пазарджик' }).waitFor();
    expect(await sidewaysScroll(resident)).toEqual([]);
    await expectAccessible(resident);
    const dayCentre = resident.locator(`#item-${item.body.id}`);
    expect(await dayCentre.textContent()).toContain('Пещера: разкриване — Дневна грижа за пълнолетни лица с трайни увреждания');
    await dayCentre.getByRole('link', { name: /Коментирайте/ }).click();
    await resident.waitForURL(/target=item-/);
    expect(await resident.getByLabel('Коментарът ви се отнася до').inputValue()).toBe(`item-${item.body.id}`);
    await resident.getByLabel('Вашият коментар').fill('Нека центърът има транспорт за хората от селата.');
    await resident.getByLabel('Вашето име (по желание)').fill('Мария Петрова');
    await resident.getByLabel(/Съгласен\/на съм/).check();
    // A person reads before sending; the server refuses a form sent within seconds of loading.
    await resident.waitForTimeout(3500);
    await resident.getByRole('button', { name: 'Изпрати коментара' }).click();
    await resident.getByText('Благодарим ви. Коментарът ви е получен').waitFor();
    // Not shown before a moderator has read it.
    expect(await resident.locator('main').textContent()).not.toContain('транспорт за хората от селата');

    // The same page with JavaScript off: everything reads; only sending needs the script.
    const noScript = await page.context().browser()!.newContext({ baseURL: session.url(), locale: 'bg', javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const plain = await noScript.newPage();
    await plain.goto(publicPath);
    const plainText = (await plain.locator('main').textContent()) ?? '';
    expect(plainText).toContain('Дневният център в Пещера ще обслужва и съседните общини.');
    expect(plainText).toContain('Дневна грижа за пълнолетни лица с трайни увреждания');
    await noScript.close();

    // The officer moderates and answers.
    await page.reload();
    const comment = page.getByTestId('consultation-comment');
    await comment.getByText('Нека центърът има транспорт за хората от селата.').waitFor();
    expect(await comment.getByTestId('comment-status').textContent()).toBe('Очаква модерация');
    await comment.getByTestId('comment-publish').click();
    await comment.getByTestId('comment-status').getByText('Публикуван').waitFor();
    await comment.getByTestId('comment-answer').click();
    await comment.getByTestId('comment-verdict').getByText('Приема се частично').click();
    await comment.getByTestId('comment-reason').fill('Транспорт ще има два дни в седмицата.');
    await comment.getByTestId('comment-change').fill('В описанието на услугата е добавен транспорт.');
    await comment.getByTestId('comment-item').click();
    await page.getByRole('option', { name: /Пещера: разкриване/ }).click();
    await expectAccessible(page);
    await comment.getByTestId('comment-answer-save').click();
    await comment.getByText('Транспорт ще има два дни в седмицата.').waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(LATIN_WORDS);

    // The resident finds the answer where the question was.
    await resident.goto(publicPath);
    const answered = resident.locator(`#item-${item.body.id}`);
    await answered.getByText('Нека центърът има транспорт за хората от селата.').waitFor();
    expect(await answered.textContent()).toContain('Мария Петрова');
    expect(await answered.textContent()).toContain('Отговор: Приема се частично.');
    expect(await answered.getByRole('link', { name: 'Вижте позицията в сегашния ѝ вид' }).getAttribute('href')).toBe(`#item-${item.body.id}`);
    expect(await sidewaysScroll(resident)).toEqual([]);
    await expectAccessible(resident);
    await phone.close();

    // The report lists it, with the answer and the change.
    const href = (await page.getByTestId('consultation-report-docx').getAttribute('href'))!;
    const report = await page.context().request.get(href);
    expect(report.status()).toBe(200);
    const text = flatten(readDocx(Buffer.from(await report.body())).text);
    expect(text).toContain('Справка за общественото обсъждане');
    expect(text).toContain('Нека центърът има транспорт за хората от селата.');
    expect(text).toContain('Приема се частично: Транспорт ще има два дни в седмицата.');
    expect(text).toContain('В описанието на услугата е добавен транспорт.');
  });
});
