import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, peerComparison, peerDistance, similarMunicipalities, zScores, type PeerFeatures } from './peers';

const f = (municipalityId: number, population: number | null, shareAged65: number | null, urbanShare: number | null): PeerFeatures => ({ municipalityId, population, shareAged65, urbanShare });

const country = [f(1, 10_000, 0.25, 0.4), f(2, 11_000, 0.26, 0.42), f(3, 300_000, 0.18, 0.95), f(4, 9_000, 0.3, 0.2), f(5, 2_000, 0.4, 0)];

describe('peers', () => {
  it('pick the nearest municipalities by z-scored log population, share 65+ and urban share', () => {
    expect(similarMunicipalities(1, country, 2).map((p) => p.municipalityId)).toEqual([2, 4]);
    expect(similarMunicipalities(3, country, 1).map((p) => p.municipalityId)).toEqual([2]);
  });

  it('measure population on a log scale', () => {
    const z = zScores([f(1, 10, null, null), f(2, 100, null, null), f(3, 1000, null, null)]);
    expect(peerDistance(z.get(1)!, z.get(2)!)).toBeCloseTo(peerDistance(z.get(2)!, z.get(3)!)!, 9);
  });

  it('leave out unknown features, and a municipality with none in common', () => {
    const some = [...country, f(6, null, 0.25, 0.4), f(7, null, null, null)];
    const peers = similarMunicipalities(1, some, 10).map((p) => p.municipalityId);
    expect(peers).toContain(6);
    expect(peers).not.toContain(7);
  });

  it('give each service type\'s coverage beside the peers\' and their median, null for no estimate', () => {
    const cmp = peerComparison(1, country, [
      { municipalityId: 1, serviceType: 'day_care', coverage: 0.5 },
      { municipalityId: 2, serviceType: 'day_care', coverage: 0.8 },
      { municipalityId: 4, serviceType: 'day_care', coverage: null },
      { municipalityId: 3, serviceType: 'day_care', coverage: 2 },
    ], 2);
    expect(cmp.rows).toEqual([
      { serviceType: 'day_care', own: 0.5, peers: [{ municipalityId: 2, coverage: 0.8 }, { municipalityId: 4, coverage: null }], median: 0.8 },
    ]);
  });

  it('are symmetric, never include the municipality itself, and do not depend on input order (property)', () => {
    const featuresArb = fc.uniqueArray(
      fc.record({
        municipalityId: fc.integer({ min: 1, max: 50 }),
        population: fc.option(fc.integer({ min: 100, max: 1_000_000 }), { nil: null }),
        shareAged65: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
        urbanShare: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      }),
      { selector: (x) => x.municipalityId, minLength: 2, maxLength: 20 },
    );
    fc.assert(
      fc.property(featuresArb, fc.integer({ min: 0, max: 6 }), (features, k) => {
        const id = features[0]!.municipalityId;
        const peers = similarMunicipalities(id, features, k);
        expect(peers.length).toBeLessThanOrEqual(k);
        expect(peers.some((p) => p.municipalityId === id)).toBe(false);
        expect(similarMunicipalities(id, [...features].reverse(), k).map((p) => p.municipalityId)).toEqual(peers.map((p) => p.municipalityId));
        const z = zScores(features);
        const a = z.get(features[0]!.municipalityId)!;
        const b = z.get(features[1]!.municipalityId)!;
        expect(peerDistance(a, b)).toBe(peerDistance(b, a));
      }),
    );
  });

  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
