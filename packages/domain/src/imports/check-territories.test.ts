import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TLevel } from '../territories/territory';
import { checkTerritories } from './check-territories';
import { fakeImportContext } from './fake-import-context';
import type { TTerritoryRecord } from './formats';
import { ImportErrorList } from './import-error';

const unit = (code: string, level: TLevel, parentCode: string | null, country: 'BG' | 'UA' | 'PL' = 'BG'): TTerritoryRecord => ({
  code,
  name: code,
  nameEn: null,
  level,
  parentCode,
  country,
  lat: null,
  lon: null,
});
const rows = (...records: TTerritoryRecord[]) => records.map((record, i) => ({ row: i + 2, record }));

/** Bulgaria and Pazardzhik province as the database already has them. */
const database = fakeImportContext({
  territories: [
    { id: 1, code: 'BG', country: 'BG', level: 'country' },
    { id: 2, code: 'PAZ', country: 'BG', level: 'region' },
    { id: 3, code: 'PAZ19', country: 'BG', level: 'municipality' },
    { id: 4, code: 'SML', country: 'BG', level: 'region' },
    { id: 9, code: 'UA', country: 'UA', level: 'country' },
  ],
  writable: [2, 3],
});

function check(records: ReturnType<typeof rows>, ctx = database) {
  const errors = new ImportErrorList();
  const checked = checkTerritories(records, ctx, errors);
  return { checked, errors: errors.errors };
}

describe('checkTerritories', () => {
  it('orders a file parents first and says where each parent is', () => {
    const { checked, errors } = check(rows(unit('55155', 'settlement', 'PAZ20'), unit('PAZ20', 'municipality', 'PAZ'), unit('PAZ19', 'municipality', 'PAZ')));
    expect(errors).toEqual([]);
    expect(checked.map((t) => [t.record.code, t.parent, t.existingId])).toEqual([
      ['PAZ20', { kind: 'existing', id: 2 }, null],
      ['PAZ19', { kind: 'existing', id: 2 }, 3],
      ['55155', { kind: 'in_file', code: 'PAZ20' }, null],
    ]);
  });

  it('accepts a new country, which has no parent', () => {
    const { checked, errors } = check(rows(unit('PL', 'country', null, 'PL'), unit('06', 'region', 'PL', 'PL')));
    expect(errors).toEqual([]);
    expect(checked.map((t) => t.parent)).toEqual([null, { kind: 'in_file', code: 'PL' }]);
  });

  it('reports a code repeated in the file, with the row it first appeared on', () => {
    const { checked, errors } = check(rows(unit('PAZ20', 'municipality', 'PAZ'), unit('PAZ20', 'municipality', 'PAZ')));
    expect(errors).toEqual([{ row: 3, column: 'code', value: 'PAZ20', code: 'duplicate_row', params: { otherRow: 2 } }]);
    expect(checked).toHaveLength(1);
  });

  it('reports parents that exist nowhere, or only in another country', () => {
    const { errors } = check(rows(unit('PAZ20', 'municipality', 'PAZ99'), unit('UA01', 'region', 'BG', 'UA')));
    expect(errors).toEqual([
      { row: 2, column: 'parent_code', value: 'PAZ99', code: 'unknown_parent' },
      { row: 3, column: 'parent_code', value: 'BG', code: 'wrong_country', params: { country: 'BG' } },
    ]);
  });

  it('reports a parent that is not above the unit', () => {
    const { errors } = check(rows(unit('PAZ', 'region', 'PAZ19'), unit('BG', 'country', 'PAZ')));
    expect(errors).toContainEqual({ row: 2, column: 'parent_code', value: 'PAZ19', code: 'parent_level', params: { level: 'region', parentLevel: 'municipality' } });
    expect(errors).toContainEqual({ row: 3, column: 'parent_code', value: 'PAZ', code: 'parent_level', params: { level: 'country', parentLevel: 'region' } });
  });

  it('reports each unit of a parent cycle and leaves them and their children out', () => {
    const { checked, errors } = check(
      rows(unit('A', 'municipality', 'B'), unit('B', 'municipality', 'A'), unit('C', 'settlement', 'A'), unit('PAZ20', 'municipality', 'PAZ')),
    );
    expect(errors.filter((e) => e.code === 'parent_cycle').map((e) => e.row)).toEqual([2, 3]);
    expect(checked.map((t) => t.record.code)).toEqual(['PAZ20']);
  });

  it('reports units the user may not write: an existing unit to update, or a parent outside the scope', () => {
    expect(check(rows(unit('SML01', 'municipality', 'SML'), unit('PAZ20', 'municipality', 'PAZ'))).errors).toEqual([
      { row: 2, column: 'parent_code', value: 'SML', code: 'outside_scope' },
    ]);
    // Renaming Smolyan province and adding a municipality to it: the province's row is the one refused.
    expect(check(rows(unit('SML', 'region', 'BG'), unit('SML01', 'municipality', 'SML'))).errors).toEqual([
      { row: 2, column: 'code', value: 'SML', code: 'outside_scope' },
      { row: 2, column: 'parent_code', value: 'BG', code: 'outside_scope' },
    ]);
  });

  it('reports units of another country than the one the user chose', () => {
    const ctx = fakeImportContext({ country: 'BG' });
    const { errors } = check(rows(unit('PL', 'country', null, 'PL')), ctx);
    expect(errors).toEqual([{ row: 2, column: 'country', value: 'PL', code: 'wrong_country', params: { country: 'BG' } }]);
  });

  it('puts every generated tree, in any order, parents first without errors', () => {
    // A random tree: each unit's parent is an earlier unit one level up.
    const tree = fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((picks) => {
      const records = [unit('BG', 'country', null)];
      const levels: TLevel[] = ['country', 'region', 'district', 'municipality', 'settlement'];
      picks.forEach((pick, i) => {
        const candidates = records.filter((r) => r.level !== 'settlement');
        const parent = candidates[pick % candidates.length]!;
        records.push(unit(`U${i}`, levels[levels.indexOf(parent.level) + 1]!, parent.code));
      });
      return records;
    });
    fc.assert(
      fc.property(
        tree.chain((records) => fc.shuffledSubarray(records, { minLength: records.length })),
        (shuffled) => {
          const { checked, errors } = check(rows(...shuffled), fakeImportContext({}));
          expect(errors).toEqual([]);
          expect(checked).toHaveLength(shuffled.length);
          const position = new Map(checked.map((t, i) => [t.record.code, i]));
          for (const t of checked) if (t.record.parentCode) expect(position.get(t.record.parentCode)).toBeLessThan(position.get(t.record.code)!);
        },
      ),
    );
  });
});
