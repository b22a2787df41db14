import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutValue, ImportErrorList, MAX_ECHOED_CHARS, MAX_REPORTED_ERRORS } from './import-error';

describe('ImportErrorList', () => {
  it('repeats only the start of a huge cell: a 20 MB cell once made a 41 MB answer', () => {
    const errors = new ImportErrorList();
    const cell = 'Ж'.repeat(20_000_000);
    errors.add({ row: 2, column: 'name', value: cell, code: 'too_long', params: { max: 300 } });
    errors.add({ row: 3, column: 'code', value: cell, code: 'unknown_territory', params: { code: cell } });
    expect(errors.errors[0]).toEqual({ row: 2, column: 'name', value: `${'Ж'.repeat(MAX_ECHOED_CHARS)}…`, code: 'too_long', params: { max: 300 } });
    expect(errors.errors[1]!.value).toHaveLength(MAX_ECHOED_CHARS + 1);
    expect(String(errors.errors[1]!.params!.code).length).toBeLessThanOrEqual(1001);
    expect(JSON.stringify(errors.errors).length).toBeLessThan(2_000);
  });

  it('keeps short values as they are, and counts every error while listing the first thousand', () => {
    const errors = new ImportErrorList();
    for (let row = 2; row < 2 + MAX_REPORTED_ERRORS + 5; row++) errors.add({ row, column: 'count', value: '-1', code: 'negative' });
    expect(errors.total).toBe(MAX_REPORTED_ERRORS + 5);
    expect(errors.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(errors.errors[0]).toEqual({ row: 2, column: 'count', value: '-1', code: 'negative' });
  });
});

describe('cutValue', () => {
  it('gives the text itself up to the limit, else its start and an ellipsis, never half a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const cut = cutValue(text);
        if (text.length <= MAX_ECHOED_CHARS) {
          expect(cut).toBe(text);
          return;
        }
        expect(cut.endsWith('…')).toBe(true);
        const start = cut.slice(0, -1);
        expect(text.startsWith(start)).toBe(true);
        expect(start.length).toBeGreaterThanOrEqual(MAX_ECHOED_CHARS - 1);
        expect(start.length).toBeLessThanOrEqual(MAX_ECHOED_CHARS);
        // A lone high surrogate at the end would be an invalid character in the JSON answer.
        expect(/[\ud800-\udbff]$/.test(start)).toBe(false);
      }),
    );
  });
});
