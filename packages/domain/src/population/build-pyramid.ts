import type { TerritoryTree } from '../territories/territory-tree';
import type { TAgeRange, TSex } from './population';
import { yearPreference, type PopulationIndex, type PopulationResolver, type PopulationSource } from './resolve-population';

export type PyramidBand = { ageFrom: number; ageTo: number | null; female: number; male: number };

export type Pyramid = {
  bands: PyramidBand[];
  /** How the figures were obtained (the first band's source; all bands share the route). */
  source: PopulationSource | null;
};

/** Age bands of female and male rows in one unit's table for a year, if it has both sexes. */
function bandsOf(index: PopulationIndex, territoryId: number, year: number): TAgeRange[] | null {
  for (const y of yearPreference(index.years(territoryId), year)) {
    const rows = index.rowsFor(territoryId, y);
    const female = rows.filter((r) => r.sex === 'F');
    if (female.length > 1 && rows.some((r) => r.sex === 'M')) {
      return female.map((r) => ({ from: r.ageFrom, to: r.ageTo })).sort((a, b) => a.from - b.from);
    }
  }
  return null;
}

/**
 * The population pyramid of a unit: the age bands of the nearest table that has them (its own,
 * one of its parts', or an enclosing unit's), each resolved for this unit the way every
 * population figure is — so a municipality without its own age table shows its province's
 * structure scaled to its size, and says so.
 */
export function buildPyramid(tree: TerritoryTree, index: PopulationIndex, resolver: PopulationResolver, territoryId: number, year: number): Pyramid {
  let bands = bandsOf(index, territoryId, year);
  if (!bands) {
    for (const unit of tree.subtree(territoryId)) {
      bands = bandsOf(index, unit.id, year);
      if (bands) break;
    }
  }
  if (!bands) {
    for (const a of tree.ancestorsOf(territoryId)) {
      bands = bandsOf(index, a.id, year);
      if (bands) break;
    }
  }
  if (!bands) return { bands: [], source: null };
  let source: PopulationSource | null = null;
  const out: PyramidBand[] = [];
  for (const age of bands) {
    const value = (sex: TSex) => {
      const f = resolver.resolve(territoryId, year, { sex, age });
      source ??= f?.source ?? null;
      return f?.value ?? null;
    };
    const female = value('F');
    const male = value('M');
    if (female === null || male === null) return { bands: [], source: null };
    out.push({ ageFrom: age.from, ageTo: age.to, female, male });
  }
  return { bands: out, source };
}
