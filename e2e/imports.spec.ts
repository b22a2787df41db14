import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, signIn, withAppAndBrowser } from './support/harness';

const HEADER = 'site_id,name,service_type,provider,provider_kind,settlement_code,year,capacity,users,waiting_list';
const BATAK = '02837';
const PESHTERA = '56277';

/** A services file with three wrong rows among good ones (rows counted as a spreadsheet does: header = 1). */
const BAD_SERVICES = [
  HEADER,
  `E2E-1,Day centre Batak,bg.information_consulting,Municipality of Batak,public,${BATAK},2021,30,25,2`,
  `E2E-2,Mystery service,bg.no_such_service,Municipality of Batak,public,${BATAK},2021,10,5,0`,
  `E2E-3,Negative centre,bg.information_consulting,Association Hope,ngo,${BATAK},2021,-5,3,0`,
  `E2E-4,Nowhere centre,bg.information_consulting,Association Hope,ngo,99999,2021,12,4,1`,
].join('\n');

const GOOD_SERVICES = [
  HEADER,
  `E2E-1,Day centre Batak,bg.information_consulting,Municipality of Batak,public,${BATAK},2021,30,25,2`,
  `E2E-5,Counselling Peshtera,bg.information_consulting,Association Hope,ngo,${PESHTERA},2021,40,31,6`,
].join('\n');

/** Khmilnyk raion of Vinnytsia oblast as the KATOTTG codifier publishes it (;-separated, CRLF). */
function katottgSample(): string {
  const file = readFileSync(resolve(import.meta.dirname, '../reference/ua/katottg-2025-05-16.csv'), 'utf8');
  const lines = file.split(/\r?\n/);
  const oblast = 'UA05000000000010236';
  const raion = 'UA05120000000017020';
  const picked = lines.filter((l) => {
    const [level1, level2] = l.split(';');
    return (level1 === oblast && level2 === '') || level2 === raion;
  });
  return [lines[0], ...picked].join('\r\n') + '\r\n';
}

async function upload(page: Page, kind: string, name: string, content: string, mimeType = 'text/csv') {
  await page.getByTestId(`import-kind-${kind}`).check();
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  await page.getByTestId('import-submit').click();
}

describe('importing data', () => {
  const session = withAppAndBrowser();

  it('rejects a bad services file with a row-by-row report in Bulgarian, then imports a good one', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    // The chosen language is stored with the account, which the server's reasons are written in:
    // leaving the page before it is saved would cancel the saving.
    const saved = page.waitForResponse((r) => r.url().includes('/api/v1/session/language') && r.request().method() !== 'GET');
    await page.getByTestId('language-switch').selectOption('bg');
    await saved;
    await page.goto('/imports');
    await page.getByRole('heading', { level: 1, name: 'Импорт на данни' }).waitFor();

    await upload(page, 'services', 'services-bad.csv', BAD_SERVICES);
    await page.getByTestId('import-rejected').waitFor();
    expect(await page.getByTestId('import-nothing-changed').textContent()).toBe('Нищо не е променено.');
    expect(await page.getByTestId('import-error-count').textContent()).toMatch(/Открит[аи] (е|са) [3-9] грешк/);

    const rows = page.getByTestId('import-error-row');
    const report = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')));
    const byRow = (n: number) => report.filter((cells) => cells[0] === String(n));
    expect(byRow(3).some((cells) => cells[1] === 'service_type' && cells[2] === 'bg.no_such_service')).toBe(true);
    expect(byRow(4).some((cells) => cells[1] === 'capacity' && cells[2] === '-5')).toBe(true);
    expect(byRow(5).some((cells) => cells[1] === 'settlement_code' && cells[2] === '99999')).toBe(true);
    expect(byRow(2)).toEqual([]);
    // Reasons are written in the chosen language (Cyrillic), never as raw codes.
    for (const cells of report) {
      expect(cells[3]).toMatch(/[А-Яа-я]/);
      expect(cells[3]).not.toMatch(/^[a-z_.]+$/);
    }
    await expectAccessible(page);

    // The report downloads as CSV built in the browser.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report-download').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(/Ред,Колона,Стойност,Причина/);
    expect(csv).toMatch(/\n4,capacity,-5,/);

    // Nothing was imported: the past imports list has no such file.
    expect(await page.getByTestId('dataset-list').getByText('services-bad.csv').count()).toBe(0);

    await upload(page, 'services', 'services-good.csv', GOOD_SERVICES);
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success-rows').textContent()).toBe('Импортирани са 2 реда.');
    expect(await page.getByTestId('import-success-format').textContent()).toContain('формат на potreby');
    await page.getByTestId('dataset-list').getByText('services-good.csv').waitFor();
    await expectAccessible(page);
  });

  it('recognises a cut of Ukraine’s KATOTTG codifier', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    // The same account chose Bulgarian in the test before; this officer reads English.
    await page.getByTestId('language-switch').selectOption('en');
    await page.goto('/imports');
    await page.getByRole('heading', { level: 1, name: 'Import data' }).waitFor();
    await page.getByTestId('import-kind-territories').check();
    await page.getByTestId('import-format-help').getByText(/KATOTTG codifier/).waitFor();

    await upload(page, 'territories', 'katottg-khmilnyk.csv', katottgSample());
    await page.getByTestId('import-success').waitFor();
    expect(await page.getByTestId('import-success-format').textContent()).toBe('Format recognised: KATOTTG (Ukraine).');
    expect(parseInt((await page.getByTestId('import-success-rows').textContent())!.replace(/\D/g, ''), 10)).toBeGreaterThan(200);
    const row = page.getByTestId('dataset-row').filter({ hasText: 'katottg-khmilnyk.csv' });
    await row.waitFor();
    expect(await row.textContent()).toContain('KATOTTG (Ukraine)');
  });
});
