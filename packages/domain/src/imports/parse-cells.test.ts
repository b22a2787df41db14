import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVALID_CHOICE,
  NOT_DATE,
  NOT_INTEGER,
  NOT_NUMBER,
  NOT_YES_NO,
  TOO_LONG,
  daysInMonth,
  parseChoice,
  parseDate,
  parseInteger,
  parseNumber,
  parseText,
  parseYesNo,
} from './parse-cells';

describe('parseNumber', () => {
  it.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['0,25', 0.25],
    ['1 234,5', 1234.5],
    ['1\u00a0234\u00a0567', 1234567],
    ['1\u202f234.75', 1234.75],
    ['1e-7', 1e-7],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(['abc', '12 34', '1,234.5', '1.2.3', '--1', 'NaN', 'Infinity', '12,', ',5', '1 2345'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBe(NOT_NUMBER);
  });

  it('reads an empty cell as no value', () => {
    expect(parseNumber('')).toBeNull();
  });

  it('reads back any finite number as JavaScript writes it (what the XLSX reader gives)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('reads back a decimal with a decimal comma and space-grouped thousands, as bg/uk/pl Excel writes it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom(' ', '\u00a0'), (whole, cents, space) => {
        const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, space);
        const text = `${grouped},${String(cents).padStart(2, '0')}`;
        expect(parseNumber(text)).toBeCloseTo(whole + cents / 100, 6);
      }),
    );
  });
});

describe('parseInteger', () => {
  it.each([
    ['0', 0],
    ['00014', 14],
    ['-5', -5],
    ['1 234', 1234],
    ['12,0', 12],
  ])('reads %j as %d', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each(['12,5', '1.5', 'x', '-', '12345678901234567890', '4 5'])('refuses %j', (text) => {
    expect(parseInteger(text)).toBe(NOT_INTEGER);
  });

  it('reads back every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('refuses every number with a fractional part', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)), (n) => {
        expect(parseInteger(String(n))).toBe(NOT_INTEGER);
      }),
    );
  });
});

describe('parseDate', () => {
  it.each([
    ['2021-12-31', '2021-12-31'],
    ['31.12.2021', '2021-12-31'],
    ['1.3.2020', '2020-03-01'],
    ['1.3.2020 г.', '2020-03-01'],
    ['29.02.2024', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  it.each(['2021-02-29', '31.04.2021', '1900-02-29', '2021-13-01', '00.01.2021', '2021/12/31', '12/31/2021', '31.12.21', 'tomorrow'])(
    'refuses %j, which is not a calendar date in an accepted form',
    (text) => {
      expect(parseDate(text)).toBe(NOT_DATE);
    },
  );

  it('reads back every calendar date in both forms', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        expect(parseDate(iso)).toBe(iso);
        expect(parseDate(`${d}.${m}.${y}`)).toBe(iso);
      }),
    );
  });

  it('agrees with the calendar on the length of every month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const date = new Date(0);
        date.setUTCFullYear(year, month, 0);
        expect(daysInMonth(year, month)).toBe(date.getUTCDate());
      }),
    );
  });
});

describe('parseYesNo', () => {
  it.each([
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['0', false],
    ['Да', true],
    ['не', false],
    ['так', true],
    ['НІ', false],
    ['Tak', true],
    ['nie', false],
  ])('reads %j as %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });

  it('refuses other words and reads an empty cell as no value', () => {
    expect(parseYesNo('maybe')).toBe(NOT_YES_NO);
    expect(parseYesNo('')).toBeNull();
  });
});

describe('parseChoice', () => {
  const levels = ['country', 'region', 'municipality'] as const;

  it('returns the listed key whatever the letter case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...levels), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), (level, upper) => {
        const text = [...level].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        expect(parseChoice(text, levels)).toBe(level);
      }),
    );
  });

  it('refuses what is not listed', () => {
    expect(parseChoice('province', levels)).toBe(INVALID_CHOICE);
    expect(parseChoice('', levels)).toBeNull();
  });
});

describe('parseText', () => {
  it('keeps text up to the limit and refuses longer text', () => {
    expect(parseText('a'.repeat(300), 300)).toBe('a'.repeat(300));
    expect(parseText('a'.repeat(301), 300)).toBe(TOO_LONG);
    expect(parseText('', 300)).toBeNull();
  });
});
