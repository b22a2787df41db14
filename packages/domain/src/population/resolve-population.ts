import type { TerritoryTree } from '../territories/territory-tree';
import { ALL_AGES, type TAgeRange, type TPopulationRow, type TSex } from './population';

export type PopulationQuery = { sex: TSex; age: TAgeRange };

/**
 * Where a population figure came from. The UI shows this under "how was this computed", so
 * every estimate says what it rests on.
 */
export type PopulationSource =
  /** The territory's own table for that year. `approximated`: part of a band was taken pro rata. */
  | { how: 'direct'; year: number; approximated: boolean }
  /** The sum of the figures of the units the territory consists of (e.g. its settlements). */
  | { how: 'sum_of_parts'; year: number; mixedYears: boolean; parts: number; approximated: boolean }
  /**
   * The territory has no table detailed enough, so an enclosing unit's figure is shared out by
   * the territory's share of the enclosing unit's total population in `share.year`.
   */
  | {
      how: 'apportioned';
      year: number;
      from: { territoryId: number; value: number; year: number };
      /**
       * own ÷ enclosing: the unit's total over the total of all units of its level within the
       * enclosing unit (`of: 'peers'`, so the shares of all of them add up to one), or, when one of
       * those is unknown, over the enclosing unit's own total (`of: 'enclosing'`).
       */
      share: { year: number; own: number; enclosing: number; of: 'peers' | 'enclosing' };
      approximated: boolean;
    };

export type PopulationFigure = {
  territoryId: number;
  query: PopulationQuery;
  value: number;
  source: PopulationSource;
};

/** Bands wider than this are not split pro rata: a total "0+" is not an age structure. */
const MAX_SPLIT_WIDTH = 10;

/** Rows grouped by territory and year, years sorted. */
export class PopulationIndex {
  private readonly rows = new Map<number, Map<number, TPopulationRow[]>>();
  private readonly sortedYears = new Map<number, number[]>();
  private readonly bySex = new Map<TPopulationRow[], Record<TSex, TPopulationRow[]>>();

  constructor(rows: Iterable<TPopulationRow>) {
    for (const row of rows) {
      let byYear = this.rows.get(row.territoryId);
      if (!byYear) this.rows.set(row.territoryId, (byYear = new Map()));
      let list = byYear.get(row.year);
      if (!list) byYear.set(row.year, (list = []));
      list.push(row);
    }
    for (const [id, byYear] of this.rows) {
      this.sortedYears.set(id, [...byYear.keys()].sort((a, b) => a - b));
    }
  }

  years(territoryId: number): readonly number[] {
    return this.sortedYears.get(territoryId) ?? [];
  }

  rowsFor(territoryId: number, year: number): readonly TPopulationRow[] {
    return this.rows.get(territoryId)?.get(year) ?? [];
  }

  /** The rows of one territory-year split by sex, split once and kept. */
  rowsBySex(territoryId: number, year: number): Record<TSex, readonly TPopulationRow[]> {
    const rows = this.rows.get(territoryId)?.get(year);
    if (!rows) return NO_ROWS;
    let split = this.bySex.get(rows);
    if (!split) {
      split = { F: [], M: [], T: [] };
      for (const r of rows) split[r.sex].push(r);
      this.bySex.set(rows, split);
    }
    return split;
  }
}

const NO_ROWS: Record<TSex, readonly TPopulationRow[]> = { F: [], M: [], T: [] };

/**
 * Years to try for a figure asked about `year`: the latest year at or before it first (the
 * most recent known state), then later years, nearest first.
 */
export function yearPreference(available: readonly number[], year: number): number[] {
  const before = available.filter((y) => y <= year).sort((a, b) => b - a);
  const after = available.filter((y) => y > year).sort((a, b) => a - b);
  return [...before, ...after];
}

/** Lower is better: an earlier year beats a later one at the same distance. */
export const yearDistance = (dataYear: number, asked: number): number =>
  dataYear <= asked ? asked - dataYear : dataYear - asked + 0.5;

/**
 * Persons of the queried ages among bands of one sex, or null when the bands do not cover the
 * range (a gap, an overlap, or a band too coarse to split).
 */
export function countInBands(
  bands: readonly Pick<TPopulationRow, 'ageFrom' | 'ageTo' | 'count'>[],
  range: TAgeRange,
): { value: number; approximated: boolean } | null {
  const rangeTo = range.to ?? Infinity;
  const relevant = bands
    .filter((b) => b.ageFrom <= rangeTo && (b.ageTo ?? Infinity) >= range.from)
    .sort((a, b) => a.ageFrom - b.ageFrom);
  let nextAge = range.from; // first age not yet covered
  let value = 0;
  let approximated = false;
  for (const band of relevant) {
    const bandTo = band.ageTo ?? Infinity;
    const from = Math.max(band.ageFrom, range.from);
    if (from !== nextAge) return null; // a gap in coverage, or overlapping bands
    const to = Math.min(bandTo, rangeTo);
    const whole = band.ageFrom >= range.from && bandTo <= rangeTo;
    if (whole) {
      value += band.count;
    } else {
      if (band.ageTo === null) return null; // "and over" cannot be split
      const width = band.ageTo - band.ageFrom + 1;
      if (width > MAX_SPLIT_WIDTH) return null;
      value += (band.count * (to - from + 1)) / width;
      approximated = true;
    }
    nextAge = to + 1;
  }
  // The range must be covered to its end: "and over" needs an open last band.
  const covered = rangeTo === Infinity ? nextAge === Infinity : nextAge > rangeTo;
  if (!covered) return null;
  return { value, approximated };
}

/** A figure from one territory's own rows in one year, combining F and M when no T rows serve. */
export function countDirect(
  rows: Record<TSex, readonly TPopulationRow[]>,
  query: PopulationQuery,
): { value: number; approximated: boolean } | null {
  const own = countInBands(rows[query.sex], query.age);
  if (own || query.sex !== 'T') return own;
  const f = countInBands(rows.F, query.age);
  const m = countInBands(rows.M, query.age);
  if (!f || !m) return null;
  return { value: f.value + m.value, approximated: f.approximated || m.approximated };
}

const queryKeys = new WeakMap<PopulationQuery, string>();
/** A query's identity; cached per query object, since the same norm's target is asked again and again. */
function queryKey(q: PopulationQuery): string {
  let key = queryKeys.get(q);
  if (key === undefined) queryKeys.set(q, (key = `${q.sex}:${q.age.from}:${q.age.to ?? ''}`));
  return key;
}

const TOTAL_QUERY: PopulationQuery = { sex: 'T', age: ALL_AGES };

/** query → year → territory → figure, without building a string key per look-up. */
class Memo {
  private readonly byQuery = new Map<string, Map<number, Map<number, PopulationFigure | null>>>();

  slot(query: PopulationQuery, year: number): Map<number, PopulationFigure | null> {
    const key = queryKey(query);
    let byYear = this.byQuery.get(key);
    if (!byYear) this.byQuery.set(key, (byYear = new Map()));
    let byTerritory = byYear.get(year);
    if (!byTerritory) byYear.set(year, (byTerritory = new Map()));
    return byTerritory;
  }
}

/**
 * Answers "how many people of these ages and sex live in this territory in this year", from
 * whatever tables exist, and says how. Memoised: one resolver serves one computation.
 */
export class PopulationResolver {
  private readonly resolved = new Memo();
  private readonly local = new Memo();
  private readonly localExact = new Memo();
  private readonly peerTotals = new Map<string, number | null>();

  constructor(
    private readonly tree: TerritoryTree,
    private readonly index: PopulationIndex,
  ) {}

  total(territoryId: number, year: number): PopulationFigure | null {
    return this.resolve(territoryId, year, TOTAL_QUERY);
  }

  /** The best available figure: its data year nearest `year`; own table before parts before apportionment. */
  resolve(territoryId: number, year: number, query: PopulationQuery): PopulationFigure | null {
    const memo = this.resolved.slot(query, year);
    const known = memo.get(territoryId);
    if (known !== undefined) return known;
    const local = this.resolveLocal(territoryId, year, query, false);
    // Nothing beats the unit's own figure for the very year asked.
    const best = local && local.source.year === year ? local : pickNearest([local, this.apportion(territoryId, year, query)], year);
    memo.set(territoryId, best);
    return best;
  }

  /** From the territory's own rows or its parts' rows; `exactYear` forbids other years. */
  private resolveLocal(territoryId: number, year: number, query: PopulationQuery, exactYear: boolean): PopulationFigure | null {
    const memo = (exactYear ? this.localExact : this.local).slot(query, year);
    const known = memo.get(territoryId);
    if (known !== undefined) return known;
    const direct = this.direct(territoryId, year, query, exactYear);
    const best = direct && direct.source.year === year ? direct : pickNearest([direct, this.sumOfParts(territoryId, year, query, exactYear)], year);
    memo.set(territoryId, best);
    return best;
  }

  private direct(territoryId: number, year: number, query: PopulationQuery, exactYear: boolean): PopulationFigure | null {
    const years = exactYear ? this.index.years(territoryId).filter((y) => y === year) : yearPreference(this.index.years(territoryId), year);
    for (const y of years) {
      const counted = countDirect(this.index.rowsBySex(territoryId, y), query);
      if (counted) {
        return { territoryId, query, value: counted.value, source: { how: 'direct', year: y, approximated: counted.approximated } };
      }
    }
    return null;
  }

  private sumOfParts(territoryId: number, year: number, query: PopulationQuery, exactYear: boolean): PopulationFigure | null {
    const children = this.tree.childrenOf(territoryId);
    if (children.length === 0) return null;
    let value = 0;
    let approximated = false;
    const years = new Set<number>();
    for (const child of children) {
      const figure = this.resolveLocal(child, year, query, exactYear);
      if (!figure) return null; // one unknown part makes the whole unknown
      value += figure.value;
      years.add(figure.source.year);
      approximated ||= figure.source.approximated;
    }
    // The oldest year among the parts is what the sum is as good as.
    const oldest = Math.min(...years);
    return {
      territoryId,
      query,
      value,
      source: { how: 'sum_of_parts', year: oldest, mixedYears: years.size > 1, parts: children.length, approximated },
    };
  }

  /**
   * The enclosing unit's figure for the queried ages, times this territory's share of the
   * enclosing unit's total population, both totals of the same year. This is how a Bulgarian
   * municipality, for which the statistics institute publishes no age structure, gets an
   * estimate from its province's structure.
   */
  private apportion(territoryId: number, year: number, query: PopulationQuery): PopulationFigure | null {
    const ownTotal = this.resolveLocal(territoryId, year, TOTAL_QUERY, false);
    if (!ownTotal || (ownTotal.source.how === 'sum_of_parts' && ownTotal.source.mixedYears)) return null;
    const shareYear = ownTotal.source.year;
    const level = this.tree.get(territoryId)?.level;
    for (const enclosing of this.tree.ancestorsOf(territoryId)) {
      const structure = this.resolveLocal(enclosing.id, year, query, false);
      if (!structure) continue;
      // The share's two totals must come from the same source. The enclosing unit's published
      // total and the sum of its parts' figures often differ (Pazardzhik's settlements of 2013
      // sum to 269,287, NSI's revised province total is 261,945): dividing one by the other would
      // give the municipalities shares adding up to 1.028, and more people than the province has.
      const peers = level ? this.peersTotal(enclosing.id, level, shareYear) : null;
      const denominator = peers ?? this.resolveLocal(enclosing.id, shareYear, TOTAL_QUERY, true)?.value ?? 0;
      if (denominator <= 0) continue;
      return {
        territoryId,
        query,
        value: (structure.value * ownTotal.value) / denominator,
        source: {
          how: 'apportioned',
          year: structure.source.year,
          from: { territoryId: enclosing.id, value: structure.value, year: structure.source.year },
          share: { year: shareYear, own: ownTotal.value, enclosing: denominator, of: peers === null ? 'enclosing' : 'peers' },
          approximated: structure.source.approximated || ownTotal.source.approximated,
        },
      };
    }
    return null;
  }

  /** Sum of the totals of every unit of a level within a unit, in one year; null if one is unknown. */
  private peersTotal(enclosingId: number, level: string, year: number): number | null {
    const key = `${enclosingId}|${level}|${year}`;
    const known = this.peerTotals.get(key);
    if (known !== undefined) return known;
    let sum: number | null = 0;
    for (const unit of this.tree.subtree(enclosingId)) {
      if (unit.level !== level) continue;
      const total = this.resolveLocal(unit.id, year, TOTAL_QUERY, true);
      if (!total) {
        sum = null;
        break;
      }
      sum += total.value;
    }
    this.peerTotals.set(key, sum);
    return sum;
  }
}

/** The candidate whose data year is nearest the year asked; earlier candidates win ties. */
function pickNearest(candidates: (PopulationFigure | null)[], year: number): PopulationFigure | null {
  let best: PopulationFigure | null = null;
  for (const c of candidates) {
    if (c && (!best || yearDistance(c.source.year, year) < yearDistance(best.source.year, year))) best = c;
  }
  return best;
}
