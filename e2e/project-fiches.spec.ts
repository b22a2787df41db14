import { describe, expect, it } from 'vitest';
import { flatten, readDocx } from '../packages/server/src/reports/read-document-text';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * Story 3 (issue 9, item 2): the working group of Batak, a mountain municipality, records its
 * meeting on the social and health part of the development plan — participants, key problems,
 * ideas — then two project fiches tied to the problems; the portfolio ranks them with the parts
 * of each score shown, and exports them with the participants' list.
 */
describe('project fiches of a mountain municipality', () => {
  const session = withAppAndBrowser();

  it('records a working meeting, two fiches tied to its problems, and exports the portfolio', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const batak = await territoryId(admin, 'PAZ03');
    const password = await createOfficer(session.url(), { login: 'batak.fiches', name: 'Batak officer', role: 'municipal_officer', territoryId: batak, language: 'bg' });
    const { page } = await session.newPage('bg');
    await signIn(page, 'batak.fiches', password);
    await page.goto('/fiches');
    // The officer's own municipality is the one open.
    await page.getByTestId('workshop-new').click();
    await page.getByTestId('workshop-date').fill('2026-11-20');
    await page.getByTestId('workshop-place').fill('Читалище „Просвета“');
    await page.getByTestId('workshop-topic').fill('Социални и здравни услуги в плана за интегрирано развитие');
    for (const [name, organisation] of [
      ['Мария Иванова', 'Дирекция „Социално подпомагане“'],
      ['д-р Петър Георгиев', 'Общопрактикуващ лекар'],
    ]) {
      await page.getByTestId('workshop-add-participant').click();
      const row = page.getByTestId('workshop-participant').last();
      await row.getByLabel('Име').fill(name!);
      await row.getByLabel('Организация').fill(organisation!);
    }
    for (const [kind, text] of [
      ['Проблем', 'Липса на квалифициран персонал'],
      ['Проблем', 'Услугите са недостъпни за отдалечените села'],
      ['Идея', 'Мобилни екипи за отдалечените села'],
    ]) {
      await page.getByTestId('workshop-add-entry').click();
      const row = page.getByTestId('workshop-entry').last();
      if (kind === 'Идея') {
        await row.getByLabel('Вид').click();
        await page.getByRole('option', { name: 'Идея' }).click();
      }
      await row.getByLabel('Текст').fill(text!);
    }
    await expectAccessible(page);
    await page.getByTestId('workshop-save').click();
    const meeting = page.getByTestId('workshop');
    await meeting.getByText('Ключови проблеми').waitFor();
    expect(await meeting.textContent()).toContain('Мобилни екипи за отдалечените села');
    expect(await meeting.textContent()).toContain('2 участници');

    // Two fiches: one reaching 120 people for 200,000 €, one without an estimate of people.
    await page.getByTestId('fiches-tab-fiches').click();
    await page.getByTestId('fiche-new').click();
    await page.getByTestId('fiche-title').fill('Мобилен социално-здравен екип');
    await choose(page, 'fiche-problems', 'недостъпни', 'Услугите са недостъпни за отдалечените села');
    await page.keyboard.press('Escape');
    await page.getByTestId('fiche-activities').fill('Наемане на екип\nПосещения по график');
    await page.getByTestId('fiche-people').fill('120');
    await page.getByTestId('fiche-add-budget').click();
    await page.getByTestId('fiche-budget-amount').fill('200000');
    await page.getByTestId('fiche-save').click();
    await page.getByTestId('fiche-row').first().waitFor();
    await page.getByTestId('fiche-new').click();
    await page.getByTestId('fiche-title').fill('Стимули за специалисти');
    await choose(page, 'fiche-problems', 'персонал', 'Липса на квалифициран персонал');
    await page.keyboard.press('Escape');
    await page.getByTestId('fiche-add-budget').click();
    await page.getByTestId('fiche-budget-amount').fill('30000');
    await page.getByTestId('fiche-save').click();
    await expect.poll(() => page.getByTestId('fiche-row').count()).toBe(2);

    const rows = page.getByTestId('fiche-row');
    expect(await rows.first().textContent()).toContain('1. Мобилен социално-здравен екип');
    expect(await rows.first().getByTestId('fiche-score-parts').textContent()).toBe('дефицити 0 · хора 30 · разход 30');
    expect(await rows.nth(1).textContent()).toContain('без оценка');
    await rows.first().getByTestId('fiche-forward').click();
    await rows.first().getByTestId('fiche-status').getByText('Предварително избрана').waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toMatch(/[A-Za-z]{4,} [A-Za-z]{4,}/);
    await expectAccessible(page);

    const docx = await page.context().request.get((await page.getByTestId('portfolio-docx').getAttribute('href'))!);
    expect(docx.status()).toBe(200);
    const text = flatten(readDocx(Buffer.from(await docx.body())).text);
    expect(text).toContain('Портфейл от проектни фиши');
    expect(text).toContain('д-р Петър Георгиев');
    expect(text).toContain('Стимули за специалисти');
    expect(text).toContain('Липса на квалифициран персонал');
  });
});
