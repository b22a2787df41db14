import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvText, yesNoWord } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import type { Cell } from './export-tables';

/** A CSV cell: numbers as numbers, yes/no in the reader's words, and text neutralised and quoted (domain/exports/csv-cell.ts). */
function csvCell(value: Cell, language: TLanguage): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return csvText(typeof value === 'boolean' ? yesNoWord(value, language) : value);
}

/** A table's sheet name in the reader's language (a file for people has no English word in it). */
export const sheetName = (language: TLanguage, table: string): string => translator(language)(`exportSheets.${table}`, { defaultValue: table });

/**
 * CSV as Excel opens it right in every language: UTF-8 with a byte-order mark (else Excel reads
 * Cyrillic as Windows-1251 garbage), comma-separated, CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly Cell[][], language: TLanguage): Buffer {
  const cell = (value: Cell) => csvCell(value, language);
  const lines = [header.map(cell).join(',')];
  for (const row of rows) lines.push(row.map(cell).join(','));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

/** XLSX written as a stream, so a large export does not build the whole workbook in memory. */
export function toXlsx(sheet: string, header: readonly string[], rows: readonly Cell[][], language: TLanguage): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  // The streaming worksheet takes its views when created: its `views` has no setter.
  const worksheet = workbook.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = header.map((h) => ({ header: h, width: Math.max(10, Math.min(40, h.length + 4)) }));
  worksheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for (const row of rows) worksheet.addRow(row.map((v) => (typeof v === 'boolean' ? yesNoWord(v, language) : v))).commit();
      worksheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
