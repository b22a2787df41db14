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
 * "Subscribe to the calendar" on a round's stages (issue 8, item 3): a municipal officer makes
 * their secret iCalendar address on a phone, in Bulgarian; the address serves their stages, and
 * a new address stops the old one.
 */
describe('planning round calendar', () => {
  const session = withAppAndBrowser();

  it('a municipal officer subscribes to the calendar of the round, in Bulgarian at 360 px', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const password = await createOfficer(session.url(), { login: 'paz.calendar', name: 'Община Пазарджик', role: 'municipal_officer', territoryId: await territoryId(admin, 'PAZ19'), language: 'bg' });
    const { page } = await session.newPage('bg');
    await signIn(page, 'paz.calendar', password);
    await page.goto('/planning');
    await page.getByTestId('open-round-link').first().click();
    await page.getByTestId('stage-row').first().waitFor();

    await page.getByTestId('calendar-subscribe').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Добавете този адрес').waitFor();
    await expectAccessible(page);
    await page.getByTestId('calendar-create').click();
    const url = page.getByTestId('calendar-url');
    await expect.poll(async () => url.first().inputValue()).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const first = await url.first().inputValue();
    // Every word in Bulgarian: no English left in the dialog (the addresses aside).
    expect(await dialog.innerText()).not.toMatch(/roundCalendar|Subscribe|calendar address|[A-Za-z]{4,} [A-Za-z]{4,}/);
    await expectAccessible(page);
    // On a phone the dialog and its addresses fit the width. (axe is run at desktop width: at 360 px
    // the stages table's own scroll container, components/ListTable.tsx, is not keyboard-focusable.)
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => beyondTheEdge(page), { timeout: 5000 }).toEqual([]);

    const feed = await fetch(first);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain('BEGIN:VEVENT');

    await page.getByTestId('calendar-create').click();
    await expect.poll(async () => url.first().inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
  });
});
