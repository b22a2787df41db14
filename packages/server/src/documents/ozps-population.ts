import { ozpsYears, type PopulationQuery } from '@potreby/domain';
import type { CountryModel } from '../model/country-model';
import type { TOzpsPopulation } from './ozps';

/**
 * The OZPS's population rows — total, women, men, and the age groups before, at and after working
 * age (0–17, 18–64, 65+) — for each of its three years, from the population data. A year without
 * its own figures takes the nearest known year's, which the document names; none known: no figure.
 */
// Each query one object for good: the resolver keeps its answers by the query object.
const ROWS: { key: TOzpsPopulation[number]['key']; query: PopulationQuery }[] = [
  { key: 'populationTotal', query: { sex: 'T', age: { from: 0, to: null } } },
  { key: 'women', query: { sex: 'F', age: { from: 0, to: null } } },
  { key: 'men', query: { sex: 'M', age: { from: 0, to: null } } },
  { key: 'preWorking', query: { sex: 'T', age: { from: 0, to: 17 } } },
  { key: 'working', query: { sex: 'T', age: { from: 18, to: 64 } } },
  { key: 'postWorking', query: { sex: 'T', age: { from: 65, to: null } } },
];

export function ozpsPopulation(model: CountryModel, territoryId: number, year: number): TOzpsPopulation {
  const resolver = model.gapModel.sources.population;
  return ROWS.map(({ key, query }) => ({
    key,
    cells: ozpsYears(year).map((y) => {
      const f = resolver.resolve(territoryId, y, query);
      return f ? { value: Math.round(f.value), year: f.source.year } : null;
    }),
  }));
}
