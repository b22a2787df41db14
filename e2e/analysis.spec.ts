import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import en from '../packages/i18n/src/locales/en/assessments.json';
import { expectAccessible, signIn, withAppAndBrowser, openKhmilnykAssessment } from './support/harness';

/** The statistics of one question, by its name. */
const question = (page: Page, name: string): Locator => page.locator(`[data-testid="question-stats"][data-question="${name}"]`);

/** Answer → [count, share] as the frequency table shows them. */
async function frequencies(q: Locator): Promise<Record<string, [string, string]>> {
  const rows = await q.getByTestId('frequency-row').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
  return Object.fromEntries(rows.map(([answer, count, share]) => [answer!, [count!, share!]]));
}

const respondents = (n: number) => en.analysis.respondents_other.replace('{{formatted}}', String(n));

/**
 * An officer reads what the answers to Khmilnyk's questionnaire say: shares per answer with a
 * chart, figures for numbers, one respondent group alone, answers by group and by settlement,
 * open answers tagged by theme; then exports the raw answers to XLSX.
 */
describe('analysing the answers to a questionnaire', () => {
  const session = withAppAndBrowser();

  it('shows frequencies, figures, filters, cross-tables, tagged open answers and exports the answers', async () => {
    const { page } = await session.newPage('en');
    await signIn(page);
    await page.goto('/assessments');
    await openKhmilnykAssessment(page);
    await page.getByTestId('tab-questionnaires').click();
    await page.getByTestId('analyse-questionnaire').first().click();
    await page.waitForURL(/\/questionnaires\/\d+\/analysis$/);

    // Every question: how many answered, the share of each answer, and a chart beside the table.
    await page.getByTestId('analysis-respondents').getByText(respondents(355)).waitFor();
    const alone = question(page, 'lives_alone');
    await alone.getByTestId('frequency-table').waitFor();
    expect(await alone.getByTestId('question-n').textContent()).toBe(en.analysis.answeredMissing.replace('{{n}}', '355').replace('{{missing}}', '0'));
    expect(await frequencies(alone)).toEqual({ Yes: ['80', '23%'], No: ['275', '77%'] });
    const chart = alone.getByTestId('frequency-chart');
    expect(await chart.getAttribute('aria-label')).toBe(en.analysis.chartLabel.replace('{{title}}', 'Do you live alone?'));
    await chart.locator('canvas').waitFor();
    // Several answers allowed: the shares add up to more than 100 %.
    const sources = await frequencies(question(page, 'information_sources'));
    expect(Object.keys(sources)).toContain('From the village head (starosta)');
    // Numbers: mean and median.
    const age = question(page, 'age').getByTestId('number-table');
    const figures = await age.locator('tbody td').allTextContents();
    expect(figures).toEqual(['355', '55.9', '58', '18', '89']);
    await expectAccessible(page);

    // Answers by respondent group, then by settlement.
    await page.getByTestId('analysis-tab-crosstab').click();
    const table = page.getByTestId('crosstab-table');
    await table.waitFor();
    expect(await page.getByTestId('crosstab-question').inputValue()).toBe('Do you live alone?');
    const rows = page.getByTestId('crosstab-row');
    expect(await rows.count()).toBe(4);
    const older = rows.filter({ hasText: 'Люди похилого віку (65+)' });
    expect((await older.locator('td').last().textContent())?.trim()).toBe('142');
    const totals = await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.lastElementChild?.textContent)));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(355);
    await expectAccessible(page);
    await page.getByTestId('crosstab-by').getByText(en.analysis.bySettlement).click();
    await rows.filter({ hasText: 'Хмільник' }).first().waitFor();
    expect(await rows.count()).toBeGreaterThan(10);

    // One group alone: the figures change.
    await page.getByTestId('analysis-tab-questions').click();
    await page.getByTestId('filter-group').click();
    await page.getByRole('listbox').getByRole('option', { name: 'Внутрішньо переміщені особи' }).click();
    await page.getByTestId('analysis-respondents').getByText(respondents(38)).waitFor();
    expect(new URL(page.url()).searchParams.get('group')).toMatch(/^\d+$/);
    await expect.poll(async () => Object.values(await frequencies(question(page, 'lives_alone'))).reduce((s, [count]) => s + Number(count), 0)).toBe(38);
    expect(await question(page, 'age').getByTestId('number-table').locator('tbody td').first().textContent()).toBe('38');
    await expectAccessible(page);

    // Open answers follow the same filter: only the displaced persons' answers.
    await page.getByTestId('analysis-tab-free-text').click();
    await page.getByTestId('free-text-list').waitFor();
    const [, shown, total] = /^1–(\d+) of (\d+)$/.exec((await page.getByTestId('pager-summary').textContent()) ?? '') ?? [];
    expect(Number(shown)).toBe(Number(total));
    expect(Number(total)).toBeLessThanOrEqual(38);

    // All groups again (the address holds the filter): listed, tagged, counted per tag, filtered by tag.
    const everyone = new URL(page.url());
    everyone.searchParams.delete('group');
    await page.goto(everyone.toString());
    await page.getByTestId('free-text-list').waitFor();
    expect(await page.getByTestId('free-text-question').inputValue()).toBe('What makes it hardest for you to get help?');
    await expect.poll(async () => page.getByTestId('pager-summary').textContent(), { timeout: 10_000 }).toMatch(/^1–20 of \d+$/);
    const transport = page.getByTestId('free-text-answer').filter({ hasText: /транспорт|автобус/ });
    const tagged: string[] = [];
    for (const i of [0, 1]) {
      const answer = transport.nth(i);
      tagged.push((await answer.locator('p').first().textContent())!);
      await answer.getByTestId('free-text-edit-tags').click();
      await answer.getByTestId('free-text-tags-input').fill('транспорт');
      await answer.getByTestId('free-text-tags-input').press('Enter');
      if (i === 0) await expectAccessible(page);
      await answer.getByTestId('free-text-tags-done').click();
      await answer.getByTestId('free-text-tag').getByText('транспорт').waitFor();
    }
    const chip = page.getByTestId('free-text-tag-filter').filter({ hasText: 'транспорт' });
    await chip.getByText(en.analysis.tagWithCount.replace('{{tag}}', 'транспорт').replace('{{n}}', '2')).waitFor();
    await chip.click();
    await expect.poll(() => page.getByTestId('free-text-answer').count()).toBe(2);
    expect((await page.getByTestId('free-text-answer').locator('p').allTextContents()).sort()).toEqual([...tagged].sort());
    expect(await page.getByTestId('pager-summary').textContent()).toBe('1–2 of 2');
    await expectAccessible(page);

    // The raw answers as XLSX, made in the background: progress, then the file.
    await page.getByTestId('analysis-tab-exports').click();
    const progress = page.getByTestId('export-job-progress').waitFor();
    await page.getByTestId('export-responses-xlsx').click();
    await progress;
    const job = page.getByTestId('export-job');
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    await job.getByText(en.analysis.jobDone).waitFor();
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), job.getByTestId('export-job-download').click()]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(5000);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
