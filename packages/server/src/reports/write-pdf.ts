import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { locale, type TLanguage } from '@potreby/i18n';
import { chartSvg } from './chart-svg';
import { PAGE_PLACEHOLDER, PAGES_PLACEHOLDER, runOf, runsOf, type TAlign, type TBlock, type TDocument, type TInline, type TTableCell } from './document-blocks';

const require = createRequire(import.meta.url);
// pdfmake is CommonJS whose export is an instance: Node's ESM loader sees no named exports in it.
const pdfmake = require('pdfmake') as typeof import('pdfmake');

/**
 * The PDF standard fonts cannot encode Cyrillic, so every PDF uses Roboto, which pdfmake ships
 * in `pdfmake/fonts/Roboto` and which covers Latin, Polish and Cyrillic letters (ї, є, ґ, ъ, ѝ).
 * The files are read from disk by path; pdfmake is told it may read those four files and
 * nothing else, and fetch no URL, so a document can never pull in a local file or a remote
 * resource.
 */
const ROBOTO_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const ROBOTO = {
  normal: join(ROBOTO_DIR, 'Roboto-Regular.ttf'),
  bold: join(ROBOTO_DIR, 'Roboto-Medium.ttf'),
  italics: join(ROBOTO_DIR, 'Roboto-Italic.ttf'),
  bolditalics: join(ROBOTO_DIR, 'Roboto-MediumItalic.ttf'),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

let configured = false;
function configure(): void {
  if (configured) return;
  pdfmake.setFonts({ Roboto: { ...ROBOTO } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  configured = true;
}

// A4 in points, margins as Ukrainian office documents have them (left wider for binding).
const PAGE_WIDTH = 595.28;
const MARGINS: [number, number, number, number] = [71, 57, 43, 57];
const TEXT_WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
const CELL_PADDING = 4;

const GRID: CustomTableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#8c8c8c',
  vLineColor: () => '#8c8c8c',
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

const NO_LINES: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 6,
  paddingBottom: () => 0,
};

/** Roboto has no narrow no-break space (which Intl writes in some formats): the plain no-break space stands in. */
const printable = (text: string) => text.replaceAll('\u202f', '\u00a0');

/** Every string of a content tree made printable; layouts' functions are left as they are. */
function printableContent<T>(node: T): T {
  if (typeof node === 'string') return printable(node) as T;
  if (Array.isArray(node)) return node.map(printableContent) as T;
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, printableContent(v)])) as T;
  return node;
}

const textOf = (runs: TInline[], bold = false): Content[] =>
  runs.map((inline) => {
    const run = runOf(inline);
    return { text: run.text, bold: bold || run.bold === true, italics: run.italic === true };
  });

/** Relative column weights as absolute widths that fill the text width, padding and lines included. */
function columnWidths(weights: number[]): number[] {
  const available = TEXT_WIDTH - weights.length * (2 * CELL_PADDING + 0.5) - 0.5;
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (available * w) / sum);
}

function cell(value: TTableCell, align: TAlign | undefined, extra: { bold?: boolean; fillColor?: string } = {}): TableCell {
  const { runs, bold } = runsOf(value);
  return { text: textOf(runs, bold || extra.bold === true), alignment: align ?? 'left', ...(extra.fillColor ? { fillColor: extra.fillColor } : {}) };
}

function blockContent(block: TBlock, withContents: boolean, language: TLanguage): Content {
  switch (block.kind) {
    case 'title':
      return { text: block.text, fontSize: 20, bold: true, alignment: 'center', margin: [0, 48, 0, 8] };
    case 'subtitle':
      return { text: block.text, fontSize: block.size === 'large' ? 14 : block.size === 'small' ? 8.5 : 11, bold: block.bold === true, alignment: 'center', margin: [0, 3, 0, 3] };
    case 'heading':
      return {
        text: block.text,
        style: `h${block.level}`,
        ...(withContents && block.level <= 2 ? { tocItem: true, tocMargin: [block.level === 2 ? 14 : 0, 2, 0, 0] as [number, number, number, number] } : {}),
      } as Content;
    case 'paragraph':
      return { text: textOf(block.runs), alignment: block.align ?? 'left', fontSize: block.size === 'small' ? 8.5 : 10.5, margin: [0, 0, 0, 6] };
    case 'bullets':
      return { ul: block.items.map((runs) => ({ text: textOf(runs) })), margin: [0, 0, 0, 6] };
    case 'table': {
      const body: TableCell[][] = [];
      if (block.header) body.push(block.header.map((h, i) => cell(h, block.align?.[i] === 'right' ? 'right' : 'left', { bold: true, fillColor: '#e7e6e6' })));
      for (const row of block.rows) body.push(row.map((c, i) => cell(c, block.align?.[i])));
      if (block.total) body.push(block.total.map((c, i) => cell(c, block.align?.[i], { bold: true })));
      return {
        table: { headerRows: block.header ? 1 : 0, dontBreakRows: true, widths: columnWidths(block.widths), body },
        layout: GRID,
        fontSize: block.size === 'small' ? 8 : 9,
        margin: [0, 2, 0, 8],
      };
    }
    case 'chart': {
      const { svg } = chartSvg(block, TEXT_WIDTH, language);
      return { stack: [{ text: `${block.title} (${block.unit})`, bold: true, fontSize: 9, margin: [0, 6, 0, 2] }, { svg, width: TEXT_WIDTH, font: 'Roboto' }], unbreakable: true, margin: [0, 0, 0, 8] } as Content;
    }
    case 'approval':
      return { stack: block.lines.map((line, i) => ({ text: line, bold: i === 0 })), margin: [TEXT_WIDTH * 0.55, 0, 0, 24] };
    case 'notice':
      return {
        table: { widths: [TEXT_WIDTH - 2 * CELL_PADDING - 1], body: [[{ stack: [{ text: block.title, bold: true, fontSize: 11 }, { text: block.text, fontSize: 9 }], fillColor: '#fdecea' }]] },
        layout: { ...GRID, hLineColor: () => '#c00000', vLineColor: () => '#c00000', hLineWidth: () => 1, vLineWidth: () => 1, paddingTop: () => 5, paddingBottom: () => 5 },
        margin: [0, 0, 0, 16],
      };
    case 'signatures':
      return {
        table: {
          widths: columnWidths([4, 3, 3]),
          body: block.rows.map((row) => [
            { text: row.role, margin: [0, 10, 0, 0] },
            { stack: [{ text: '____________________', alignment: 'center' }, { text: block.signatureLabel, fontSize: 7, alignment: 'center' }] },
            {
              stack: row.name
                ? [{ text: row.name, alignment: 'center', margin: [0, 10, 0, 0] }]
                : [{ text: '____________________', alignment: 'center' }, { text: block.nameLabel, fontSize: 7, alignment: 'center' }],
            },
          ]),
        },
        layout: NO_LINES,
        margin: [0, 16, 0, 8],
      };
    case 'contents':
      return { toc: { title: { text: block.title, style: 'h1' } }, margin: [0, 0, 0, 12] };
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

/** The page label with its placeholders filled: "Сторінка 2 з 14". */
const pageLabel = (label: string, page: number, pages: number) => label.replace(PAGE_PLACEHOLDER, String(page)).replace(PAGES_PLACEHOLDER, String(pages));

export async function writePdf(document: TDocument): Promise<Buffer> {
  configure();
  const withContents = document.blocks.some((b) => b.kind === 'contents');
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: MARGINS,
    language: locale(document.language),
    info: { title: document.title, subject: document.subject, creator: 'potreby', producer: 'potreby' },
    defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10.5, bold: true, margin: [0, 8, 0, 3] },
    },
    // The title page carries neither the running head nor a page number.
    header: (page) => (page === 1 ? null : { text: printable(document.runningHead), fontSize: 8, color: '#595959', alignment: 'right', margin: [MARGINS[0], 28, MARGINS[2], 0] }),
    footer: (page, pages) => (page === 1 ? null : { text: printable(pageLabel(document.pageLabel, page, pages)), fontSize: 8, alignment: 'center', margin: [0, 20, 0, 0] }),
    content: printableContent(document.blocks.map((block) => blockContent(block, withContents, document.language))),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
