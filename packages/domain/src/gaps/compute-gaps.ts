import type { TCapacityUnit, TServiceType } from '../catalogue/service-type';
import { NormBook, type TNorm } from '../needs/norm';
import { resolveTargetPopulation, TOTAL_POPULATION, type PopulationSources, type TargetPopulationFigure } from '../needs/target-population';
import { IndicatorResolver } from '../population/resolve-indicator';
import { PopulationIndex, PopulationResolver } from '../population/resolve-population';
import type { TIndicatorValue, TPopulationRow } from '../population/population';
import type { TGapSite } from '../service-sites/service-site';
import { levelRank, PLANNING_LEVEL } from '../territories/territory';
import type { TerritoryTree } from '../territories/territory-tree';

export const GAP_METHODS = ['normative', 'observed', 'survey'] as const;
export type TGapMethod = (typeof GAP_METHODS)[number];

/** One site's part in one unit's capacity (and, for the observed method, its demand). */
export type SiteShare = {
  siteId: number;
  /** Fraction of the site attributed to the unit, 0–1. */
  share: number;
  /** How the share was set: by the units' target populations, or equally when those are unknown. */
  shareBasis: 'sole' | 'target_population' | 'equal';
  /** The unit's target population used as weight, when shareBasis is target_population. */
  weight: number | null;
  capacity: number;
  users: number | null;
  waitingList: number | null;
};

export type NormativeNeed = {
  value: number | null;
  norm: Pick<TNorm, 'id' | 'territoryId' | 'ratePer1000' | 'target' | 'source' | 'illustrative'> | null;
  target: TargetPopulationFigure | null;
  /** Why value is null: no norm for this service type here, or no figure for its target population. */
  missing: 'no_norm' | 'no_target_population' | null;
};

export type ObservedNeed = {
  /** Users plus waiting list of the sites serving the unit, in the unit's shares. */
  value: number;
  /** Some serving site reported no user count. */
  incomplete: boolean;
};

/**
 * Need estimated from a needs-assessment survey of the unit (issue 3): prevalence in each
 * respondent group × the group's population, with its 95 % interval.
 */
export type SurveyNeed = {
  value: number;
  low: number;
  high: number;
  /** The assessment whose questionnaire gave the figure. */
  assessmentId: number;
};

/** Need, capacity and their inputs for one service type in one planning unit. */
export type UnitGap = {
  unitId: number;
  serviceType: string;
  /** How the service type's capacity is counted (places at a time, persons served a year). */
  unit: TCapacityUnit;
  capacity: number;
  shares: SiteShare[];
  normative: NormativeNeed;
  observed: ObservedNeed;
  /** Null when no assessment of the unit estimated this need. */
  survey: SurveyNeed | null;
  staffPositions: number;
  staffVacancies: number;
};

export type GapTable = {
  year: number;
  /** unit id → service type → figures */
  cells: Map<number, Map<string, UnitGap>>;
  /** Sites that serve no known planning unit (e.g. their settlement is missing). */
  unplacedSiteIds: number[];
};

export type GapModel = {
  tree: TerritoryTree;
  populationIndex: PopulationIndex;
  normBook: NormBook;
  sources: PopulationSources;
  serviceTypes: readonly GapServiceType[];
};

/** A service type as the gap computation needs it; a type given without a unit counts places. */
export type GapServiceType = Pick<TServiceType, 'key' | 'country'> & Partial<Pick<TServiceType, 'unit'>>;

export type GapModelInputs = {
  tree: TerritoryTree;
  norms: Iterable<TNorm>;
  population: Iterable<TPopulationRow>;
  indicators: Iterable<TIndicatorValue>;
  serviceTypes: readonly GapServiceType[];
};

/** Index the plain inputs once; a model can then answer many gap computations. */
export function buildGapModel(inputs: GapModelInputs): GapModel {
  const populationIndex = new PopulationIndex(inputs.population);
  return {
    tree: inputs.tree,
    populationIndex,
    normBook: new NormBook(inputs.tree, inputs.norms),
    sources: {
      population: new PopulationResolver(inputs.tree, populationIndex),
      indicators: new IndicatorResolver(inputs.tree, inputs.indicators),
    },
    serviceTypes: inputs.serviceTypes,
  };
}

/**
 * The planning units a site serves. A site that names no territories serves the municipality it
 * stands in; a named region or district means all municipalities in it; a named settlement
 * means its municipality.
 */
export function servedUnits(tree: TerritoryTree, site: Pick<TGapSite, 'settlementId' | 'servesIds'>): number[] {
  const named = site.servesIds.length > 0 ? site.servesIds : [site.settlementId];
  const units = new Set<number>();
  for (const id of named) for (const u of tree.planningUnitsOf(id)) units.add(u.id);
  return [...units];
}

/**
 * Need, capacity and gap for every service type in every planning unit, for the sites of one
 * year. Capacity of a site serving several units is shared out in proportion to their target
 * populations for that service type, so summing units never counts a place twice.
 */
export function computeGaps(model: GapModel, year: number, sites: readonly TGapSite[]): GapTable {
  const { tree, normBook, sources } = model;
  const cells = new Map<number, Map<string, UnitGap>>();
  const typesByCountry = new Map<string, string[]>();
  const unitOf = new Map(model.serviceTypes.map((t) => [t.key, t.unit ?? 'places']));
  for (const t of model.serviceTypes) {
    let list = typesByCountry.get(t.country);
    if (!list) typesByCountry.set(t.country, (list = []));
    list.push(t.key);
  }

  const targetOf = (serviceType: string, unitId: number) => normBook.normFor(serviceType, unitId)?.target ?? TOTAL_POPULATION;

  const cellFor = (unitId: number, serviceType: string): UnitGap => {
    let byType = cells.get(unitId);
    if (!byType) cells.set(unitId, (byType = new Map()));
    let cell = byType.get(serviceType);
    if (!cell) {
      cell = emptyCell(unitId, serviceType, unitOf.get(serviceType) ?? 'places');
      byType.set(serviceType, cell);
    }
    return cell;
  };

  // Every planning unit gets a row for every service type of its country, even with no site.
  for (const t of tree.all()) {
    if (t.level !== PLANNING_LEVEL) continue;
    for (const key of typesByCountry.get(t.country) ?? []) cellFor(t.id, key);
  }

  const unplacedSiteIds: number[] = [];
  for (const site of sites) {
    const units = servedUnits(tree, site);
    if (units.length === 0) {
      unplacedSiteIds.push(site.id);
      continue;
    }
    const shares = shareSite(units, (u) => resolveTargetPopulation(sources, u, year, targetOf(site.serviceType, u))?.value ?? null);
    for (const { unitId, share, shareBasis, weight } of shares) {
      const cell = cellFor(unitId, site.serviceType);
      cell.capacity += site.capacity * share;
      cell.staffPositions += (site.staffPositions ?? 0) * share;
      cell.staffVacancies += (site.staffVacancies ?? 0) * share;
      cell.observed.value += ((site.users ?? 0) + (site.waitingList ?? 0)) * share;
      if (site.users === null) cell.observed.incomplete = true;
      cell.shares.push({ siteId: site.id, share, shareBasis, weight, capacity: site.capacity, users: site.users, waitingList: site.waitingList });
    }
  }

  for (const [unitId, byType] of cells) {
    for (const cell of byType.values()) cell.normative = normativeNeed(model, unitId, cell.serviceType, year);
  }
  return { year, cells, unplacedSiteIds };
}

/** A cell with no figures: no site, no norm, no survey (also the gap matrix's empty municipalities). */
export function emptyCell(unitId: number, serviceType: string, unit: TCapacityUnit): UnitGap {
  return {
    unitId,
    serviceType,
    unit,
    capacity: 0,
    shares: [],
    normative: { value: null, norm: null, target: null, missing: 'no_norm' },
    observed: { value: 0, incomplete: false },
    survey: null,
    staffPositions: 0,
    staffVacancies: 0,
  };
}

/**
 * The gap table with survey-based needs laid over it. Survey answers arrive all the time and do
 * not change the planning data the table is computed (and cached) from, so they are added to a
 * copy at the time of asking; cells without an estimate keep `survey: null`.
 */
export function withSurveyNeeds(table: GapTable, needs: ReadonlyMap<number, ReadonlyMap<string, SurveyNeed>>): GapTable {
  if (needs.size === 0) return table;
  const cells = new Map(table.cells);
  for (const [unitId, byType] of needs) {
    const unitCells = table.cells.get(unitId);
    if (!unitCells) continue;
    const copy = new Map(unitCells);
    for (const [serviceType, survey] of byType) {
      const cell = unitCells.get(serviceType);
      if (cell) copy.set(serviceType, { ...cell, survey });
    }
    cells.set(unitId, copy);
  }
  return { ...table, cells };
}

/** Shares of one site among the units it serves: by weight when all weights are known, else equal. */
export function shareSite(
  units: readonly number[],
  weightOf: (unitId: number) => number | null,
): { unitId: number; share: number; shareBasis: SiteShare['shareBasis']; weight: number | null }[] {
  if (units.length === 1) return [{ unitId: units[0]!, share: 1, shareBasis: 'sole', weight: null }];
  const weights = units.map(weightOf);
  const total = weights.reduce<number>((sum, w) => sum + (w ?? 0), 0);
  if (weights.every((w) => w !== null) && total > 0) {
    return units.map((unitId, i) => ({ unitId, share: weights[i]! / total, shareBasis: 'target_population', weight: weights[i]! }));
  }
  return units.map((unitId) => ({ unitId, share: 1 / units.length, shareBasis: 'equal', weight: null }));
}

/** Normative need: target population × norm per 1,000. */
export function normativeNeed(model: GapModel, unitId: number, serviceType: string, year: number): NormativeNeed {
  const norm = model.normBook.normFor(serviceType, unitId);
  if (!norm) return { value: null, norm: null, target: null, missing: 'no_norm' };
  const { id, territoryId, ratePer1000, target: targetSpec, source, illustrative } = norm;
  const picked = { id, territoryId, ratePer1000, target: targetSpec, source, illustrative };
  const target = resolveTargetPopulation(model.sources, unitId, year, targetSpec);
  if (!target) return { value: null, norm: picked, target: null, missing: 'no_target_population' };
  return { value: (target.value * ratePer1000) / 1000, norm: picked, target, missing: null };
}

/** Is this unit at or above the planning level (gaps are reported for those only)? */
export const hasGaps = (level: Parameters<typeof levelRank>[0]) => levelRank(level) <= levelRank(PLANNING_LEVEL);
