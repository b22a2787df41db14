import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';
import { widthOf } from './support/screens';

async function beyondTheEdge(page: Page): Promise<string[]> {
  await page.locator('header .mantine-Burger-root').waitFor();
  const { scrollWidth, innerWidth, culprits } = await widthOf(page);
  return scrollWidth > innerWidth ? [`${scrollWidth} px wide`, ...culprits] : [];
}

/**
 * Issue 8, items 3 and 4: Pazardzhik's regional officer records a working meeting of the round
 * (participants, minutes, a decision that becomes a task of Peshtera, an attachment) and schedules
 * the follow-up; Peshtera's officer sees the task and marks it done, on a phone.
 */
describe('working meetings of a planning round', () => {
  const session = withAppAndBrowser();
  let regional: string;
  let peshtera: string;
  let roundId: number;

  it('the regional officer records a meeting in Bulgarian: participants, minutes, a decision made a task, a file, the follow-up', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const paz = await territoryId(admin, 'PAZ');
    regional = await createOfficer(session.url(), { login: 'paz.meetings', name: 'Regional officer', role: 'regional_officer', territoryId: paz, language: 'bg' });
    peshtera = await createOfficer(session.url(), { login: 'peshtera.meetings', name: 'Peshtera officer', role: 'municipal_officer', territoryId: await territoryId(admin, 'PAZ21'), language: 'uk' });
    const round = await admin('POST', '/api/v1/planning/rounds', { territoryId: paz, templateKey: 'bg.npsu', periodStart: 2027, periodEnd: 2031, start: '2026-01-12', method: 'normative' });
    expect(round.status).toBe(201);
    roundId = round.body.id;

    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.meetings', regional);
    await page.goto(`/planning/${roundId}?tab=meetings`);
    await page.getByTestId('meeting-new').click();
    await page.getByTestId('meeting-date').fill('2026-02-10');
    await page.getByTestId('meeting-place').fill('Областна администрация, зала 2');
    await page.getByTestId('meeting-chair').fill('Иван Петров');
    await page.getByTestId('meeting-minutes').fill('Обсъдена е картата на услугите <b>важно</b>');
    for (const [name, present] of [
      ['Мария Иванова', true],
      ['Георги Георгиев', false],
    ] as const) {
      await page.getByTestId('participant-add').click();
      await page.getByTestId('participant-name').last().fill(name);
      if (!present) await page.getByTestId('participant-present').last().uncheck();
    }
    await expectAccessible(page);
    await page.getByTestId('meeting-save').click();

    const detail = page.getByTestId('meeting-detail');
    await detail.waitFor();
    expect(await page.getByTestId('meeting-minutes-text').textContent()).toBe('Обсъдена е картата на услугите <b>важно</b>');
    expect(await page.getByTestId('participant').allTextContents()).toEqual(['Мария ИвановаПрисъства', 'Георги ГеоргиевОтсъства']);

    await page.getByTestId('decision-text').fill('Община Пещера да предложи дневен център');
    await choose(page, 'decision-owner', 'Пещ', 'Пещера');
    await page.getByTestId('decision-due').fill('2026-03-01');
    await page.getByTestId('decision-add').click();
    await page.getByTestId('decision').first().waitFor();
    await page.getByTestId('decision-task').click();
    await page.getByTestId('decision').getByText('Задачата е създадена').waitFor();

    // A file that only claims to be a PDF is refused with a clear message; a real one is kept.
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'протокол.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>не е PDF</html>') });
    await page.getByTestId('attachment-error').getByText(/само файлове PDF, DOCX/).waitFor();
    await input.setInputFiles({ name: 'протокол.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByTestId('attachment').getByText('протокол.pdf').waitFor();
    expect(await page.getByTestId('attachment-error').count()).toBe(0);
    expect(await page.getByTestId('meeting-doc-minutes-pdf').getAttribute('href')).toBe(`/api/v1/planning/meetings/${await currentMeeting(page)}/documents/minutes?format=pdf`);
    await expectAccessible(page);

    await page.getByTestId('followup-date').fill('2026-03-10');
    await page.getByTestId('followup-schedule').click();
    await page.getByTestId('meeting-agenda').getByText(/Неизпълнени решения от предходната среща:\s*1\. Община Пещера да предложи дневен център/).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/meetings\.|tasks\.|[A-Za-z]{4,} [A-Za-z]{4,}/);
    await expectAccessible(page);
  });

  it("Peshtera's officer sees its overdue task and marks it done, in Ukrainian on a phone", async () => {
    const { page } = await session.newPage('uk');
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, 'peshtera.meetings', peshtera);
    await page.goto(`/planning/${roundId}?tab=tasks`);
    const card = page.getByTestId('task-card').filter({ hasText: 'Община Пещера да предложи дневен център' });
    await card.waitFor();
    expect(await card.getAttribute('data-state')).toBe('overdue');
    await expectAccessible(page);
    await expect.poll(() => beyondTheEdge(page), { timeout: 5000 }).toEqual([]);
    await card.getByTestId('task-toggle').click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('done');
    await page.getByTestId('round-tab-meetings').click();
    await page.getByTestId('meeting-row').first().waitFor();
    await expectAccessible(page);
    await expect.poll(() => beyondTheEdge(page), { timeout: 5000 }).toEqual([]);
  });
});

/** The meeting on screen, from its "minutes" download link. */
async function currentMeeting(page: Page): Promise<string> {
  const href = (await page.getByTestId('meeting-doc-participants-pdf').getAttribute('href')) ?? '';
  return /meetings\/(\d+)\//.exec(href)?.[1] ?? '';
}
