import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkRegistryYear,
  countRegistryYears,
  defaultRegistryYear,
  defaultYearOfRegistries,
  registryYears,
  siteConcerns,
  type RegistryYearCount,
} from './registry-year';

// Pazardzhik province after one 2026 site was added in Peshtera (issue 7, "the year trap").
const pazardzhik: RegistryYearCount[] = [
  { year: 2025, sites: 29 },
  { year: 2026, sites: 1 },
];

describe('the year a registry opens on', () => {
  it('is the newest complete year: one early site does not make 2026 the default', () => {
    expect(defaultRegistryYear(pazardzhik)).toBe(2025);
    expect(checkRegistryYear(pazardzhik, 2026)).toEqual({ year: 2026, sites: 1, previous: { year: 2025, sites: 29 }, incomplete: true });
    expect(checkRegistryYear(pazardzhik, 2025)).toEqual({ year: 2025, sites: 29, previous: null, incomplete: false });
  });

  it('moves on once the new year holds at least half of the year before', () => {
    expect(defaultRegistryYear([{ year: 2025, sites: 29 }, { year: 2026, sites: 14 }])).toBe(2025);
    expect(defaultRegistryYear([{ year: 2025, sites: 29 }, { year: 2026, sites: 15 }])).toBe(2026);
    expect(defaultRegistryYear([{ year: 2025, sites: 30 }, { year: 2026, sites: 15 }])).toBe(2026);
    expect(defaultRegistryYear([{ year: 2025, sites: 29 }, { year: 2026, sites: 29 }, { year: 2027, sites: 40 }])).toBe(2027);
  });

  it('compares with the nearest earlier year that has sites, and ignores empty years', () => {
    const counts = [
      { year: 2022, sites: 10 },
      { year: 2023, sites: 0 },
      { year: 2025, sites: 4 },
    ];
    expect(checkRegistryYear(counts, 2025)).toMatchObject({ previous: { year: 2022, sites: 10 }, incomplete: true });
    expect(defaultRegistryYear(counts)).toBe(2022);
    expect(registryYears(counts).map((c) => c.year)).toEqual([2025, 2022]);
  });

  it('flags a year the territory has no site in at all, after years it had some', () => {
    expect(checkRegistryYear(pazardzhik, 2027)).toEqual({ year: 2027, sites: 0, previous: { year: 2026, sites: 1 }, incomplete: true });
    expect(checkRegistryYear(pazardzhik, 2024)).toEqual({ year: 2024, sites: 0, previous: null, incomplete: false });
  });

  it('has none without any site', () => {
    expect(defaultRegistryYear([])).toBeNull();
    expect(defaultRegistryYear([{ year: 2025, sites: 0 }])).toBeNull();
    expect(defaultYearOfRegistries([])).toBeNull();
  });

  it('sums a year given twice', () => {
    expect(registryYears([{ year: 2025, sites: 3 }, { year: 2025, sites: 4 }])).toEqual([{ year: 2025, sites: 7, previous: null, incomplete: false }]);
  });
});

describe('the year several registries open on (every country, for an administrator)', () => {
  it('is one complete in every country: Ukraine’s 2026 does not hide Bulgaria’s 2025', () => {
    const ukraine = [{ year: 2026, sites: 12 }];
    expect(defaultYearOfRegistries([[{ year: 2025, sites: 29 }], ukraine])).toBe(2025);
    expect(defaultYearOfRegistries([pazardzhik, ukraine])).toBe(2025);
    // Once Bulgaria's 2026 is filled in, it is 2026 everywhere.
    expect(defaultYearOfRegistries([[{ year: 2025, sites: 29 }, { year: 2026, sites: 30 }], ukraine])).toBe(2026);
  });

  it('is the single registry’s own default when there is one', () => {
    expect(defaultYearOfRegistries([pazardzhik])).toBe(defaultRegistryYear(pazardzhik));
  });
});

describe('the sites of a territory’s registry', () => {
  const province = '/1/2/';
  const municipality = '/1/2/3/';
  const other = '/1/5/6/';

  it('are those standing in it, serving a unit in it, or serving a unit that contains it', () => {
    expect(siteConcerns({ settlementPath: '/1/2/3/30/', servesPaths: [] }, municipality)).toBe(true);
    expect(siteConcerns({ settlementPath: '/1/5/6/60/', servesPaths: ['/1/2/3/'] }, municipality)).toBe(true);
    expect(siteConcerns({ settlementPath: '/1/2/4/40/', servesPaths: [province] }, municipality)).toBe(true);
    expect(siteConcerns({ settlementPath: '/1/2/4/40/', servesPaths: ['/1/2/4/'] }, municipality)).toBe(false);
    expect(siteConcerns({ settlementPath: '/1/2/3/30/', servesPaths: [] }, other)).toBe(false);
  });

  it('are counted by year', () => {
    const sites = [
      { year: 2025, settlementPath: '/1/2/3/30/', servesPaths: [] },
      { year: 2025, settlementPath: '/1/2/4/40/', servesPaths: [province] },
      { year: 2026, settlementPath: '/1/2/3/31/', servesPaths: [] },
      { year: 2026, settlementPath: '/1/5/6/60/', servesPaths: [] },
    ];
    expect(countRegistryYears(sites, municipality)).toEqual([
      { year: 2026, sites: 1 },
      { year: 2025, sites: 2 },
    ]);
    expect(countRegistryYears(sites, '/1/')).toEqual([
      { year: 2026, sites: 2 },
      { year: 2025, sites: 2 },
    ]);
  });
});

describe('properties', () => {
  const counts = fc.array(fc.record({ year: fc.integer({ min: 2000, max: 2030 }), sites: fc.nat({ max: 500 }) }), { maxLength: 12 });

  it('the default is a year with sites, complete, and no newer year is complete', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const year = defaultRegistryYear(c);
        const checked = registryYears(c);
        if (checked.length === 0) {
          expect(year).toBeNull();
          return;
        }
        expect(year).not.toBeNull();
        expect(checked.find((y) => y.year === year)?.incomplete).toBe(false);
        expect(checked.filter((y) => y.year > year! && !y.incomplete)).toEqual([]);
      }),
    );
  });

  it('does not depend on the order the counts come in', () => {
    fc.assert(
      fc.property(counts, fc.integer(), (c, seed) => {
        const shuffled = [...c].sort((a, b) => ((a.year * 31 + a.sites + seed) % 7) - ((b.year * 31 + b.sites + seed) % 7));
        expect(registryYears(shuffled)).toEqual(registryYears(c));
        expect(defaultRegistryYear(shuffled)).toBe(defaultRegistryYear(c));
      }),
    );
  });

  it('depends on proportions only: every count multiplied alike changes nothing', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 50 }), (c, k) => {
        const scaled = c.map((x) => ({ year: x.year, sites: x.sites * k }));
        expect(registryYears(scaled).map((y) => [y.year, y.incomplete])).toEqual(registryYears(c).map((y) => [y.year, y.incomplete]));
      }),
    );
  });

  it('a year with at least as many sites as the year before is never incomplete; adding sites to a year never makes it so', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2000, max: 2030 }), fc.nat({ max: 100 }), (c, year, more) => {
        const check = checkRegistryYear(c, year);
        if (check.previous && check.sites >= check.previous.sites) expect(check.incomplete).toBe(false);
        const grown = checkRegistryYear([...c, { year, sites: more }], year);
        if (!check.incomplete) expect(grown.incomplete).toBe(false);
      }),
    );
  });

  it('several registries: the earliest year with sites anywhere always qualifies, and one registry alone is its own default', () => {
    fc.assert(
      fc.property(fc.array(counts, { maxLength: 4 }), (registries) => {
        const year = defaultYearOfRegistries(registries);
        const all = registries.flat().filter((c) => c.sites > 0);
        if (all.length === 0) {
          expect(year).toBeNull();
          return;
        }
        expect(year).toBeGreaterThanOrEqual(Math.min(...all.map((c) => c.year)));
        for (const r of registries) expect(checkRegistryYear(r, year!).incomplete).toBe(false);
        if (registries.length === 1) expect(year).toBe(defaultRegistryYear(registries[0]!));
      }),
    );
  });
});
