/** A table of counts: respondents by row (group, settlement) and column (answer). */
export type CountTable = { rows: string[]; columns: string[]; counts: number[][] };

export type SuppressedTable = {
  /** The counts as they may be published; null = suppressed. */
  counts: (number | null)[][];
  rowTotals: (number | null)[];
  columnTotals: (number | null)[];
  /** Cells and totals withheld, primary and complementary together. */
  suppressed: number;
};

/** Default smallest count that may be published (issue 3: "no cell under a threshold, default 5"). */
export const SUPPRESSION_THRESHOLD = 5;

/**
 * Withholds the counts of a published table that could identify a respondent.
 *
 * Primary suppression: a count from 1 to threshold − 1 is withheld, in the body and in the
 * totals. A zero is shown: it says that nobody in that row gave that answer, which discloses no
 * one (the threshold rule of official statistics protects small non-empty cells; hiding zeros
 * as well would only blank out most of a small municipality's table).
 *
 * Complementary suppression: a withheld count that is the only unknown in its row or column
 * could be recovered as the total minus the other cells. So, until nothing changes, in every
 * row, column, and the rows and columns of totals (the grand total is taken as known — the number
 * of respondents is published anyway), a line with exactly one withheld member gets a second one:
 * its smallest non-zero cell, else its total, else a zero cell. This is the usual "at least two
 * suppressions per line" rule (L. H. Cox, "Suppression methodology and statistical disclosure
 * control", JASA 75, 1980). It stops recovery by subtraction along one line; it does not audit
 * bounds that a linear program could derive from several lines at once, which matter little for
 * counts of questionnaire answers.
 */
export function suppressSmallCells(table: CountTable, threshold: number = SUPPRESSION_THRESHOLD): SuppressedTable {
  const rowCount = table.counts.length;
  const columnCount = table.columns.length;
  for (const row of table.counts) {
    if (row.length !== columnCount) throw new RangeError('suppressSmallCells: every row needs one count per column');
  }

  // The table with its totals: row i < rowCount, column j < columnCount are counts; column
  // `columnCount` holds the row totals, row `rowCount` the column totals, the corner the grand total.
  const value: number[][] = [];
  for (let i = 0; i <= rowCount; i++) value.push(new Array<number>(columnCount + 1).fill(0));
  for (let i = 0; i < rowCount; i++) {
    for (let j = 0; j < columnCount; j++) {
      const count = table.counts[i]![j]!;
      value[i]![j] = count;
      value[i]![columnCount]! += count;
      value[rowCount]![j]! += count;
      value[rowCount]![columnCount]! += count;
    }
  }
  const hidden = value.map((row) => row.map((count) => count >= 1 && count < threshold));
  hidden[rowCount]![columnCount] = false;

  type Cell = readonly [number, number];
  // Each line: its parts, then the cell holding their sum.
  const lines: { parts: Cell[]; total: Cell }[] = [];
  for (let i = 0; i <= rowCount; i++) {
    lines.push({ parts: Array.from({ length: columnCount }, (_, j): Cell => [i, j]), total: [i, columnCount] });
  }
  for (let j = 0; j <= columnCount; j++) {
    lines.push({ parts: Array.from({ length: rowCount }, (_, i): Cell => [i, j]), total: [rowCount, j] });
  }
  const isHidden = ([i, j]: Cell) => hidden[i]![j]!;
  const countOf = ([i, j]: Cell) => value[i]![j]!;
  const isGrandTotal = ([i, j]: Cell) => i === rowCount && j === columnCount;

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const members = [...line.parts, line.total];
      if (members.filter(isHidden).length !== 1) continue;
      const shownParts = line.parts.filter((c) => !isHidden(c));
      const smallestNonZero = shownParts.filter((c) => countOf(c) > 0).sort((a, b) => countOf(a) - countOf(b))[0];
      const complement =
        smallestNonZero ??
        (!isHidden(line.total) && !isGrandTotal(line.total) && countOf(line.total) > 0 ? line.total : undefined) ??
        shownParts[0];
      if (!complement) continue;
      hidden[complement[0]]![complement[1]] = true;
      changed = true;
    }
  }

  let suppressed = 0;
  const publish = (i: number, j: number): number | null => {
    if (!hidden[i]![j]) return value[i]![j]!;
    suppressed += 1;
    return null;
  };
  const counts = Array.from({ length: rowCount }, (_, i) => Array.from({ length: columnCount }, (_, j) => publish(i, j)));
  const rowTotals = Array.from({ length: rowCount }, (_, i) => publish(i, columnCount));
  const columnTotals = Array.from({ length: columnCount }, (_, j) => publish(rowCount, j));
  return { counts, rowTotals, columnTotals, suppressed };
}

export type SuppressedFrequencies = {
  counts: (number | null)[];
  /** Σ counts, null when withheld; null also for a question with several answers per respondent. */
  total: number | null;
  suppressed: number;
};

/**
 * The frequency list of one question as it may be published. For a single-choice question the
 * counts add up to the respondents, so the list is one row of a table with its total, and a lone
 * small count gets a complement. The answers to a multiple-choice question do not add up to
 * anything (`additive: false`): only the small counts themselves are withheld, and the number of
 * respondents, shown separately, must pass the threshold on its own.
 */
export function suppressFrequencies(
  counts: readonly number[],
  threshold: number = SUPPRESSION_THRESHOLD,
  { additive = true }: { additive?: boolean } = {},
): SuppressedFrequencies {
  const small = (c: number) => c >= 1 && c < threshold;
  const hidden = counts.map(small);
  const sum = counts.reduce((a, c) => a + c, 0);
  let totalHidden = additive && small(sum);
  if (additive && hidden.filter(Boolean).length + (totalHidden ? 1 : 0) === 1) {
    // One withheld count would be the total minus the others: withhold the smallest other one.
    let complement = -1;
    counts.forEach((c, j) => {
      if (!hidden[j] && c > 0 && (complement < 0 || c < counts[complement]!)) complement = j;
    });
    if (complement >= 0) hidden[complement] = true;
    else totalHidden = true;
  }
  const shown = counts.map((c, j) => (hidden[j] ? null : c));
  const suppressed = hidden.filter(Boolean).length + (totalHidden ? 1 : 0);
  return { counts: shown, total: additive && !totalHidden ? sum : null, suppressed };
}
