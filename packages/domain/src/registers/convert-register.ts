import { AppError } from '../errors';
import type { ImportErrorList } from '../imports/import-error';
import { convertBgMunicipalities, convertBgSettlementLocations, convertBgSettlementPopulation } from './bg-ekatte';
import type { TRegisterFormat } from './detect-register-format';
import { convertKatottg } from './katottg';
import { convertNsiPopulation, type TNsiOptions } from './nsi-population';
import type { TRegisterResult, TSourceTable } from './register-table';
import { convertTerytTerc } from './teryt-terc';

export type TRegisterOptions = {
  /** Year of the figures of `bg_settlement_population` (the file does not say it). */
  year?: number;
  /** For `nsi_population_by_age`: the province's code for its English name. */
  regionCodeByName?: TNsiOptions['regionCodeByName'];
};

/**
 * Converts a file in one of the official registers' formats (not `canonical`, which goes
 * through `matchHeader` and `createRowParser`) into records of the import formats.
 */
export async function convertRegister(
  format: Exclude<TRegisterFormat, 'canonical'>,
  table: TSourceTable,
  options: TRegisterOptions,
  errors: ImportErrorList,
): Promise<TRegisterResult> {
  switch (format) {
    case 'katottg':
      return convertKatottg(table, errors);
    case 'teryt_terc':
      return convertTerytTerc(table, errors);
    case 'bg_municipalities':
      return convertBgMunicipalities(table, errors);
    case 'bg_settlement_locations':
      return convertBgSettlementLocations(table, errors);
    case 'bg_settlement_population':
      if (options.year === undefined) throw new AppError('validation.invalid', { field: 'year' });
      return convertBgSettlementPopulation(table, options.year, errors);
    case 'nsi_population_by_age':
      if (!options.regionCodeByName) throw new AppError('validation.invalid', { field: 'regionCodeByName' });
      return convertNsiPopulation(table, { regionCodeByName: options.regionCodeByName }, errors);
  }
}
