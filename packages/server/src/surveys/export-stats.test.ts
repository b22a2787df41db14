import { describe, expect, it } from 'vitest';
import { statsTable } from './export-stats';
import type { TStats } from './schema';

const title = (uk: string) => ({ default: uk, uk, en: `${uk} (en)` });
const options = (values: string[], counts: number[]) => {
  const n = counts.reduce((a, c) => a + c, 0);
  return values.map((value, i) => ({ value, text: title(`відповідь ${value}`), count: counts[i]!, share: n ? counts[i]! / n : 0 }));
};

const stats: TStats = {
  questionnaireId: 1,
  respondents: 40,
  questions: [
    { name: 'single', type: 'single', title: title('Одна'), n: 35, missing: 5, frequencies: options(['a', 'b', 'c', 'd'], [12, 3, 0, 20]), numbers: null },
    { name: 'few', type: 'boolean', title: title('Мало'), n: 4, missing: 36, frequencies: options(['true', 'false'], [4, 0]), numbers: null },
    { name: 'many', type: 'multiple', title: title('Кілька'), n: 31, missing: 9, frequencies: [...options(['x', 'y'], [2, 30]).map((o) => ({ ...o, share: o.count / 31 }))], numbers: null },
    { name: 'age', type: 'number', title: title('Вік'), n: 10, missing: 30, frequencies: null, numbers: { mean: 47.123456, median: 46.5, min: 19, max: 88 } },
    { name: 'rare', type: 'number', title: title('Рідко'), n: 3, missing: 37, frequencies: null, numbers: { mean: 2, median: 2, min: 1, max: 3 } },
    { name: 'note', type: 'comment', title: title('Коментар'), n: 2, missing: 38, frequencies: null, numbers: null },
  ],
};

describe('the published tables of a questionnaire', () => {
  const table = statsTable(stats, 'uk', 5);
  const rows = (name: string) => table.filter((r) => r[0] === name);

  it('withholds a small count and, where the total would give it away, a second one', () => {
    // 3 is under 5; 12 goes too, else 35 − 20 − 0 would tell the 3 and the 12 together only.
    expect(rows('single').map((r) => [r[2], r[3], r[4], r[5], r[6]])).toEqual([
      ['a', 'відповідь a', '<5', null, 35],
      ['b', 'відповідь b', '<5', null, 35],
      ['c', 'відповідь c', 0, 0, 35],
      ['d', 'відповідь d', 20, 0.5714, 35],
    ]);
    expect(rows('single')[0]![1]).toBe('Одна');
  });

  it('withholds the number who answered when it is small itself', () => {
    expect(rows('few').map((r) => [r[4], r[6]])).toEqual([
      ['<5', '<5'],
      [0, '<5'],
    ]);
    expect(rows('note')[0]![6]).toBe('<5');
  });

  it('withholds only the small options of a multiple choice: they do not add up to a total', () => {
    expect(rows('many').map((r) => [r[4], r[5], r[6]])).toEqual([
      ['<5', null, 31],
      [30, 0.9677, 31],
    ]);
  });

  it('gives n, mean and median of numbers, never the minimum or maximum, and nothing for fewer than the threshold', () => {
    expect(rows('age')).toEqual([['age', 'Вік', null, null, null, null, 10, 47.1235, 46.5]]);
    expect(rows('rare')).toEqual([['rare', 'Рідко', null, null, null, null, '<5', null, null]]);
    expect(table.flat()).not.toContain(19);
    expect(table.flat()).not.toContain(88);
  });

  it('takes the texts of the chosen language, else the default', () => {
    expect(statsTable(stats, 'en', 5)[0]![1]).toBe('Одна (en)');
    expect(statsTable(stats, 'pl', 5)[0]![1]).toBe('Одна');
  });
});
