import { SEXES, type TSex } from '../population/population';
import type { TPopulationRecord } from './formats';
import type { ImportContext } from './import-context';
import type { ImportErrorList } from './import-error';
import { createTerritoryResolver } from './resolve-territory';

export type TCheckedPopulation = { territoryId: number; year: number; sex: TSex; ageFrom: number; ageTo: number | null; count: number };

export type TPopulationChecker = {
  /** The row with its territory resolved, or null when the territory is unknown or out of scope. */
  check(row: number, record: TPopulationRecord): TCheckedPopulation | null;
  /** Reports overlapping and repeated age bands; call once after the last row. */
  finish(): void;
};

/** `ageTo` of an "and over" band, as stored in the band store. */
const OPEN_END = -1;
const NO_ENTRY = -1;

/**
 * Checks a population file row by row as it streams in. Bands of one territory, year and sex
 * must not overlap (formats.md); to find overlaps without keeping a million records, it keeps
 * three small numbers per row in typed arrays (outside the garbage-collected heap), chained per
 * territory, year and sex, and compares them in `finish`.
 */
export function createPopulationChecker(ctx: ImportContext, errors: ImportErrorList): TPopulationChecker {
  const resolve = createTerritoryResolver(ctx, errors);
  const bands = new BandStore();
  /** Numeric key of territory, year and sex → the last band stored under it. */
  const lastBandOf = new Map<number, number>();
  // Files are usually sorted by territory and year: most rows have the previous row's key.
  let lastKey = -1;

  return {
    check(row, record) {
      const territory = resolve(row, 'code', record.code);
      if (territory === null) return null;
      // Years have at most four digits, so this number is unique for every territory, year and sex.
      const key = (territory.id * 10_000 + record.year) * 4 + SEXES.indexOf(record.sex);
      const previous = key === lastKey ? bands.last : (lastBandOf.get(key) ?? NO_ENTRY);
      if (key !== lastKey && lastKey !== -1) lastBandOf.set(lastKey, bands.last);
      bands.add(record.ageFrom, record.ageTo ?? OPEN_END, row, previous);
      lastKey = key;
      return { territoryId: territory.id, year: record.year, sex: record.sex, ageFrom: record.ageFrom, ageTo: record.ageTo, count: record.count };
    },

    finish() {
      if (lastKey !== -1) lastBandOf.set(lastKey, bands.last);
      const chain: number[] = [];
      for (const head of lastBandOf.values()) {
        chain.length = 0;
        for (let at = head; at !== NO_ENTRY; at = bands.previous[at]!) chain.push(at);
        if (chain.length > 1) reportOverlaps(bands, chain, errors);
      }
      lastBandOf.clear();
      lastKey = -1;
      bands.clear();
    },
  };
}

/** Age bands of all rows, one entry each; `previous` links an entry to the one before it with the same key. */
class BandStore {
  from = new Int16Array(1024);
  to = new Int16Array(1024);
  row = new Int32Array(1024);
  previous = new Int32Array(1024);
  size = 0;

  get last(): number {
    return this.size - 1;
  }

  add(from: number, to: number, row: number, previous: number): void {
    if (this.size === this.from.length) this.grow();
    const at = this.size++;
    this.from[at] = from;
    this.to[at] = to;
    this.row[at] = row;
    this.previous[at] = previous;
  }

  clear(): void {
    this.size = 0;
  }

  private grow(): void {
    const double = <T extends Int16Array | Int32Array>(array: T): T => {
      const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.from = double(this.from);
    this.to = double(this.to);
    this.row = double(this.row);
    this.previous = double(this.previous);
  }
}

function reportOverlaps(bands: BandStore, chain: number[], errors: ImportErrorList): void {
  const { from, to, row } = bands;
  // By first age, then by row, so of two rows the later one gets the error.
  chain.sort((a, b) => from[a]! - from[b]! || row[a]! - row[b]!);

  // The band reaching highest so far: a wide band (0–100) may overlap several later ones.
  let reachEnd = -Infinity;
  let reachRow = 0;
  let previousFrom = -1;
  let previousRow = 0;
  for (const at of chain) {
    const bandFrom = from[at]!;
    const bandTo = to[at] === OPEN_END ? Infinity : to[at]!;
    if (bandFrom === previousFrom) {
      errors.add({ row: row[at]!, column: 'age_from', value: String(bandFrom), code: 'duplicate_row', params: { otherRow: previousRow } });
    } else if (bandFrom <= reachEnd) {
      errors.add({ row: row[at]!, column: 'age_from', value: String(bandFrom), code: 'overlapping_band', params: { otherRow: reachRow } });
    }
    if (bandTo > reachEnd) {
      reachEnd = bandTo;
      reachRow = row[at]!;
    }
    previousFrom = bandFrom;
    previousRow = row[at]!;
  }
}
