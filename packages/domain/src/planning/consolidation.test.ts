import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consolidate, sendingSummary } from './consolidation';
import { item, itemsArb } from './plan-arbitraries';

describe('consolidate', () => {
  it('lists a service hosted for other municipalities, with places and cost shared by places', () => {
    const shared = consolidate(
      [
        item({ id: 1, municipalityId: 5, capacityChange: 20, served: [{ municipalityId: 6, capacity: 5 }, { municipalityId: 7, capacity: 3 }] }),
        item({ id: 2, municipalityId: 5, capacityChange: 10 }),
      ],
      () => 100_000,
    );
    expect(shared).toEqual([
      {
        itemId: 1,
        host: 5,
        serviceType: 'day_care',
        unit: 'places',
        startYear: 2026,
        capacity: 20,
        cost: 100_000,
        parts: [
          { municipalityId: 5, host: true, places: 12, share: 0.6, cost: 60_000 },
          { municipalityId: 6, host: false, places: 5, share: 0.25, cost: 25_000 },
          { municipalityId: 7, host: false, places: 3, share: 0.15, cost: 15_000 },
        ],
      },
    ]);
    expect(sendingSummary(shared)).toEqual([
      { municipalityId: 6, host: 5, serviceType: 'day_care', unit: 'places', places: 5, cost: 25_000, unpricedItems: 0 },
      { municipalityId: 7, host: 5, serviceType: 'day_care', unit: 'places', places: 3, cost: 15_000, unpricedItems: 0 },
    ]);
  });

  it('keeps an unknown cost unknown, and leaves out reductions', () => {
    const shared = consolidate(
      [item({ id: 1, municipalityId: 5, capacityChange: 4, served: [{ municipalityId: 6, capacity: 4 }] }), item({ id: 2, municipalityId: 5, capacityChange: -4, served: [{ municipalityId: 6, capacity: 4 }] })],
      () => null,
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]!.parts).toEqual([{ municipalityId: 6, host: false, places: 4, share: 1, cost: null }]);
  });

  it('shares add up to the item\'s capacity and cost (property)', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 0, max: 1_000_000 }), (items, cost) => {
        for (const s of consolidate(items, (i) => (i.annualCost === null ? null : cost))) {
          expect(s.parts.reduce((a, p) => a + p.places, 0)).toBe(s.capacity);
          expect(s.parts.reduce((a, p) => a + p.share, 0)).toBeCloseTo(1, 9);
          if (s.cost === null) expect(s.parts.every((p) => p.cost === null)).toBe(true);
          else expect(s.parts.reduce((a, p) => a + p.cost!, 0)).toBeCloseTo(s.cost, 6);
          expect(s.parts.some((p) => !p.host)).toBe(true);
        }
      }),
    );
  });
});
