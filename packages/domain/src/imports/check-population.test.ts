import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TSex } from '../population/population';
import { createPopulationChecker } from './check-population';
import { fakeImportContext } from './fake-import-context';
import type { TPopulationRecord } from './formats';
import { ImportErrorList } from './import-error';

const ctx = fakeImportContext({
  territories: [
    { id: 2, code: 'PAZ', country: 'BG', level: 'region' },
    { id: 5, code: 'SML', country: 'BG', level: 'region' },
  ],
  writable: [2],
});

const band = (ageFrom: number, ageTo: number | null, sex: TSex = 'F', code = 'PAZ', year = 2021): TPopulationRecord => ({
  code,
  year,
  sex,
  ageFrom,
  ageTo,
  count: 10,
});

function checkAll(records: TPopulationRecord[]) {
  const errors = new ImportErrorList();
  const checker = createPopulationChecker(ctx, errors);
  const checked = records.map((record, i) => checker.check(i + 2, record));
  checker.finish();
  return { checked, errors: errors.errors };
}

describe('createPopulationChecker', () => {
  it('resolves the territory of each row', () => {
    const { checked, errors } = checkAll([band(0, 4), band(5, null)]);
    expect(errors).toEqual([]);
    expect(checked).toEqual([
      { territoryId: 2, year: 2021, sex: 'F', ageFrom: 0, ageTo: 4, count: 10 },
      { territoryId: 2, year: 2021, sex: 'F', ageFrom: 5, ageTo: null, count: 10 },
    ]);
  });

  it('reports unknown codes with the code, and territories outside the user’s scope', () => {
    const { checked, errors } = checkAll([band(0, 4, 'F', 'XXX'), band(0, 4, 'F', 'SML'), band(5, 9, 'F', 'XXX')]);
    expect(checked).toEqual([null, null, null]);
    expect(errors).toEqual([
      { row: 2, column: 'code', value: 'XXX', code: 'unknown_territory', params: { code: 'XXX' } },
      { row: 3, column: 'code', value: 'SML', code: 'outside_scope' },
      { row: 4, column: 'code', value: 'XXX', code: 'unknown_territory', params: { code: 'XXX' } },
    ]);
  });

  it('reports overlapping bands and repeated bands with the rows of both', () => {
    const { errors } = checkAll([band(0, 4), band(5, 9), band(65, null), band(8, 12), band(5, 9), band(70, 74)]);
    expect(errors).toEqual([
      { row: 6, column: 'age_from', value: '5', code: 'duplicate_row', params: { otherRow: 3 } },
      { row: 5, column: 'age_from', value: '8', code: 'overlapping_band', params: { otherRow: 3 } },
      { row: 7, column: 'age_from', value: '70', code: 'overlapping_band', params: { otherRow: 4 } },
    ]);
  });

  it('compares bands only within one territory, year and sex', () => {
    const { errors } = checkAll([band(0, null, 'F'), band(0, null, 'M'), band(0, null, 'T'), band(0, null, 'F', 'PAZ', 2020), band(0, 4, 'F')]);
    expect(errors).toEqual([{ row: 6, column: 'age_from', value: '0', code: 'duplicate_row', params: { otherRow: 2 } }]);
  });

  it('finds an overlap with a wide band that an earlier narrow band hides', () => {
    const { errors } = checkAll([band(0, 100), band(5, 9), band(10, 14)]);
    expect(errors.map((e) => [e.row, e.params?.otherRow])).toEqual([
      [3, 2],
      [4, 2],
    ]);
  });

  it('accepts any set of adjacent bands, in any order and interleaved with other sexes', () => {
    const bands = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 25 }).map((widths) => {
      let from = 0;
      return widths.map((width, i) => {
        const last = i === widths.length - 1;
        const record = band(from, last ? null : from + width - 1);
        from += width;
        return record;
      });
    });
    fc.assert(
      fc.property(
        bands.chain((f) => fc.shuffledSubarray([...f, ...f.map((b) => ({ ...b, sex: 'M' as const }))], { minLength: f.length * 2 })),
        (records) => {
          expect(checkAll(records).errors).toEqual([]);
        },
      ),
    );
  });

  it('reports exactly one error for a band repeated in a valid set', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (repeat) => {
        const records = Array.from({ length: 21 }, (_, i) => band(i * 5, i === 20 ? null : i * 5 + 4));
        const { errors } = checkAll([...records, records[repeat]!]);
        expect(errors).toEqual([{ row: 23, column: 'age_from', value: String(repeat * 5), code: 'duplicate_row', params: { otherRow: repeat + 2 } }]);
      }),
    );
  });
});
