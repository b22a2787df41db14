import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../catalogue/service-type';
import { createIndicatorChecker } from './check-indicators';
import { fakeImportContext } from './fake-import-context';
import type { TIndicatorRecord } from './formats';
import { ImportErrorList } from './import-error';

const ctx = fakeImportContext({
  territories: [
    { id: 3, code: 'PAZ19', country: 'BG', level: 'municipality' },
    { id: 4, code: 'SML31', country: 'BG', level: 'municipality' },
  ],
  writable: [3],
  indicators: INDICATORS,
});

const figure = (code: string, indicator: string, year = 2023): TIndicatorRecord => ({
  code,
  year,
  indicator,
  value: 12,
  source: 'АСП',
  sourceDate: null,
});

function checkAll(records: TIndicatorRecord[]) {
  const errors = new ImportErrorList();
  const checker = createIndicatorChecker(ctx, errors);
  const checked = records.map((record, i) => checker.check(i + 2, record));
  checker.finish();
  return { checked, errors: errors.errors };
}

describe('createIndicatorChecker', () => {
  it('resolves the territory of each figure', () => {
    expect(checkAll([figure('PAZ19', 'idp'), figure('PAZ19', 'idp', 2024)])).toEqual({
      checked: [
        { territoryId: 3, year: 2023, indicator: 'idp', value: 12, source: 'АСП', sourceDate: null },
        { territoryId: 3, year: 2024, indicator: 'idp', value: 12, source: 'АСП', sourceDate: null },
      ],
      errors: [],
    });
  });

  it('reports unknown territories and indicators, scope and repeated figures', () => {
    const { checked, errors } = checkAll([figure('PAZ99', 'idp'), figure('PAZ19', 'refugees'), figure('SML31', 'idp'), figure('PAZ19', 'homeless'), figure('PAZ19', 'homeless')]);
    expect(checked.map((c) => c !== null)).toEqual([false, false, false, true, false]);
    expect(errors).toEqual([
      { row: 2, column: 'code', value: 'PAZ99', code: 'unknown_territory', params: { code: 'PAZ99' } },
      { row: 3, column: 'indicator', value: 'refugees', code: 'unknown_indicator' },
      { row: 4, column: 'code', value: 'SML31', code: 'outside_scope' },
      { row: 6, column: 'indicator', value: 'homeless', code: 'duplicate_row', params: { otherRow: 5 } },
    ]);
  });
});
