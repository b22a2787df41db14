import { FORMAT_COLUMNS, IMPORT_KINDS, type ColumnSpec } from '@potreby/domain';
import type { TImportKindParam } from '@potreby/server/imports/schema';

export const KINDS: readonly TImportKindParam[] = [...IMPORT_KINDS, 'boundaries'];

/** The export that doubles as a template for each kind (same columns as the import reads). */
export const TEMPLATE_TABLE: Partial<Record<TImportKindParam, string>> = {
  territories: 'territories',
  population: 'population',
  indicators: 'indicators',
  services: 'services',
};

export const columnsOf = (kind: TImportKindParam): readonly ColumnSpec[] => (kind === 'boundaries' ? [] : FORMAT_COLUMNS[kind]);

export const acceptOf = (kind: TImportKindParam): string =>
  kind === 'boundaries'
    ? '.geojson,.json,application/geo+json,application/json'
    : '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

