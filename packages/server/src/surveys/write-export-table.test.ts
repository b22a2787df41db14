import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvTableWriter, xlsxTableWriter, type ExportCell, type TableWriter } from './write-export-table';

/** Everything a writer writes, as one buffer. */
async function written(make: (out: PassThrough) => TableWriter, batches: ExportCell[][][]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const writer = make(out);
  for (const rows of batches) await writer.addRows(rows);
  await writer.finish();
  return Buffer.concat(parts);
}

const awkward: ExportCell[][] = [
  ['Хмільник', 42, true, 'a "quoted", text; with\nline break'],
  ['=HYPERLINK("http://example.org")', -1.5, false, null],
  ['<b>&amp;</b>\u0007', 0, null, '@SUM(A1)'],
];

describe('CSV of an export', () => {
  it('starts with a byte-order mark, quotes what needs quoting and keeps spreadsheets from running formulas', async () => {
    const bytes = await written((out) => csvTableWriter(out, [{ header: 'Назва' }, { header: 'n' }, { header: 'yes' }, { header: 'note' }]), [awkward.slice(0, 1), awkward.slice(1)]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe(
      'Назва,n,yes,note\r\n' +
        'Хмільник,42,true,"a ""quoted"", text; with\nline break"\r\n' +
        `"'=HYPERLINK(""http://example.org"")",-1.5,false,\r\n` +
        // ";" is a separator in some locales' CSV, so a cell holding one is quoted.
        '"<b>&amp;</b>\u0007",0,,\'@SUM(A1)\r\n',
    );
  });

  it('writes the header alone for an empty table', async () => {
    const bytes = await written((out) => csvTableWriter(out, [{ header: 'a' }, { header: 'b' }]), []);
    expect(bytes.toString('utf8')).toBe('\uFEFFa,b\r\n');
  });
});

describe('XLSX of an export', () => {
  it('is a valid package that a spreadsheet library reads back cell for cell, continuing on a new sheet when one is full', async () => {
    const rows: ExportCell[][] = [...awkward, ['fourth', 4, true, 'last']];
    const bytes = await written(
      (out) => xlsxTableWriter(out, 'відповіді: 2026/1', [{ header: 'Назва' }, { header: 'n' }, { header: 'yes' }, { header: 'share', percent: true }], [{ name: 'Про файл', rows: [['Анкета', 'Хмільник & Co']] }], 3),
      [rows.slice(0, 2), rows.slice(2)],
    );
    // An independent reader of the ZIP container checks every entry's CRC.
    const dir = mkdtempSync(join(tmpdir(), 'potreby-xlsx-'));
    try {
      writeFileSync(join(dir, 't.xlsx'), bytes);
      expect(execFileSync('unzip', ['-t', join(dir, 't.xlsx')]).toString()).toContain('No errors detected');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as never);
    // Sheet names may not hold : or /.
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['відповіді  2026 1', 'відповіді  2026 1 (2)', 'Про файл']);
    const values = (sheet: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      sheet.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const [first, second, about] = workbook.worksheets.map(values);
    expect(first).toEqual([
      ['Назва', 'n', 'yes', 'share'],
      ['Хмільник', 42, true, 'a "quoted", text; with\nline break'],
      // In XLSX a text is only ever a text: no apostrophe needed.
      ['=HYPERLINK("http://example.org")', -1.5, false],
      // The control character is not allowed in XML and is left out; the markup stays text.
      ['<b>&amp;</b>', 0, undefined, '@SUM(A1)'],
    ]);
    expect(second).toEqual([
      ['Назва', 'n', 'yes', 'share'],
      ['fourth', 4, true, 'last'],
    ]);
    expect(about).toEqual([['Анкета', 'Хмільник & Co']]);
    expect(workbook.worksheets[0]!.getCell('A1').font?.bold).toBe(true);
    expect(workbook.worksheets[0]!.getCell('D2').numFmt).toBe('0.00%');
  });
});
