import { inflateSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';

/**
 * Reading generated documents back, for tests: the text a reader would see, without any tool
 * outside node_modules. (fflate is docx's own zip library.)
 */

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
    name.startsWith('#x') || name.startsWith('#X')
      ? String.fromCodePoint(parseInt(name.slice(2), 16))
      : name.startsWith('#')
        ? String.fromCodePoint(parseInt(name.slice(1), 10))
        : (XML_ENTITIES[name] ?? whole),
  );

/** A DOCX's parts and its text: one line per paragraph of the body, headers and footers included. */
export function readDocx(buffer: Buffer): { files: Record<string, string>; text: string } {
  const zip = unzipSync(new Uint8Array(buffer));
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(zip)) if (name.endsWith('.xml') || name.endsWith('.rels')) files[name] = strFromU8(bytes);
  const parts = Object.keys(files)
    .filter((name) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(name))
    .sort();
  const text = parts
    .map((name) =>
      [...files[name]!.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
        .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => unescapeXml(t[1]!)).join(''))
        .join('\n'),
    )
    .join('\n');
  return { files, text };
}

type PdfObject = { dict: string; stream: Buffer | null };

function pdfObjects(buffer: Buffer): Map<number, PdfObject> {
  const source = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  // Streams are read by their /Length, not up to the next "endobj": compressed bytes may hold
  // "endobj" or end in a newline byte, which a text search would cut or lose.
  const start = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(source))) {
    const from = match.index + match[0].length;
    const end = source.indexOf('endobj', from);
    if (end < 0) break;
    const at = source.indexOf('stream', from);
    if (at < 0 || at > end) {
      objects.set(Number(match[1]), { dict: source.slice(from, end), stream: null });
      start.lastIndex = end;
      continue;
    }
    const dict = source.slice(from, at);
    const dataStart = at + 'stream'.length + (source.startsWith('\r\n', at + 6) ? 2 : source[at + 6] === '\n' ? 1 : 0);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    const dataEnd = length ? dataStart + Number(length[1]) : source.indexOf('endstream', dataStart);
    const bytes = Buffer.from(source.slice(dataStart, dataEnd), 'latin1');
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(bytes) : bytes });
    start.lastIndex = source.indexOf('endobj', dataEnd) + 'endobj'.length;
  }
  return objects;
}

/** A ToUnicode CMap as glyph code → text, from its bfchar and bfrange sections. */
function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of section[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]+)>/gi)) map.set(parseInt(m[1]!, 16), utf16(m[2]!.replace(/\s+/g, '')));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of section[1]!.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi)) {
      const from = parseInt(m[1]!, 16);
      const to = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        // A ligature's entry holds several characters, written with spaces: <0066 0069> for "fi".
        [...m[3]!.matchAll(/<([0-9a-f\s]+)>/gi)].forEach((v, i) => map.set(from + i, utf16(v[1]!.replace(/\s+/g, ''))));
      } else {
        const start = parseInt(m[3]!.slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(start + code - from));
      }
    }
  }
  return map;
}

/**
 * A PDF's text as a reader would copy it, and the fonts it embeds. Works for PDFs that pdfkit
 * (pdfmake's engine) writes: Type0 fonts with Identity-H encoding, a ToUnicode map each, text
 * shown word by word as hex strings with `Tj`/`TJ`. Words on one baseline are joined, each
 * baseline is a line.
 */
export function readPdf(buffer: Buffer): { text: string; fonts: { name: string; embedded: boolean }[] } {
  const objects = pdfObjects(buffer);
  const toUnicode = new Map<number, Map<number, string>>();
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [id, object] of objects) {
    if (!/\/Type\s*\/Font\b/.test(object.dict) || !/\/Subtype\s*\/Type0/.test(object.dict)) continue;
    const name = /\/BaseFont\s*\/([^\s/]+)/.exec(object.dict)?.[1] ?? '';
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(object.dict)?.[1];
    const cmap = cmapRef ? objects.get(Number(cmapRef))?.stream : null;
    if (cmap) toUnicode.set(id, parseCmap(cmap.toString('latin1')));
    // The glyphs themselves: descendant font → descriptor → FontFile2 (TrueType).
    const descendant = objects.get(Number(/\/DescendantFonts \[(\d+) 0 R\]/.exec(object.dict)?.[1]));
    const descriptor = objects.get(Number(/\/FontDescriptor (\d+) 0 R/.exec(descendant?.dict ?? '')?.[1]));
    fonts.push({ name, embedded: /\/FontFile2 \d+ 0 R/.test(descriptor?.dict ?? '') });
  }
  // Resource names (/F1, /F2 …) → font objects; pdfkit names a font the same on every page.
  const fontByResource = new Map<string, number>();
  for (const object of objects.values()) {
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(object.dict)?.[1];
    if (fontDict) for (const m of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fontByResource.set(m[1]!, Number(m[2]));
  }
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const lines: string[] = [];
  for (const page of pages) {
    const contents = objects.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)?.[1]))?.stream?.toString('latin1') ?? '';
    let font: Map<number, string> | undefined;
    let lastY: string | null = null;
    let line = '';
    for (const block of contents.matchAll(/BT([\s\S]*?)ET/g)) {
      const y: string | null = /\S+ \S+ \S+ \S+ \S+ (\S+) Tm/.exec(block[1]!)?.[1] ?? lastY;
      const fontName = /\/(\w+) [\d.]+ Tf/.exec(block[1]!)?.[1];
      if (fontName) font = toUnicode.get(fontByResource.get(fontName)!);
      let words = '';
      for (const shown of block[1]!.matchAll(/(\[[^\]]*\]|<[0-9a-f]*>)\s*T[jJ]/gi)) {
        for (const hex of shown[1]!.matchAll(/<([0-9a-f]*)>/gi)) {
          for (const code of hex[1]!.match(/.{4}/g) ?? []) words += font?.get(parseInt(code, 16)) ?? '\uFFFD';
        }
      }
      if (y !== lastY && line) {
        lines.push(line);
        line = '';
      }
      line += words;
      lastY = y;
    }
    if (line) lines.push(line);
  }
  return { text: lines.join('\n'), fonts };
}

/** Line breaks and runs of spaces as one space (a phrase may wrap); no-break spaces are kept. */
export const flatten = (text: string) => text.replace(/[ \t\r\n]+/g, ' ');
