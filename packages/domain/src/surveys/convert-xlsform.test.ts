import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { convertXlsForm, type XlsFormSheets } from './convert-xlsform';
import { formLanguageCode, languageCode } from './read-xlsform-sheet';
import { listQuestions, type SurveyElement } from './survey-definition';

/** The repository's copy of pyxform's example forms (reference/README.md gives the source). */
const REFERENCE = join(import.meta.dirname, '../../../../reference/xlsform');

/** What the importer does with an uploaded file: each sheet as rows of cell texts, by lower-case sheet name. */
async function readSheets(workbook: ExcelJS.Workbook): Promise<XlsFormSheets> {
  const sheets: Record<string, string[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text));
    }
    sheets[sheet.name.toLowerCase()] = rows;
  });
  return sheets;
}

async function readReference(file: string): Promise<XlsFormSheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(REFERENCE, file));
  return readSheets(workbook);
}

/** Writes sheets to a real XLSX and reads it back, as a user's upload would arrive. */
async function throughXlsx(sheets: Record<string, string[][]>): Promise<XlsFormSheets> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  const buffer = await workbook.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buffer as ArrayBuffer);
  return readSheets(back);
}

const elementsOf = (conversion: ReturnType<typeof convertXlsForm>) => conversion.definition.pages![0]!.elements!;
const byName = (elements: readonly SurveyElement[], name: string): SurveyElement | undefined => {
  for (const e of elements) {
    if (e.name === name) return e;
    const inner = e.elements && byName(e.elements, name);
    if (inner) return inner;
  }
  return undefined;
};

describe('convertXlsForm on the real XLSForms of pyxform’s test suite (reference/xlsform)', () => {
  it('covers every file there', () => {
    expect(readdirSync(REFERENCE).filter((f) => f.endsWith('.xlsx')).sort()).toEqual([
      'group.xlsx',
      'specify_other.xlsx',
      'text_and_integer.xlsx',
      'yes_or_no_question.xlsx',
    ]);
  });

  it('group.xlsx: a text question, then group "father" with the old `phone number` type and an integer', async () => {
    // Header `label:English (en)` (one colon, the older spelling); no choices or settings sheet.
    const conversion = convertXlsForm(await readReference('group.xlsx'));
    expect(conversion.errors).toEqual([]);
    expect(conversion.unconverted).toEqual([]);
    expect(conversion.languages).toEqual(['en']);
    const [familyName, father] = elementsOf(conversion);
    expect(familyName).toEqual({ type: 'text', name: 'family_name', title: "What's your family name?" });
    expect(father).toMatchObject({ type: 'panel', name: 'father', title: 'Father' });
    expect(father!.elements!.map((e) => [e.name, e.type, e.inputType])).toEqual([
      ['phone_number', 'text', 'tel'],
      ['age', 'text', 'number'],
    ]);
    // pyxform gives `phone number` the constraint regex(., '^\d*$'); so does the conversion.
    expect(byName(father!.elements!, 'phone_number')!.validators).toEqual([{ type: 'regex', regex: '^\\d*$' }]);
    expect(listQuestions(conversion.definition).map((q) => [q.name, q.type, q.path.join('/')])).toEqual([
      ['family_name', 'text', ''],
      ['phone_number', 'text', 'father'],
      ['age', 'number', 'father'],
    ]);
    const model = new Model(conversion.definition);
    expect(model.getAllQuestions().length).toBe(3);
    expect(model.getPanelByName('father').title).toBe('Father');
    model.setValue('phone_number', '+38 067');
    expect(model.getQuestionByName('phone_number').validate()).toBe(false);
    model.setValue('phone_number', '0671234567');
    expect(model.getQuestionByName('phone_number').validate()).toBe(true);
    model.setValue('age', 61.5);
    expect(model.getQuestionByName('age').validate()).toBe(false);
    model.setValue('age', 61);
    expect(model.getQuestionByName('age').validate()).toBe(true);
  });

  it('specify_other.xlsx: the old `select one from sexes or specify other` becomes a single choice with "Other"', async () => {
    const conversion = convertXlsForm(await readReference('specify_other.xlsx'));
    expect(conversion.errors).toEqual([]);
    const [sex] = elementsOf(conversion);
    expect(sex).toEqual({
      type: 'radiogroup',
      name: 'sex',
      title: 'What sex are you?',
      choices: [
        { value: 'male', text: 'Male' },
        { value: 'female', text: 'Female' },
      ],
      showOtherItem: true,
    });
    const [question] = listQuestions(conversion.definition);
    expect(question!.other).toBe(true);
    expect(question!.choices.map((c) => c.value)).toEqual(['male', 'female', 'other']);
    const model = new Model(conversion.definition);
    expect(model.getQuestionByName('sex').visibleChoices.map((c: { value: string }) => c.value)).toEqual(['male', 'female', 'other']);
  });

  it('text_and_integer.xlsx: a text and an integer question, header `label:english`', async () => {
    const conversion = convertXlsForm(await readReference('text_and_integer.xlsx'));
    expect(conversion.errors).toEqual([]);
    expect(conversion.languages).toEqual(['en']);
    expect(listQuestions(conversion.definition)).toEqual([
      { name: 'your_name', type: 'text', title: { default: 'What is your name?' }, choices: [], path: [], other: false, integer: false },
      { name: 'your_age', type: 'number', title: { default: 'How many years old are you?' }, choices: [], path: [], other: false, integer: true },
    ]);
    expect(new Model(conversion.definition).getAllQuestions().length).toBe(2);
  });

  it('yes_or_no_question.xlsx: `select one from yes_or_no` with the choices yes and no', async () => {
    const conversion = convertXlsForm(await readReference('yes_or_no_question.xlsx'));
    expect(conversion.errors).toEqual([]);
    expect(elementsOf(conversion)).toEqual([
      {
        type: 'radiogroup',
        name: 'good_day',
        title: 'have you had a good day today?',
        choices: [
          { value: 'yes', text: 'yes' },
          { value: 'no', text: 'no' },
        ],
      },
    ]);
    const model = new Model(conversion.definition);
    model.setValue('good_day', 'yes');
    expect(model.data).toEqual({ good_day: 'yes' });
  });
});

/** A needs-assessment questionnaire in today's XLSForm syntax, in Ukrainian with English. */
const needsForm = {
  survey: [
    ['type', 'name', 'label::Українська (uk)', 'label::English (en)', 'hint::Українська (uk)', 'required', 'relevant', 'constraint', 'constraint_message::Українська (uk)', 'appearance', 'default', 'choice_filter', 'calculation', 'parameters'],
    ['start', 'start'],
    ['end', 'end'],
    ['begin_group', 'household', 'Домогосподарство', 'Household'],
    ['integer', 'age', 'Скільки вам років?', 'How old are you?', 'Повних років', 'yes', '', '. >= 14 and . <= 120', 'Вік від 14 до 120'],
    ['select_one yes_no', 'lives_alone', 'Ви живете самі?', 'Do you live alone?', '', 'yes'],
    ['select_multiple services', 'needs', 'Яких послуг ви потребуєте?', 'Which services do you need?', '', '', "${age} >= 60 or ${lives_alone} = 'yes'", 'count-selected(.) <= 3', 'Не більше трьох'],
    ['text', 'needs_other', 'Які інші послуги?', 'Which other services?', '', '', "selected(${needs}, 'other_service')"],
    ['end_group'],
    ['select_one services', 'main_need', 'Яка послуга найважливіша?', 'Which service matters most?', '', '', 'count-selected(${needs}) > 1', '', '', 'minimal', '', 'selected(${needs}, name)'],
    ['decimal', 'income', 'Дохід на місяць, грн', 'Monthly income, UAH', '', '', '', ". > 0 and regex(., '^[0-9.]+$')"],
    ['calculate', 'age_group', '', '', '', '', '', '', '', '', '', '', "if(${age} >= 60, 'older', 'younger')"],
    ['calculate', 'age_label', '', '', '', '', '', '', '', '', '', '', "concat(${age}, ' years')"],
    ['note', 'thanks', 'Дякуємо! Вам ${age} років.', 'Thank you! You are ${age}.'],
    ['begin_repeat', 'children', 'Діти', 'Children'],
    ['text', 'child_name', 'Ім’я дитини', "Child's name"],
    ['integer', 'child_age', 'Вік дитини', "Child's age"],
    ['end_repeat'],
    ['geopoint', 'location', 'Де ви живете?', 'Where do you live?'],
    ['date', 'visit_date', 'Дата опитування', 'Date of the interview', '', '', '', '. <= today()'],
    ['acknowledge', 'consent', 'Я погоджуюсь', 'I agree'],
    ['range', 'satisfaction', 'Наскільки ви задоволені?', 'How satisfied are you?', '', '', '', '', '', '', '', '', '', 'start=1 end=5 step=1'],
    ['text', 'remarks', 'Коментар', 'Remarks', '', '', '', '', '', 'multiline'],
    ['select_one yes_no', 'known_before', 'Чи знали ви про послуги?', 'Did you know the services?', '', '', '', '', '', '', "pulldata('people', 'known', 'id', ${age})"],
    ['select_one_from_file villages.csv', 'village', 'Село', 'Village'],
    ['image', 'photo', 'Фото', 'Photo'],
  ],
  choices: [
    ['list_name', 'name', 'label::Українська (uk)', 'label::English (en)'],
    ['yes_no', 'yes', 'Так', 'Yes'],
    ['yes_no', 'no', 'Ні', 'No'],
    ['services', 'home_care', 'Догляд вдома', 'Home care'],
    ['services', 'day_care', 'Денний догляд', 'Day care'],
    ['services', 'transport', 'Соціальне таксі', 'Social taxi'],
    ['services', 'other_service', 'Інше', 'Other'],
  ],
  settings: [
    ['form_title', 'form_id', 'default_language', 'version'],
    ['Оцінка потреб громади', 'needs_2024', 'Українська (uk)', '2024050101'],
  ],
};

describe('convertXlsForm on a questionnaire in the current syntax, Ukrainian and English', async () => {
  const conversion = convertXlsForm(await throughXlsx(needsForm));
  const elements = elementsOf(conversion);
  const element = (name: string) => byName(elements, name);

  it('is a valid XLSForm; Ukrainian is the default language, English a translation', () => {
    expect(conversion.errors).toEqual([]);
    expect(conversion.languages).toEqual(['uk', 'en']);
    expect(conversion.version).toBe('2024050101');
    expect(conversion.definition.title).toBe('Оцінка потреб громади');
    expect(conversion.definition.locale).toBe('uk');
    // SurveyJS reads `default` for English, so `default` holds the English text; each language has its key.
    expect(element('age')!.title).toEqual({ default: 'How old are you?', uk: 'Скільки вам років?', en: 'How old are you?' });
    expect(element('age')!.description).toBe('Повних років');
    expect(element('lives_alone')!.choices).toEqual([
      { value: 'yes', text: { default: 'Yes', uk: 'Так', en: 'Yes' } },
      { value: 'no', text: { default: 'No', uk: 'Ні', en: 'No' } },
    ]);
  });

  it('turns the group into a panel and keeps the document order', () => {
    expect(elements.map((e) => e.name)).toEqual(['household', 'main_need', 'income', 'age_group', 'thanks', 'visit_date', 'consent', 'satisfaction', 'remarks', 'known_before']);
    expect(element('household')!.elements!.map((e) => e.name)).toEqual(['age', 'lives_alone', 'needs', 'needs_other']);
  });

  it('translates relevance, constraints and calculations into SurveyJS expressions', () => {
    expect(element('age')).toMatchObject({ isRequired: true, inputType: 'number', step: 1 });
    expect(element('age')!.validators).toContainEqual({ type: 'expression', expression: '{age} empty or ({age} >= 14 and {age} <= 120)', text: 'Вік від 14 до 120' });
    expect(element('needs')!.visibleIf).toBe("{age} >= 60 or {lives_alone} = 'yes'");
    expect(element('needs')!.validators).toEqual([{ type: 'expression', expression: '{needs} empty or (iif({needs} empty, 0, {needs.length}) <= 3)', text: 'Не більше трьох' }]);
    expect(element('needs_other')!.visibleIf).toBe("{needs} contains 'other_service'");
    expect(element('main_need')).toMatchObject({ type: 'dropdown', visibleIf: 'iif({needs} empty, 0, {needs.length}) > 1' });
    expect(element('age_group')).toEqual({ type: 'expression', name: 'age_group', visible: false, expression: "iif({age} >= 60, 'older', 'younger')" });
    expect(element('visit_date')!.validators).toEqual([{ type: 'expression', expression: '{visit_date} empty or ({visit_date} <= today())' }]);
  });

  it('converts notes, acknowledge, range, multiline text and the minimal appearance', () => {
    expect(element('thanks')).toEqual({ type: 'html', name: 'thanks', html: { default: 'Thank you! You are {age}.', uk: 'Дякуємо! Вам {age} років.', en: 'Thank you! You are {age}.' } });
    expect(element('consent')!.type).toBe('boolean');
    expect(element('satisfaction')).toMatchObject({ type: 'rating', rateMin: 1, rateMax: 5, rateStep: 1 });
    expect(element('remarks')!.type).toBe('comment');
  });

  it('reports, by row of the survey sheet, everything it could not convert', () => {
    expect(conversion.unconverted.map((u) => [u.row, u.name, u.reason, u.column])).toEqual([
      [2, 'start', 'metadata', null],
      [3, 'end', 'metadata', null],
      [10, 'main_need', 'choice_filter', 'choice_filter'],
      [11, 'income', 'expression', 'constraint'],
      [13, 'age_label', 'expression', 'calculation'],
      [15, 'children', 'repeat', null],
      [19, 'location', 'unsupported_type', null],
      [24, 'known_before', 'expression', 'default'],
      [25, 'village', 'choices_from_file', null],
      [26, 'photo', 'unsupported_type', null],
    ]);
    const lost = (row: number) => conversion.unconverted.find((u) => u.row === row)!.detail;
    expect(lost(11)).toBe(". > 0 and regex(., '^[0-9.]+$') — regex()");
    expect(lost(13)).toBe("concat(${age}, ' years') — concat()");
    expect(lost(24)).toContain('pulldata()');
    // The question whose constraint was dropped is kept, without the constraint.
    expect(element('income')).toMatchObject({ type: 'text', inputType: 'number' });
    expect(element('income')!.validators).toBeUndefined();
    // A calculation SurveyJS cannot compute is left out; the repeat's questions too.
    expect(element('age_label')).toBeUndefined();
    expect(element('child_name')).toBeUndefined();
  });

  it('loads in SurveyJS, which then behaves as the XLSForm would', () => {
    const model = new Model(conversion.definition);
    expect(model.getAllQuestions().length).toBe(13);
    expect(model.getQuestionByName('needs').isVisible).toBe(false);
    model.setValue('age', 72);
    expect(model.getQuestionByName('needs').isVisible).toBe(true);
    expect(model.getValue('age_group')).toBe('older');
    model.setValue('age', 35);
    expect(model.getQuestionByName('needs').isVisible).toBe(false);
    model.setValue('lives_alone', 'yes');
    expect(model.getQuestionByName('needs').isVisible).toBe(true);
    expect(model.getQuestionByName('needs_other').isVisible).toBe(false);
    model.setValue('needs', ['transport', 'other_service']);
    expect(model.getQuestionByName('needs_other').isVisible).toBe(true);
    expect(model.getQuestionByName('main_need').isVisible).toBe(true);
    model.setValue('needs', ['transport', 'other_service', 'home_care', 'day_care']);
    expect(model.getQuestionByName('needs').validate()).toBe(false);
    model.setValue('age', 130);
    expect(model.getQuestionByName('age').validate()).toBe(false);
    // An unanswered optional question passes its constraint, as in ODK.
    expect(model.getQuestionByName('visit_date').validate()).toBe(true);
    model.setValue('visit_date', '2999-01-01');
    expect(model.getQuestionByName('visit_date').validate()).toBe(false);
    model.locale = 'uk';
    expect(model.getQuestionByName('age').title).toBe('Скільки вам років?');
    model.locale = 'en';
    expect(model.getQuestionByName('age').title).toBe('How old are you?');
  });

  it('lists its questions for the analysis', () => {
    const questions = listQuestions(conversion.definition);
    expect(questions.map((q) => [q.name, q.type])).toEqual([
      ['age', 'number'],
      ['lives_alone', 'single'],
      ['needs', 'multiple'],
      ['needs_other', 'text'],
      ['main_need', 'single'],
      ['income', 'number'],
      ['age_group', 'note'],
      ['thanks', 'note'],
      ['visit_date', 'date'],
      ['consent', 'boolean'],
      ['satisfaction', 'number'],
      ['remarks', 'comment'],
      ['known_before', 'single'],
    ]);
    expect(questions.find((q) => q.name === 'needs')!.path).toEqual(['household']);
    expect(questions.find((q) => q.name === 'needs')!.choices.map((c) => c.value)).toEqual(['home_care', 'day_care', 'transport', 'other_service']);
  });
});

describe('convertXlsForm on older and other spellings', () => {
  it('reads `select all that apply from`, `list name`, `begin group`, `label` with no language and the caller’s default language', () => {
    const conversion = convertXlsForm(
      {
        survey: [
          ['type', 'name', 'label', 'relevance', 'constraint message'],
          ['begin group', 'g', 'Група'],
          ['select all that apply from needs', 'n', 'Потреби'],
          ['select one needs or_other', 'm', 'Головна', 'selected(${n}, "a")'],
          ['end group'],
        ],
        choices: [
          ['list name', 'name', 'label'],
          ['needs', 'a', 'А'],
          ['needs', 'b', 'Б'],
        ],
      },
      { defaultLanguage: 'uk' },
    );
    expect(conversion.errors).toEqual([]);
    expect(conversion.languages).toEqual(['uk']);
    expect(conversion.definition.locale).toBe('uk');
    const group = elementsOf(conversion)[0]!;
    expect(group.elements).toEqual([
      { type: 'checkbox', name: 'n', title: 'Потреби', choices: [{ value: 'a', text: 'А' }, { value: 'b', text: 'Б' }] },
      { type: 'radiogroup', name: 'm', title: 'Головна', choices: [{ value: 'a', text: 'А' }, { value: 'b', text: 'Б' }], showOtherItem: true, visibleIf: "{n} contains 'a'" },
    ]);
  });

  it('keeps texts of an unnamed column and of named ones apart when the language of the unnamed one is unknown', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'label::Polski (pl)'],
        ['text', 'q', 'Question', 'Pytanie'],
      ],
    });
    expect(conversion.languages).toEqual(['pl']);
    expect(conversion.definition.locale).toBeUndefined();
    expect(elementsOf(conversion)[0]!.title).toEqual({ default: 'Question', pl: 'Pytanie' });
  });

  it('puts each top-level group on a page of its own with `style: pages`', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['text', 'intro', 'Intro'],
        ['begin group', 'about', 'About you'],
        ['integer', 'age', 'Age'],
        ['end group'],
        ['begin group', 'older', 'Older people', '${age} >= 60'],
        ['text', 'care', 'Care'],
        ['end group'],
      ],
      settings: [['style'], ['pages']],
    });
    expect(conversion.errors).toEqual([]);
    expect(conversion.definition.pages!.map((p) => [p.name, p.title, p.visibleIf, p.elements!.map((e) => e.name)])).toEqual([
      ['page1', undefined, undefined, ['intro']],
      ['about', 'About you', undefined, ['age']],
      ['older', 'Older people', '{age} >= 60', ['care']],
    ]);
    const model = new Model(conversion.definition);
    expect(model.pages.length).toBe(3);
    model.setValue('age', 30);
    expect(model.visiblePages.length).toBe(2);
  });

  it('converts a long or fractional range to a number with bounds, `time` and `dateTime` to inputs, and a dynamic required to requiredIf', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'parameters', 'required', 'read_only'],
        ['range', 'score', 'Score', 'start=0 end=100 step=5'],
        ['time', 'at', 'At'],
        ['dateTime', 'when', 'When'],
        ['text', 'why', 'Why', '', '${score} < 50', 'yes'],
      ],
    });
    expect(conversion.errors).toEqual([]);
    const [score, at, when, why] = elementsOf(conversion);
    expect(score).toMatchObject({ type: 'text', inputType: 'number', min: 0, max: 100, step: 5 });
    expect(at!.inputType).toBe('time');
    expect(when!.inputType).toBe('datetime-local');
    expect(why).toMatchObject({ requiredIf: '{score} < 50', readOnly: true });
  });
});

describe('convertXlsForm on the other columns', () => {
  it('carries literal defaults in the question’s own type and a dynamic one as an expression', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'default'],
        ['integer', 'people', 'People', '1'],
        ['select_multiple s', 'services', 'Services', 'a c'],
        ['text', 'town', 'Town', 'Хмільник'],
        ['date', 'day', 'Day', 'today()'],
        ['hidden', 'wave', '', 'spring'],
      ],
      choices: [['list_name', 'name'], ['s', 'a'], ['s', 'b'], ['s', 'c']],
    });
    expect(conversion.errors).toEqual([]);
    expect(elementsOf(conversion).map((e) => e.defaultValue ?? e.defaultValueExpression)).toEqual([1, ['a', 'c'], 'Хмільник', 'today()', 'spring']);
    const model = new Model(conversion.definition);
    expect(model.getValue('services')).toEqual(['a', 'c']);
    expect(model.getQuestionByName('wave').isVisible).toBe(false);
  });

  it('reports label media, choice images and XForm-only columns it cannot carry', () => {
    const conversion = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'media::image', 'trigger', 'bind::oc:itemgroup', 'guidance_hint'],
        ['select_one pics', 'pick', 'Pick one', 'pick.png', '', 'g1', 'Ask slowly'],
        ['text', 'later', 'Later', '', '${pick}'],
      ],
      choices: [
        ['list_name', 'name', 'label', 'image'],
        ['pics', 'cat', 'Cat', 'cat.jpg'],
      ],
    });
    expect(conversion.errors).toEqual([]);
    expect(conversion.unconverted.map((u) => [u.row, u.name, u.reason, u.column, u.detail])).toEqual([
      [2, 'pick', 'media', 'image', 'pick.png'],
      [2, 'pick', 'column', 'bind::oc:itemgroup', 'g1'],
      [2, 'pick', 'media', 'choices', 'pics'],
      [3, 'later', 'column', 'trigger', '${pick}'],
    ]);
  });
});

describe('convertXlsForm on files that are not valid XLSForms', () => {
  const codes = (sheets: XlsFormSheets) => convertXlsForm(sheets).errors.map((e) => [e.row, e.column, e.value, e.code]);

  it('needs a survey sheet with type and name columns', () => {
    expect(codes({ choices: [['list_name', 'name']] })).toEqual([[0, null, null, 'no_survey_sheet']]);
    expect(codes({ survey: [['type', 'label'], ['text', 'Name?']] })).toEqual([[1, 'name', null, 'missing_column']]);
  });

  it('names the row of a missing or repeated name, an unknown type and an unknown list', () => {
    expect(
      codes({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'q1', 'One'],
          ['integer', '', 'Two'],
          ['text', 'Q1', 'Three'],
          ['select_one colours', 'colour', 'Colour'],
          ['selfie', 'me', 'Me'],
          ['', 'orphan', 'No type'],
          ['text', 'has space', 'Bad name'],
        ],
        choices: [
          ['list_name', 'name', 'label'],
          ['sizes', 'small', 'Small'],
          ['sizes', 'small', 'Small again'],
          ['sizes', '', 'No name'],
        ],
      }),
    ).toEqual([
      // The choices sheet is read first, as the survey sheet refers to it.
      [3, 'name', 'small', 'duplicate_choice'],
      [4, 'name', null, 'missing_choice_name'],
      [3, 'name', null, 'missing_name'],
      [4, 'name', 'Q1', 'duplicate_name'],
      [5, 'type', 'colours', 'unknown_list'],
      [6, 'type', 'selfie', 'unknown_type'],
      [7, 'type', null, 'missing_type'],
      [8, 'name', 'has space', 'invalid_name'],
    ]);
  });

  it('finds an unclosed group, an end without a beginning, an unknown name and a broken expression', () => {
    expect(
      codes({
        survey: [
          ['type', 'name', 'label', 'relevant', 'constraint'],
          ['end group', '', ''],
          ['begin group', 'outer', 'Outer'],
          ['integer', 'age', 'Age', '${nobody} = 1', '. >'],
          ['begin repeat', 'kids', 'Kids'],
          ['text', 'kid', 'Kid'],
          ['end group'],
        ],
      }),
    ).toEqual([
      [2, 'type', 'end group', 'unmatched_end'],
      [7, 'type', 'end group', 'unmatched_end'],
      [3, 'type', null, 'unclosed_group'],
      [5, 'type', null, 'unclosed_group'],
      [4, 'relevant', 'nobody', 'unknown_reference'],
      [4, 'constraint', '. >', 'invalid_expression'],
    ]);
  });

  it('still matches the end of a group whose name is wrong, so one mistake gives one error', () => {
    expect(
      codes({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'about', 'About'],
          ['begin group', 'about', 'About you'],
          ['text', 'q', 'Q'],
          ['end group'],
          ['begin group', '', 'Nameless'],
          ['end group'],
        ],
      }),
    ).toEqual([
      [3, 'name', 'about', 'duplicate_name'],
      [6, 'name', null, 'missing_name'],
    ]);
  });

  it('refuses a form with no questions', () => {
    expect(codes({ survey: [['type', 'name'], ['start', 'start']] })).toEqual([[0, null, null, 'no_questions']]);
  });
});

describe('languageCode', () => {
  it.each([
    ['English (en)', 'en'],
    ['Українська (uk)', 'uk'],
    ['Български (bg)', 'bg'],
    ['Polski (pl)', 'pl'],
    ['english', 'en'],
    ['Ukrainian', 'uk'],
    ['Українська', 'uk'],
    ['Bulgarian', 'bg'],
    ['Polski', 'pl'],
    ['uk', 'uk'],
    ['Crimean Tatar (crh)', 'crh'],
    ['Português (pt_BR)', 'pt-br'],
    ['Klingon', 'klingon'],
  ])('%s → %s', (label, code) => {
    expect(languageCode(label)).toBe(code);
  });
});

describe('formLanguageCode', () => {
  it.each([
    ['English (en)', 'en'],
    ['en', 'en'],
    ['Українська (uk)', 'uk'],
    ['Bulgarian (bg)', 'bg'],
    ['Polski', 'pl'],
    [' BG ', 'bg'],
    ['Klingon', null],
    ['', null],
    ['<script>', null],
  ])('%s → %s', (text, code) => {
    expect(formLanguageCode(text)).toBe(code);
  });
});

describe('the language of a plain label column (issue 7)', () => {
  const form = (settings?: string[][]): XlsFormSheets => ({
    survey: [
      ['type', 'name', 'label'],
      ['integer', 'age', 'How old are you?'],
    ],
    ...(settings ? { settings } : {}),
  });
  const label = (c: ReturnType<typeof convertXlsForm>) => (c.definition.pages?.[0]?.elements?.[0] as { title?: unknown }).title;

  it.each([
    ['English (en)', 'en'],
    ['en', 'en'],
    ['Українська (uk)', 'uk'],
    ['Bulgarian (bg)', 'bg'],
  ])('takes default_language %s from the settings sheet, over the language the user chose', (given, code) => {
    const c = convertXlsForm(form([['default_language'], [given]]), { defaultLanguage: 'pl' });
    expect(c.errors).toEqual([]);
    expect(c.languages).toEqual([code]);
  });

  it('takes the language the user chose when the settings do not say', () => {
    expect(convertXlsForm(form([['form_title'], ['Survey']]), { defaultLanguage: 'en' }).languages).toEqual(['en']);
  });

  it('claims no language when neither the file nor the user says, and keeps the text', () => {
    const c = convertXlsForm(form());
    expect(c.languages).toEqual([]);
    expect(label(c)).toBe('How old are you?');
  });
});
