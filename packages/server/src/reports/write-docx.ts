import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type ParagraphChild,
} from 'docx';
import { locale } from '@potreby/i18n';
import { PAGE_PLACEHOLDER, PAGES_PLACEHOLDER, runOf, runsOf, type TAlign, type TBlock, type TDocument, type TInline, type TTableCell } from './document-blocks';

// A4 in twips, margins as Ukrainian office documents have them: 25 mm left, 15 mm right, 20 mm top and bottom.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 850 };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/** Times New Roman is what offices in all three countries expect; it has Cyrillic, and LibreOffice substitutes a metric twin. */
const FONT = 'Times New Roman';
// docx sizes are half-points.
const SIZE = { normal: 24, small: 20, table: 20, tableSmall: 18, caption: 16 };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '8C8C8C' };
const NO_LINE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

const textRuns = (runs: TInline[], options: { bold?: boolean; size?: number } = {}): TextRun[] =>
  runs.map((inline) => {
    const run = runOf(inline);
    return new TextRun({ text: run.text, bold: options.bold === true || run.bold === true, italics: run.italic === true, ...(options.size ? { size: options.size } : {}) });
  });

const widthsOf = (weights: number[]): number[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((TEXT_WIDTH * w) / sum));
};

function tableCell(value: TTableCell, width: number, align: TAlign | undefined, options: { bold?: boolean; header?: boolean; size: number }): TableCell {
  const { runs, bold } = runsOf(value);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    children: [new Paragraph({ alignment: ALIGN[align ?? 'left'], spacing: { after: 0 }, children: textRuns(runs, { bold: bold || options.bold === true, size: options.size }) })],
  });
}

function blockChildren(block: TBlock): (Paragraph | Table | TableOfContents)[] {
  switch (block.kind) {
    case 'title':
      return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 960, after: 160 }, children: [new TextRun({ text: block.text, bold: true, size: 36 })] })];
    case 'subtitle':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 80 },
          children: [new TextRun({ text: block.text, bold: block.bold === true, size: block.size === 'large' ? 28 : block.size === 'small' ? 18 : SIZE.normal })],
        }),
      ];
    case 'heading':
      return [new Paragraph({ heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ alignment: ALIGN[block.align ?? 'left'], children: textRuns(block.runs, block.size === 'small' ? { size: SIZE.small } : {}) })];
    case 'bullets':
      return block.items.map((runs) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: textRuns(runs) }));
    case 'table': {
      const widths = widthsOf(block.widths);
      const size = block.size === 'small' ? SIZE.tableSmall : SIZE.table;
      const rows: TableRow[] = [];
      if (block.header) {
        rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h, i) => tableCell(h, widths[i]!, block.align?.[i] === 'right' ? 'right' : 'left', { bold: true, header: true, size })) }));
      }
      for (const row of block.rows) rows.push(new TableRow({ cantSplit: true, children: row.map((c, i) => tableCell(c, widths[i]!, block.align?.[i], { size })) }));
      if (block.total) rows.push(new TableRow({ cantSplit: true, children: block.total.map((c, i) => tableCell(c, widths[i]!, block.align?.[i], { bold: true, size })) }));
      return [
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
          rows,
        }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    }
    case 'chart': {
      // Bars of text (full blocks) in a borderless table: an editable chart every word processor
      // draws, beside the figure as written; no picture that an older reader could not show.
      const max = Math.max(0, ...block.bars.map((b) => b.value ?? 0));
      const widths = widthsOf([3.5, 4.5, 2]);
      const bar = (value: number | null) => (value === null || max <= 0 ? '' : '█'.repeat(Math.max(value > 0 ? 1 : 0, Math.round((value / max) * 28))));
      const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
      return [
        new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, children: [new TextRun({ text: `${block.title} (${block.unit})`, bold: true, size: SIZE.small })] }),
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
          rows: block.bars.map(
            (b) =>
              new TableRow({
                cantSplit: true,
                children: [
                  tableCell(b.label, widths[0]!, 'left', { size: SIZE.tableSmall }),
                  new TableCell({ width: { size: widths[1]!, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: bar(b.value), color: '1F5C99', size: SIZE.tableSmall })] })] }),
                  tableCell(b.text, widths[2]!, 'right', { size: SIZE.tableSmall }),
                ],
              }),
          ),
        }),
        new Paragraph({ spacing: { after: 120 }, children: [] }),
      ];
    }
    case 'approval':
      return block.lines.map(
        (line, i) => new Paragraph({ indent: { left: Math.round(TEXT_WIDTH * 0.55) }, spacing: { after: i === block.lines.length - 1 ? 480 : 40 }, children: [new TextRun({ text: line, bold: i === 0 })] }),
      );
    case 'notice': {
      const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 12, color: 'C00000', space: 4 };
      const box = { border: { top: border, bottom: border, left: border, right: border }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FDECEA' } };
      return [
        new Paragraph({ ...box, spacing: { after: 0 }, children: [new TextRun({ text: block.title, bold: true })] }),
        new Paragraph({ ...box, spacing: { after: 240 }, children: [new TextRun({ text: block.text, size: SIZE.small })] }),
      ];
    }
    case 'signatures': {
      const widths = widthsOf([4, 3, 3]);
      const caption = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [new TextRun({ text, size: SIZE.caption })] });
      const line = () => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: [new TextRun('____________________')] });
      const plain = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, children });
      return [
        new Table({
          width: { size: TEXT_WIDTH, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: { top: NO_LINE, bottom: NO_LINE, left: NO_LINE, right: NO_LINE, insideHorizontal: NO_LINE, insideVertical: NO_LINE },
          rows: block.rows.map(
            (row) =>
              new TableRow({
                cantSplit: true,
                children: [
                  plain([new Paragraph({ spacing: { before: 240, after: 0 }, children: [new TextRun(row.role)] })], widths[0]!),
                  plain([line(), caption(block.signatureLabel)], widths[1]!),
                  plain(row.name ? [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 0 }, children: [new TextRun(row.name)] })] : [line(), caption(block.nameLabel)], widths[2]!),
                ],
              }),
          ),
        }),
        new Paragraph({ children: [] }),
      ];
    }
    case 'contents':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.title)] }),
        new TableOfContents(block.title, { hyperlink: true, headingStyleRange: '1-2' }),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** "Page {{page}} of {{pages}}" with Word's PAGE and NUMPAGES fields in place of the placeholders. */
function pageNumberRuns(label: string): ParagraphChild[] {
  return label
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === PAGE_PLACEHOLDER
        ? new TextRun({ children: [PageNumber.CURRENT], size: SIZE.caption })
        : part === PAGES_PLACEHOLDER
          ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: SIZE.caption })
          : new TextRun({ text: part, size: SIZE.caption }),
    );
}

export async function writeDocx(document: TDocument): Promise<Buffer> {
  const language = { value: locale(document.language) };
  const doc = new Document({
    title: document.title,
    subject: document.subject,
    creator: 'potreby',
    // Word fills the table of contents' page numbers when it updates the fields, and asks to on opening.
    features: { updateFields: document.blocks.some((b) => b.kind === 'contents') },
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.normal, language }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { after: 200 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 24, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      },
    },
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
          // The title page carries neither the running head nor a page number.
          titlePage: true,
        },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: document.runningHead, size: SIZE.caption, color: '595959' })] })] }),
        },
        footers: {
          first: new Footer({ children: [] }),
          default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumberRuns(document.pageLabel) })] }),
        },
        children: document.blocks.flatMap(blockChildren),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
