import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS_NUMBER,
  INVALID_CHOICE,
  NOT_DATE,
  NOT_INTEGER,
  NOT_NUMBER,
  NOT_YES_NO,
  TOO_LONG,
  choiceLabels,
  daysInMonth,
  parseChoice,
  parseDate,
  parseInteger,
  parseNumber,
  parseText,
  parseYesNo,
} from './parse-cells';
import { csvText } from '../exports/csv-cell';

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

  it.each(['abc', '12 34', '1.2.3', '--1', 'NaN', 'Infinity', '12,', ',5', '1 2345', '1,000,5', '1,00,000', '0 123', '1 000 0'])('refuses %j', (text) => {
    expect(parseNumber(text)).toBe(NOT_NUMBER);
  });

  it.each([
    ['1,234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ['0,125', 0.125],
    ['1.250', 1.25],
  ])('reads %j, whose grouping or decimal mark leaves one reading, as %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('refuses "1,250", a fraction in Bulgarian and a thousand and more in English, unless the range leaves one reading', () => {
    expect(parseNumber('1,250')).toBe(AMBIGUOUS_NUMBER);
    expect(parseNumber('1,250', 0, 100_000)).toBe(AMBIGUOUS_NUMBER);
    expect(parseNumber('42,125', -90, 90)).toBe(42.125);
    expect(parseNumber('1,250', 1000, 2000)).toBe(1250);
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
    // A count written in English: the quoted "1,000" of a population file is a thousand, not 1.
    ['1,000', 1000],
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['12,345,678', 12_345_678],
    ['1.000.000', 1_000_000],
    ['1,000.00', 1000],
    ['1.000,00', 1000],
    ['1 000,0', 1000],
  ])('reads %j as %d', (text, value) => {
    expect(parseInteger(text)).toBe(value);
  });

  it.each(['12,5', '1,5', '1.5', 'x', '-', '12345678901234567890', '4 5', '10,00,000', '1 0000', '1,000.5', '1 000,5', '1,0001'])('refuses %j', (text) => {
    expect(parseInteger(text)).toBe(NOT_INTEGER);
  });

  it('refuses "1.000": a thousand in some hands, and exactly what a spreadsheet cell holding 1.000… or 2.125 gives', () => {
    expect(parseInteger('1.000')).toBe(AMBIGUOUS_NUMBER);
    expect(parseInteger('2.125')).toBe(AMBIGUOUS_NUMBER);
    expect(parseInteger('-1.000')).toBe(AMBIGUOUS_NUMBER);
  });

  /** `n` with its thousands grouped by `separator`, as a spreadsheet in that language shows it. */
  const grouped = (n: number, separator: string) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);

  it('reads back any whole number with its thousands grouped by a space, a comma, or points', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(' ', '\u00a0', '\u202f', ','), (n, separator) => {
        expect(parseInteger(grouped(n, separator))).toBe(n === 0 ? 0 : n);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseInteger(grouped(n, '.'))).toBe(n);
      }),
    );
  });

  it('refuses a whole number whose groups are not of three digits, never reading it as another number', () => {
    // One group of the grouped number gains or loses a digit: "12,34,567", "1 2345 678".
    const badlyGrouped = fc
      .tuple(fc.integer({ min: 1_000, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(' ', '\u00a0', ',', '.'), fc.nat(), fc.constantFrom(-1, 1))
      .map(([n, separator, pick, shift]) => {
        const digits = n.toString();
        const cuts: number[] = [];
        for (let end = digits.length - 3; end > 0; end -= 3) cuts.unshift(end);
        const i = pick % cuts.length;
        cuts[i] = cuts[i]! + shift;
        return { n, separator, cuts, text: cuts.reduceRight((text, cut) => `${text.slice(0, cut)}${separator}${text.slice(cut)}`, digits) };
      })
      // A move that puts two cuts together or at an end is another kind of error; a single comma
      // or point cut that leaves no group of three is a decimal fraction, tested above.
      .filter(({ cuts, text, separator }) => new Set(cuts).size === cuts.length && cuts.every((c) => c > 0 && c < text.length) && (cuts.length > 1 || separator === ' ' || separator === '\u00a0'));
    fc.assert(
      fc.property(badlyGrouped, ({ text }) => {
        const value = parseInteger(text);
        expect(value).toSatisfy((v: unknown) => v === NOT_INTEGER || v === AMBIGUOUS_NUMBER);
      }),
    );
  });

  it('reads any text as its own number or not at all: a thousands reading or an exact decimal one, never a truncated value', () => {
    const text = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', ' ', '-'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(text, (t) => {
        const value = parseInteger(t);
        if (value === null || typeof value !== 'number') return;
        const digitsOnly = Number(t.replace(/[ ,.]/g, ''));
        const asDecimal = Number(t.replace(/[ ]/g, '').replace(',', '.'));
        // Grouped with a zero fraction, both ways (fast-check found them): "9.000,0" as Bulgarian,
        // Ukrainian and Polish write it, and "1,000.0" as English does.
        const groupedComma = Number(t.replace(/[ .]/g, '').replace(',', '.'));
        const groupedPoint = Number(t.replace(/[ ,]/g, ''));
        expect([digitsOnly, asDecimal, groupedComma, groupedPoint].map((v) => (v === 0 ? 0 : v))).toContain(value);
      }),
    );
  });

  it('reads back every safe integer', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it('refuses every number with a fractional part, as a spreadsheet cell gives it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)), (n) => {
        expect([NOT_INTEGER, AMBIGUOUS_NUMBER]).toContain(parseInteger(String(n)));
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

  // An export writes the reader's word for a choice (issue 7: no enum keys in a file for people); the import reads it back.
  const funding = ['state', 'municipal'] as const;
  const labels = choiceLabels([
    ['Общински бюджет', 'municipal'],
    ['Бюджет громади', 'municipal'],
    ['Budżet gminy', 'municipal'],
    ['Municipal budget', 'municipal'],
    ['Държавен бюджет', 'state'],
  ]);

  it('reads a choice from its label in any language and letter case', () => {
    expect(parseChoice('Общински бюджет', funding, labels)).toBe('municipal');
    expect(parseChoice('общински БЮДЖЕТ', funding, labels)).toBe('municipal');
    expect(parseChoice('budżet gminy', funding, labels)).toBe('municipal');
    expect(parseChoice('Бюджет громади', funding, labels)).toBe('municipal');
    expect(parseChoice('Municipal', funding, labels)).toBe('municipal');
    expect(parseChoice('Държавен бюджет', funding, labels)).toBe('state');
    // Without labels, only keys: the old reading is unchanged.
    expect(parseChoice('Общински бюджет', funding)).toBe(INVALID_CHOICE);
  });

  it('refuses a label of a key the column does not list, and a word no choice has', () => {
    expect(parseChoice('Общински бюджет', ['state'] as const, labels)).toBe(INVALID_CHOICE);
    expect(parseChoice('Бюджет', funding, labels)).toBe(INVALID_CHOICE);
  });

  it('leaves out a label two keys share, rather than guess', () => {
    const shared = choiceLabels([
      ['Друго', 'other'],
      ['Друго', 'project'],
      ['Проект', 'project'],
    ]);
    expect(shared.get('друго')).toBeUndefined();
    expect(shared.get('проект')).toBe('project');
  });

  it('property: every key reads back from each of its labels, whatever the letter case', () => {
    const word = fc.string({ unit: fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъьюяіїєґąćęłńóśźż '), minLength: 1, maxLength: 20 }).filter((w) => w.trim() !== '');
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8, selector: (w) => w.trim().toLowerCase() }), fc.boolean(), (words, upper) => {
        const keys = words.map((_, i) => `key_${i}`);
        const lookup = choiceLabels(words.map((w, i) => [w, keys[i]!] as const));
        words.forEach((w, i) => {
          const text = (upper ? w.toUpperCase() : w).trim();
          expect(parseChoice(text, keys, lookup)).toBe(keys[i]);
        });
      }),
    );
  });
});

describe('parseText', () => {
  it('keeps text up to the limit and refuses longer text', () => {
    expect(parseText('a'.repeat(300), 300)).toBe('a'.repeat(300));
    expect(parseText('a'.repeat(301), 300)).toBe(TOO_LONG);
    expect(parseText('', 300)).toBeNull();
  });
});

describe('parseText', () => {
  it("takes back the apostrophe potreby's CSV export puts before a text that looks like a formula", () => {
    for (const name of ['=HYPERLINK("x")', '+cmd', '-2+3', '@SUM(1)', ' =1+1']) {
      expect(parseText(csvText(name).replace(/^"|"$/g, '').replaceAll('""', '"'), 200)).toBe(name);
    }
    expect(parseText("'Ivan's house", 200)).toBe("'Ivan's house");
    expect(parseText("O'Brien", 200)).toBe("O'Brien");
  });
});

