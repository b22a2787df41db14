import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rows } from '@potreby/server/db/database';
import { ENGINE } from '@potreby/server/testing/test-database';
import { useCli } from './testing/cli-harness';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const KHMILNYK = 'UA05120170000013778';

/** `potreby survey …` as an agency scripts it, on a copy of the demo database chosen through the environment. */
describe(`the potreby survey commands (${ENGINE})`, () => {
  const { cli, withDatabase, file } = useCli('potreby-survey-cli-');
  /** The questionnaire created from the Ukrainian form. */
  let needsId = 0;

  const snapshot = () =>
    withDatabase(async ({ db }) =>
      (
        await rows<Record<string, string>>(
          db,
          sql`select (select count(*) from questionnaire)::text as questionnaires, (select count(*) from response)::text as responses,
            (select count(*) from dataset)::text as datasets, (select max(id) from audit_log)::text as audit`,
        )
      )[0]!,
    );
  const workbook = async (name: string, sheets: Record<string, (string | number)[][]>) => {
    const book = new ExcelJS.Workbook();
    for (const [sheet, cells] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(cells);
    return file(name, new Uint8Array(await book.xlsx.writeBuffer()));
  };


  it('import-xlsform: a real form of reference/xlsform becomes a questionnaire; its id is printed', async () => {
    const res = await cli('survey', 'import-xlsform', join(ROOT, 'reference/xlsform/group.xlsx'), '--territory', KHMILNYK);
    expect(res).toMatchObject({ code: 0, err: '' });
    const [created, all] = res.out.split('\n');
    const id = Number(/^Questionnaire (\d+) created from group\.xlsx: 3 questions, languages: en\.$/.exec(created!)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(all).toBe('Everything in the file was converted.');
    const [stored] = await withDatabase(({ db }) =>
      rows<{ title: string; source: string; actor: string }>(
        db,
        sql`select q.title, v.source, (select actor from audit_log where entity = 'questionnaire' and entity_id = ${String(id)}) as actor
          from questionnaire q join questionnaire_version v on v.questionnaire_id = q.id where q.id = ${id}`,
      ),
    );
    expect(stored).toEqual({ title: 'group', source: 'xlsform:group.xlsx', actor: `cli:${userInfo().username}` });
  });

  it('import-xlsform: lists every element it could not convert with its row of the survey sheet, in the language of --lang', async () => {
    const [{ id: assessment }] = (await withDatabase(({ db }) => rows<{ id: number }>(db, sql`select a.id from assessment a join territory t on t.id = a.territory_id where t.code = ${KHMILNYK}`))) as [{ id: number }];
    const path = await workbook('needs-uk.xlsx', {
      survey: [
        ['type', 'name', 'label::Українська (uk)', 'label::English (en)', 'constraint'],
        ['start', 'start'],
        ['integer', 'age', 'Скільки вам років?', 'How old are you?', '. >= 14'],
        ['select_multiple services', 'needs', 'Яких послуг ви потребуєте?', 'Which services do you need?'],
        ['decimal', 'income', 'Дохід', 'Income', "regex(., '^[0-9]+$') and . > 0"],
        ['geopoint', 'location', 'Де ви живете?', 'Where do you live?'],
      ],
      choices: [
        ['list_name', 'name', 'label::Українська (uk)', 'label::English (en)'],
        ['services', 'home_care', 'Догляд вдома', 'Home care'],
        ['services', 'transport', 'Соціальне таксі', 'Social taxi'],
      ],
    });
    const res = await cli('--lang', 'uk', 'survey', 'import-xlsform', path, '--assessment', String(assessment), '--title', 'Анкета з Kobo');
    expect(res).toMatchObject({ code: 0, err: '' });
    const lines = res.out.trimEnd().split('\n');
    needsId = Number(/^Анкету (\d+) створено/.exec(lines[0]!)?.[1]);
    expect(lines).toEqual([
      `Анкету ${needsId} створено з needs-uk.xlsx: 3 питання, мови: uk, en.`,
      '3 елементи не вдалося перетворити:',
      '  аркуш survey, рядок 2: start (start) — Метадані пристрою (start) пропущено: potreby сам фіксує, коли надходить кожна відповідь.',
      "  аркуш survey, рядок 5: income (decimal) — Вираз у стовпці constraint пропущено, бо його неможливо тут відтворити: regex(., '^[0-9]+$') and . > 0 — regex()",
      '  аркуш survey, рядок 6: location (geopoint) — Тип «geopoint» не має відповідника в анкеті; питання пропущено.',
    ]);
    // For scripts: the same as JSON.
    const json = await cli('survey', 'import-xlsform', path, '--territory', KHMILNYK, '--format', 'json');
    expect(JSON.parse(json.out)).toMatchObject({ version: 1, languages: ['uk', 'en'], questions: 3, unconverted: [{ row: 2, name: 'start' }, { row: 5, name: 'income' }, { row: 6, name: 'location' }] });
  });

  it('import-xlsform: a file that is not a valid XLSForm exits 1 with a clear message and every error; nothing is created', async () => {
    const before = await snapshot();
    const path = await workbook('broken.xlsx', {
      survey: [
        ['type', 'name', 'label'],
        ['begin_group', 'g', 'Група'],
        ['select_one colours', 'colour', 'Колір'],
      ],
    });
    const res = await cli('survey', 'import-xlsform', path, '--territory', KHMILNYK);
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err.split('\n')).toEqual([
      'broken.xlsx is not a valid XLSForm: 2 errors. Nothing was created.',
      'row 2, type: Sheet “survey”: This group or repeat is never closed: add its end_group or end_repeat row.',
      'row 3, type: Sheet “survey”: The choice list “colours” is not on the choices sheet.',
      '',
    ]);
    const csv = await cli('survey', 'import-xlsform', file('form.csv', 'type,name,label\ntext,q,Q\n'), '--territory', KHMILNYK);
    expect(csv).toEqual({ code: 1, out: '', err: 'The file form.csv cannot be read. Save it as CSV (UTF-8) or XLSX and try again.\n' });
    const nowhere = await cli('survey', 'import-xlsform', path);
    expect(nowhere).toEqual({ code: 2, out: '', err: 'Say where the questionnaire belongs: --territory CODE or --assessment ID.\n' });
    expect(await snapshot()).toEqual(before);
  });

  it('import-xlsform --language: a plain label column is in the language given, not the territory’s; a language it cannot tell is refused (issue 7)', async () => {
    const path = await workbook('english.xlsx', { survey: [['type', 'name', 'label'], ['integer', 'age', 'How old are you?']] });
    const unsaid = await cli('survey', 'import-xlsform', path, '--territory', KHMILNYK, '--format', 'json');
    expect(unsaid.code, unsaid.err).toBe(0);
    expect(JSON.parse(unsaid.out).languages).toEqual([]);
    const english = await cli('survey', 'import-xlsform', path, '--territory', KHMILNYK, '--language', 'English (en)', '--format', 'json');
    expect(english.code, english.err).toBe(0);
    expect(JSON.parse(english.out).languages).toEqual(['en']);
    const before = await snapshot();
    const wrong = await cli('survey', 'import-xlsform', path, '--territory', KHMILNYK, '--language', 'Klingon');
    expect(wrong).toEqual({ code: 2, out: '', err: '--language Klingon names no language: give a code such as en, bg, uk or pl, or a name with its code such as "English (en)".\n' });
    expect(await snapshot()).toEqual(before);
  });

  it('import-responses: a Kobo export is imported; importing it again adds nothing and says so', async () => {
    const csv = [
      'start;household/age;household/needs;household/needs/home_care;household/needs/transport;income;location;_location_latitude;respondent_group;_uuid;_index',
      '2026-11-02T10:01:00.000+02:00;72;home_care transport;1;1;3500.5;49.55 27.0 0 5;49.55;older_people;k-0001;1',
      '2026-11-02T10:11:00.000+02:00;35;transport;0;1;;;;idp;k-0002;2',
      '2026-11-02T10:21:00.000+02:00;81;home_care;1;0;1200;;;older_people;k-0003;3',
    ].join('\n');
    const path = file('kobo.csv', csv);
    const res = await cli('survey', 'import-responses', '--questionnaire', String(needsId), path);
    expect(res).toMatchObject({ code: 0, err: '' });
    expect(res.out).toMatch(new RegExp(`^Imported 3 new responses into questionnaire ${needsId} \\(dataset \\d+\\)\\.\\n$`));
    // Again: nothing new, and nothing left behind — no empty dataset, no audit entry.
    const before = await snapshot();
    const again = await cli('survey', 'import-responses', '--questionnaire', String(needsId), path);
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out.split('\n')).toEqual(['Nothing new in kobo.csv: every response in it had been imported before. Nothing was changed.', '3 rows had been imported before and were left out.', '']);
    expect(await snapshot()).toEqual(before);
  });

  it("import-responses: a row breaking the XLSForm's constraint is refused with its row and column; nothing changes", async () => {
    // A form whose age must be 14–110, as an agency writes it in XLSForm.
    const form = await workbook('ages.xlsx', {
      survey: [
        ['type', 'name', 'label', 'constraint', 'constraint_message', 'relevant'],
        ['integer', 'age', 'How old are you?', '. >= 14 and . <= 110', 'Age must be 14 to 110', ''],
        ['select_one yes_no', 'retired', 'Are you retired?', '', '', '${age} >= 55'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yes_no', 'yes', 'Yes'],
        ['yes_no', 'no', 'No'],
      ],
    });
    const created = await cli('survey', 'import-xlsform', form, '--territory', KHMILNYK, '--format', 'json');
    expect(created.code).toBe(0);
    const { questionnaireId } = JSON.parse(created.out) as { questionnaireId: number };
    const before = await snapshot();
    const path = file('ages.csv', ['age,retired,_uuid', '72,yes,a-0001', '300,yes,a-0002', '40,yes,a-0003', '13,,a-0004'].join('\n'));
    const res = await cli('survey', 'import-responses', '--questionnaire', String(questionnaireId), path);
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err.split('\n')).toEqual([
      'ages.csv was rejected: 3 errors. Nothing was changed.',
      "row 3, age: age: “300” does not meet the questionnaire's rule for this question (a constraint or a pattern).",
      'row 4, retired: retired is not asked given the other answers in this row: leave it empty.',
      "row 5, age: age: “13” does not meet the questionnaire's rule for this question (a constraint or a pattern).",
      '',
    ]);
    expect(await snapshot()).toEqual(before);
    // Without the wrong rows the file goes in.
    const good = await cli('survey', 'import-responses', '--questionnaire', String(questionnaireId), file('ages-good.csv', 'age,retired,_uuid\n72,yes,a-0001\n40,,a-0003\n'));
    expect(good).toMatchObject({ code: 0, err: '' });
    expect(good.out).toMatch(/^Imported 2 new responses into questionnaire \d+ \(dataset \d+\)\.\n$/);
  });

  it('import-responses: all or nothing — a bad last row exits 1 with the report, and nothing changes', async () => {
    const before = await snapshot();
    const path = file('kobo-bad.csv', ['household/age;household/needs;_uuid', '50;transport;k-0010', '51;home_care;k-0011', 'п’ятдесят;flying;k-0012'].join('\n'));
    const res = await cli('--lang', 'pl', 'survey', 'import-responses', '--questionnaire', String(needsId), path);
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err.split('\n')[0]).toBe('Odrzucono kobo-bad.csv: 2 błędy. Nic nie zostało zmienione.');
    expect(res.err.split('\n').slice(1, 3)).toEqual([expect.stringMatching(/^wiersz 4, age: /), expect.stringMatching(/^wiersz 4, needs: /)]);
    expect(await snapshot()).toEqual(before);
    const unknown = await cli('survey', 'import-responses', '--questionnaire', '999999', path);
    expect(unknown).toEqual({ code: 1, out: '', err: 'No questionnaire has the id 999999.\n' });
  });

  it('stats: per question and option the count and share, for numbers n, mean and median — as JSON and as CSV', async () => {
    // Titles and option texts in the language of --lang, when the form has it.
    const json = await cli('--lang', 'uk', 'survey', 'stats', '--questionnaire', String(needsId), '--format', 'json');
    expect(json).toMatchObject({ code: 0, err: '' });
    const stats = JSON.parse(json.out);
    expect(stats).toMatchObject({ questionnaireId: needsId, title: 'Анкета з Kobo', respondents: 3 });
    expect(stats.questions).toEqual([
      { name: 'age', type: 'number', title: 'Скільки вам років?', n: 3, missing: 0, numbers: { n: 3, mean: 62.67, median: 72, min: 35, max: 81 } },
      {
        name: 'needs',
        type: 'multiple',
        title: 'Яких послуг ви потребуєте?',
        n: 3,
        missing: 0,
        options: [
          { value: 'home_care', text: 'Догляд вдома', count: 2, share: 0.6667 },
          { value: 'transport', text: 'Соціальне таксі', count: 2, share: 0.6667 },
        ],
      },
      { name: 'income', type: 'number', title: 'Дохід', n: 2, missing: 1, numbers: { n: 2, mean: 2350.25, median: 2350.25, min: 1200, max: 3500.5 } },
    ]);
    const csv = await cli('survey', 'stats', '--questionnaire', String(needsId), '--format', 'csv');
    expect(csv.out.trimEnd().split('\n')).toEqual([
      'question,type,option,count,share,n,mean,median',
      'age,number,,,,3,62.67,72',
      'needs,multiple,home_care,2,0.6667,3,,',
      'needs,multiple,transport,2,0.6667,3,,',
      'income,number,,,,2,2350.25,2350.25',
    ]);
    // The demo questionnaire of Khmilnyk: its 355 illustrative responses.
    const [{ id: demo }] = (await withDatabase(({ db }) => rows<{ id: number }>(db, sql`select id from questionnaire where demo order by id limit 1`))) as [{ id: number }];
    const demoStats = JSON.parse((await cli('survey', 'stats', '--questionnaire', String(demo))).out);
    expect(demoStats.respondents).toBe(355);
    const homeCare = demoStats.questions.find((q: { name: string }) => q.name === 'needs_home_care');
    expect(homeCare.options.reduce((sum: number, o: { count: number }) => sum + o.count, 0)).toBe(homeCare.n);
  });
});
