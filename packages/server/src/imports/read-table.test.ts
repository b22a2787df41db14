import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { AppError, ImportErrorList } from '@potreby/domain';
import { convertRegister } from '@potreby/domain/registers/convert-register';
import { detectRegisterFormat } from '@potreby/domain/registers/detect-register-format';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openTable, type TableRow } from './read-table';
import { BLANK_ROWS_ENDING_DATA, MAX_SHEET_ROWS, openWorkbook, readWorkbookSheets, TABLE_TEXT } from './read-xlsx';

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
      // Cells after the last one holding something are left out; the parsers read them as empty.
      { row: 6, cells: ['PAZ19', '2020', '5', '', '', 'no'] },
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

/** A zip archive of these parts, deflated (APPNOTE.TXT 4.3); the CRC is left 0, which readers here do not check. */
function zipOf(parts: Record<string, string>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(parts)) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A workbook written by hand, part by part, for what the spreadsheet programs at hand do not
 * write: sheets named in workbook.xml, each given as the inside of its `<sheetData>`.
 */
function xlsxOf(sheets: Record<string, string>, extra: { sharedStrings?: string[]; date1904?: boolean; prefix?: string } = {}): Uint8Array {
  const p = extra.prefix ?? '';
  const names = Object.keys(sheets);
  const parts: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  };
  // Worksheets before the shared strings, as Excel orders them.
  names.forEach((_, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0"?><${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN}"><${p}sheetData>${sheets[names[i]!]}</${p}sheetData></${p}worksheet>`;
  });
  parts['xl/workbook.xml'] =
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${extra.date1904 ? ' date1904="1"' : ''}/><sheets>` +
    names.map((name, i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
    '</sheets></workbook>';
  parts['xl/_rels/workbook.xml.rels'] =
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  parts['xl/sharedStrings.xml'] = `<sst xmlns="${MAIN}">${(extra.sharedStrings ?? []).map((t) => `<si>${t}</si>`).join('')}</sst>`;
  parts['xl/styles.xml'] = `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellStyleXfs><xf numFmtId="14"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`;
  return zipOf(parts);
}

/** `<row>`s of blank styled cells, as spreadsheet programs write formatted but empty rows. */
const blankRows = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `<row r="${from + i}"><c r="A${from + i}" s="2"/><c r="B${from + i}" s="2"/></row>`).join('');

const textRow = (row: number, ...texts: string[]) =>
  `<row r="${row}">${texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${t}</t></is></c>`).join('')}</row>`;

async function rowsOf(bytes: Uint8Array, limits?: { blankRowsEndingData: number; maxCells: number }) {
  const [sheet] = openWorkbook(bytes, 'x.xlsx', TABLE_TEXT, limits);
  const rows: { row: number; cells: string[] }[] = [];
  for await (const row of sheet!.rows) rows.push(row);
  return rows;
}

describe('openTable on XLSX files as spreadsheet programs write them', () => {
  it('reads every kind of cell however the writer spelled it: shared, inline and rich strings, entities, 1904 dates, prefixed elements', async () => {
    const sheet =
      '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Дневен </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>център</x:t></x:r></x:is></x:c></x:row>' +
      '<x:row r="2" spans="1:5"><x:c r="A2" s="1"><x:v>0</x:v></x:c><x:c r="B2" t="str"><x:f>A1&amp;"!"</x:f><x:v>a &amp; b &lt;c&gt; &#1046;_x000D_x</x:v></x:c><x:c r="D2" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="E2"><x:v>1.5E-3</x:v></x:c></x:row>';
    const bytes = xlsxOf({ Data: sheet }, { sharedStrings: ['<t xml:space="preserve"> code </t>', '<r><t>na</t></r><r><t>me</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh>'], date1904: true, prefix: 'x:' });
    const table = await readAll('hand.xlsx', bytes);
    expect(table.header).toEqual(['code', 'name', 'Дневен център']);
    // Day 0 of the 1904 date system is 1 January 1904.
    expect(table.rows).toEqual([{ row: 2, cells: ['1904-01-01', 'a & b <c> Ж\rx', '', '#DIV/0!', '0.0015'] }]);
  });

  it('gives a formula its computed value: =FALSE() reads "no" in a table and "FALSE" in an XLSForm, as pyxform reads it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('survey');
    sheet.addRow(['type', 'name', 'label']);
    sheet.addRow(['integer', { formula: 'FALSE()', result: false }, { formula: '"Age"&"?"', result: 'Age?' }]);
    sheet.addRow(['integer', { formula: '1+1', result: 2 }, { formula: 'TRUE()', result: true }]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await readAll('f.xlsx', bytes)).rows.map((r) => r.cells)).toEqual([
      ['integer', 'no', 'Age?'],
      ['integer', '2', 'yes'],
    ]);
    expect(await readWorkbookSheets(bytes, 'f.xlsx')).toEqual({ survey: [['type', 'name', 'label'], ['integer', 'FALSE', 'Age?'], ['integer', '2', 'TRUE']] });
  });

  it('reads a form LibreOffice saved with 1,048,576 rows and 1,024 columns declared by its cells, with the formula’s value', async () => {
    const bytes = readFileSync(join(import.meta.dirname, 'fixtures/libreoffice-form.xlsx'));
    const sheets = await readWorkbookSheets(bytes, 'libreoffice-form.xlsx');
    expect(sheets).toEqual({
      survey: [
        ['type', 'name', 'label'],
        ['text', 'family_name', 'Family name?'],
        ['integer', 'FALSE', 'Age?'],
      ],
      choices: [['list_name', 'name', 'label']],
    });
  });

  it('reads the same shape made in the test: a stray cell at row 1,048,576, column 1,024, after a gap of blank rows ends nothing but the data', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('survey');
    sheet.addRow(['type', 'name']);
    sheet.addRow(['text', 'q1']);
    sheet.getCell(MAX_SHEET_ROWS, 1024).value = 'x';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await readWorkbookSheets(bytes, 'wide.xlsx')).toEqual({ survey: [['type', 'name'], ['text', 'q1']] });
  });

  it(`stops at ${BLANK_ROWS_ENDING_DATA} blank rows in a row: the rows after them are not read`, async () => {
    const bytes = xlsxOf({ Data: textRow(1, 'code', 'count') + textRow(2, 'PAZ', '1') + blankRows(3, BLANK_ROWS_ENDING_DATA) + textRow(BLANK_ROWS_ENDING_DATA + 3, 'SML', '2') });
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, cells: ['code', 'count'] },
      { row: 2, cells: ['PAZ', '1'] },
    ]);
    expect((await readAll('gap.xlsx', bytes)).rows).toEqual([{ row: 2, cells: ['PAZ', '1'] }]);
    // One blank row fewer, and the last row is data.
    const shorter = xlsxOf({ Data: textRow(1, 'code', 'count') + blankRows(2, BLANK_ROWS_ENDING_DATA - 1) + textRow(BLANK_ROWS_ENDING_DATA + 1, 'SML', '2') });
    expect((await rowsOf(shorter)).map((r) => r.row)).toEqual([1, BLANK_ROWS_ENDING_DATA + 1]);
  });

  it('calls a header followed only by blank rows empty, having looked at no more than the blank rows that end the data', async () => {
    // 100,000 formatted blank rows: the shape of the 1.5 MB upload that held 1 GB of them.
    const bytes = xlsxOf({ Data: textRow(1, 'code', 'count') + blankRows(2, 100_000) });
    expect((await refusal('blank.xlsx', bytes)).code).toBe('import.empty');
    // Were all the rows looked at, a budget of cells smaller than them would have run out.
    expect(await rowsOf(bytes, { blankRowsEndingData: BLANK_ROWS_ENDING_DATA, maxCells: 3 * BLANK_ROWS_ENDING_DATA + 10 })).toHaveLength(1);
  });

  it('bounds the cells one file makes it look at, and refuses rows and columns no spreadsheet has', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => textRow(i + 1, 'a', 'b', 'c')).join('');
    await expect(rowsOf(xlsxOf({ Data: rows }), { blankRowsEndingData: 10, maxCells: 250 })).rejects.toMatchObject({ code: 'import.too_large' });
    expect(await rowsOf(xlsxOf({ Data: rows }), { blankRowsEndingData: 10, maxCells: 300 })).toHaveLength(100);
    await expect(rowsOf(xlsxOf({ Data: textRow(1, 'a') + `<row r="${MAX_SHEET_ROWS + 1}"><c r="A${MAX_SHEET_ROWS + 1}" t="inlineStr"><is><t>b</t></is></c></row>` }))).rejects.toMatchObject({ code: 'import.unreadable' });
    await expect(rowsOf(xlsxOf({ Data: '<row r="1"><c r="XFE1" t="inlineStr"><is><t>b</t></is></c></row>' }))).rejects.toMatchObject({ code: 'import.unreadable' });
  });

  it('reads only the worksheets an XLSForm needs, the first of each name', async () => {
    const bytes = xlsxOf({ Survey: textRow(1, 'type', 'name'), choices: textRow(1, 'list_name'), survey: textRow(1, 'other'), data: textRow(1, 'big') });
    expect(await readWorkbookSheets(bytes, 'x.xlsx', (name) => ['survey', 'choices', 'settings'].includes(name))).toEqual({ survey: [['type', 'name']], choices: [['list_name']] });
  });
});

describe('openTable on CSV files too large to read', () => {
  it('refuses a row of more columns than a spreadsheet has', async () => {
    expect((await refusal('wide.csv', utf8(`${'a,'.repeat(20_000)}b\n1\n`))).code).toBe('import.too_large');
  });
});
