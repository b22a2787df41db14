import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

const HEADER = 'key,country,official_code,name,name_en,category,residential,unit,target_groups';

/** An administrator keeps Bulgaria's classification of services: adds a type, renames it, retires it, imports a file. */
describe('service types', () => {
  const session = withAppAndBrowser();

  const row = (page: Page, key: string) => page.locator(`[data-testid="service-type-row"][data-key="${key}"]`);
  const importFile = async (page: Page, name: string, content: string) => {
    await page.getByTestId('service-types-file').click();
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    await page.getByTestId('service-types-import').click();
  };

  it('adds, renames and retires a type, and imports a file all or nothing, with the row-by-row report', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/service-types');
    await page.getByTestId('page-title').getByText('Service types').waitFor();
    expect(await page.getByTestId('nav-serviceTypes').getAttribute('aria-current')).toBe('page');
    await row(page, 'bg.home_care').waitFor();
    await expectAccessible(page);

    // Add a type: the official (Bulgarian) name and the English one.
    await page.getByTestId('add-service-type').click();
    const form = page.getByTestId('service-type-form');
    await form.waitFor();
    await page.getByTestId('service-type-key').fill('respite_care');
    await page.getByTestId('service-type-code').fill('BG-RC-1');
    await page.getByTestId('service-type-name-bg').fill('Временна грижа');
    await page.getByTestId('service-type-name-en').fill('Respite care');
    await choose(page, 'service-type-category', 'Spec', 'Specialised');
    await choose(page, 'service-type-unit', 'pla', 'places');
    await choose(page, 'service-type-groups', 'Older', 'Older people');
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await page.getByTestId('save-service-type').click();
    await form.waitFor({ state: 'hidden' });
    await row(page, 'bg.respite_care').getByText('Respite care').waitFor();
    expect(await row(page, 'bg.respite_care').textContent()).toContain('BG-RC-1');

    // Rename it in English and give it a Ukrainian name.
    await row(page, 'bg.respite_care').getByTestId('edit-service-type').click();
    await form.waitFor();
    await page.getByTestId('service-type-name-en').fill('Short-term care');
    await page.getByTestId('service-type-name-uk').fill('Короткостроковий догляд');
    await page.getByTestId('save-service-type').click();
    await form.waitFor({ state: 'hidden' });
    await row(page, 'bg.respite_care').getByText('Short-term care').waitFor();

    // Retire it, after a confirmation that says what happens to the sites that have it.
    await row(page, 'bg.respite_care').getByTestId('retire-service-type').click();
    await page.getByRole('dialog').getByText(/keep it/).waitFor();
    await expectAccessible(page);
    await page.getByTestId('confirm-retire-service-type').click();
    await row(page, 'bg.respite_care').getByTestId('service-type-retired').waitFor();
    expect(await row(page, 'bg.respite_care').getAttribute('data-retired')).toBe('yes');

    // A file with a bad row changes nothing and names the row and column.
    await importFile(
      page,
      'types.csv',
      [HEADER, 'bg.family_mediation,BG,BG-FM-1,Семейна медиация,Family mediation,family_support,no,persons_per_year,families_with_children', 'bg.bad,BG,,Лош,Bad,wellness,no,places,all'].join('\n'),
    );
    await page.getByTestId('import-rejected').waitFor();
    expect(await page.getByTestId('import-error-row').count()).toBe(1);
    expect(await page.getByTestId('import-error-row').first().textContent()).toMatch(/3.*category/);
    expect(await row(page, 'bg.family_mediation').count()).toBe(0);
    await expectAccessible(page);

    // The same file, corrected, is taken whole.
    await importFile(
      page,
      'types.csv',
      [HEADER, 'bg.family_mediation,BG,BG-FM-1,Семейна медиация,Family mediation,family_support,no,persons_per_year,families_with_children', 'bg.good,BG,,Добра,Good one,other,no,places,all'].join('\n'),
    );
    await row(page, 'bg.family_mediation').getByText('Family mediation').waitFor();
    await row(page, 'bg.good').waitFor();
    expect(await page.getByTestId('import-rejected').count()).toBe(0);

    // On a phone the page does not scroll sideways; the table scrolls in its own box.
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("shows each country's types in the reader's language", async () => {
    const { page } = await session.newPage('bg');
    await signIn(page);
    await page.goto('/service-types');
    // The administrator's account is in English: switch as a person does.
    await page.getByTestId('language-switch').selectOption('bg');
    await page.getByTestId('page-title').getByText('Видове услуги').waitFor();
    // Countries are named in Bulgarian, not in their own languages.
    await page.getByTestId('service-types-country').getByText('Украйна').click();
    await page.locator('[data-testid="service-type-row"][data-key^="ua."]').first().waitFor();
    await expectAccessible(page);
  });
});
