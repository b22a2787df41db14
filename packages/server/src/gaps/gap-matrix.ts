import {
  gapMatrix,
  NEED_UNITS,
  percentAsShown,
  romanise,
  roundAsShown,
  serviceTypeNameIn,
  type GapRow,
  type TCountry,
  type TGapMethod,
  type TServiceType,
  type UnitTotal,
} from '@potreby/domain';
import { COUNTRY_LANGUAGE, translator, type TLanguage } from '@potreby/i18n';
import type { Cell } from '../exports/export-tables';
import type { CountryModels } from '../model/country-model';
import { territoryDefaultYear } from '../service-sites/registry-years';
import type { TGapMatrix } from './gap-matrix-schema';
import { gapSummaryOf, refOf } from './gap-report';

type Territory = { id: number; country: string; level: string };

/** Every municipality of a territory × every service type of its country, with the territory's totals. */
export async function gapMatrixOf(models: CountryModels, territory: Territory, year: number | undefined, method: TGapMethod): Promise<TGapMatrix> {
  // A year not asked is the territory's own default, as on the dashboard.
  const asked = year ?? territoryDefaultYear(await models.get(territory.country as TCountry), territory.id);
  const { model, table } = await gapSummaryOf(models, territory, asked, method);
  // A retired type without a norm or a site of the year is offered no more: no column for it.
  const types = model.serviceTypesIn(asked).filter((s) => s.country === territory.country);
  const matrix = gapMatrix(table, model.tree, territory.id, method, types);
  const perUnit = types.length;
  return {
    territory: refOf(model.territories.get(territory.id)!),
    year: matrix.year,
    method,
    serviceTypes: matrix.serviceTypes,
    units: matrix.unitIds.map((id, i) => ({
      territory: refOf(model.territories.get(id)!),
      cells: matrix.cells.slice(i * perUnit, (i + 1) * perUnit).map(({ unitId: _unitId, ...row }) => row),
    })),
    totals: matrix.typeTotals,
    unitTotals: matrix.unitTotals,
  };
}

/**
 * The columns of the gap export: what a reader needs, in their language, then the codes for
 * machines last. Headers are `columns.gaps.<name>` in the translations.
 */
export const GAP_EXPORT_COLUMNS = [
  'territory',
  'level',
  'year',
  'service_type',
  'method',
  'need',
  'need_low',
  'need_high',
  'need_unit',
  'capacity',
  'capacity_unit',
  'gap',
  'coverage_percent',
  'shortfall',
  'incomplete',
  'territory_code',
  'service_type_code',
] as const;

const CYRILLIC: readonly TLanguage[] = ['bg', 'uk'];

/**
 * A territory's name for a reader (as the web app names it, app/names.ts): the official name in
 * the country's language or one of the same script, else the English name, else the name
 * romanised by the country's rules.
 */
export function territoryNameFor(territory: { name: string; nameEn: string | null; country: string }, language: TLanguage): string {
  const own = COUNTRY_LANGUAGE[territory.country as keyof typeof COUNTRY_LANGUAGE] as TLanguage | undefined;
  if (own === language || (own && CYRILLIC.includes(own) && CYRILLIC.includes(language))) return territory.name;
  if (territory.nameEn) return territory.nameEn;
  return own ? romanise(territory.name, territory.country as TCountry) : territory.name;
}

/**
 * The rows of the gap export: every municipality × service type, then the territory's total
 * for each service type, then its totals per unit. Names and words in `language`; numbers
 * rounded as the dashboard shows them (one decimal, coverage in whole per cent); a figure
 * without an estimate says so in words, never 0.
 */
export function gapExportRows(matrix: TGapMatrix, serviceTypes: readonly TServiceType[], language: TLanguage): Cell[][] {
  const t = translator(language);
  const country = matrix.territory.country;
  const byKey = new Map(serviceTypes.map((s) => [s.key, s]));
  // The administrator's name in the language first, then the translation files', then the English one.
  const fromFiles = (key: string) => t(`serviceTypes.${key}`, { defaultValue: '' }) || undefined;
  const typeName = (key: string) => {
    const s = byKey.get(key);
    return s ? serviceTypeNameIn(s, language, fromFiles) : (fromFiles(key) ?? key);
  };
  const level = (l: string) => t(`levelsByCountry.${country}.${l}`, { defaultValue: t(`levels.${l}`, { defaultValue: l }) });
  const unit = (u: string) => t(`gapExport.units.${u}`);
  const yesNo = (b: boolean) => t(b ? 'gapExport.yes' : 'gapExport.no');
  const noEstimate = t('gapExport.noEstimate');
  const notComparable = t('gapExport.notComparable');
  const method = t(`methodsShort.${matrix.method}`);
  const number = (v: number | null) => (v === null ? null : roundAsShown(v, 1));
  // Gap, coverage and shortfall: said in words when need is unknown or does not compare.
  const derived = (row: GapRow, value: number | null, show: (v: number) => Cell): Cell =>
    row.need === null ? noEstimate : !row.comparable ? notComparable : value === null ? t('gapExport.noNeed') : show(value);

  const rowOf = (place: TGapMatrix['territory'], row: GapRow): Cell[] => [
    territoryNameFor(place, language),
    level(place.level),
    matrix.year,
    typeName(row.serviceType),
    method,
    row.need === null ? noEstimate : number(row.need),
    number(row.needLow),
    number(row.needHigh),
    unit(row.needUnit),
    number(row.capacity),
    unit(row.capacityUnit),
    derived(row, row.gap, (v) => roundAsShown(v, 1)),
    derived(row, row.coverage, percentAsShown),
    derived(row, row.shortfall, (v) => roundAsShown(v, 1)),
    yesNo(row.incomplete),
    place.code,
    row.serviceType,
  ];

  const rows: Cell[][] = [];
  const units = [...matrix.units].sort((a, b) => territoryNameFor(a.territory, language).localeCompare(territoryNameFor(b.territory, language), language));
  for (const u of units) for (const cell of u.cells) rows.push(rowOf(u.territory, cell));
  for (const total of matrix.totals) rows.push(rowOf(matrix.territory, total));

  // All service types together, once per unit: places and persons a year are never added.
  const find = (list: UnitTotal[], u: string) => list.find((x) => x.unit === u) ?? null;
  const totalCell = (x: UnitTotal | null): Cell => (x === null ? null : x.value === null ? (x.missing === 'not_comparable' ? notComparable : noEstimate) : roundAsShown(x.value, 1));
  for (const u of NEED_UNITS) {
    const need = find(matrix.unitTotals.need, u);
    const capacity = find(matrix.unitTotals.capacity, u);
    const shortfall = find(matrix.unitTotals.shortfall, u);
    if (!need && !capacity) continue;
    rows.push([
      territoryNameFor(matrix.territory, language),
      level(matrix.territory.level),
      matrix.year,
      t('gapExport.allServiceTypes', { unit: unit(u) }),
      method,
      totalCell(need),
      null,
      null,
      need ? unit(u) : null,
      totalCell(capacity),
      capacity ? unit(u) : null,
      null,
      null,
      totalCell(shortfall),
      yesNo([need, capacity, shortfall].some((x) => x !== null && (x.partial || x.value === null))),
      matrix.territory.code,
      null,
    ]);
  }
  return rows;
}
