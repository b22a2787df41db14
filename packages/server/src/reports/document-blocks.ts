import type { TLanguage } from '@potreby/i18n';

/**
 * A document as a list of blocks that both writers understand, so that the plan, the report and
 * the passport are composed once and come out alike as DOCX (`write-docx.ts`) and PDF
 * (`write-pdf.ts`).
 */
export type TRun = { text: string; bold?: boolean; italic?: boolean };
export type TInline = string | TRun;

export type TAlign = 'left' | 'center' | 'right' | 'justify';

export type TTableCell = TInline | TInline[] | { runs: TInline[]; bold?: boolean };

export type TBlock =
  /** The big line of a title page ("PLAN OF MEASURES"). */
  | { kind: 'title'; text: string }
  /** A line of the title page under or above the title, centred. */
  | { kind: 'subtitle'; text: string; size?: 'large' | 'normal' | 'small'; bold?: boolean }
  /** A numbered section (level 1) or subsection (level 2); listed in the table of contents. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: TInline[]; align?: TAlign; size?: 'normal' | 'small' }
  | { kind: 'bullets'; items: TInline[][] }
  /**
   * `widths` are relative (they are shared out over the text width); `align` per column,
   * numbers right-aligned. A `total` row is set in bold.
   */
  | { kind: 'table'; header: string[] | null; rows: TTableCell[][]; widths: number[]; align?: TAlign[]; total?: TTableCell[]; size?: 'normal' | 'small' }
  /**
   * A bar chart of one measure in one unit (never two units on one axis): one bar per label,
   * each with its figure written as the reader's language writes it; a bar without a figure is
   * left empty and says so (`value` null), never drawn as 0.
   */
  | { kind: 'chart'; title: string; unit: string; bars: { label: string; value: number | null; text: string }[] }
  /** The "APPROVED" block at the top right of a title page. */
  | { kind: 'approval'; lines: string[] }
  /** A boxed warning (the demonstration-data mark). */
  | { kind: 'notice'; title: string; text: string }
  /** Lines to sign: a role, a line for the signature and the printed name (blank when unknown). */
  | { kind: 'signatures'; rows: { role: string; name: string | null }[]; signatureLabel: string; nameLabel: string }
  | { kind: 'contents'; title: string }
  | { kind: 'pageBreak' };

export type TDocument = {
  language: TLanguage;
  /** The document's title in its metadata (what a PDF reader shows in its title bar). */
  title: string;
  subject: string;
  /** The running footer: "Page {{page}} of {{pages}}" already translated, with those two placeholders left in. */
  pageLabel: string;
  /** A short line at the top of every page after the first (the community and the document). */
  runningHead: string;
  blocks: TBlock[];
};

export const PAGE_PLACEHOLDER = '{{page}}';
export const PAGES_PLACEHOLDER = '{{pages}}';

export const runsOf = (cell: TTableCell): { runs: TInline[]; bold: boolean } => {
  if (typeof cell === 'string') return { runs: [cell], bold: false };
  if (Array.isArray(cell)) return { runs: cell, bold: false };
  if ('runs' in cell) return { runs: cell.runs, bold: cell.bold ?? false };
  return { runs: [cell], bold: false };
};

export const runOf = (inline: TInline): TRun => (typeof inline === 'string' ? { text: inline } : inline);
