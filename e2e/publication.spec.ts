import { describe, expect, it } from 'vitest';
import { apiAs, createOfficer, territoryId } from './support/api';
import { ADMIN_LOGIN, ADMIN_PASSWORD } from './support/harness-launch';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

/**
 * Issue 9, item 5: Pazardzhik's officer publishes the municipality's services on its public page;
 * a resident, without an account, opens the page and finds the service site there, with its
 * capacity, on a page without a script — and no small count of users.
 */
describe('the public page of a municipality', () => {
  const session = withAppAndBrowser();

  it('shows the services once the officer has published them', async () => {
    const admin = await apiAs(session.url(), ADMIN_LOGIN, ADMIN_PASSWORD);
    const pazardzhik = await territoryId(admin, 'PAZ19');
    const year = (await admin('GET', `/api/v1/gaps?territoryId=${pazardzhik}`)).body.year as number;
    const site = await admin('POST', '/api/v1/service-sites', {
      siteKey: 'E2E-PUBLIC-1', year, name: 'Дневен център „Отворени врати“', serviceType: 'bg.day_care_elderly', provider: 'Община Пазарджик', providerKind: 'public',
      settlementId: await territoryId(admin, '55155'), servesIds: [], capacity: 25, users: 3, waitingList: 7,
    });
    expect(site.status).toBe(201);
    const password = await createOfficer(session.url(), { login: 'paz19.publication', name: 'Pazardzhik officer', role: 'municipal_officer', territoryId: pazardzhik, language: 'bg' });

    const { page } = await session.newPage('bg');
    await signIn(page, 'paz19.publication', password);
    await page.goto('/publication');
    await page.getByTestId('publication-services').waitFor();
    expect(await page.getByTestId('publication-state-services').textContent()).toBe('Не е публикуван');
    await expectAccessible(page);
    await page.getByTestId('publication-switch-services').click({ force: true });
    await page.getByTestId('publication-state-services').getByText(/Публикуван на/).waitFor();
    await expectAccessible(page);

    // A resident, no account, reads the page the link opens.
    const href = await page.getByTestId('publication-public-link').getAttribute('href');
    expect(href).toBe('/public/BG/PAZ19?lang=bg');
    const resident = await (await page.context().browser()!.newContext({ baseURL: session.url(), locale: 'bg' })).newPage();
    await resident.goto(href!);
    await resident.getByRole('heading', { name: 'Услуги' }).waitFor();
    const row = resident.getByRole('row', { name: /Отворени врати/ });
    expect(await row.textContent()).toContain('по-малко от 5');
    expect(await row.textContent()).toContain('25');
    expect(await resident.locator('script').count()).toBe(0);
    await expectAccessible(resident);
  });
});
