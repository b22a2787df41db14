import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import uk from '../packages/i18n/src/locales/uk/assessments.json';
import ukCatalogue from '../packages/i18n/src/locales/uk/catalogue.json';
import ukUi from '../packages/i18n/src/locales/uk/ui.json';
import { choose, expectAccessible, signIn, withAppAndBrowser } from './support/harness';

const KHMILNYK = 'UA05120170000013778';

/** The row of a table that holds a text. */
const rowWith = (page: Page, testId: string, text: string | RegExp): Locator => page.getByTestId(testId).filter({ hasText: text });

/** A date as a Ukrainian officer reads it on screen (15 черв. 2026 р.). */
const ukDate = (iso: string) => new Intl.DateTimeFormat('uk-UA', { dateStyle: 'medium' }).format(new Date(iso));

/**
 * Story 4 in Ukrainian: an officer of Khmilnyk hromada opens the community's needs assessment,
 * completes the working group and the plan, records the plan's approval, adds a respondent group
 * and a finding from a focus group, watches the answers come in against the targets and
 * downloads the plan for the executive committee.
 */
describe('a needs assessment in Ukrainian', () => {
  const session = withAppAndBrowser();

  it('works through the working group, plan, approval, respondent groups and findings of Khmilnyk hromada', async () => {
    const { page } = await session.newPage('uk');
    await signIn(page);
    // The administrator's account speaks English; this officer works in Ukrainian.
    await page.getByTestId('language-switch').selectOption('uk');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');

    // The list: Khmilnyk's assessment, marked as demonstration data.
    await page.goto('/assessments');
    await page.getByTestId('page-title').getByText(uk.assessments.title, { exact: true }).waitFor();
    const listed = rowWith(page, 'assessment-row', /Хмільницької/);
    await listed.waitFor();
    expect(await listed.getByTestId('demo-badge').count()).toBe(1);
    expect(await listed.getByTestId('assessment-status-badge').textContent()).toBe(uk.assessments.statuses.analysing);
    await expectAccessible(page);
    await listed.getByTestId('open-assessment').click();
    await page.waitForURL(/\/assessments\/\d+$/);
    const context = page.getByTestId('assessment-context');
    await context.getByText(/Хмільницьк/).first().waitFor();
    const detail = await page.evaluate(async () => (await fetch(`/api/v1/assessments/${location.pathname.split('/').pop()}`)).json());
    expect(detail.territory.code).toBe(KHMILNYK);
    await page.getByTestId('overview-total-progress').waitFor();
    await expectAccessible(page);

    // ---- Working group: the five members, one chair; a sixth joins ----
    await page.getByTestId('tab-group').click();
    await page.getByRole('heading', { name: uk.workingGroup.title }).waitFor();
    await expect.poll(() => page.getByTestId('member-row').count()).toBe(5);
    const chair = rowWith(page, 'member-row', 'Олена Коваленко');
    expect(await chair.getByTestId('member-chair-badge').textContent()).toBe(uk.workingGroup.chairBadge);
    await expectAccessible(page);

    await page.getByTestId('add-member').click();
    const memberForm = page.getByTestId('member-form');
    await memberForm.waitFor();
    await page.getByRole('dialog', { name: uk.workingGroup.addTitle }).waitFor();
    await page.getByTestId('member-save').click();
    // Nothing typed: each required field says so, in Ukrainian.
    await memberForm.locator('.mantine-InputWrapper-error').first().waitFor();
    await expectAccessible(page);
    await page.getByTestId('member-name').fill('Марія Поліщук');
    await page.getByTestId('member-organisation').fill('Служба у справах дітей');
    await page.getByTestId('member-role').fill('Начальниця служби, членкиня групи');
    await page.getByTestId('member-save').click();
    await memberForm.waitFor({ state: 'detached' });
    const added = rowWith(page, 'member-row', 'Марія Поліщук');
    await added.waitFor();
    expect(await added.textContent()).toContain('Служба у справах дітей');
    expect(await page.getByTestId('member-row').count()).toBe(6);
    expect(await added.getByTestId('member-chair-badge').count()).toBe(0);
    // Removing her asks first, naming her; cancelling keeps her, confirming removes her.
    await added.getByTestId('delete-member').click();
    const confirm = page.getByRole('dialog', { name: uk.workingGroup.deleteTitle });
    await confirm.getByText(uk.workingGroup.deleteConfirm.replace('{{name}}', 'Марія Поліщук')).waitFor();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: ukUi.common.cancel }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(await page.getByTestId('member-row').count()).toBe(6);
    await added.getByTestId('delete-member').click();
    await confirm.getByTestId('confirm-delete').click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('member-row').count(), { timeout: 10_000 }).toBe(5);
    expect(await rowWith(page, 'member-row', 'Марія Поліщук').count()).toBe(0);

    // ---- Plan of measures: a new measure with its due date ----
    await page.getByTestId('tab-plan').click();
    await page.getByRole('heading', { name: uk.plan.title, exact: true }).waitFor();
    const before = await page.getByTestId('measure-row').count();
    expect(before).toBe(7);
    await page.getByTestId('add-measure').click();
    const measureForm = page.getByTestId('measure-form');
    await measureForm.waitFor();
    await page.getByTestId('measure-activity').fill('Провести фокус-групу з внутрішньо переміщеними особами');
    await page.getByTestId('measure-responsible').fill('Центр надання соціальних послуг');
    await page.getByTestId('measure-due').fill('2026-06-15');
    await expectAccessible(page);
    await page.getByTestId('measure-save').click();
    await measureForm.waitFor({ state: 'detached' });
    const measure = rowWith(page, 'measure-row', 'фокус-групу з внутрішньо переміщеними');
    await measure.waitFor();
    expect(await page.getByTestId('measure-row').count()).toBe(before + 1);
    expect(await measure.textContent()).toContain(ukDate('2026-06-15'));
    expect(await measure.getByTestId('measure-status-badge').textContent()).toBe(uk.plan.statuses.planned);
    await expectAccessible(page);

    // ---- The plan's approval: the decision of the executive committee, number and date ----
    await page.getByTestId('plan-approved').waitFor();
    await page.getByTestId('plan-decision').fill('');
    await page.getByTestId('plan-approved-on').fill('');
    await page.getByTestId('plan-approval-save').click();
    await page.getByTestId('plan-not-approved').getByText(uk.plan.notApproved).waitFor();
    // Only a number, no date: the form says both or neither.
    await page.getByTestId('plan-decision').fill('112');
    await page.getByTestId('plan-approval-save').click();
    await page.getByTestId('plan-approval-form').getByText(uk.assessments.fieldErrors.decision_incomplete).waitFor();
    await expectAccessible(page);
    await page.getByTestId('plan-approved-on').fill('2026-02-03');
    await page.getByTestId('plan-approval-save').click();
    const approved = uk.plan.approvedBy.replace('{{decision}}', '112').replace('{{date}}', ukDate('2026-02-03'));
    await page.getByTestId('plan-approved').getByText(approved).waitFor();
    await expectAccessible(page);

    // ---- Respondent groups: live counts against the targets; a new group with its target ----
    await page.getByTestId('tab-methods').click();
    await page.getByRole('heading', { name: uk.dataMethods.groupsTitle }).waitFor();
    const older = rowWith(page, 'group-row', 'Люди похилого віку (65+)');
    await expect.poll(() => older.getByTestId('progress-figures').textContent()).toBe('142 з 150');
    expect(await rowWith(page, 'group-row', "Сім'ї з дітьми").textContent()).toContain(uk.dataMethods.targetReached);
    expect(await page.getByTestId('total-progress').getByTestId('progress-figures').textContent()).toBe('355 з 390');
    await page.getByTestId('progress-updated').getByText(/оновлюється кожні 10 секунд/).waitFor();
    await expectAccessible(page);

    await page.getByTestId('add-group').click();
    const groupForm = page.getByTestId('group-form');
    await groupForm.waitFor();
    await choose(page, 'group-kind', 'Ветер', ukCatalogue.targetGroups.veterans);
    // The catalogue's name is offered as the group's name.
    expect(await page.getByTestId('group-name').inputValue()).toBe(ukCatalogue.targetGroups.veterans);
    await page.getByTestId('group-target').fill('40');
    await page.getByTestId('group-population').fill('1200');
    await page.getByTestId('group-population-source').fill('Управління соціального захисту, 1 січня 2026 р.');
    await expectAccessible(page);
    await page.getByTestId('group-save').click();
    await groupForm.waitFor({ state: 'detached' });
    const veterans = rowWith(page, 'group-row', ukCatalogue.targetGroups.veterans);
    await veterans.waitFor();
    expect(await veterans.getByTestId('progress-figures').textContent()).toBe('0 з 40');
    expect(await veterans.textContent()).toContain('1 200'.replace(' ', '\u00a0'));
    await expect.poll(() => page.getByTestId('total-progress').getByTestId('progress-figures').textContent()).toBe('355 з 430');
    await expectAccessible(page);

    // ---- A qualitative finding from a focus group ----
    await page.getByTestId('tab-findings').click();
    await page.getByRole('heading', { name: uk.findings.title, level: 2 }).waitFor();
    expect(await page.getByTestId('finding').count()).toBe(3);
    await page.getByTestId('add-finding').click();
    const findingForm = page.getByTestId('finding-form');
    await findingForm.waitFor();
    await page.getByTestId('finding-method').click();
    await page.getByRole('option', { name: uk.dataMethods.kinds.focus_group }).click();
    await page.getByTestId('finding-group').click();
    await page.getByRole('option', { name: ukCatalogue.targetGroups.veterans }).click();
    await page.getByTestId('finding-topic').fill('Реабілітація ветеранів');
    await findingForm.getByTestId('finding-text').fill('Ветерани не знають, де в громаді отримати психологічну допомогу; найближчий центр — у Вінниці.');
    await findingForm.getByTestId('finding-quote').fill('«Про консультацію психолога я дізнався випадково.»');
    // The pills' box covers the input of a multiple select: a person clicks the box.
    await findingForm.getByTestId('finding-service-types').click({ force: true });
    await findingForm.getByTestId('finding-service-types').fill('Консульт');
    await page.getByRole('listbox').getByRole('option', { name: 'Консультування' }).click();
    await page.keyboard.press('Escape');
    await expectAccessible(page);
    await page.getByTestId('finding-save').click();
    await findingForm.waitFor({ state: 'detached' });
    const section = page.getByTestId('finding-topic-section').filter({ hasText: 'Реабілітація ветеранів' });
    await section.waitFor();
    expect(await section.getByTestId('finding-quote').textContent()).toContain('дізнався випадково');
    expect(await section.textContent()).toContain(uk.findings.count_one.replace('{{count}}', '1'));
    expect(await section.textContent()).toContain(ukCatalogue.targetGroups.veterans);
    expect(await page.getByTestId('finding').count()).toBe(4);
    await expectAccessible(page);

    // The needs estimated from the survey, each with the groups it rests on.
    await page.getByTestId('tab-needs').click();
    await expect.poll(() => page.getByTestId('need-row').count()).toBe(5);
    await page.getByTestId('need-groups-toggle').first().click();
    await page.getByTestId('need-groups-table').first().waitFor();
    await expectAccessible(page);

    // The overview sums it up: four findings on four topics.
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('overview-findings').getByText(uk.assessments.overview.findingsCount_few.replace('{{formatted}}', '4')).waitFor();
  });

  it('downloads the plan of measures as DOCX for the executive committee', async () => {
    const { page } = await session.newPage('uk');
    await signIn(page);
    await page.goto('/assessments');
    await rowWith(page, 'assessment-row', /Хмільницької/).getByTestId('open-assessment').click();
    await page.getByTestId('tab-plan').click();
    await page.getByTestId('plan-approved').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-plan-docx').click()]);
    expect(await download.failure()).toBeNull();
    // Named in Latin letters after the document, the hromada and the year.
    expect(download.suggestedFilename()).toBe('plan-zakhodiv-khmilnytska-2026.docx');
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(1000);
    // A Word document is a ZIP archive.
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
