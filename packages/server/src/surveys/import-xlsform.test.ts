import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, convertXlsForm, UNCONVERTED_REASONS, XLSFORM_ERROR_CODES } from '@potreby/domain';
import { LANGUAGES, translator } from '@potreby/i18n';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../config';
import { describeUnconverted, describeXlsFormError, readXlsFormWorkbook } from './import-xlsform';

const reference = (file: string) => readFileSync(join(REFERENCE_DIR, 'xlsform', file));

describe('readXlsFormWorkbook', () => {
  it('reads every real form of reference/xlsform into sheets the conversion accepts', async () => {
    const files = readdirSync(join(REFERENCE_DIR, 'xlsform')).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBe(4);
    for (const file of files) {
      const sheets = await readXlsFormWorkbook(reference(file), file);
      expect(Object.keys(sheets), file).toContain('survey');
      expect(convertXlsForm(sheets).errors, file).toEqual([]);
    }
  });

  it('converts a form saved by LibreOffice (1,048,576 declared rows, a formula as a name) without reading blank cells', async () => {
    const file = join(import.meta.dirname, '../imports/fixtures/libreoffice-form.xlsx');
    const sheets = await readXlsFormWorkbook(readFileSync(file), 'libreoffice-form.xlsx');
    // Only the rows that hold something, not the million the sheet declares.
    expect(sheets.survey!.length).toBeLessThan(50);
    const conversion = convertXlsForm(sheets);
    expect(conversion.errors).toEqual([]);
    // The second question's name is `=FALSE()`: its computed value, as pyxform reads it.
    expect(JSON.stringify(conversion.definition)).toContain('"name":"FALSE"');
  });

  it('matches sheets by lower-case name and keeps cells as the spreadsheet shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Survey').addRows([
      ['type', 'name', 'label'],
      ['select_one codes', 'code', 'Code'],
    ]);
    // A choice value typed as a number stays the text the author typed.
    workbook.addWorksheet('CHOICES').addRows([
      ['list_name', 'name', 'label'],
      ['codes', 1, 'One'],
      ['codes', 2.5, 'Two and a half'],
    ]);
    const sheets = await readXlsFormWorkbook(new Uint8Array(await workbook.xlsx.writeBuffer()), 'form.xlsx');
    expect(sheets.survey).toEqual([
      ['type', 'name', 'label'],
      ['select_one codes', 'code', 'Code'],
    ]);
    expect(sheets.choices).toEqual([
      ['list_name', 'name', 'label'],
      ['codes', '1', 'One'],
      ['codes', '2.5', 'Two and a half'],
    ]);
  });

  it('refuses what is not an XLSX workbook as unreadable, and an empty upload as empty', async () => {
    await expect(readXlsFormWorkbook(Buffer.from('type,name\ntext,q\n'), 'form.csv')).rejects.toEqual(new AppError('import.unreadable', { fileName: 'form.csv' }));
    await expect(readXlsFormWorkbook(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).rejects.toMatchObject({ code: 'import.unreadable' });
    await expect(readXlsFormWorkbook(new Uint8Array(), 'nothing.xlsx')).rejects.toMatchObject({ code: 'import.empty' });
  });
});

describe('messages of the XLSForm import', () => {
  it('has a sentence for every error code and every reason something is not converted, in all four languages', () => {
    for (const language of LANGUAGES) {
      const t = translator(language);
      for (const key of [...XLSFORM_ERROR_CODES.map((c) => `xlsformErrors.${c}`), 'xlsformErrors.inSheet', ...UNCONVERTED_REASONS.map((r) => `xlsformUnconverted.${r}`), 'xlsformUnconverted.media_choices']) {
        expect(t(key), `${language}: ${key}`).not.toBe(key);
      }
    }
  });

  it('names the sheet of a row error and fills in the value, in the user’s language', () => {
    const error = { sheet: 'choices' as const, row: 3, column: 'name', value: 'small', code: 'duplicate_choice' as const };
    expect(describeXlsFormError(error, 'en')).toEqual({ row: 3, column: 'name', value: 'small', code: 'duplicate_choice', message: 'Sheet “choices”: The choice “small” is already in this list.' });
    expect(describeXlsFormError(error, 'uk').message).toBe('Аркуш «choices»: Варіант «small» уже є в цьому списку.');
    expect(describeXlsFormError({ sheet: null, row: 0, column: null, value: null, code: 'no_survey_sheet' }, 'bg').message).toBe('Файлът няма лист „survey“, затова не е XLSForm.');
  });

  it('says what was lost for each element not converted', () => {
    const base = { row: 7, name: 'income', type: 'decimal', column: 'constraint', detail: ". > 0 and regex(., '^[0-9.]+$') — regex()" };
    expect(describeUnconverted({ ...base, reason: 'expression' }, 'en')).toBe("The constraint expression was left out, as it cannot be expressed here: . > 0 and regex(., '^[0-9.]+$') — regex()");
    expect(describeUnconverted({ row: 9, name: 'pick', type: 'select_one pics', reason: 'media', column: 'choices', detail: 'pics' }, 'pl')).toBe('Obrazy odpowiedzi z listy „pics” pominięto.');
    expect(describeUnconverted({ row: 2, name: 'start', type: 'start', reason: 'metadata', column: null, detail: null }, 'uk')).toBe('Метадані пристрою (start) пропущено: potreby сам фіксує, коли надходить кожна відповідь.');
  });
});
