import { describe, expect, it } from 'vitest';
import { createServiceChecker } from './check-services';
import { fakeImportContext } from './fake-import-context';
import type { TServiceRecord } from './formats';
import { ImportErrorList } from './import-error';

const ctx = fakeImportContext({
  territories: [
    { id: 2, code: 'PAZ', country: 'BG', level: 'region' },
    { id: 3, code: 'PAZ19', country: 'BG', level: 'municipality' },
    { id: 30, code: '55155', country: 'BG', level: 'settlement' },
    { id: 31, code: '06416', country: 'BG', level: 'settlement' },
    { id: 40, code: '0609013', country: 'PL', level: 'municipality' },
  ],
  writable: [3, 30, 40],
  serviceTypes: { 'bg.day_care_elderly': 'BG', 'pl.dps': 'PL' },
});

const site = (overrides: Partial<TServiceRecord> = {}): TServiceRecord => ({
  siteKey: 'DC-1',
  name: 'Дневен център',
  serviceType: 'bg.day_care_elderly',
  provider: 'Община Пазарджик',
  providerKind: 'public',
  settlementCode: '55155',
  servesCodes: [],
  year: 2024,
  capacity: 30,
  users: null,
  waitingList: null,
  staffPositions: null,
  staffVacancies: null,
  funding: null,
  mobile: false,
  opened: null,
  ...overrides,
});

function checkAll(records: TServiceRecord[]) {
  const errors = new ImportErrorList();
  const checker = createServiceChecker(ctx, errors);
  const checked = records.map((record, i) => checker.check(i + 2, record));
  checker.finish();
  return { checked, errors: errors.errors };
}

describe('createServiceChecker', () => {
  it('resolves where the site is and whom it serves', () => {
    const { checked, errors } = checkAll([site({ servesCodes: ['55155', 'PAZ19'] }), site({ siteKey: 'DC-2', settlementCode: 'PAZ19' })]);
    expect(errors).toEqual([]);
    expect(checked.map((c) => c && [c.settlementId, c.servesIds, c.country])).toEqual([
      [30, [30, 3], 'BG'],
      [3, [], 'BG'],
    ]);
  });

  it('reports a site placed in a province rather than a municipality or settlement', () => {
    const ctxAll = fakeImportContext({ territories: [{ id: 2, code: 'PAZ', country: 'BG', level: 'region' }], serviceTypes: { 'bg.day_care_elderly': 'BG' } });
    const errors = new ImportErrorList();
    expect(createServiceChecker(ctxAll, errors).check(2, site({ settlementCode: 'PAZ' }))).toBeNull();
    expect(errors.errors).toEqual([{ row: 2, column: 'settlement_code', value: 'PAZ', code: 'parent_level', params: { level: 'region' } }]);
  });

  it('reports unknown places, service types of another country, scope and repeated sites', () => {
    const { errors } = checkAll([
      site({ settlementCode: '99999' }),
      site({ siteKey: 'DC-2', serviceType: 'pl.dps', servesCodes: ['0609013'] }),
      site({ siteKey: 'DC-3', serviceType: 'bg.no_such_service', settlementCode: '06416' }),
      site({ siteKey: 'DC-4' }),
      site({ siteKey: 'DC-4' }),
    ]);
    expect(errors).toEqual([
      { row: 2, column: 'settlement_code', value: '99999', code: 'unknown_territory', params: { code: '99999' } },
      { row: 3, column: 'service_type', value: 'pl.dps', code: 'wrong_country', params: { country: 'BG' } },
      // Served codes are looked up in the site's own country.
      { row: 3, column: 'serves_codes', value: '0609013', code: 'unknown_territory', params: { code: '0609013' } },
      { row: 4, column: 'settlement_code', value: '06416', code: 'outside_scope' },
      { row: 4, column: 'service_type', value: 'bg.no_such_service', code: 'unknown_service_type' },
      { row: 6, column: 'site_id', value: 'DC-4', code: 'duplicate_row', params: { otherRow: 5 } },
    ]);
  });

  it('allows the same site in another year', () => {
    expect(checkAll([site(), site({ year: 2025 })]).errors).toEqual([]);
  });
});
