import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_COLUMNS, IMPORT_KINDS } from './formats';
import { matchHeader } from './match-header';

const noAliases = new Map<string, string>();
/** What the Bulgarian export writes for some population columns. */
const bulgarian = new Map([
  ['код', 'code'],
  ['година', 'year'],
  ['пол', 'sex'],
  ['възраст от', 'age_from'],
  ['възраст до', 'age_to'],
  ['брой', 'count'],
  ['услуга', 'service_type'],
]);

describe('matchHeader', () => {
  it('maps the canonical header of every kind to itself without errors', () => {
    for (const kind of IMPORT_KINDS) {
      const names = FORMAT_COLUMNS[kind].map((c) => c.name);
      expect(matchHeader(kind, names, noAliases)).toEqual({ columns: names, errors: [] });
    }
  });

  it('ignores letter case, surrounding spaces and the BOM Excel writes before the first header', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IMPORT_KINDS), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (kind, upper) => {
        const names = FORMAT_COLUMNS[kind].map((c) => c.name);
        const header = names.map((name, i) => ` ${upper[i] ? name.toUpperCase() : name} `);
        header[0] = `\ufeff${header[0]}`;
        expect(matchHeader(kind, header, noAliases)).toEqual({ columns: names, errors: [] });
      }),
    );
  });

  it('accepts the translated headers of our own exports, in any order', () => {
    const result = matchHeader('population', ['Брой', 'Код', 'Пол', 'Година', 'Възраст от', 'Възраст  до'], bulgarian);
    expect(result.errors).toEqual([]);
    expect(result.columns).toEqual(['count', 'code', 'sex', 'year', 'age_from', 'age_to']);
  });

  it('accepts spaces for underscores', () => {
    expect(matchHeader('territories', ['code', 'name', 'level', 'Parent Code', 'country'], noAliases).errors).toEqual([]);
  });

  it('reports unknown, repeated and missing columns on the header row', () => {
    const result = matchHeader('population', ['code', 'year', 'YEAR', 'sex', 'age', 'услуга', 'count', ''], bulgarian);
    expect(result.columns).toEqual(['code', 'year', null, 'sex', null, null, 'count', null]);
    expect(result.errors).toEqual([
      { row: 1, column: 'year', value: 'YEAR', code: 'duplicate_column' },
      { row: 1, column: null, value: 'age', code: 'unknown_column' },
      // A services column is not a population column, even though it is a known alias.
      { row: 1, column: null, value: 'услуга', code: 'unknown_column' },
      { row: 1, column: 'age_from', value: null, code: 'missing_column' },
    ]);
  });

  it('puts header errors on the row where the header is', () => {
    const result = matchHeader('indicators', ['code', 'year'], noAliases, 5);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [5, 'indicator'],
      [5, 'value'],
      [5, 'source'],
    ]);
  });

  it('reports every required column that is left out, and no others', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_KINDS).chain((kind) => fc.tuple(fc.constant(kind), fc.subarray(FORMAT_COLUMNS[kind].map((c) => c.name)))),
        ([kind, present]) => {
          const missing = FORMAT_COLUMNS[kind].filter((c) => c.required && !present.includes(c.name)).map((c) => c.name);
          const { errors } = matchHeader(kind, present, noAliases);
          expect(errors.map((e) => e.column)).toEqual(missing);
          expect(errors.every((e) => e.code === 'missing_column')).toBe(true);
        },
      ),
    );
  });
});
