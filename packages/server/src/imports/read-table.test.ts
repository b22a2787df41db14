import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { AppError, ImportErrorList } from '@potreby/domain';
import { convertRegister } from '@potreby/domain/registers/convert-register';
import { detectRegisterFormat } from '@potreby/domain/registers/detect-register-format';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openTable, type TableRow } from './read-table';

/** The repository's copy of the reference data (reference/README.md gives the sources). */
const REFERENCE = join(import.meta.dirname, '../../../../reference');

const reference = (path: string) => readFileSync(join(REFERENCE, path));
const utf8 = (text: string) => new TextEncoder().encode(text);

async function readAll(fileName: string, bytes: Uint8Array, country?: 'BG' | 'UA' | 'PL') {
  const table = await openTable({ fileName, bytes, country });
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return { ...table, rows };
}

async function refusal(fileName: string, bytes: Uint8Array): Promise<AppError> {
  const error = await openTable({ fileName, bytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Single-byte Cyrillic as a Bulgarian or Ukrainian Excel saves it (windows-1251: А–я are 0xC0–0xFF). */
const windows1251 = (text: string) => Uint8Array.from([...text], (c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x350 : c.charCodeAt(0)));

describe('openTable on the reference CSV files', () => {
  it('skips the comment lines of the NSI table and numbers rows as the lines of the file', async () => {
    const table = await readAll('nsi.csv', reference('bg/population-by-age-sex-PAZ-SML-2012-2021.csv'));
    expect(table.format).toBe('csv');
    expect(table.headerRow).toBe(5);
    expect(table.header.slice(0, 4)).toEqual(['Age (years)', '2012_T', '2012_M', '2012_F']);
    expect(table.rows).toHaveLength(44);
    expect(table.rows[0]!.row).toBe(6);
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(['Pazardzhik', '266403']);
    expect(table.rows.at(-1)!).toMatchObject({ row: 49, cells: expect.arrayContaining(['100+']) });
  });

  it('reads the `;`-separated KATOTTG with its Windows line ends and trailing spaces trimmed', async () => {
    const table = await readAll('katottg.csv', reference('ua/katottg-2025-05-16.csv'));
    expect(table.header).toEqual(['Перший рівень', 'Другий рівень', 'Третій рівень', 'Четвертий рівень', 'Додатковий рівень', 'Категорія об’єкта', 'Назва об’єкта']);
    expect(table.rows).toHaveLength(31_748);
    expect(table.rows[2]).toEqual({ row: 4, cells: ['UA01000000000013043', 'UA01020000000022387', 'UA01020010000048857', '', '', 'H', 'Андріївська'] });
    expect(table.rows.at(-1)).toEqual({
      row: 31_749,
      cells: ['UA85000000000065278', 'UA85000000000065278', 'UA85000000000065278', 'UA85000000000065278', 'UA85000000000449437', 'B', 'Нахімовський'],
    });
  });

  it('keeps a quoted comma inside its cell (Warsaw in TERC) and the leading zeros of codes', async () => {
    const table = await readAll('terc.csv', reference('pl/teryt-terc-2024-01-01.csv'));
    expect(table.rows).toHaveLength(4332);
    expect(table.rows.find((r) => r.row === 2147)!.cells).toEqual(['14', '65', '', '', 'Warszawa', 'miasto stołeczne, na prawach powiatu', '2024-01-01']);
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(['02', '']);
  });
});

describe('openTable on CSV files as people save them', () => {
  it('drops the BOM Excel writes before a UTF-8 CSV', async () => {
    const table = await readAll('bom.csv', utf8('\ufeffcode;name\n00014;Абланица\n'));
    expect(table.header).toEqual(['code', 'name']);
    expect(table.rows).toEqual([{ row: 2, cells: ['00014', 'Абланица'] }]);
  });

  it('reads a Cyrillic Windows export as windows-1251', async () => {
    const table = await readAll('cp1251.csv', windows1251('код;име\r\nPAZ19;Пазарджик\r\n'));
    expect(table.header).toEqual(['код', 'име']);
    expect(table.rows[0]!.cells).toEqual(['PAZ19', 'Пазарджик']);
  });

  it('reads a Polish Windows export as windows-1250 when the country is Poland', async () => {
    // "Łódź" in windows-1250: Ł A3, ó F3, d, ź 9F.
    const bytes = Uint8Array.from([...utf8('kod,nazwa\n1061011,'), 0xa3, 0xf3, 0x64, 0x9f, 0x0a]);
    expect((await readAll('cp1250.csv', bytes, 'PL')).rows[0]!.cells).toEqual(['1061011', 'Łódź']);
  });

  it('reads Excel’s "Unicode text": UTF-16 with tabs', async () => {
    const text = '\ufeffcode\tcount\n00014\t1 234\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) new DataView(bytes.buffer).setUint16(i * 2, text.charCodeAt(i), true);
    const table = await readAll('unicode.txt', bytes);
    expect(table.header).toEqual(['code', 'count']);
    expect(table.rows[0]!.cells).toEqual(['00014', '1 234']);
  });

  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'a;b;c\n1,5;2;3\n'],
    ['\t', 'a\tb\tc\n1;2\t2\t3\n'],
  ])('finds the delimiter %j from the header', async (_, text) => {
    const table = await readAll('d.csv', utf8(text));
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows[0]!.cells).toHaveLength(3);
  });

  it('reads quoted cells with delimiters, quotes and line breaks, numbering rows as a spreadsheet shows them', async () => {
    const table = await readAll('q.csv', utf8('name,note\n"Център ""Надежда""","ул. 1,\nет. 2"\n  x  ,  y  \n\n,\nlast,1\n\n\n'));
    expect(table.rows).toEqual([
      { row: 2, cells: ['Център "Надежда"', 'ул. 1,\nет. 2'] },
      { row: 3, cells: ['x', 'y'] },
      // Rows 4 and 5 are blank: left out, their numbers not reused.
      { row: 6, cells: ['last', '1'] },
    ]);
  });

  it('reads a large file whose quoted line breaks fall across the reader’s chunks', async () => {
    const records = Array.from({ length: 40_000 }, (_, i) => [String(i), `line ${i}\nsecond, "line"`, 'x'.repeat(i % 50)]);
    const text = Papa.unparse([['id', 'note', 'pad'], ...records], { newline: '\r\n' });
    expect(text.length).toBeGreaterThan(2 << 20);
    const table = await readAll('big.csv', utf8(text));
    expect(table.rows).toHaveLength(records.length);
    expect(table.rows.map((r) => r.cells)).toEqual(records);
    expect(table.rows.at(-1)!.row).toBe(40_001);
  });

  it('gives back what any table written as CSV held, trimmed', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Ж', ' ', ',', ';', '"', '\n', '1', 'ł'), maxLength: 8 });
    const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
      fc.tuple(
        fc.array(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: width, maxLength: width }),
        fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(table, async ([header, records]) => {
        const text = Papa.unparse([header, ...records], { quotes: true });
        const expected = records.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
        if (expected.length === 0) return;
        const result = await readAll('p.csv', utf8(text));
        expect(result.header).toEqual(header);
        expect(result.rows.map((r) => r.cells)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('openTable on XLSX files', () => {
  it('reads the first sheet of a real workbook', async () => {
    const table = await readAll('group.xlsx', reference('xlsform/group.xlsx'));
    expect(table.format).toBe('xlsx');
    expect(table.header).toEqual(['type', 'name', 'label:English (en)']);
    expect(table.rows[0]).toEqual({ row: 2, cells: ['text', 'family_name', "What's your family name?"] });
    expect(table.rows.at(-1)).toEqual({ row: 6, cells: ['end group'] });
  });

  it('writes numbers, dates, booleans, rich text, formulas and zero-padded codes as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Население');
    sheet.getRow(3).values = ['code', 'year', 'count', 'share', 'opened', 'mobile', 'name', 'total', 'checked'];
    const row = sheet.getRow(4);
    row.values = [
      14,
      2021,
      1234,
      0.1,
      new Date(Date.UTC(2012, 8, 1)),
      true,
      { richText: [{ text: 'Дневен ' }, { text: 'център', font: { bold: true } }] },
      { formula: 'C4*2', result: 2468 },
      { formula: 'E4+1', result: 41154 },
    ];
    row.getCell(1).numFmt = '00000';
    row.getCell(9).numFmt = 'dd.mm.yyyy';
    sheet.getRow(6).values = ['  PAZ19  ', 2020, 5, '', '', false, '', '', ''];
    workbook.addWorksheet('Бележки').getRow(1).values = ['ignored'];

    const table = await readAll('data.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual(['code', 'year', 'count', 'share', 'opened', 'mobile', 'name', 'total', 'checked']);
    expect(table.rows).toEqual([
      { row: 4, cells: ['00014', '2021', '1234', '0.1', '2012-09-01', 'yes', 'Дневен център', '2468', '2012-09-02'] },
      { row: 6, cells: ['PAZ19', '2020', '5', '', '', 'no', '', '', ''] },
    ]);
  });
});

describe('openTable on files it cannot read', () => {
  it('calls an empty file, a file of comments or a header without data empty', async () => {
    expect((await refusal('a.csv', new Uint8Array())).code).toBe('import.empty');
    expect((await refusal('b.csv', utf8('# only a comment\n\n'))).code).toBe('import.empty');
    expect((await refusal('c.csv', utf8('code,name\n\n'))).code).toBe('import.empty');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').getRow(1).values = ['code', 'name'];
    expect((await refusal('d.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))).code).toBe('import.empty');
  });

  it('calls a broken zip, an old binary .xls or another binary file unreadable, naming the file', async () => {
    const brokenZip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('not really a zip archive')]);
    expect(await refusal('broken.xlsx', brokenZip)).toMatchObject({ code: 'import.unreadable', params: { fileName: 'broken.xlsx' } });
    expect((await refusal('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).code).toBe('import.unreadable');
    expect((await refusal('image.csv', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]))).code).toBe('import.unreadable');
  });
});

describe('openTable feeding the register converters', () => {
  it('gives TERC to its converter as it is read from the file', async () => {
    const table = await openTable({ fileName: 'TERC_Urzedowy_2024-01-01.csv', bytes: reference('pl/teryt-terc-2024-01-01.csv'), country: 'PL' });
    const format = detectRegisterFormat(table.header);
    expect(format).toBe('teryt_terc');
    const errors = new ImportErrorList();
    const { territories } = await convertRegister('teryt_terc', table, {}, errors);
    expect(errors.total).toBe(0);
    expect(territories.find((t) => t.record.code === '0609013')).toEqual({
      row: 707,
      record: { code: '0609013', name: 'Bełżyce', nameEn: null, level: 'municipality', parentCode: '0609', country: 'PL', lat: null, lon: null },
    });
  });
});
