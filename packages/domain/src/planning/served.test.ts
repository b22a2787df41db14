import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { servedProblems, type ServedItem } from './served';

const ROUND = new Set([1, 2, 3, 4, 5]);
const item = (served: ServedItem['served'], capacityChange = 10, municipalityId = 1): ServedItem => ({ municipalityId, capacityChange, served });
const codes = (i: ServedItem) => servedProblems(i, ROUND).map((p) => `${p.index}.${p.field}:${p.code}`);

describe('the municipalities an item serves', () => {
  it('takes other municipalities of the round, each once, with places within the change', () => {
    expect(codes(item([]))).toEqual([]);
    expect(codes(item([{ municipalityId: 2, capacity: 4 }, { municipalityId: 3, capacity: 6 }]))).toEqual([]);
    // Named without places: served, its share not stated.
    expect(codes(item([{ municipalityId: 2, capacity: 0 }]))).toEqual([]);
    // A reduction removes places from the residents it served: the same bound on its size.
    expect(codes(item([{ municipalityId: 2, capacity: 3 }], -5))).toEqual([]);
  });

  it('refuses a municipality outside the round, the item’s own, one named twice, and more places than the change', () => {
    expect(codes(item([{ municipalityId: 9, capacity: 1 }]))).toEqual(['0.municipalityId:not_in_round']);
    expect(codes(item([{ municipalityId: 1, capacity: 1 }]))).toEqual(['0.municipalityId:served_own_municipality']);
    expect(codes(item([{ municipalityId: 2, capacity: 1 }, { municipalityId: 2, capacity: 1 }]))).toEqual(['1.municipalityId:served_twice']);
    expect(codes(item([{ municipalityId: 2, capacity: 6 }, { municipalityId: 3, capacity: 5 }, { municipalityId: 4, capacity: 1 }]))).toEqual(['1.capacity:served_over_capacity']);
    expect(codes(item([{ municipalityId: 2, capacity: 1 }], 0))).toEqual(['0.capacity:served_over_capacity']);
  });

  const served = fc.uniqueArray(fc.record({ municipalityId: fc.integer({ min: 2, max: 5 }), capacity: fc.integer({ min: 0, max: 5 }) }), { selector: (s) => s.municipalityId, maxLength: 4 });

  it('never depends on the order of the entries, when they are valid', () => {
    fc.assert(
      fc.property(served, (list) => {
        expect(servedProblems(item(list, 20), ROUND)).toEqual([]);
        expect(servedProblems(item([...list].reverse(), 20), ROUND)).toEqual([]);
      }),
    );
  });

  it('always refuses a municipality named again, wherever it stands', () => {
    fc.assert(
      fc.property(served.filter((l) => l.length > 0), fc.nat(), (list, at) => {
        const again = list[at % list.length]!;
        const problems = servedProblems(item([...list, { ...again, capacity: 0 }], 100), ROUND);
        expect(problems).toContainEqual({ index: list.length, field: 'municipalityId', code: 'served_twice' });
      }),
    );
  });

  it('refuses places over the change exactly when their sum is over it, once', () => {
    fc.assert(
      fc.property(served, fc.integer({ min: -20, max: 20 }), (list, change) => {
        const total = list.reduce((s, e) => s + e.capacity, 0);
        const over = servedProblems(item(list, change), ROUND).filter((p) => p.code === 'served_over_capacity');
        expect(over.length).toBe(total > Math.abs(change) ? 1 : 0);
      }),
    );
  });
});
