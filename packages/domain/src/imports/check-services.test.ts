import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { may, maySaveSite, ROLES, type Actor } from '../accounts/policy';
import { checkSiteRights, createServiceChecker, type TSiteRow, type TStoredSite } from './check-services';
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

  it('allows the same site in another year, and the same id in another place (it names another site there)', () => {
    expect(checkAll([site(), site({ year: 2025 }), site({ settlementCode: 'PAZ19' })]).errors).toEqual([]);
  });
});

// Bulgaria /1/ → Pazardzhik province /1/2/ → Pazardzhik municipality /1/2/3/ → Pazardzhik /1/2/3/30/;
// Velingrad /1/2/8/ → Velingrad /1/2/8/80/; Smolyan province /1/9/ → Smolyan /1/9/90/.
const tree = [
  { id: 1, code: 'BG', country: 'BG', level: 'country', path: '/1/' },
  { id: 2, code: 'PAZ', country: 'BG', level: 'region', path: '/1/2/' },
  { id: 3, code: 'PAZ19', country: 'BG', level: 'municipality', path: '/1/2/3/' },
  { id: 30, code: '55155', country: 'BG', level: 'settlement', path: '/1/2/3/30/' },
  { id: 8, code: 'PAZ08', country: 'BG', level: 'municipality', path: '/1/2/8/' },
  { id: 80, code: '10450', country: 'BG', level: 'settlement', path: '/1/2/8/80/' },
  { id: 9, code: 'SML', country: 'BG', level: 'region', path: '/1/9/' },
  { id: 90, code: '67653', country: 'BG', level: 'settlement', path: '/1/9/90/' },
] as const;
const officer = (scopePath: string | null, role: Actor['role'] = 'municipal_officer', organisation: string | null = null): Actor => ({ userId: 7, role, scopePath, organisation });
const contextOf = (actor: Actor) =>
  fakeImportContext({
    territories: tree,
    actor,
    writable: tree.filter((t) => may(actor, 'import_services', t)).map((t) => t.id),
    serviceTypes: { 'bg.day_care_elderly': 'BG' },
  });

/** Rows checked as the import does: first on their own, then against the sites they would update. */
function importRows(actor: Actor, rows: { record: TServiceRecord; stored: TStoredSite | null }[]) {
  const ctx = contextOf(actor);
  const errors = new ImportErrorList();
  const checker = createServiceChecker(ctx, errors);
  const passed: TSiteRow[] = [];
  rows.forEach(({ record, stored }, i) => {
    const ok = checker.check(i + 2, { ...record, servesCodes: [...record.servesCodes] });
    if (ok) passed.push({ row: i + 2, site: ok, stored });
  });
  checker.finish();
  checkSiteRights(passed, ctx, errors);
  return { passed, errors: errors.errors };
}

describe('checkSiteRights: the form’s rule, row by row', () => {
  const municipal = officer('/1/2/3/');
  const stored = (settlementId: number, servesIds: number[] = [], provider = 'Община Пазарджик'): TStoredSite => ({ id: 500, settlementId, servesIds, provider });

  it('lets a municipal officer update its own sites and add new ones', () => {
    const { errors } = importRows(municipal, [
      { record: site(), stored: stored(30) },
      { record: site({ siteKey: 'NEW-1' }), stored: null },
    ]);
    expect(errors).toEqual([]);
  });

  it('names a row that would change a site serving the whole province, which the municipality may not change', () => {
    const { errors } = importRows(municipal, [
      { record: site({ capacity: 0 }), stored: stored(30, [2]) },
      { record: site({ siteKey: 'OK' }), stored: stored(30) },
    ]);
    expect(errors).toEqual([{ row: 2, column: 'site_id', value: 'DC-1', code: 'outside_scope' }]);
  });

  it('names rows placing a site outside the reach, or serving beyond it', () => {
    const { errors } = importRows(municipal, [
      { record: site({ settlementCode: '10450' }), stored: null },
      { record: site({ siteKey: 'DC-2', servesCodes: ['PAZ'] }), stored: null },
    ]);
    expect(errors).toEqual([
      { row: 2, column: 'settlement_code', value: '10450', code: 'outside_scope' },
      { row: 3, column: 'serves_codes', value: 'PAZ', code: 'outside_scope' },
    ]);
  });

  it('lets a regional officer update the province-wide site, not one serving another province', () => {
    const regional = officer('/1/2/', 'regional_officer');
    expect(importRows(regional, [{ record: site({ servesCodes: ['PAZ'] }), stored: stored(30, [2]) }]).errors).toEqual([]);
    expect(importRows(regional, [{ record: site(), stored: stored(30, [9]) }]).errors).toEqual([{ row: 2, column: 'site_id', value: 'DC-1', code: 'outside_scope' }]);
  });

  it('refuses a site stored with a territory the import does not know, for anyone with a reach', () => {
    expect(importRows(officer('/1/2/', 'regional_officer'), [{ record: site(), stored: stored(30, [4242]) }]).errors).toEqual([
      { row: 2, column: 'site_id', value: 'DC-1', code: 'outside_scope' },
    ]);
  });

  const arbRecord = fc.record({
    siteKey: fc.constantFrom('A', 'B'),
    settlementCode: fc.constantFrom('55155', '10450', '67653', 'PAZ19'),
    servesCodes: fc.array(fc.constantFrom('PAZ', 'PAZ19', 'PAZ08', 'SML', '55155'), { maxLength: 2 }),
    provider: fc.constantFrom('Община Пазарджик', 'Caritas'),
    year: fc.constantFrom(2024, 2025),
  });
  const arbStored = fc.option(
    fc.record({
      id: fc.constant(1),
      settlementId: fc.constantFrom(30, 80, 90, 3),
      servesIds: fc.array(fc.constantFrom(1, 2, 3, 8, 9, 30, 4242), { maxLength: 2 }),
      provider: fc.constantFrom('Община Пазарджик', 'Caritas'),
    }),
    { nil: null },
  );
  const arbActor = fc.record({
    userId: fc.constant(7),
    role: fc.constantFrom(...ROLES),
    scopePath: fc.option(fc.constantFrom(...tree.map((t) => t.path)), { nil: null }),
    organisation: fc.option(fc.constantFrom('Caritas', 'Община Пазарджик'), { nil: null }),
  });

  it('never lets an import change or add a site that the form would refuse', () => {
    fc.assert(
      fc.property(arbActor, fc.array(fc.record({ record: arbRecord, stored: arbStored }), { minLength: 1, maxLength: 4 }), (actor, rows) => {
        const { passed, errors } = importRows(
          actor,
          rows.map((r) => ({ record: site(r.record), stored: r.stored })),
        );
        if (errors.length > 0) return;
        const path = (id: number) => tree.find((t) => t.id === id)?.path ?? '';
        const places = (s: { settlementId: number; servesIds: readonly number[]; provider: string }) => ({
          settlement: { path: path(s.settlementId) },
          serves: s.servesIds.map((id) => ({ path: path(id) })),
          provider: s.provider,
        });
        for (const { site: after, stored: before } of passed) expect(maySaveSite(actor, before && places(before), places(after))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
