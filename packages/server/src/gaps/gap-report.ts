import {
  AppError,
  coverageByUnit,
  explainGap,
  gapTotals,
  GAP_METHODS,
  hasGaps,
  methodEstimate,
  summariseGaps,
  withSurveyNeeds,
  type GapSummary,
  type TCountry,
  type TGapMethod,
  type TLevel,
} from '@potreby/domain';
import type { CountryModel, CountryModels, ModelTerritory } from '../model/country-model';
import type { TTerritoryRef } from '../http/schema';
import type { TExplainUnit, TGapDashboard, TGapExplanation, TGapMethods } from './schema';
import { surveyNeedsOf } from './survey-needs';
import { territoryDefaultYear } from '../service-sites/registry-years';

export const refOf = (t: ModelTerritory): TTerritoryRef => ({ id: t.id, code: t.code, name: t.name, nameEn: t.nameEn, level: t.level, country: t.country });

/**
 * The gap of one territory in one year by one method, for the API, the CLI and exports alike.
 * Gaps exist for municipalities and larger units; a settlement is part of its municipality's.
 */
export async function gapSummaryOf(models: CountryModels, territory: { id: number; country: string; level: string }, year: number | undefined, method: TGapMethod) {
  if (!hasGaps(territory.level as TLevel)) {
    throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'below_planning_level' }] });
  }
  const model = await models.get(territory.country as TCountry);
  // Not the newest year of the country: one site entered early in a new year must not make
  // every table open on a year whose registry is nearly empty (service-sites/registry-years).
  const y = year ?? territoryDefaultYear(model, territory.id);
  // Survey answers keep arriving without changing the planning data the table is cached on:
  // their estimates are read at the time of asking and laid over a copy.
  const table = method === 'survey' ? withSurveyNeeds(model.gapTable(y), await surveyNeedsOf(models.db, model, y)) : model.gapTable(y);
  return { model, table, summary: summariseGaps(table, model.tree, territory.id, method) as GapSummary };
}

export async function gapDashboard(models: CountryModels, territory: { id: number; country: string; level: string }, year: number | undefined, method: TGapMethod): Promise<TGapDashboard> {
  const { model, table, summary } = await gapSummaryOf(models, territory, year, method);
  return {
    territory: refOf(model.territories.get(territory.id)!),
    year: summary.year,
    method,
    years: model.siteYears,
    rows: summary.rows,
    totals: gapTotals(summary.rows),
    estimate: methodEstimate(method, summary.rows),
    diversity: summary.diversity,
    units: unitCoverage(model, table, territory.id, method, null),
    unplacedSites: table.unplacedSiteIds.length,
    ...basisOf(model, table, territory.id),
  };
}

/** Whether any figure of the territory rests on demo sites or illustrative norms. */
function basisOf(model: CountryModel, table: ReturnType<CountryModel['gapTable']>, territoryId: number) {
  let demoSites = false;
  let illustrativeNorms = false;
  for (const unit of model.tree.planningUnitsOf(territoryId)) {
    for (const cell of table.cells.get(unit.id)?.values() ?? []) {
      illustrativeNorms ||= cell.normative.norm?.illustrative ?? false;
      demoSites ||= cell.shares.some((s) => model.sites.get(s.siteId)?.demo);
    }
  }
  return { demoSites, illustrativeNorms };
}

export function unitCoverage(model: CountryModel, table: ReturnType<CountryModel['gapTable']>, territoryId: number, method: TGapMethod, serviceType: string | null) {
  return coverageByUnit(table, model.tree, territoryId, method, serviceType).map(({ unitId, ...u }) => ({ territory: refOf(model.territories.get(unitId)!), ...u }));
}

/**
 * Which methods estimate any need for the territory in the year, and why not where one does
 * not: the method switch tells before the user picks a method that has nothing to show.
 */
export async function gapMethods(models: CountryModels, territory: { id: number; country: string; level: string }, year: number | undefined): Promise<TGapMethods> {
  const methods = [];
  let shown = year;
  for (const method of GAP_METHODS) {
    const { summary } = await gapSummaryOf(models, territory, year, method);
    shown = summary.year;
    methods.push(methodEstimate(method, summary.rows));
  }
  return { year: shown!, methods };
}

/** Everything behind one row of the gap table, with names instead of ids. */
export async function gapExplanation(models: CountryModels, territory: { id: number; country: string; level: string }, year: number | undefined, method: TGapMethod, serviceType: string): Promise<TGapExplanation> {
  const { model, table } = await gapSummaryOf(models, territory, year, method);
  const explanation = explainGap(table, model.tree, territory.id, serviceType, method);
  const ref = (id: number) => refOf(model.territories.get(id)!);
  const units: TExplainUnit[] = explanation.units.map(({ unitId, row, cell }) => {
    const target = cell.normative.target;
    const source = target?.source;
    return {
      territory: ref(unitId),
      row,
      normative: {
        value: cell.normative.value,
        missing: cell.normative.missing,
        norm: cell.normative.norm
          ? { ...cell.normative.norm, territory: ref(cell.normative.norm.territoryId), target: cell.normative.norm.target }
          : null,
        target:
          target && source
            ? {
                value: target.value,
                source: {
                  how: source.how,
                  year: source.year,
                  approximated: 'approximated' in source ? source.approximated : false,
                  ...(source.how === 'sum_of_parts' ? { parts: source.parts, mixedYears: source.mixedYears } : {}),
                  ...(source.how === 'apportioned' ? { from: { territory: ref(source.from.territoryId), value: source.from.value, year: source.from.year }, share: source.share } : {}),
                },
              }
            : null,
      },
      observed: cell.observed,
      survey: cell.survey,
      sites: cell.shares.map((s) => {
        const site = model.sites.get(s.siteId)!;
        return {
          id: site.id,
          siteKey: site.siteKey,
          name: site.name,
          settlement: ref(site.settlementId),
          capacity: s.capacity,
          users: s.users,
          waitingList: s.waitingList,
          share: s.share,
          shareBasis: s.shareBasis,
          weight: s.weight,
          demo: site.demo,
        };
      }),
    };
  });
  return { territory: ref(territory.id), serviceType, method, year: explanation.year, total: explanation.total, units };
}
