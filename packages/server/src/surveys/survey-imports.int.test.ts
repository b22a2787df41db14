import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../config';
import { rows } from '../db/database';
import { KHMILNYK } from '../seed/demo-khmilnyk';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import type { TXlsFormImport } from './schema';
import type { TResponseImportResult } from './import-schema';

type ReportedError = { row: number; column: string | null; value: string | null; code: string; message: string };
type Cells = (string | number)[][];

/** A workbook with these sheets, as a spreadsheet program saves it. */
async function xlsx(sheets: Record<string, Cells>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, cells] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(cells);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A needs-assessment form in today's XLSForm syntax, in Ukrainian with English, with things SurveyJS cannot do. */
const NEEDS_FORM: Record<string, Cells> = {
  survey: [
    ['type', 'name', 'label::Українська (uk)', 'label::English (en)', 'required', 'relevant', 'constraint', 'constraint_message::Українська (uk)'],
    ['start', 'start'],
    ['end', 'end'],
    ['begin_group', 'household', 'Домогосподарство', 'Household'],
    ['integer', 'age', 'Скільки вам років?', 'How old are you?', 'yes', '', '. >= 14 and . <= 120', 'Вік від 14 до 120'],
    ['select_one yes_no', 'lives_alone', 'Ви живете самі?', 'Do you live alone?'],
    ['select_multiple services or_other', 'needs', 'Яких послуг ви потребуєте?', 'Which services do you need?', '', '${age} >= 60 or ${lives_alone} = \'yes\''],
    ['end_group'],
    ['decimal', 'income', 'Дохід на місяць, грн', 'Monthly income, UAH', '', '', ". > 0 and regex(., '^[0-9.]+$')"],
    ['date', 'visit_date', 'Дата опитування', 'Date of the interview'],
    ['geopoint', 'location', 'Де ви живете?', 'Where do you live?'],
    ['begin_repeat', 'children', 'Діти', 'Children'],
    ['text', 'child_name', 'Ім’я дитини', "Child's name"],
    ['end_repeat'],
    ['text', 'remarks', 'Коментар', 'Remarks'],
  ],
  choices: [
    ['list_name', 'name', 'label::Українська (uk)', 'label::English (en)'],
    ['yes_no', 'yes', 'Так', 'Yes'],
    ['yes_no', 'no', 'Ні', 'No'],
    ['services', 'home_care', 'Догляд вдома', 'Home care'],
    ['services', 'transport', 'Соціальне таксі', 'Social taxi'],
  ],
  settings: [
    ['form_title', 'form_id', 'default_language', 'version'],
    ['Оцінка потреб громади', 'needs_2026', 'Українська (uk)', '2026112301'],
  ],
};

/** The columns of a KoboToolbox CSV export of NEEDS_FORM ("XML values and headers", `;`). */
const KOBO_HEADER = [
  'start', 'end', 'household/age', 'household/lives_alone', 'household/needs', 'household/needs/home_care', 'household/needs/transport', 'household/needs/other', 'household/needs_other',
  'income', 'visit_date', 'location', '_location_latitude', '_location_longitude', '_location_altitude', '_location_precision', 'children/child_name', 'remarks',
  'respondent_group', 'settlement_code', '_id', '_uuid', '_submission_time', '_validation_status', '_notes', '_status', '_submitted_by', '__version__', '_tags', '_index',
].join(';');

/** Importing questionnaires from XLSForm files and responses from exports, over HTTP, on a copy of the demo. */
describe(`survey imports (${ENGINE})`, () => {
  let t: TestApp;
  let admin: Client;
  let officer: Client;
  let officerId: number;
  let viewer: Client;
  let stranger: Client;
  let khmilnyk: number;
  let assessmentId: number;
  let groups: Record<string, number>;
  let villages: { id: number; code: string; name: string }[];
  /** The questionnaire imported from NEEDS_FORM. */
  let needsId: number;

  const uploadForm = (client: Client, fileName: string, bytes: Uint8Array | string, fields: Record<string, string | number>, headers?: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), fileName);
    return client.post<TXlsFormImport & ReportedProblem>('/api/v1/questionnaires/import-xlsform', form, headers);
  };
  const uploadResponses = (client: Client, fileName: string, content: string | Uint8Array, fields: Record<string, string | number>, headers?: Record<string, string>) =>
    client.upload<TResponseImportResult & ReportedProblem>('responses', fileName, content, Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])), headers);

  type ReportedProblem = { code?: string; errors?: ReportedError[]; totalErrors?: number; title?: string; issues?: { path: string; message: string }[] };

  /** What "nothing changed" means here: questionnaires, versions, responses, datasets and the audit log. */
  const snapshot = async () =>
    (
      await rows<Record<string, string>>(
        t.database.db,
        sql`select (select count(*) from questionnaire)::text as questionnaires, (select count(*) from questionnaire_version)::text as versions,
          (select count(*) from response)::text as responses, (select count(*) from dataset)::text as datasets, (select max(id) from audit_log)::text as audit`,
      )
    )[0]!;
  const storedResponses = (questionnaireId: number) =>
    rows<{ key: string; answers: Record<string, unknown>; channel: string; group_id: number | null; settlement_id: number | null; dataset_id: number; entered_by: number | null; version: number }>(
      t.database.db,
      sql`select submission_key as key, answers, channel, respondent_group_id as group_id, settlement_id, dataset_id, entered_by, version from response where questionnaire_id = ${questionnaireId} order by id`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    officer = await t.as('municipal_officer', KHMILNYK);
    viewer = await t.as('viewer', KHMILNYK);
    // An officer of a Bulgarian municipality: Khmilnyk is outside their reach.
    stranger = await t.as('municipal_officer', 'SML31');
    khmilnyk = await t.territoryId(KHMILNYK);
    [{ id: officerId }] = (await rows<{ id: number }>(t.database.db, sql`select id from app_user where login ilike ${`municipal_officer-${KHMILNYK}-%`}`)) as [{ id: number }];
    [{ id: assessmentId }] = (await rows<{ id: number }>(t.database.db, sql`select id from assessment where territory_id = ${khmilnyk}`)) as [{ id: number }];
    groups = Object.fromEntries((await rows<{ key: string; id: number }>(t.database.db, sql`select key, id from respondent_group where assessment_id = ${assessmentId}`)).map((g) => [g.key, g.id]));
    villages = await rows(t.database.db, sql`select t.id, t.code, t.name from territory t where t.path like (select path from territory where id = ${khmilnyk}) || '%' and t.level = 'settlement' order by t.name limit 3`);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /api/v1/questionnaires/import-xlsform', () => {
    it('imports each real form of reference/xlsform as a new questionnaire, its first version from the file', async () => {
      const files = readdirSync(join(REFERENCE_DIR, 'xlsform')).filter((f) => f.endsWith('.xlsx')).sort();
      expect(files).toEqual(['group.xlsx', 'specify_other.xlsx', 'text_and_integer.xlsx', 'yes_or_no_question.xlsx']);
      const results: Record<string, TXlsFormImport> = {};
      for (const file of files) {
        const res = await uploadForm(officer, file, readFileSync(join(REFERENCE_DIR, 'xlsform', file)), { territoryId: khmilnyk });
        expect(res.status, `${file}: ${res.text}`).toBe(201);
        results[file] = res.body;
      }
      expect(Object.values(results).map((r) => [r.questions, r.unconverted.length, r.languages])).toEqual([
        [3, 0, ['en']],
        [1, 0, ['en']],
        [2, 0, ['en']],
        [1, 0, ['en']],
      ]);
      const group = (await officer.get(`/api/v1/questionnaires/${results['group.xlsx']!.questionnaireId}`)).body;
      expect(group).toMatchObject({ title: 'group', territoryId: khmilnyk, assessmentId: null, currentVersion: 1, responses: 0, editable: true });
      expect(group.versions).toEqual([expect.objectContaining({ version: 1, source: 'xlsform:group.xlsx', languages: ['en'] })]);
      const [page] = group.definition.pages;
      expect(page.elements.map((e: { name: string; type: string }) => [e.name, e.type])).toEqual([
        ['family_name', 'text'],
        ['father', 'panel'],
      ]);
      expect(page.elements[1].elements.map((e: { name: string; inputType: string }) => [e.name, e.inputType])).toEqual([
        ['phone_number', 'tel'],
        ['age', 'number'],
      ]);
      const sex = (await officer.get(`/api/v1/questionnaires/${results['specify_other.xlsx']!.questionnaireId}`)).body.definition.pages[0].elements[0];
      expect(sex).toMatchObject({ type: 'radiogroup', name: 'sex', showOtherItem: true });
    });

    it('imports a form in the current syntax into an assessment: both languages, and every element it could not convert by row, in the user’s language', async () => {
      const before = await snapshot();
      const res = await uploadForm(officer, 'needs-2026.xlsx', await xlsx(NEEDS_FORM), { assessmentId, title: 'Опитування 2026 (XLSForm)' }, { 'x-potreby-language': 'uk' });
      expect(res.status, res.text).toBe(201);
      needsId = res.body.questionnaireId;
      expect(res.body).toMatchObject({ version: 1, languages: ['uk', 'en'], questions: 6 });
      expect(res.body.unconverted.map((u) => [u.row, u.name, u.type, u.reason])).toEqual([
        [2, 'start', 'start', 'metadata'],
        [3, 'end', 'end', 'metadata'],
        [9, 'income', 'decimal', 'expression'],
        [11, 'location', 'geopoint', 'unsupported_type'],
        [12, 'children', 'begin_repeat', 'repeat'],
      ]);
      expect(res.body.unconverted.find((u) => u.name === 'children')!.message).toBe('Повторювані групи не підтримуються: повторення «children» та його питання пропущено.');
      expect(res.body.unconverted.find((u) => u.name === 'income')!.message).toBe("Вираз у стовпці constraint пропущено, бо його неможливо тут відтворити: . > 0 and regex(., '^[0-9.]+$') — regex()");

      const detail = (await officer.get(`/api/v1/questionnaires/${needsId}`)).body;
      expect(detail).toMatchObject({ title: 'Опитування 2026 (XLSForm)', assessmentId, territoryId: khmilnyk, languages: ['uk', 'en'] });
      expect(detail.definition).toMatchObject({ title: 'Оцінка потреб громади', locale: 'uk', xlsformUnconverted: ['start', 'end', 'income', 'location', 'children'] });
      const household = detail.definition.pages[0].elements[0];
      expect(household.elements[0]).toMatchObject({ name: 'age', isRequired: true, title: { default: 'How old are you?', uk: 'Скільки вам років?', en: 'How old are you?' } });
      expect(household.elements[2]).toMatchObject({ name: 'needs', type: 'checkbox', showOtherItem: true, visibleIf: "{age} >= 60 or {lives_alone} = 'yes'" });
      // The assessment lists it; one questionnaire, one version, one audit entry more.
      expect((await officer.get(`/api/v1/assessments/${assessmentId}`)).body.questionnaires.map((q: { id: number }) => q.id)).toContain(needsId);
      const after = await snapshot();
      expect(Number(after.questionnaires) - Number(before.questionnaires)).toBe(1);
      expect(Number(after.versions) - Number(before.versions)).toBe(1);
      const [audit] = await rows<{ action: string; entity: string; territory_id: number; after: { source: string } }>(
        t.database.db,
        sql`select action, entity, territory_id, after from audit_log where entity = 'questionnaire' and entity_id = ${String(needsId)}`,
      );
      expect(audit).toMatchObject({ action: 'create', territory_id: khmilnyk, after: { source: 'xlsform:needs-2026.xlsx' } });
    });

    it('takes the title from the file when none is given, and reads `label` without a language in the language the user chose', async () => {
      const res = await uploadForm(officer, 'short.xlsx', await xlsx({ survey: [['type', 'name', 'label'], ['text', 'q', 'Що вам потрібно?']], settings: [['form_title'], ['Коротка анкета']] }), { territoryId: khmilnyk, formLanguage: 'uk' });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ languages: ['uk'], questions: 1, unconverted: [] });
      const detail = (await officer.get(`/api/v1/questionnaires/${res.body.questionnaireId}`)).body;
      expect(detail).toMatchObject({ title: 'Коротка анкета', definition: { locale: 'uk', title: 'Коротка анкета' } });
      expect(detail.definition).not.toHaveProperty('xlsformUnconverted');
    });

    // Issue 7: an English form with a plain `label` column was marked as the territory's language.
    it('never marks a plain `label` column as the territory’s language: the settings’ default_language, else the user’s choice, else none', async () => {
      const english = (settings?: Cells) => xlsx({ survey: [['type', 'name', 'label'], ['integer', 'age', 'How old are you?']], ...(settings ? { settings } : {}) });
      const unsaid = await uploadForm(officer, 'english.xlsx', await english(), { territoryId: khmilnyk });
      expect(unsaid.status, unsaid.text).toBe(201);
      expect(unsaid.body.languages).toEqual([]);
      const unsaidDetail = (await officer.get(`/api/v1/questionnaires/${unsaid.body.questionnaireId}`)).body;
      expect(unsaidDetail.definition.locale).toBeUndefined();
      expect(unsaidDetail.definition.pages[0].elements[0].title).toBe('How old are you?');
      // The settings sheet wins over the dialog's choice; both forms of the spec are read.
      for (const [given, code] of [['English (en)', 'en'], ['en', 'en'], ['Bulgarian (bg)', 'bg']] as const) {
        const res = await uploadForm(officer, 'english.xlsx', await english([['default_language'], [given]]), { territoryId: khmilnyk, formLanguage: 'uk' });
        expect(res.status, res.text).toBe(201);
        expect(res.body.languages).toEqual([code]);
      }
      const chosen = await uploadForm(officer, 'english.xlsx', await english(), { territoryId: khmilnyk, formLanguage: 'English (en)' });
      expect(chosen.body.languages).toEqual(['en']);
      // A choice that names no language is refused; nothing is created.
      const before = await snapshot();
      const wrong = await uploadForm(officer, 'english.xlsx', await english(), { territoryId: khmilnyk, formLanguage: 'Klingon' });
      expect(wrong.status).toBe(400);
      expect(await snapshot()).toEqual(before);
    });

    it('refuses a file that is not a valid XLSForm with its errors row by row, translated, and stores nothing', async () => {
      const before = await snapshot();
      const noSurvey = await uploadForm(officer, 'choices-only.xlsx', await xlsx({ choices: [['list_name', 'name'], ['yes_no', 'yes']] }), { territoryId: khmilnyk });
      expect(noSurvey.status).toBe(422);
      expect(noSurvey.body).toMatchObject({ code: 'import.rejected', totalErrors: 1, errors: [{ row: 0, column: null, code: 'no_survey_sheet', message: 'The file has no sheet named “survey”, so it is not an XLSForm.' }] });

      const noName = await uploadForm(officer, 'no-name.xlsx', await xlsx({ survey: [['type', 'label'], ['text', 'Name?']] }), { territoryId: khmilnyk }, { 'x-potreby-language': 'bg' });
      expect(noName.status).toBe(422);
      expect(noName.body.errors).toEqual([{ row: 1, column: 'name', value: null, code: 'missing_column', message: 'Лист „survey“: Липсва колоната „name“.' }]);

      const broken = await uploadForm(
        officer,
        'broken.xlsx',
        await xlsx({
          survey: [
            ['type', 'name', 'label', 'relevant'],
            ['begin_group', 'outer', 'Outer'],
            ['select_one colours', 'colour', 'Colour'],
            ['integer', 'age', 'Age', '${nobody} > 1'],
            ['end_repeat'],
            ['text', 'age', 'Age again'],
          ],
          choices: [['list_name', 'name', 'label'], ['sizes', 'small', 'Small'], ['sizes', 'small', 'Small again']],
        }),
        { territoryId: khmilnyk },
        { 'x-potreby-language': 'pl' },
      );
      expect(broken.status).toBe(422);
      expect(broken.body.title).toBe('Plik odrzucono: 6 błędów. Nic nie zostało zmienione.');
      expect(broken.body.errors!.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [2, 'type', null, 'unclosed_group'],
        [3, 'type', 'colours', 'unknown_list'],
        [4, 'relevant', 'nobody', 'unknown_reference'],
        [5, 'type', 'end_repeat', 'unmatched_end'],
        [6, 'name', 'age', 'duplicate_name'],
        [3, 'name', 'small', 'duplicate_choice'],
      ]);
      expect(broken.body.errors!.find((e) => e.code === 'unknown_list')!.message).toBe('Arkusz „survey”: Listy odpowiedzi „colours” nie ma w arkuszu choices.');

      // A CSV (or an old binary .xls) is not a workbook at all.
      const csv = await uploadForm(officer, 'form.csv', 'type,name,label\ntext,q,Q\n', { territoryId: khmilnyk });
      expect(csv.status).toBe(400);
      expect(csv.body.code).toBe('import.unreadable');
      expect(await snapshot()).toEqual(before);
    });

    it('lets only those who may run the territory’s assessment create it: 401, 403 for a viewer, 404 outside one’s territory', async () => {
      const before = await snapshot();
      const bytes = await xlsx({ survey: [['type', 'name', 'label'], ['text', 'q', 'Q']] });
      expect((await uploadForm(t.anonymous(), 'q.xlsx', bytes, { territoryId: khmilnyk })).status).toBe(401);
      const asViewer = await uploadForm(viewer, 'q.xlsx', bytes, { territoryId: khmilnyk });
      expect([asViewer.status, asViewer.body.code]).toEqual([403, 'auth.forbidden']);
      expect((await uploadForm(stranger, 'q.xlsx', bytes, { territoryId: khmilnyk })).status).toBe(404);
      expect((await uploadForm(stranger, 'q.xlsx', bytes, { assessmentId })).status).toBe(404);
      // The policy is asked before the file is read: an invalid file tells a stranger nothing either.
      expect((await uploadForm(stranger, 'q.xlsx', await xlsx({ choices: [['list_name']] }), { territoryId: khmilnyk })).status).toBe(404);
      const nowhere = await uploadForm(officer, 'q.xlsx', bytes, {});
      expect([nowhere.status, nowhere.body.issues]).toEqual([400, [{ path: 'territoryId', message: 'territory_required' }]]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('POST /api/v1/imports/responses', () => {
    /** One row of a Kobo export of NEEDS_FORM. */
    const koboRow = (uuid: string, cells: { age: string; alone: string; needs: string; other?: string; income?: string; group: string; settlement: string; remarks?: string }) =>
      [
        '2026-11-02T10:01:00.000+02:00', '2026-11-02T10:09:00.000+02:00', cells.age, cells.alone, cells.needs,
        cells.needs.split(' ').includes('home_care') ? '1' : '0', cells.needs.split(' ').includes('transport') ? '1' : '0', cells.needs.split(' ').includes('other') ? '1' : '0', cells.other ?? '',
        // A cell with the delimiter in it is quoted, as Kobo writes it.
        cells.income ?? '', '2026-11-02', '49.55 27.0 0 5', '49.55', '27.0', '0', '5', '', cells.remarks?.includes(';') ? `"${cells.remarks}"` : (cells.remarks ?? ''),
        cells.group, cells.settlement, '101', uuid, '2026-11-02T08:09:12', '', '', 'submitted_via_web', '', 'vX4', '', '1',
      ].join(';');
    let koboCsv: string;

    beforeAll(() => {
      const [a, b] = villages;
      koboCsv = [
        KOBO_HEADER,
        koboRow('c0ffee00-0000-4000-8000-000000000001', { age: '72', alone: 'yes', needs: 'home_care transport', income: '3500.5', group: 'older_people', settlement: a!.code, remarks: 'Потрібен транспорт до лікарні; щотижня' }),
        koboRow('c0ffee00-0000-4000-8000-000000000002', { age: '35', alone: 'yes', needs: 'other', other: 'Юридична допомога', group: 'idp', settlement: b!.code }),
        koboRow('c0ffee00-0000-4000-8000-000000000003', { age: '81', alone: 'yes', needs: 'home_care', group: 'Люди похилого віку (65+)', settlement: a!.name }),
      ].join('\n');
    });

    it('imports a KoboToolbox export: group paths, split options, keys, groups and settlements; the columns of what was not converted are skipped', async () => {
      const res = await uploadResponses(officer, 'kobo-export.csv', koboCsv, { questionnaireId: needsId });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ questionnaireId: needsId, version: 1, format: 'csv', rows: 3, duplicates: 0 });
      const stored = await storedResponses(needsId);
      expect(stored.map((r) => [r.key, r.channel, r.group_id, r.settlement_id, r.dataset_id, r.entered_by, r.version])).toEqual([
        ['c0ffee00-0000-4000-8000-000000000001', 'import', groups.older_people, villages[0]!.id, res.body.datasetId, officerId, 1],
        ['c0ffee00-0000-4000-8000-000000000002', 'import', groups.idp, villages[1]!.id, res.body.datasetId, officerId, 1],
        ['c0ffee00-0000-4000-8000-000000000003', 'import', groups.older_people, villages[0]!.id, res.body.datasetId, officerId, 1],
      ]);
      expect(stored[0]!.answers).toEqual({ age: 72, lives_alone: 'yes', needs: ['home_care', 'transport'], income: 3500.5, visit_date: '2026-11-02', remarks: 'Потрібен транспорт до лікарні; щотижня' });
      expect(stored[1]!.answers).toEqual({ age: 35, lives_alone: 'yes', needs: ['other'], 'needs-Comment': 'Юридична допомога', visit_date: '2026-11-02' });
      // The dataset and the audit entry say who imported what.
      const [entry] = await rows<{ action: string; entity: string; territory_id: number; after: Record<string, unknown> }>(
        t.database.db,
        sql`select action, entity, territory_id, after from audit_log where entity = 'responses' order by id desc limit 1`,
      );
      expect(entry).toMatchObject({ action: 'import', territory_id: khmilnyk, after: { questionnaireId: needsId, fileName: 'kobo-export.csv', rows: 3, duplicates: 0 } });
      const [set] = await rows<{ kind: string; rows: number; file_name: string }>(t.database.db, sql`select kind, rows, file_name from dataset where id = ${res.body.datasetId}`);
      expect(set).toEqual({ kind: 'responses', rows: 3, file_name: 'kobo-export.csv' });
      // The analysis counts them at once.
      const stats = (await officer.get(`/api/v1/questionnaires/${needsId}/stats`)).body;
      expect(stats.respondents).toBe(3);
      expect(stats.questions.find((q: { name: string }) => q.name === 'age').numbers).toMatchObject({ mean: 62.666666666666664, median: 72 });
    });

    it('stores each response once: the same export again adds nothing and says so; a newer export adds only the new rows', async () => {
      const before = await snapshot();
      const again = await uploadResponses(officer, 'kobo-export.csv', koboCsv, { questionnaireId: needsId });
      expect(again.status, again.text).toBe(200);
      expect(again.body).toMatchObject({ rows: 0, duplicates: 3 });
      expect((await storedResponses(needsId)).length).toBe(3);
      // Nothing new: no empty dataset left behind, and no audit entry for a change that did not happen.
      expect(again.body.datasetId).toBeNull();
      expect(await snapshot()).toEqual(before);

      const newer = `${koboCsv}\n${koboRow('c0ffee00-0000-4000-8000-000000000004', { age: '64', alone: 'no', needs: 'transport', group: 'idp', settlement: villages[2]!.code })}`;
      const res = await uploadResponses(officer, 'kobo-export-week-2.csv', newer, { questionnaireId: needsId });
      expect(res.body).toMatchObject({ rows: 1, duplicates: 3 });
      expect((await storedResponses(needsId)).map((r) => r.key).slice(-1)).toEqual(['c0ffee00-0000-4000-8000-000000000004']);
    });

    it('stores a file sent twice at once only once: one import takes the rows, the other finds them imported', async () => {
      const lines = [KOBO_HEADER];
      for (let i = 0; i < 200; i++) lines.push(koboRow(`twice-${i}`, { age: String(20 + (i % 70)), alone: 'yes', needs: i % 2 ? 'transport' : 'home_care', group: 'idp', settlement: villages[0]!.code }));
      const csv = lines.join('\n');
      const [first, second] = await Promise.all([uploadResponses(officer, 'twice.csv', csv, { questionnaireId: needsId }), uploadResponses(officer, 'twice.csv', csv, { questionnaireId: needsId })]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([first.body.rows + second.body.rows, first.body.duplicates + second.body.duplicates]).toEqual([200, 200]);
      const [{ n }] = (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from response where questionnaire_id = ${needsId} and submission_key like 'twice-%'`)) as [{ n: number }];
      expect(n).toBe(200);
    });

    it('reads an XLSX file without submission keys: the default group applies, identical rows are two respondents, and a re-import finds both', async () => {
      const bytes = await xlsx({
        responses: [
          ['age', 'lives_alone', 'needs', 'remarks', 'visit_date'],
          [66, 'yes', 'home_care', 'Самотність', '2026-11-05'],
          [66, 'yes', 'home_care', 'Самотність', '2026-11-05'],
          [70, 'no', '', '', ''],
        ],
      });
      const res = await uploadResponses(officer, 'paper-forms.xlsx', bytes, { questionnaireId: needsId, respondentGroupId: groups.older_people! });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ format: 'xlsx', rows: 3, duplicates: 0 });
      const added = (await storedResponses(needsId)).slice(-3);
      expect(added.map((r) => [r.group_id, r.settlement_id, r.answers])).toEqual([
        [groups.older_people, null, { age: 66, lives_alone: 'yes', needs: ['home_care'], remarks: 'Самотність', visit_date: '2026-11-05' }],
        [groups.older_people, null, { age: 66, lives_alone: 'yes', needs: ['home_care'], remarks: 'Самотність', visit_date: '2026-11-05' }],
        [groups.older_people, null, { age: 70, lives_alone: 'no' }],
      ]);
      expect(new Set(added.map((r) => r.key)).size).toBe(3);
      expect(added.every((r) => r.key.startsWith('row:'))).toBe(true);
      const again = await uploadResponses(officer, 'paper-forms.xlsx', bytes, { questionnaireId: needsId, respondentGroupId: groups.older_people! });
      expect(again.body).toMatchObject({ rows: 0, duplicates: 3 });
    });

    it('refuses a file whose last row is wrong with the row-by-row report, translated, and leaves the database unchanged', async () => {
      const before = await snapshot();
      const lines = [KOBO_HEADER];
      for (let i = 10; i < 60; i++) lines.push(koboRow(`c0ffee00-0000-4000-8000-0000000000${i}`, { age: String(20 + i), alone: 'yes', needs: 'transport', group: 'idp', settlement: villages[0]!.code }));
      lines.push(koboRow('c0ffee00-0000-4000-8000-000000000099', { age: 'сорок', alone: 'maybe', needs: 'home_care flying', group: 'martians', settlement: 'UA00000000000000000' }));
      const res = await uploadResponses(officer, 'kobo-bad-last-row.csv', lines.join('\r\n'), { questionnaireId: needsId }, { 'x-potreby-language': 'uk' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'import.rejected', totalErrors: 5 });
      expect(res.body.errors!.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [52, 'age', 'сорок', 'not_integer'],
        [52, 'lives_alone', 'maybe', 'invalid_choice'],
        [52, 'needs', 'home_care flying', 'invalid_choice'],
        [52, 'respondent_group', 'martians', 'invalid_choice'],
        [52, 'settlement', 'UA00000000000000000', 'unknown_territory'],
      ]);
      expect(res.body.errors!.map((e) => e.message)).toEqual([
        '«age» має бути цілим числом, а не «сорок».',
        '«lives_alone»: «maybe» не належить до допустимих значень.',
        '«needs»: «home_care flying» не належить до допустимих значень.',
        '«respondent_group»: «martians» не належить до допустимих значень.',
        'Немає території з кодом «UA00000000000000000».',
      ]);
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a file breaking the form's own rules — its constraint, relevance, required question — naming every row and column, and changes nothing", async () => {
      // NEEDS_FORM: age is required, with the constraint `. >= 14 and . <= 120`; "needs" is asked
      // only of those 60 or older or living alone; "other" text only with "other" ticked.
      const before = await snapshot();
      const lines = [KOBO_HEADER];
      const row = (n: number, cells: Omit<Parameters<typeof koboRow>[1], 'group' | 'settlement'>) =>
        lines.push(koboRow(`c0ffee00-0000-4000-8000-1000000000${n}`, { ...cells, group: 'idp', settlement: villages[0]!.code }));
      row(10, { age: '70', alone: 'no', needs: 'transport' });
      row(11, { age: '300', alone: 'no', needs: 'transport' });
      row(12, { age: '13', alone: 'yes', needs: 'home_care' });
      row(13, { age: '40', alone: 'no', needs: 'transport' });
      row(14, { age: '', alone: 'yes', needs: 'home_care' });
      row(15, { age: '75', alone: 'no', needs: 'transport', other: 'Ліки' });
      row(16, { age: '2147483648', alone: 'yes', needs: 'transport' });
      const res = await uploadResponses(officer, 'kobo-rules.csv', lines.join('\n'), { questionnaireId: needsId }, { 'x-potreby-language': 'en' });
      expect(res.status).toBe(422);
      expect(res.body.errors!.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
        [3, 'age', '300', 'breaks_rule'],
        [4, 'age', '13', 'breaks_rule'],
        [5, 'needs', 'transport', 'not_asked'],
        [6, 'age', null, 'required'],
        [7, 'needs', 'Ліки', 'not_asked'],
        [8, 'age', '2147483648', 'breaks_rule'],
      ]);
      expect(res.body.errors![0]!.message).toBe("age: “300” does not meet the questionnaire's rule for this question (a constraint or a pattern).");
      expect(res.body.errors![2]!.message).toBe('needs is not asked given the other answers in this row: leave it empty.');
      expect(await snapshot()).toEqual(before);
    });

    it('cuts a hostile value short in the report', async () => {
      const before = await snapshot();
      const remarks = `\u001b[2J<script>alert(1)</script>${'я'.repeat(20_000)}`;
      const res = await uploadResponses(officer, 'long.csv', `age,remarks\n40,${remarks}\n`, { questionnaireId: needsId });
      expect(res.status).toBe(422);
      const [error] = res.body.errors!;
      expect([error!.row, error!.column, error!.code]).toEqual([2, 'remarks', 'too_long']);
      expect([...error!.value!].length).toBeLessThanOrEqual(81);
      expect(error!.value).not.toContain('\u001b');
      expect(await snapshot()).toEqual(before);
    });

    it('refuses columns it does not know (row 1), and a file with none of the questionnaire’s questions', async () => {
      const before = await snapshot();
      const unknown = await uploadResponses(officer, 'wrong.csv', 'age,favourite_colour\n40,blue\n', { questionnaireId: needsId });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ row: 1, column: null, value: 'favourite_colour', code: 'unknown_column' })]);
      // Answers follow the same rules as those typed in: a written answer has at most 10,000 characters.
      const long = await uploadResponses(officer, 'long.csv', `age,remarks\n40,short\n41,${'я'.repeat(10_001)}\n`, { questionnaireId: needsId });
      expect(long.status).toBe(422);
      expect(long.body.errors!.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'remarks', 'too_long']]);
      const none = await uploadResponses(officer, 'other-form.csv', '_uuid,_id\nabc,1\n', { questionnaireId: needsId });
      expect(none.status).toBe(422);
      expect(none.body.errors!.map((e) => [e.row, e.code])).toEqual([[1, 'unrecognised_format']]);
      expect(await snapshot()).toEqual(before);
    });

    it('places a response by the settlement its respondent chose in the question tagged "settlement" (the Khmilnyk demo)', async () => {
      const [demo] = await rows<{ id: number }>(t.database.db, sql`select id from questionnaire where demo and assessment_id = ${assessmentId}`);
      const csv = ['settlement;age;lives_alone;needs_home_care;information_sources;respondent_group;_uuid', `${villages[1]!.code};77;yes;yes;starosta neighbours;older_people;demo-import-1`].join('\n');
      const res = await uploadResponses(officer, 'khmilnyk-paper.csv', csv, { questionnaireId: demo!.id });
      expect(res.status, res.text).toBe(200);
      const [stored] = await rows<{ settlement_id: number; group_id: number; answers: Record<string, unknown> }>(
        t.database.db,
        sql`select settlement_id, respondent_group_id as group_id, answers from response where questionnaire_id = ${demo!.id} and submission_key = 'demo-import-1'`,
      );
      expect(stored).toEqual({ settlement_id: villages[1]!.id, group_id: groups.older_people, answers: { settlement: villages[1]!.code, age: 77, lives_alone: 'yes', needs_home_care: 'yes', information_sources: ['starosta', 'neighbours'] } });
    });

    it('lets only those who may run the questionnaire’s assessment import: 401, 403 for a viewer, 404 outside one’s territory or for no questionnaire', async () => {
      const before = await snapshot();
      const csv = 'age,_uuid\n50,denied-1\n';
      expect((await uploadResponses(t.anonymous(), 'r.csv', csv, { questionnaireId: needsId })).status).toBe(401);
      const asViewer = await uploadResponses(viewer, 'r.csv', csv, { questionnaireId: needsId });
      expect([asViewer.status, asViewer.body.code]).toEqual([403, 'auth.forbidden']);
      expect((await uploadResponses(stranger, 'r.csv', csv, { questionnaireId: needsId })).status).toBe(404);
      expect((await uploadResponses(officer, 'r.csv', csv, { questionnaireId: 999_999 })).status).toBe(404);
      // A respondent group of another assessment is no default for this one.
      const [otherGroup] = await rows<{ id: number }>(t.database.db, sql`select id from respondent_group where assessment_id <> ${assessmentId} limit 1`);
      if (otherGroup) {
        const res = await uploadResponses(officer, 'r.csv', csv, { questionnaireId: needsId, respondentGroupId: otherGroup.id });
        expect([res.status, res.body.issues]).toEqual([400, [{ path: 'respondentGroupId', message: 'not_in_assessment' }]]);
      }
      const missing = await uploadResponses(officer, 'r.csv', csv, {});
      expect([missing.status, missing.body.issues?.[0]?.path]).toEqual([400, 'questionnaireId']);
      expect(await snapshot()).toEqual(before);
      // An administrator reaches every territory.
      expect((await uploadResponses(admin, 'r.csv', csv, { questionnaireId: needsId })).body).toMatchObject({ rows: 1, duplicates: 0 });
    });
  });
});
