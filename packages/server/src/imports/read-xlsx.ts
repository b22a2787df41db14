import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '@potreby/domain';

/**
 * Reading the cells of an XLSX workbook in bounded time and memory: the zip's directory, then
 * each part inflated piece by piece and its XML scanned for the cells that hold something.
 *
 * ExcelJS's readers did this before, and real files broke them: the full reader builds an
 * object per cell of the sheet's declared size (a LibreOffice form declaring 1,048,576 rows and
 * 1,024 columns ran out of a 4 GB heap); the streaming one spools a sheet to a temporary file
 * when the shared strings come after it (as Excel writes them), builds objects for empty styled
 * cells (1.5 MB holding 1 GB of blank rows cost 101 s of CPU), and reads a formula's boolean
 * result (`=FALSE()`) as 0. A sheet is machine-written XML of a handful of elements
 * (ECMA-376 part 1, §18.3.1): regular expressions over each `<row>` read it exactly.
 */

/** The largest sheet a spreadsheet program can make (ECMA-376 part 1, §18.3.1.73 and Excel's limits). */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;
/**
 * This many blank rows in a row end a sheet's data. Excel and LibreOffice write rows that are only
 * formatted (a height, a fill) down to the sheet's last formatted row; no table goes on after
 * such a gap, and reading the rest is what made blank files cost minutes.
 */
export const BLANK_ROWS_ENDING_DATA = 10_000;
/** Cells of one file looked at, empty styled ones included: a 1,000,000-row, 20-column table fits. */
export const MAX_CELLS = 25_000_000;
/** XML unpacked from one file; a zip bomb stops here. A 1,000,000-row population sheet is about 300 MB. */
const MAX_UNPACKED_BYTES = 1 << 30;
/** One `<row>` element; a row of 16,384 long cells fits. */
const MAX_ROW_CHARS = 64 << 20;
/** Shared strings, styles and the workbook are read whole; this much at most. */
const MAX_PART_BYTES = 256 << 20;

export type XlsxLimits = { blankRowsEndingData: number; maxCells: number };
const DEFAULT_LIMITS: XlsxLimits = { blankRowsEndingData: BLANK_ROWS_ENDING_DATA, maxCells: MAX_CELLS };

/** A row that has something in it: its sheet row number and its cells, trimmed, up to the last non-empty one. */
export type XlsxRow = { row: number; cells: string[] };

/**
 * How booleans read: `yes`/`no` for the import formats (formats.md), `TRUE`/`FALSE` for an
 * XLSForm, as pyxform writes them (xls2json_backends.xlsx_value_to_str).
 */
export type XlsxTextStyle = { booleans: readonly [string, string] };
export const TABLE_TEXT: XlsxTextStyle = { booleans: ['yes', 'no'] };
export const XLSFORM_TEXT: XlsxTextStyle = { booleans: ['TRUE', 'FALSE'] };

export type XlsxSheet = { name: string; rows: AsyncGenerator<XlsxRow, void, undefined> };

/** Counts what one file may cost; the whole workbook shares it. */
class Budget {
  unpacked = 0;
  cells = 0;
  constructor(readonly limits: XlsxLimits) {}
  unpack(bytes: number): void {
    this.unpacked += bytes;
    if (this.unpacked > MAX_UNPACKED_BYTES) throw new AppError('import.too_large');
  }
  look(cells: number): void {
    this.cells += cells;
    if (this.cells > this.limits.maxCells) throw new AppError('import.too_large');
  }
}

// ---------------------------------------------------------------------------------------------
// The zip archive (APPNOTE.TXT 4.3): the central directory at the end lists every part.

type ZipEntry = { name: string; method: number; flags: number; compressedSize: number; localOffset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Zip {
  private readonly view: DataView;
  readonly entries = new Map<string, ZipEntry>();

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = this.findEndOfDirectory();
    const count = this.view.getUint16(end + 10, true);
    let at = this.view.getUint32(end + 16, true);
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || this.view.getUint32(at, true) !== CENTRAL) throw new Error('bad central directory');
      const nameLength = this.view.getUint16(at + 28, true);
      const extraLength = this.view.getUint16(at + 30, true);
      const commentLength = this.view.getUint16(at + 32, true);
      let compressedSize = this.view.getUint32(at + 20, true);
      let localOffset = this.view.getUint32(at + 42, true);
      const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) {
        // Zip64: the real sizes are in the extra field 0x0001 (APPNOTE 4.5.3), in this order.
        const zip64 = this.zip64Extra(at + 46 + nameLength, extraLength);
        const uncompressed = this.view.getUint32(at + 24, true);
        let field = 0;
        if (uncompressed === 0xffffffff) field++;
        if (compressedSize === 0xffffffff) compressedSize = zip64[field++] ?? NaN;
        if (localOffset === 0xffffffff) localOffset = zip64[field++] ?? NaN;
      }
      this.entries.set(name, { name, method: this.view.getUint16(at + 10, true), flags: this.view.getUint16(at + 8, true), compressedSize, localOffset });
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  private findEndOfDirectory(): number {
    // The record is 22 bytes, followed by a comment of at most 65,535.
    for (let at = this.bytes.length - 22; at >= Math.max(0, this.bytes.length - 22 - 0xffff); at--) {
      if (this.view.getUint32(at, true) === EOCD) return at;
    }
    throw new Error('no end of central directory');
  }

  private zip64Extra(start: number, length: number): number[] {
    for (let at = start; at + 4 <= start + length; ) {
      const id = this.view.getUint16(at, true);
      const size = this.view.getUint16(at + 2, true);
      if (id === 0x0001) {
        const values: number[] = [];
        for (let v = at + 4; v + 8 <= at + 4 + size; v += 8) values.push(Number(this.view.getBigUint64(v, true)));
        return values;
      }
      at += 4 + size;
    }
    return [];
  }

  /** The compressed bytes of an entry. */
  data(entry: ZipEntry): Uint8Array {
    const at = entry.localOffset;
    if (!(at + 30 <= this.bytes.length) || this.view.getUint32(at, true) !== LOCAL) throw new Error('bad local header');
    // Encrypted parts (flag bit 0) cannot be read; methods other than stored and deflate neither.
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) throw new Error('unsupported entry');
    const start = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    if (!(start + entry.compressedSize <= this.bytes.length)) throw new Error('entry past the end');
    return this.bytes.subarray(start, start + entry.compressedSize);
  }
}

/** A small part (workbook, relationships, styles, shared strings) as text. */
function partText(zip: Zip, path: string, budget: Budget): string | null {
  const entry = zip.entries.get(path);
  if (!entry) return null;
  const data = zip.data(entry);
  let unpacked: Uint8Array;
  if (entry.method === 0) unpacked = data;
  else {
    try {
      unpacked = inflateRawSync(data, { maxOutputLength: Math.min(MAX_PART_BYTES, MAX_UNPACKED_BYTES - budget.unpacked + 1) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new AppError('import.too_large');
      throw error;
    }
  }
  budget.unpack(unpacked.length);
  return new TextDecoder().decode(unpacked);
}

/** Compressed bytes go to the inflater this many at a time: one piece inflates to 16 MB at most. */
const INFLATE_INPUT = 1 << 14;

function* slices(data: Uint8Array, size: number): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}

/**
 * A large part (a worksheet) as text, a piece at a time. The compressed bytes are piped in small
 * slices, so inflating keeps pace with reading (a stream's backpressure) and stops when the
 * reader stops: a zip bomb is never unpacked ahead of the rows it holds.
 */
async function* partPieces(zip: Zip, entry: ZipEntry, budget: Budget): AsyncGenerator<string> {
  const data = zip.data(entry);
  const decoder = new TextDecoder();
  if (entry.method === 0) {
    for (const piece of slices(data, 1 << 20)) {
      budget.unpack(piece.length);
      yield decoder.decode(piece, { stream: true });
    }
    return;
  }
  const source = Readable.from(slices(data, INFLATE_INPUT), { objectMode: false });
  const inflate = source.pipe(createInflateRaw({ chunkSize: 1 << 16 }));
  try {
    for await (const piece of inflate as AsyncIterable<Buffer>) {
      budget.unpack(piece.length);
      yield decoder.decode(piece, { stream: true });
    }
    yield decoder.decode();
  } finally {
    source.destroy();
    inflate.destroy();
  }
}

// ---------------------------------------------------------------------------------------------
// XML

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML writes characters XML cannot hold (a carriage return in a cell) as `_x000D_` (§22.9.2.19). */
const ESCAPED_CHARACTER = /_x([0-9a-fA-F]{4})_/g;

function fromCodePoint(code: number): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}

function xmlText(text: string): string {
  let out = text.includes('&')
    ? text.replace(ENTITY, (_, name: string) => NAMED[name] ?? fromCodePoint(name[1] === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))))
    : text;
  if (out.includes('_x')) out = out.replace(ESCAPED_CHARACTER, (_, hex: string) => fromCodePoint(parseInt(hex, 16)));
  return out;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) found.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''));
  return found;
}

/** Elements by local name, whatever namespace prefix a writer gave them (`<x:row>`). */
const elements = (name: string) => new RegExp(`<(?:[\\w.-]+:)?${name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/(?:[\\w.-]+:)?${name}>)`, 'g');

const SHEET = elements('sheet');
const RELATIONSHIP = elements('Relationship');
const SHARED_STRING = elements('si');
const TEXT = elements('t');
const PHONETIC = elements('rPh');
const NUM_FMT = elements('numFmt');
const CELL_XFS = elements('cellXfs');
const XF = elements('xf');
const WORKBOOK_PR = elements('workbookPr');
const CELL = elements('c');
const VALUE = elements('v');
const INLINE_STRING = elements('is');
const ROW_TAG = /<([\w.-]+:)?row\b([^>]*?)(\/)?>/g;
const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;

/** The text of a string item (`<si>`, `<is>`): its runs' `<t>`, without the phonetic guides. */
function runText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const t of body.matchAll(TEXT)) text += t[2] ?? '';
  return xmlText(text);
}

// ---------------------------------------------------------------------------------------------
// The workbook: its sheets, shared strings and number formats

/** A path inside the archive from a relationship's target, relative to the part it belongs to. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(zip: Zip, part: string, budget: Budget): { id: string; type: string; path: string }[] {
  const slash = part.lastIndexOf('/');
  const xml = partText(zip, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, budget) ?? '';
  return [...xml.matchAll(RELATIONSHIP)].map((m) => {
    const a = attributes(m[1]!);
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', path: resolvePath(part, a.get('Target') ?? '') };
  });
}

/**
 * Excel's built-in number formats that show a date or a time (ECMA-376 part 1, §18.8.30, and
 * the East Asian ones Excel adds); custom formats are told by their letters.
 */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const DATE_LETTERS = /[ymdhs]/i;
const BRACKETS_AND_QUOTES = /\[[^\]]*\]|"[^"]*"/g;
/** A format of only zeros (`00000`) is how codes with leading zeros (EKATTE, TERYT) are kept as numbers. */
const ZERO_PADDED = /^0+$/;

/** What a cell style says about the number in a cell. */
type NumberStyle = { date: boolean; width: number };
const PLAIN: NumberStyle = { date: false, width: 0 };

function numberStyles(xml: string | null): NumberStyle[] {
  if (!xml) return [];
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(NUM_FMT)) {
    const a = attributes(m[1]!);
    formats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const cellXfs = CELL_XFS.exec(xml);
  CELL_XFS.lastIndex = 0;
  if (!cellXfs?.[2]) return [];
  return [...cellXfs[2].matchAll(XF)].map((m) => {
    const id = Number(attributes(m[1]!).get('numFmtId') ?? 0);
    const code = formats.get(id);
    if (code === undefined) return BUILT_IN_DATE_FORMATS.has(id) ? { date: true, width: 0 } : PLAIN;
    if (ZERO_PADDED.test(code)) return { date: false, width: code.length };
    return { date: DATE_LETTERS.test(code.replace(BRACKETS_AND_QUOTES, '')), width: 0 };
  });
}

type Book = { sharedStrings: string[]; styles: NumberStyle[]; date1904: boolean; text: XlsxTextStyle };

/** Serial day number → `YYYY-MM-DD` (1900 date system, or 1904 where the workbook says so). */
function serialDate(serial: number, date1904: boolean): string {
  const days = serial + (date1904 ? 1462 : 0);
  return new Date(Math.round((days - 25569) * 86_400_000)).toISOString().slice(0, 10);
}

/**
 * A cell as text: numbers as JavaScript writes them (`String(n)`), dates as `YYYY-MM-DD`,
 * booleans as the style says, rich text as its text, and a formula as its computed result.
 */
function cellText(book: Book, type: string | undefined, styleIndex: number, body: string): string {
  if (type === 'inlineStr') {
    const inline = INLINE_STRING.exec(body);
    INLINE_STRING.lastIndex = 0;
    return inline ? runText(inline[2] ?? '') : '';
  }
  const valueMatch = VALUE.exec(body);
  VALUE.lastIndex = 0;
  const value = valueMatch?.[2];
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return book.sharedStrings[Number(value)] ?? '';
    case 'str':
    case 'e':
      return xmlText(value);
    case 'b':
      return value.trim() === '1' || value.trim().toLowerCase() === 'true' ? book.text.booleans[0] : book.text.booleans[1];
    case 'd':
      return xmlText(value).slice(0, 10);
    default: {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) return xmlText(value);
      const style = book.styles[styleIndex] ?? PLAIN;
      if (style.date) return serialDate(n, book.date1904);
      if (style.width) return String(n).padStart(style.width, '0');
      return String(n);
    }
  }
}

/** `AB12` → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  return column;
}

/**
 * The rows of a sheet that hold something, as they are asked for. Blank rows are counted, not
 * kept; a long run of them ends the data (`BLANK_ROWS_ENDING_DATA`).
 */
async function* sheetRows(pieces: AsyncIterable<string>, book: Book, budget: Budget): AsyncGenerator<XlsxRow, void, undefined> {
  let buffer = '';
  let lastRow = 0;
  let blankRun = 0;
  for await (const piece of pieces) {
    buffer += piece;
    let position = 0;
    let complete = true;
    for (;;) {
      ROW_TAG.lastIndex = position;
      const open = ROW_TAG.exec(buffer);
      if (!open) break;
      const bodyStart = ROW_TAG.lastIndex;
      let body = '';
      if (!open[3]) {
        const close = `</${open[1] ?? ''}row>`;
        const end = buffer.indexOf(close, bodyStart);
        if (end < 0) {
          if (buffer.length - open.index > MAX_ROW_CHARS) throw new AppError('import.too_large');
          position = open.index;
          complete = false;
          break;
        }
        body = buffer.slice(bodyStart, end);
        position = end + close.length;
      } else position = bodyStart;

      const rowNumber = Number(attributes(open[2]!).get('r') ?? lastRow + 1);
      if (!Number.isInteger(rowNumber) || rowNumber <= lastRow || rowNumber > MAX_SHEET_ROWS) throw new AppError('import.unreadable');
      // Rows a writer left out are blank rows too: a stray cell at row 1,048,576 is no data.
      blankRun += rowNumber - lastRow - 1;
      if (blankRun >= budget.limits.blankRowsEndingData) return;
      lastRow = rowNumber;
      const cells = body ? rowCells(body, book, budget) : [];
      if (cells.length === 0) {
        budget.look(1);
        if (++blankRun >= budget.limits.blankRowsEndingData) return;
        continue;
      }
      blankRun = 0;
      yield { row: rowNumber, cells };
    }
    if (complete) {
      // Past the last whole row: the end of the sheet's data, or a tag cut in two by the piece boundary.
      if (SHEET_DATA_END.test(buffer.slice(position))) return;
      position = Math.max(position, buffer.lastIndexOf('<'));
    }
    buffer = buffer.slice(position);
  }
}

/** The cells of one `<row>`, up to the last one holding something; empty when none does. */
function rowCells(body: string, book: Book, budget: Budget): string[] {
  const cells: string[] = [];
  let column = 0;
  let looked = 0;
  for (const m of body.matchAll(CELL)) {
    looked++;
    const a = attributes(m[1]!);
    const reference = a.get('r');
    const at = reference ? columnOf(reference) : column + 1;
    if (at < 1 || at > MAX_SHEET_COLUMNS) throw new AppError('import.unreadable');
    column = at;
    const content = m[2];
    if (!content) continue;
    const text = cellText(book, a.get('t'), Number(a.get('s') ?? 0), content).trim();
    if (text !== '') cells[at - 1] = text;
  }
  budget.look(looked);
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  return cells;
}

/**
 * Opens an XLSX workbook: its sheets in the order of their tabs, each read lazily. Throws
 * `import.unreadable` when the bytes are not a workbook, `import.too_large` past the limits.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string, text: XlsxTextStyle = TABLE_TEXT, limits: XlsxLimits = DEFAULT_LIMITS): XlsxSheet[] {
  const budget = new Budget(limits);
  const unreadable = (error: unknown) => (error instanceof AppError ? error : new AppError('import.unreadable', { fileName }));
  try {
    const zip = new Zip(bytes);
    const main = relationships(zip, '', budget).find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
    const workbookXml = partText(zip, main, budget);
    if (workbookXml === null) throw new Error('no workbook');
    const rels = relationships(zip, main, budget);
    const sharedStringsPath = rels.find((r) => r.type.endsWith('/sharedStrings'))?.path;
    const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.path;
    const sharedStringsXml = sharedStringsPath ? partText(zip, sharedStringsPath, budget) : null;
    const sharedStrings = sharedStringsXml ? [...sharedStringsXml.matchAll(SHARED_STRING)].map((m) => runText(m[2] ?? '')) : [];
    const workbookPr = WORKBOOK_PR.exec(workbookXml);
    WORKBOOK_PR.lastIndex = 0;
    const date1904 = ['1', 'true'].includes(attributes(workbookPr?.[1] ?? '').get('date1904') ?? '');
    const book: Book = { sharedStrings, styles: numberStyles(stylesPath ? partText(zip, stylesPath, budget) : null), date1904, text };
    const sheets: XlsxSheet[] = [];
    for (const m of workbookXml.matchAll(SHEET)) {
      const a = attributes(m[1]!);
      const id = a.get('r:id') ?? [...a].find(([k]) => k.endsWith(':id'))?.[1];
      const path = rels.find((r) => r.id === id)?.path;
      const entry = path ? zip.entries.get(path) : undefined;
      // Chart sheets and dialog sheets have no cells.
      if (!entry || !rels.find((r) => r.id === id)!.type.endsWith('/worksheet')) continue;
      const rows = (async function* () {
        try {
          yield* sheetRows(partPieces(zip, entry, budget), book, budget);
        } catch (error) {
          // A broken sheet shows up here, possibly only after many good rows.
          throw unreadable(error);
        }
      })();
      sheets.push({ name: a.get('name') ?? '', rows });
    }
    return sheets;
  } catch (error) {
    throw unreadable(error);
  }
}

/**
 * Every sheet whose name `wanted` accepts, as rows of cell texts indexed by sheet row (row 1 at
 * index 0, blank rows empty), keyed by lower-case name; a second sheet of the same name (in
 * another letter case) does not replace the first. What an XLSForm import reads.
 */
export async function readWorkbookSheets(
  bytes: Uint8Array,
  fileName: string,
  wanted: (name: string) => boolean = () => true,
  limits: XlsxLimits = DEFAULT_LIMITS,
): Promise<Record<string, string[][]>> {
  const sheets: Record<string, string[][]> = {};
  for (const sheet of openWorkbook(bytes, fileName, XLSFORM_TEXT, limits)) {
    const key = sheet.name.trim().toLowerCase();
    if (key in sheets || !wanted(key)) continue;
    const rows: string[][] = [];
    for await (const { row, cells } of sheet.rows) {
      while (rows.length < row - 1) rows.push([]);
      rows.push(cells);
    }
    sheets[key] = rows;
  }
  return sheets;
}
