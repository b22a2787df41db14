import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementContent, canonicalAgreement, compareAgreements, everyoneSigned, type AgreementParty, type AgreementPlanItem } from './agreement';
import { item } from './plan-arbitraries';
import { FUNDING_SOURCES } from './proposal';

// The server hashes with node:crypto; the tests do the same (the domain itself stays free of it).
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');

const parties: AgreementParty[] = [
  { municipalityId: 1, code: 'PAZ08', name: 'Пазарджик', mayorName: null },
  { municipalityId: 2, code: 'PAZ01', name: 'Батак', mayorName: 'Иван Петров' },
  { municipalityId: 3, code: 'PAZ03', name: 'Брацигово', mayorName: null },
];
const head = { roundId: 7, country: 'BG', territoryCode: 'PAZ', periodStart: 2026, periodEnd: 2029, currency: 'EUR' };
const planItem = (over: Partial<AgreementPlanItem> & Pick<AgreementPlanItem, 'id'>): AgreementPlanItem => ({ ...item(over), action: 'open', ...over });
const costOf = (i: { annualCost: number | null }) => i.annualCost;

const plan = [
  planItem({ id: 10, municipalityId: 1, capacityChange: 12, served: [{ municipalityId: 2, capacity: 4 }], annualCost: 90_000 }),
  planItem({ id: 11, municipalityId: 3, serviceType: 'home_care', unit: 'persons_per_year', capacityChange: 20, annualCost: null }),
];

describe('agreementContent', () => {
  it('lists the parties, the shared services with places and cost per municipality, and every item', () => {
    const c = agreementContent({ ...head, parties, items: plan, costOf });
    expect(c.parties.map((p) => p.municipalityId)).toEqual([1, 2, 3]);
    expect(c.parties[1]!.mayorName).toBe('Иван Петров');
    expect(c.services).toEqual([
      {
        itemId: 10,
        serviceType: 'day_care',
        host: 1,
        unit: 'places',
        startYear: 2026,
        capacity: 12,
        cost: 90_000,
        parts: [
          { municipalityId: 1, host: true, places: 8, cost: 60_000 },
          { municipalityId: 2, host: false, places: 4, cost: 30_000 },
        ],
      },
    ]);
    expect(c.items.map((i) => [i.itemId, i.municipalityId, i.cost])).toEqual([
      [10, 1, 90_000],
      [11, 3, null],
    ]);
  });

  it('rounds cost shares to cents, so the text is stable', () => {
    const c = agreementContent({ ...head, parties, items: [planItem({ id: 1, capacityChange: 3, served: [{ municipalityId: 2, capacity: 1 }], annualCost: 100 })], costOf });
    expect(c.services[0]!.parts.map((p) => p.cost)).toEqual([66.67, 33.33]);
  });
});

const itemsArb = fc
  .uniqueArray(
    fc.record({
      id: fc.integer({ min: 1, max: 200 }),
      municipalityId: fc.constantFrom(1, 2, 3),
      capacityChange: fc.integer({ min: -10, max: 30 }),
      sent: fc.option(fc.record({ municipalityId: fc.constantFrom(1, 2, 3), capacity: fc.integer({ min: 1, max: 10 }) }), { nil: null }),
      annualCost: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
      startYear: fc.integer({ min: 2026, max: 2029 }),
      fundingSource: fc.constantFrom(...FUNDING_SOURCES),
    }),
    { minLength: 1, maxLength: 8, selector: (r) => r.id },
  )
  .map((rows) => rows.map((r) => planItem({ id: r.id, municipalityId: r.municipalityId, capacityChange: r.capacityChange, served: r.sent ? [r.sent] : [], annualCost: r.annualCost, startYear: r.startYear, fundingSource: r.fundingSource })));

const hashFor = (items: readonly AgreementPlanItem[], ps: readonly AgreementParty[] = parties) => hashOf(canonicalAgreement(agreementContent({ ...head, parties: ps, items, costOf })));

describe('the content hash', () => {
  it('does not depend on the order of items or parties', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), (items, seed) => {
        const shuffled = [...items].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(hashFor(shuffled, [...parties].reverse())).toBe(hashFor(items));
      }),
    );
  });

  it('changes with any change of a capacity, a cost or a party', () => {
    fc.assert(
      fc.property(itemsArb, fc.nat(), fc.integer({ min: 1, max: 1000 }), (items, pick, delta) => {
        const i = pick % items.length;
        const base = hashFor(items);
        const capacity = items.map((x, k) => (k === i ? { ...x, capacityChange: x.capacityChange + delta } : x));
        const cost = items.map((x, k) => (k === i ? { ...x, annualCost: (x.annualCost ?? 0) + delta } : x));
        expect(hashFor(capacity)).not.toBe(base);
        expect(hashFor(cost)).not.toBe(base);
        expect(hashFor(items, parties.slice(0, 2))).not.toBe(base);
        expect(hashFor(items, parties.map((p, k) => (k === pick % parties.length ? { ...p, mayorName: `${p.mayorName ?? ''}x` } : p)))).not.toBe(base);
      }),
    );
  });
});

describe('compareAgreements', () => {
  it('gives each row added, removed, changed (with the fields) or the same', () => {
    const a = agreementContent({ ...head, parties, items: plan, costOf });
    const b = agreementContent({
      ...head,
      parties,
      items: [{ ...plan[0]!, capacityChange: 15, served: [{ municipalityId: 2, capacity: 4 }] }, planItem({ id: 12, municipalityId: 2, annualCost: 5 })],
      costOf,
    });
    const rows = compareAgreements(a, b);
    const find = (section: string, key: number) => rows.find((r) => r.section === section && r.key === key)!;
    expect(find('party', 1).change).toBe('same');
    expect(find('service', 10).change).toBe('changed');
    expect(find('service', 10).fields).toEqual(expect.arrayContaining(['capacity', 'places.1', 'cost.1', 'cost.2']));
    expect(find('service', 10).fields).not.toContain('places.2');
    expect(find('item', 10).fields).toEqual(['capacityChange']);
    expect(find('item', 11).change).toBe('removed');
    expect(find('item', 12).change).toBe('added');
  });

  it('finds nothing changed between a version and itself', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const c = agreementContent({ ...head, parties, items, costOf });
        expect(compareAgreements(c, c).every((r) => r.change === 'same')).toBe(true);
      }),
    );
  });
});

describe('everyoneSigned', () => {
  it('needs every party signed', () => {
    expect(everyoneSigned(parties, new Map([[1, 'signed'], [2, 'signed']]))).toBe(false);
    expect(everyoneSigned(parties, new Map([[1, 'signed'], [2, 'signed'], [3, 'agrees']]))).toBe(false);
    expect(everyoneSigned(parties, new Map([[1, 'signed'], [2, 'signed'], [3, 'signed']]))).toBe(true);
    expect(everyoneSigned([], new Map())).toBe(false);
  });
});
