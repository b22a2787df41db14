import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { csvText } from '@potreby/domain';
import { ZipWriter } from './zip-stream';

/** A cell of an exported table. */
export type ExportCell = string | number | boolean | null;

/** A table written row batch by row batch into a stream, never held whole. */
export type TableWriter = {
  addRows(rows: readonly ExportCell[][]): Promise<void>;
  /** Write what remains (for XLSX: the zip's end) and end the stream. */
  finish(): Promise<void>;
};

export type ColumnFormat = { header: string; width?: number; /** Shown as a percentage (the cell holds a share, 0–1). */ percent?: boolean };

/** Answers come from anonymous respondents: text is neutralised like every CSV of the app (domain/exports/csv-cell.ts). */
function csvCell(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return csvText(value);
}

/**
 * CSV as Excel and LibreOffice open it right in every language: UTF-8 with a byte-order mark
 * (else Excel reads Cyrillic as Windows-1251), comma-separated, CRLF line ends — the same
 * conventions as potreby's other exports.
 */
export function csvTableWriter(out: Writable, columns: readonly ColumnFormat[]): TableWriter {
  const write = async (text: string) => {
    if (!out.write(Buffer.from(text, 'utf8'))) await once(out, 'drain');
  };
  let started = false;
  return {
    async addRows(rows) {
      let text = started ? '' : '\uFEFF' + columns.map((c) => csvCell(c.header)).join(',') + '\r\n';
      started = true;
      for (const row of rows) text += row.map(csvCell).join(',') + '\r\n';
      await write(text);
    },
    async finish() {
      if (!started) await this.addRows([]);
      out.end();
      await once(out, 'finish');
    },
  };
}

/** Excel's limit is 1,048,576 rows a sheet; a larger export continues on a further sheet. */
export const ROWS_PER_SHEET = 1_000_000;

/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/** Characters XML 1.0 does not allow at all (a stray control character in a free-text answer). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Anything to escape or drop; most answers have none, and one test is cheaper than four replacements. */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
function xmlText(value: string): string {
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(XML_INVALID, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
const xmlAttribute = (text: string) => xmlText(text).replaceAll('"', '&quot;');

/** Column letters: A … Z, AA … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cell styles of styles.xml: 0 plain, 1 bold (headers), 2 percentage with two decimals (built-in format 10). */
const STYLE = { plain: 0, bold: 1, percent: 2 } as const;

function rowXml(cells: readonly ExportCell[], row: number, letters: readonly string[], styles: readonly number[]): string {
  let xml = `<row r="${row}">`;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (value === null || value === undefined || value === '') continue;
    const ref = `${letters[i]}${row}`;
    const style = styles[i] ? ` s="${styles[i]}"` : '';
    if (typeof value === 'number') {
      if (Number.isFinite(value)) xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
    } else if (typeof value === 'boolean') xml += `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
    else xml += `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
  }
  return xml + '</row>';
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function sheetStart(widths: readonly number[], frozenHeader: boolean): string {
  const pane = frozenHeader ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
  const cols = widths.length ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  return `${XML_HEAD}<worksheet ${NS}><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>`;
}
const SHEET_END = '</sheetData></worksheet>';

/** The parts of the package besides the sheets (ECMA-376 part 2: content types, relationships). */
function packageParts(sheetNames: readonly string[]): [string, string][] {
  const sheets = sheetNames.map((_, i) => i + 1);
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets
        .map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}</Types>`,
    ],
    ['_rels/.rels', `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook ${NS}><bookViews><workbookView/></bookViews><sheets>${sheetNames
        .map((name, i) => `<sheet name="${xmlAttribute(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((n) => `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`)
        .join('')}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ];
}

/** Sheet names: at most 31 characters, none of : \\ / ? * [ ], unique. */
const sheetNameOf = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';

/**
 * XLSX written as it goes: the sheet's XML is made row by row and deflated into the ZIP stream,
 * so a million responses need no more memory than a page of them. Cells are inline strings,
 * numbers and booleans, enough for data tables; a general-purpose library (exceljs) spends
 * several times longer per cell, which for a million responses is minutes instead of seconds.
 */
export function xlsxTableWriter(
  out: Writable,
  sheetName: string,
  columns: readonly ColumnFormat[],
  extraSheets: { name: string; rows: ExportCell[][]; widths?: number[] }[] = [],
  rowsPerSheet = ROWS_PER_SHEET,
): TableWriter {
  const zip = new ZipWriter(out);
  const names: string[] = [];
  const letters = columns.map((_, i) => columnName(i));
  const styles = columns.map((c) => (c.percent ? STYLE.percent : STYLE.plain));
  const widths = columns.map((c) => c.width ?? Math.max(10, Math.min(40, c.header.length + 4)));
  let sheet: Awaited<ReturnType<ZipWriter['entry']>> | null = null;
  let row = 0;

  const openSheet = async () => {
    const base = sheetNameOf(sheetName).slice(0, 26);
    names.push(names.length === 0 ? base : `${base} (${names.length + 1})`);
    sheet = await zip.entry(`xl/worksheets/sheet${names.length}.xml`);
    await sheet.write(sheetStart(widths, true) + rowXml(columns.map((c) => c.header), 1, letters, columns.map(() => STYLE.bold)));
    row = 1;
  };

  return {
    async addRows(rows) {
      if (!sheet) await openSheet();
      let xml = '';
      for (let i = 0; i < rows.length; i++) {
        if (row - 1 === rowsPerSheet) {
          await sheet!.write(xml + SHEET_END);
          await sheet!.close();
          xml = '';
          await openSheet();
        }
        xml += rowXml(rows[i]!, ++row, letters, styles);
        // Handed on every 500 rows: a few hundred kilobytes at a time, never megabytes of XML.
        if (i % 500 === 499) {
          await sheet!.write(xml);
          xml = '';
        }
      }
      if (xml) await sheet!.write(xml);
    },
    async finish() {
      if (!sheet) await openSheet();
      await sheet!.write(SHEET_END);
      await sheet!.close();
      for (const extra of extraSheets) {
        names.push(sheetNameOf(extra.name));
        const part = await zip.entry(`xl/worksheets/sheet${names.length}.xml`);
        const extraLetters = Array.from({ length: Math.max(0, ...extra.rows.map((r) => r.length)) }, (_, i) => columnName(i));
        await part.write(sheetStart(extra.widths ?? [], false) + extra.rows.map((cells, i) => rowXml(cells, i + 1, extraLetters, [])).join('') + SHEET_END);
        await part.close();
      }
      for (const [name, content] of packageParts(names)) await zip.add(name, content);
      await zip.finish();
    },
  };
}
