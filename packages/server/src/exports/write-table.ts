import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvText } from '@potreby/domain';
import type { Cell } from './export-tables';

/** A CSV cell: numbers as numbers, yes/no, and text neutralised and quoted (domain/exports/csv-cell.ts). */
function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return csvText(typeof value === 'boolean' ? (value ? 'yes' : 'no') : value);
}

/**
 * CSV as Excel opens it right in every language: UTF-8 with a byte-order mark (else Excel reads
 * Cyrillic as Windows-1251 garbage), comma-separated, CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][]): Buffer {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** XLSX written as a stream, so a large export does not build the whole workbook in memory. */
export function toXlsx(sheetName: string, header: readonly string[], rows: readonly Cell[][]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // The streaming worksheet takes its views when created: its `views` has no setter.
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length + 4)) }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : v))).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
