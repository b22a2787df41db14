import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ImportErrorList } from '../imports/import-error';
import { convertXlsForm } from './convert-xlsform';
import { createResponseReader } from './read-response-table';
import { listQuestions } from './survey-definition';

const conversion = convertXlsForm({
  survey: [
    ['type', 'name', 'label::Українська (uk)'],
    ['start', 'start'],
    ['end', 'end'],
    ['begin_group', 'household', 'Домогосподарство'],
    ['integer', 'age', 'Вік'],
    ['select_one yes_no', 'lives_alone', 'Живете самі?'],
    ['select_multiple services or_other', 'needs', 'Потреби'],
    ['end_group'],
    ['date', 'visit_date', 'Дата'],
    ['acknowledge', 'consent', 'Згода'],
    ['decimal', 'income', 'Дохід'],
    ['text', 'remarks', 'Коментар'],
    ['geopoint', 'location', 'Місце'],
  ],
  choices: [
    ['list_name', 'name', 'label::Українська (uk)'],
    ['yes_no', 'yes', 'Так'],
    ['yes_no', 'no', 'Ні'],
    ['services', 'home_care', 'Догляд вдома'],
    ['services', 'transport', 'Соціальне таксі'],
  ],
});
const questions = listQuestions(conversion.definition);
const unconvertedNames = conversion.unconverted.map((u) => u.name!);

/** A KoboToolbox CSV export ("XML values and headers", `;`-separated, groups joined with `/`). */
const koboCsv = [
  'start;end;household/age;household/lives_alone;household/needs;household/needs/home_care;household/needs/transport;household/needs/other;household/needs_other;visit_date;consent;income;remarks;location;_location_latitude;_location_longitude;_location_altitude;_location_precision;respondent_group;settlement_code;_id;_uuid;_submission_time;_validation_status;_notes;_status;_submitted_by;__version__;_tags;_index',
  '2024-05-02T10:01:00.000+03:00;2024-05-02T10:09:00.000+03:00;72;yes;home_care transport;1;1;0;;2024-05-02;OK;3500.5;Потрібен транспорт до лікарні;49.55 27.0 0 5;49.55;27.0;0;5;older;UA05120170010043264;101;c0ffee00-0000-4000-8000-000000000001;2024-05-02T07:09:12;;;submitted_via_web;;vX4;;1',
  '2024-05-02T11:00:00.000+03:00;2024-05-02T11:05:00.000+03:00;35;no;other;0;0;1;Юридична допомога;2024-05-02;;1 234,5;;;;;;;families;UA05120170010043264;102;c0ffee00-0000-4000-8000-000000000002;2024-05-02T08:05:00;;;submitted_via_web;;vX4;;2',
  '2024-05-03T09:00:00.000+03:00;2024-05-03T09:05:00.000+03:00;сорок;maybe;home_care flying;1;0;0;;2024-02-30;;;;;;;;;older;;103;c0ffee00-0000-4000-8000-000000000003;2024-05-03T06:05:00;;;submitted_via_web;;vX4;;3',
  ';;;;;;;;;;;;;;;;;;;;;;;;;;;;;',
].join('\n');

const parse = (csv: string) => Papa.parse<string[]>(csv, { delimiter: ';' }).data;

describe('createResponseReader on a KoboToolbox export', () => {
  const [header, ...rows] = parse(koboCsv);
  const reader = createResponseReader(questions, header!, { ignore: unconvertedNames });
  const errors = new ImportErrorList();
  const read = rows.map((cells, i) => reader.read(cells, i + 2, errors));

  it('understands every column: questions by group path, split options, the other text, keys and Kobo’s own columns', () => {
    expect(reader.errors).toEqual([]);
    const role = (header: string) => reader.columns.find((c) => c.header === header);
    expect(role('household/age')).toEqual({ header: 'household/age', role: 'question', question: 'age' });
    expect(role('household/needs/transport')).toEqual({ header: 'household/needs/transport', role: 'option', question: 'needs', option: 'transport' });
    expect(role('household/needs_other')).toEqual({ header: 'household/needs_other', role: 'other_text', question: 'needs' });
    expect(role('_uuid')!.role).toBe('submission_key');
    expect(role('respondent_group')!.role).toBe('group');
    expect(role('settlement_code')!.role).toBe('settlement');
    // The geopoint was not converted; the caller passes its name, so its column is skipped.
    expect(role('location')!.role).toBe('ignored');
    expect(['start', 'end', '_id', '_submission_time', '__version__', '_location_latitude'].map((h) => role(h)!.role)).toEqual(Array(6).fill('ignored'));
  });

  it('reads answers as SurveyJS stores them', () => {
    expect(read[0]).toEqual({
      answers: {
        age: 72,
        lives_alone: 'yes',
        needs: ['home_care', 'transport'],
        visit_date: '2024-05-02',
        consent: true,
        income: 3500.5,
        remarks: 'Потрібен транспорт до лікарні',
      },
      submissionKey: 'c0ffee00-0000-4000-8000-000000000001',
      group: 'older',
      settlement: 'UA05120170010043264',
    });
    expect(read[1]!.answers).toEqual({ age: 35, lives_alone: 'no', needs: ['other'], 'needs-Comment': 'Юридична допомога', visit_date: '2024-05-02', income: 1234.5 });
  });

  it('refuses a row with a wrong cell, naming the row, the question and the value', () => {
    expect(read[2]).toBeNull();
    expect(errors.errors).toEqual([
      { row: 4, column: 'age', value: 'сорок', code: 'not_integer' },
      { row: 4, column: 'lives_alone', value: 'maybe', code: 'invalid_choice', params: { allowed: 'yes, no' } },
      { row: 4, column: 'needs', value: 'home_care flying', code: 'invalid_choice', params: { allowed: 'home_care, transport, other' } },
      { row: 4, column: 'visit_date', value: '2024-02-30', code: 'not_date' },
    ]);
  });

  it('skips an empty row', () => {
    expect(read[3]).toBeNull();
    expect(errors.total).toBe(4);
  });
});

describe('createResponseReader on other exports', () => {
  it('builds a multiple choice from Kobo’s split columns alone (1/0 or True/False)', () => {
    const reader = createResponseReader(questions, ['household/age', 'household/needs/home_care', 'household/needs/transport', 'meta/instanceID']);
    const errors = new ImportErrorList();
    expect(reader.read(['80', 'True', 'False', 'uuid:abc-1'], 2, errors)).toEqual({ answers: { age: 80, needs: ['home_care'] }, submissionKey: 'abc-1', group: null, settlement: null });
    expect(reader.read(['81', '0', '1', 'uuid:abc-2'], 3, errors)!.answers).toEqual({ age: 81, needs: ['transport'] });
    expect(reader.read(['82', 'maybe', '1', 'uuid:abc-3'], 4, errors)).toBeNull();
    expect(errors.errors).toEqual([{ row: 4, column: 'household/needs/home_care', value: 'maybe', code: 'not_yes_no' }]);
  });

  it('reads ODK Central’s hyphenated group paths and KEY, and potreby’s own export with JSON arrays', () => {
    const central = createResponseReader(questions, ['SubmissionDate', 'household-age', 'household-needs', 'meta-instanceID', 'KEY', 'SubmitterID', 'ReviewState']);
    expect(central.errors).toEqual([]);
    expect(central.read(['2024-05-02', '70', 'transport home_care', 'uuid:k1', 'uuid:k1', '5', ''], 2, new ImportErrorList())).toEqual({
      answers: { age: 70, needs: ['transport', 'home_care'] },
      submissionKey: 'k1',
      group: null,
      settlement: null,
    });
    const own = createResponseReader(questions, ['submission_key', 'respondent_group', 'settlement', 'age', 'needs', 'needs-Comment', 'visit_date']);
    expect(own.read(['s-1', 'older', 'Хмільник', '66', '["home_care","other"]', 'Ліки', '2024-05-02T00:00:00.000Z'], 2, new ImportErrorList())).toEqual({
      answers: { age: 66, needs: ['home_care', 'other'], 'needs-Comment': 'Ліки', visit_date: '2024-05-02' },
      submissionKey: 's-1',
      group: 'older',
      settlement: 'Хмільник',
    });
  });

  it('reports unknown and repeated columns on row 1', () => {
    const reader = createResponseReader(questions, ['\ufeffage', 'household/age', 'favourite_colour', 'location']);
    expect(reader.errors).toEqual([
      { row: 1, column: 'age', value: 'household/age', code: 'duplicate_column' },
      { row: 1, column: null, value: 'favourite_colour', code: 'unknown_column' },
      // Without being told the geopoint was left out, its column is unknown too.
      { row: 1, column: null, value: 'location', code: 'unknown_column' },
    ]);
  });

  it('skips the columns of a calculation or a hidden question when told they are computed, though the form has an element of that name', () => {
    const form = convertXlsForm({
      survey: [
        ['type', 'name', 'label', 'calculation'],
        ['integer', 'age', 'Вік', ''],
        ['calculate', 'older', '', 'if(${age} >= 60, 1, 0)'],
        ['hidden', 'round', '', ''],
      ],
    });
    const reader = createResponseReader(listQuestions(form.definition), ['age', 'older', 'Round'], { computed: ['older', 'round'] });
    expect(reader.columns.map((c) => c.role)).toEqual(['question', 'ignored', 'ignored']);
    expect(reader.read(['70', '1', 'r2'], 2, new ImportErrorList())!.answers).toEqual({ age: 70 });
  });

  it('matches a question name whatever its letter case, and keeps choice values as the form spells them', () => {
    const reader = createResponseReader(questions, ['AGE', 'Lives_Alone']);
    expect(reader.read(['40', 'YES'], 2, new ImportErrorList())!.answers).toEqual({ age: 40, lives_alone: 'yes' });
  });
});
