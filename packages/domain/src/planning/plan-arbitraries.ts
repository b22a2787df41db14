import fc from 'fast-check';
import type { PlanGapInput, PlanGapRow, PlanItem } from './gap-after-plan';
import { FUNDING_SOURCES } from './proposal';

/**
 * Test helpers shared by the plan's tests: an item with defaults, and fast-check arbitraries of
 * small plans (few municipalities and types, so items often meet the same gaps).
 */

export const item = (over: Partial<PlanItem> & Pick<PlanItem, 'id'>): PlanItem => ({
  municipalityId: 1,
  serviceType: 'day_care',
  capacityChange: 10,
  unit: 'places',
  served: [],
  startYear: 2026,
  fundingSource: 'municipal',
  annualCost: null,
  explanation: '',
  ...over,
});

export const row = (over: Partial<PlanGapRow> & Pick<PlanGapRow, 'municipalityId' | 'serviceType'>): PlanGapRow => ({
  unit: 'places',
  need: null,
  capacity: 0,
  ...over,
});

export const MUNICIPALITIES = [1, 2, 3, 4] as const;
export const TYPES = ['day_care', 'home_care', 'shelter'] as const;
/** Each type's unit, as the catalogue gives one unit per type. */
export const UNIT_OF = { day_care: 'places', home_care: 'persons_per_year', shelter: 'places' } as const;

export const gapInputArb: fc.Arbitrary<PlanGapInput> = fc
  .array(
    fc.record({
      need: fc.option(fc.record({ value: fc.integer({ min: 0, max: 60 }), spread: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }) }), { nil: null }),
      capacity: fc.integer({ min: 0, max: 40 }),
    }),
    { minLength: MUNICIPALITIES.length * TYPES.length, maxLength: MUNICIPALITIES.length * TYPES.length },
  )
  .map((cells) => ({
    method: 'observed',
    rows: MUNICIPALITIES.flatMap((m, i) =>
      TYPES.map((t, j) => {
        const c = cells[i * TYPES.length + j]!;
        const need = c.need === null ? null : c.need.spread === null ? { value: c.need.value } : { value: c.need.value, low: Math.max(0, c.need.value - c.need.spread), high: c.need.value + c.need.spread };
        return row({ municipalityId: m, serviceType: t, unit: UNIT_OF[t], need, capacity: c.capacity });
      }),
    ),
  }));

export const itemArb = (id: number): fc.Arbitrary<PlanItem> =>
  fc
    .record({
      municipalityId: fc.constantFrom(...MUNICIPALITIES),
      serviceType: fc.constantFrom(...TYPES),
      capacityChange: fc.integer({ min: -20, max: 30 }),
      served: fc.array(fc.record({ municipalityId: fc.constantFrom(...MUNICIPALITIES), capacity: fc.integer({ min: 0, max: 25 }) }), { maxLength: 3 }),
      startYear: fc.integer({ min: 2025, max: 2031 }),
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
      annualCost: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
      explanation: fc.constantFrom('', '', '', 'Covered by the neighbouring municipality.'),
    })
    .map((r) => item({ id, ...r, unit: UNIT_OF[r.serviceType] }));

export const itemsArb: fc.Arbitrary<PlanItem[]> = fc.integer({ min: 0, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => itemArb(i + 1))));
