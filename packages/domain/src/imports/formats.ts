import type { TCountry, TLevel } from '../territories/territory';
import type { TSex } from '../population/population';
import type { TFunding, TProviderKind } from '../service-sites/service-site';

/**
 * The import formats of `reference/formats.md`. Column names here are canonical; the importer
 * also accepts the translated headers that potreby's own exports write.
 */
export const IMPORT_KINDS = ['territories', 'population', 'indicators', 'services'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

export type ColumnSpec = { name: string; required: boolean };

const col = (name: string, required = false): ColumnSpec => ({ name, required });

export const FORMAT_COLUMNS: Record<TImportKind, readonly ColumnSpec[]> = {
  territories: [
    col('code', true),
    col('name', true),
    col('name_en'),
    col('level', true),
    // Required for every unit except the country itself; checked per row.
    col('parent_code'),
    col('country', true),
    col('lat'),
    col('lon'),
  ],
  population: [col('code', true), col('year', true), col('sex', true), col('age_from', true), col('age_to'), col('count', true)],
  indicators: [col('code', true), col('year', true), col('indicator', true), col('value', true), col('source', true), col('source_date')],
  services: [
    col('site_id', true),
    col('name', true),
    col('service_type', true),
    col('provider', true),
    col('provider_kind', true),
    col('settlement_code', true),
    col('serves_codes'),
    col('year', true),
    col('capacity', true),
    col('users'),
    col('waiting_list'),
    col('staff_positions'),
    col('staff_vacancies'),
    col('funding'),
    col('mobile'),
    col('opened'),
  ],
};

/** A territory as an import file describes it, before codes are resolved to ids. */
export type TTerritoryRecord = {
  code: string;
  name: string;
  nameEn: string | null;
  level: TLevel;
  parentCode: string | null;
  country: TCountry;
  lat: number | null;
  lon: number | null;
};

export type TPopulationRecord = {
  code: string;
  year: number;
  sex: TSex;
  ageFrom: number;
  ageTo: number | null;
  count: number;
};

export type TIndicatorRecord = {
  code: string;
  year: number;
  indicator: string;
  value: number;
  source: string;
  sourceDate: string | null;
};

export type TServiceRecord = {
  siteKey: string;
  name: string;
  serviceType: string;
  provider: string;
  providerKind: TProviderKind;
  settlementCode: string;
  servesCodes: string[];
  year: number;
  capacity: number;
  users: number | null;
  waitingList: number | null;
  staffPositions: number | null;
  staffVacancies: number | null;
  funding: TFunding | null;
  mobile: boolean;
  opened: string | null;
};

export type TImportRecord = {
  territories: TTerritoryRecord;
  population: TPopulationRecord;
  indicators: TIndicatorRecord;
  services: TServiceRecord;
};
