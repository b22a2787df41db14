import { AppError, unitRow, type Actor, type TCountry, type TGapMethod } from '@potreby/domain';
import { peerComparison, type CoverageFigure, type PeerFeatures } from '@potreby/domain/planning/peers';
import type { TLanguage } from '@potreby/i18n';
import type { Db } from '../../db/database';
import { territoryNameFor } from '../../gaps/gap-matrix';
import { gapSummaryOf } from '../../gaps/gap-report';
import type { CountryModel, CountryModels } from '../../model/country-model';
import { visibleMunicipalities } from '../items';
import type { LoadedRound } from '../rounds';
import type { TPeers } from './schema';

/** How many peers a municipality is shown beside. */
export const PEER_COUNT = 5;
const AGED_65 = { sex: 'T', age: { from: 65, to: null } } as const;

/**
 * The features of every municipality of the country (domain planning/peers.ts): population and
 * share aged 65 and over from the population figures of the gap table's year (the nearest year
 * the population data has, as the needs use). Urban share: the territory data holds no type of
 * settlement (town or village) nor an urban population, so it is unknown (null) for all, and the
 * documented distance leaves an unknown feature out — peers are chosen by the other two.
 */
export function peerFeatures(model: CountryModel, year: number): PeerFeatures[] {
  const population = model.gapModel.sources.population;
  return [...model.territories.values()]
    .filter((t) => t.level === 'municipality')
    .map((t) => {
      const total = population.total(t.id, year)?.value ?? null;
      const old = population.resolve(t.id, year, AGED_65)?.value ?? null;
      return { municipalityId: t.id, population: total, shareAged65: total && old !== null ? old / total : null, urbanShare: null };
    });
}

/** Coverage (capacity ÷ need) of every municipality × service type by the round's method; null: no estimate. */
function coverageFigures(model: CountryModel, table: ReturnType<CountryModel['gapTable']>, method: TGapMethod, municipalityIds: ReadonlySet<number>): { figures: CoverageFigure[]; units: Map<string, string> } {
  const figures: CoverageFigure[] = [];
  const units = new Map<string, string>();
  for (const [unitId, byType] of table.cells) {
    if (!municipalityIds.has(unitId)) continue;
    for (const cell of byType.values()) {
      figures.push({ municipalityId: unitId, serviceType: cell.serviceType, coverage: unitRow(cell, method).coverage });
      units.set(cell.serviceType, cell.unit);
    }
  }
  return { figures, units };
}

/**
 * A municipality of the round beside the most similar municipalities of its country. The
 * municipality must be one the reader sees in the round (404 otherwise, as an item); its peers
 * are named with their features and coverage, figures the country's gap map shows as well.
 */
export async function peersOf(db: Db, models: CountryModels, actor: Actor, loaded: LoadedRound, municipalityId: number, language: TLanguage): Promise<TPeers> {
  const seen = await visibleMunicipalities(db, actor, loaded);
  if (!seen.has(municipalityId)) throw new AppError('not_found');
  const method = loaded.round.method as TGapMethod;
  const { model, table, summary } = await gapSummaryOf(models, loaded.territory, undefined, method);
  const features = peerFeatures(model, summary.year);
  const ids = new Set(features.map((f) => f.municipalityId));
  const { figures, units } = coverageFigures(model, table, method, ids);
  const comparison = peerComparison(municipalityId, features, figures, PEER_COUNT);
  const byId = new Map(features.map((f) => [f.municipalityId, f]));
  const describe = (id: number, distance: number | null) => {
    const t = model.territories.get(id)!;
    const f = byId.get(id)!;
    const region = t.parentId !== null ? model.territories.get(t.parentId) : undefined;
    return {
      municipalityId: id,
      code: t.code,
      name: territoryNameFor(t, language),
      region: region ? territoryNameFor(region, language) : null,
      population: f.population,
      shareAged65: f.shareAged65,
      urbanShare: f.urbanShare,
      distance,
    };
  };
  return {
    round: loaded.round.id,
    country: loaded.territory.country as TCountry,
    method,
    year: summary.year,
    features: ['population', 'shareAged65'],
    unknownFeatures: ['urbanShare'],
    municipality: describe(municipalityId, null),
    peers: comparison.peers.map((p) => describe(p.municipalityId, p.distance)),
    rows: comparison.rows.map((r) => ({ serviceType: r.serviceType, unit: units.get(r.serviceType) as TPeers['rows'][number]['unit'], own: r.own, median: r.median, peers: r.peers })),
  };
}
