import type { IndicatorFigure, IndicatorResolver } from '../population/resolve-indicator';
import type { PopulationFigure, PopulationResolver } from '../population/resolve-population';
import { ALL_AGES } from '../population/population';
import type { TTargetPopulation } from './norm';

export type TargetPopulationFigure =
  | ({ kind: 'population' } & PopulationFigure)
  | ({ kind: 'indicator' } & IndicatorFigure);

export const TOTAL_POPULATION: TTargetPopulation = { kind: 'population', sex: 'T', age: ALL_AGES };

export type PopulationSources = { population: PopulationResolver; indicators: IndicatorResolver };

/** The size of a target population in one unit and year, with where it came from; null if unknown. */
export function resolveTargetPopulation(
  sources: PopulationSources,
  territoryId: number,
  year: number,
  target: TTargetPopulation,
): TargetPopulationFigure | null {
  if (target.kind === 'population') {
    // The target itself is the query: one object per norm, so the resolver's memo finds it again.
    const f = sources.population.resolve(territoryId, year, target);
    return f ? { kind: 'population', ...f } : null;
  }
  const f = sources.indicators.resolve(territoryId, year, target.indicator);
  return f ? { kind: 'indicator', ...f } : null;
}

export const targetKey = (t: TTargetPopulation): string =>
  t.kind === 'population' ? `p:${t.sex}:${t.age.from}:${t.age.to ?? ''}` : `i:${t.indicator}`;
