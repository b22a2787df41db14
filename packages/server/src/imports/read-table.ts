import { AppError, type TCountry } from '@potreby/domain';
import Papa from 'papaparse';
import { MAX_CELLS, MAX_SHEET_COLUMNS, openWorkbook, TABLE_TEXT } from './read-xlsx';

export type TableRow = { row: number; cells: string[] };

/** A file read as a table: its header and, lazily, its data rows with spreadsheet row numbers. */
export type Table = {
  format: 'csv' | 'xlsx';
  header: string[];
  /** Row number of the header: 1, or later when comment or blank lines come first. */
  headerRow: number;
  /** Data rows, cells trimmed, blank rows left out (their numbers are not reused). */
  rows: AsyncIterable<TableRow>;
  /**
   * The same rows in batches: one await per batch instead of per row, for the million-row
   * imports (per-row promises made garbage collection a third of an import's time). Read the
   * rows one way or the other, once.
   */
  batches: AsyncIterable<TableRow[]>;
};

/** Rows per batch. */
const BATCH = 1000;

/** Batches of an async row iterator (XLSX rows arrive one by one from the zip stream anyway). */
async function* batchesOf(rows: AsyncIterable<TableRow>): AsyncGenerator<TableRow[]> {
  let batch: TableRow[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export type OpenTableInput = { fileName: string; bytes: Uint8Array; country?: TCountry };

/**
 * Opens an uploaded CSV or XLSX file (formats.md) for reading row by row. Throws
 * `import.unreadable` when it is neither, and `import.empty` when it has no header or no data.
 * The header and the first data row are read here, so a broken file fails before any import
 * work starts; the remaining rows are read as the caller asks for them.
 */
export async function openTable(input: OpenTableInput): Promise<Table> {
  const { bytes, fileName } = input;
  if (bytes.length === 0) throw new AppError('import.empty', { fileName });
  if (startsWith(bytes, ZIP_SIGNATURE)) return openXlsx(bytes, fileName);
  if (startsWith(bytes, OLE_SIGNATURE)) throw new AppError('import.unreadable', { fileName });
  return openCsv(decodeText(bytes, input.country), fileName);
}

/** An XLSX file is a zip archive. */
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** The old binary `.xls` (and `.doc`): a compound document; save it as XLSX or CSV. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * The text of a CSV file. UTF-8 (with or without the BOM Excel writes) when the bytes are valid
 * UTF-8; otherwise the file is an export from a Cyrillic Windows (windows-1251, Bulgarian and
 * Ukrainian) or, for Poland, a Central European one (windows-1250). Excel's "Unicode text" is
 * UTF-16 with a BOM.
 */
function decodeText(bytes: Uint8Array, country: TCountry | undefined): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(country === 'PL' ? 'windows-1250' : 'windows-1251').decode(bytes);
  }
}

const DELIMITERS = [',', ';', '\t'] as const;
/** Text is parsed this many characters at a time, so rows are produced as they are needed. */
const CHUNK = 1 << 20;
/** One record (a line, or lines joined by a quoted cell) of a CSV file. */
const MAX_RECORD_CHARS = 16 << 20;

async function openCsv(text: string, fileName: string): Promise<Table> {
  // A NUL character does not occur in text files: this is some other binary file.
  if (text.slice(0, CHUNK).includes('\u0000')) throw new AppError('import.unreadable', { fileName });

  // Leading comment lines (NSI's tables start with `#` lines saying where they come from) and
  // blank lines are skipped, but counted, so row numbers match the lines of the file.
  const newline: '\n' | '\r' = !text.includes('\n') && text.includes('\r') ? '\r' : '\n';
  let start = 0;
  let headerRow = 1;
  for (;;) {
    if (start >= text.length) throw new AppError('import.empty', { fileName });
    let end = text.indexOf(newline, start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '' && !line.startsWith('#')) break;
    start = end + 1;
    headerRow += 1;
  }
  const firstLineEnd = text.indexOf(newline, start);
  const delimiter = guessDelimiter(text.slice(start, firstLineEnd < 0 ? text.length : firstLineEnd));

  const records = new CsvRecords(text, start, delimiter, newline);
  const header = records.next();
  if (header === null) throw new AppError('import.empty', { fileName });
  if (header.length > MAX_SHEET_COLUMNS) throw new AppError('import.too_large');
  const rows = new CsvRows(records, headerRow);
  if (!rows.hasData()) throw new AppError('import.empty', { fileName });
  return { format: 'csv', header: withoutTrailingEmpty(header), headerRow, rows, batches: { [Symbol.asyncIterator]: () => rows.batches() } };
}

/** The delimiter used most often in the header line; a one-column file has none, so `,`. */
function guessDelimiter(line: string): string {
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Records of the text from `start`, cells trimmed. Papa Parse's low-level parser (`Papa.Parser`,
 * exported and typed though not in the guide; it is what `Papa.parse` runs on each chunk) reads
 * a chunk at a time; with `ignoreLastRow` it stops before a record the chunk cut in two (a
 * quoted field may hold newlines), and the next chunk starts there. Papa Parse rather than
 * csv-parse: on a 1,000,000-row population file (numbers unquoted, as exports write them) it
 * was about twice as fast here; with every cell quoted the two were level. Lines ending in `\r\n` leave a `\r` at the
 * end of the last cell, which trimming removes.
 */
class CsvRecords {
  private position: number;
  private batch: string[][] = [];
  private index = 0;
  private readonly parser: Papa.Parser;

  constructor(
    private readonly text: string,
    start: number,
    delimiter: string,
    newline: '\n' | '\r',
  ) {
    this.position = start;
    this.parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  }

  /** The next record, or null at the end of the text. */
  next(): string[] | null {
    while (this.index >= this.batch.length) {
      if (this.position >= this.text.length) return null;
      this.readChunk();
    }
    const cells = this.batch[this.index++]!;
    for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.trim();
    return cells;
  }

  private readChunk(): void {
    const { text } = this;
    for (let size = CHUNK; ; size *= 2) {
      const end = Math.min(this.position + size, text.length);
      const last = end === text.length;
      const result = this.parser.parse(text.slice(this.position, end), 0, !last);
      const consumed = last ? end - this.position : result.meta.cursor;
      // A record longer than the chunk: try a larger piece, up to a bound (a file of one
      // 200 MB line of delimiters would otherwise become one record of 200 million cells).
      if (consumed === 0 && !last) {
        if (size >= MAX_RECORD_CHARS) throw new AppError('import.too_large');
        continue;
      }
      this.batch = result.data as string[][];
      this.index = 0;
      this.position += consumed;
      return;
    }
  }
}

/**
 * The data rows after the header, numbered as spreadsheet rows. A plain iterator object rather
 * than an async generator: rows are already in memory, and a million of them should not each
 * pay for a generator's suspension.
 */
class CsvRows implements AsyncIterable<TableRow>, AsyncIterator<TableRow> {
  private pending: TableRow | null;
  private row: number;
  private cells = 0;
  private iterated = false;

  constructor(
    private readonly records: CsvRecords,
    headerRow: number,
  ) {
    this.row = headerRow;
    this.pending = this.read();
  }

  hasData(): boolean {
    return this.pending !== null;
  }

  [Symbol.asyncIterator](): AsyncIterator<TableRow> {
    // The rows can be read once; a second loop would silently see none.
    if (this.iterated) throw new Error('The rows of a table can be read only once');
    this.iterated = true;
    return this;
  }

  next(): Promise<IteratorResult<TableRow>> {
    const value = this.pending ?? this.read();
    this.pending = null;
    return Promise.resolve(value === null ? { done: true, value: undefined } : { done: false, value });
  }

  /** The rows in batches, each batch read without awaiting (the text is in memory). */
  async *batches(): AsyncGenerator<TableRow[]> {
    if (this.iterated) throw new Error('The rows of a table can be read only once');
    this.iterated = true;
    for (;;) {
      const batch: TableRow[] = [];
      while (batch.length < BATCH) {
        const value = this.pending ?? this.read();
        this.pending = null;
        if (value === null) break;
        batch.push(value);
      }
      if (batch.length) yield batch;
      if (batch.length < BATCH) return;
    }
  }

  private read(): TableRow | null {
    for (let cells = this.records.next(); cells !== null; cells = this.records.next()) {
      this.row += 1;
      // The work of one import is bounded like an XLSX file's (read-xlsx.ts), blank lines included.
      this.cells += cells.length;
      if (this.cells > MAX_CELLS || cells.length > MAX_SHEET_COLUMNS) throw new AppError('import.too_large');
      if (!isBlank(cells)) return { row: this.row, cells };
    }
    return null;
  }
}

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell === '');

// ---------------------------------------------------------------------------------------------
// XLSX

/**
 * The first worksheet (formats.md), read row by row as the rows are asked for (read-xlsx.ts):
 * only cells that hold something are kept, a long run of blank rows ends the data, and the
 * cells one file may make us look at are bounded.
 */
async function openXlsx(bytes: Uint8Array, fileName: string): Promise<Table> {
  const [sheet] = openWorkbook(bytes, fileName, TABLE_TEXT);
  if (!sheet) throw new AppError('import.empty', { fileName });
  const rows = sheet.rows;
  const header = await rows.next();
  const first = header.done ? header : await rows.next();
  if (header.done || first.done) throw new AppError('import.empty', { fileName });
  const dataRows = async function* () {
    yield first.value;
    yield* rows;
  };
  const data = dataRows();
  return { format: 'xlsx', header: withoutTrailingEmpty(header.value.cells), headerRow: header.value.row, rows: data, batches: batchesOf(data) };
}

/** Header cells after the last named one (an export's trailing delimiters) are no columns. */
function withoutTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  return end === cells.length ? cells : cells.slice(0, end);
}
