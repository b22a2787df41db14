import type { TerritoryTree } from '../territories/territory-tree';
import type { TIndicatorValue } from './population';
import { yearDistance, yearPreference } from './resolve-population';

export type IndicatorFigure = {
  territoryId: number;
  indicator: string;
  value: number;
  source: { how: 'direct'; year: number } | { how: 'sum_of_parts'; year: number; mixedYears: boolean; parts: number };
};

/**
 * Indicators are counts of persons (people with disabilities, displaced persons …) so a unit
 * without its own figure is the sum of its parts, when every part has one. They are never
 * apportioned by population: prevalence differs too much between places to guess it.
 */
export class IndicatorResolver {
  private readonly values = new Map<string, Map<number, number>>(); // "territory|indicator" → year → value
  private readonly memo = new Map<string, IndicatorFigure | null>();

  constructor(
    private readonly tree: TerritoryTree,
    values: Iterable<TIndicatorValue>,
  ) {
    for (const v of values) {
      const key = `${v.territoryId}|${v.indicator}`;
      let byYear = this.values.get(key);
      if (!byYear) this.values.set(key, (byYear = new Map()));
      byYear.set(v.year, v.value);
    }
  }

  resolve(territoryId: number, year: number, indicator: string): IndicatorFigure | null {
    const memoKey = `${territoryId}|${year}|${indicator}`;
    if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
    let result: IndicatorFigure | null = null;
    const byYear = this.values.get(`${territoryId}|${indicator}`);
    const direct = byYear ? yearPreference([...byYear.keys()], year)[0] : undefined;
    if (byYear && direct !== undefined) {
      result = { territoryId, indicator, value: byYear.get(direct)!, source: { how: 'direct', year: direct } };
    }
    const parts = this.sumOfParts(territoryId, year, indicator);
    if (parts && (!result || yearDistance(parts.source.year, year) < yearDistance(result.source.year, year))) result = parts;
    this.memo.set(memoKey, result);
    return result;
  }

  private sumOfParts(territoryId: number, year: number, indicator: string): IndicatorFigure | null {
    const children = this.tree.childrenOf(territoryId);
    if (children.length === 0) return null;
    let value = 0;
    const years = new Set<number>();
    for (const child of children) {
      const f = this.resolve(child, year, indicator);
      if (!f) return null;
      value += f.value;
      years.add(f.source.year);
    }
    return {
      territoryId,
      indicator,
      value,
      source: { how: 'sum_of_parts', year: Math.min(...years), mixedYears: years.size > 1, parts: children.length },
    };
  }
}
