import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBoundaryGeometry, MAX_POSITIONS_PER_BOUNDARY } from './check-geometry';

const square = [
  [24.1, 42.1],
  [24.5, 42.1],
  [24.5, 42.4],
  [24.1, 42.4],
  [24.1, 42.1],
];

/** A closed ring of `n` + 1 positions around a centre, as boundary files hold them. */
const ring = fc
  .tuple(fc.double({ min: -170, max: 170, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }), fc.integer({ min: 3, max: 40 }))
  .map(([lon, lat, n]) => {
    const points = Array.from({ length: n }, (_, i) => [lon + Math.cos((2 * Math.PI * i) / n), lat + Math.sin((2 * Math.PI * i) / n)]);
    return [...points, points[0]!];
  });

describe('checkBoundaryGeometry', () => {
  it('refuses the polygon of the security review, which replaced two real boundaries', () => {
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: [[[1e308, 'x'], [null]]] })).toEqual({ problem: { code: 'invalid_coordinates', value: '[1e+308,"x"]' } });
  });

  it('accepts any polygon or multipolygon of closed rings in longitude and latitude, and keeps only its type and coordinates', () => {
    fc.assert(
      fc.property(fc.array(ring, { minLength: 1, maxLength: 3 }), fc.boolean(), (rings, multi) => {
        const geometry = multi ? { type: 'MultiPolygon', coordinates: [rings, rings], bbox: [0, 0, 1, 1] } : { type: 'Polygon', coordinates: rings };
        expect(checkBoundaryGeometry(geometry)).toEqual({ geometry: { type: geometry.type, coordinates: geometry.coordinates } });
      }),
    );
    // An altitude after longitude and latitude is allowed (RFC 7946, §3.1.1).
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 550])] })).toHaveProperty('geometry');
  });

  it('refuses a position out of range, not a number, or short of two numbers, naming it', () => {
    const bad = fc.oneof(
      fc.tuple(fc.oneof(fc.double({ min: 180.000001, noDefaultInfinity: true, noNaN: true }), fc.double({ max: -180.000001, noDefaultInfinity: true, noNaN: true })), fc.constant(42)),
      fc.tuple(fc.constant(24), fc.oneof(fc.double({ min: 90.000001, noDefaultInfinity: true, noNaN: true }), fc.double({ max: -90.000001, noDefaultInfinity: true, noNaN: true }))),
      fc.tuple(fc.oneof(fc.string(), fc.constant(null), fc.boolean()), fc.constant(42)),
      fc.constant([24]),
      fc.constant('24,42'),
    );
    fc.assert(
      fc.property(bad, fc.integer({ min: 1, max: 3 }), (position, at) => {
        const rings = [square.map((p, i) => (i === at ? position : p))];
        expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: rings })).toEqual({ problem: { code: 'invalid_coordinates', value: JSON.stringify(position) } });
      }),
    );
  });

  it('refuses an open ring and a ring of fewer than four positions, naming the ring', () => {
    const open = square.slice(0, 4);
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: [square, open] })).toEqual({ problem: { code: 'invalid_ring', value: '2', params: { ring: '2' } } });
    expect(checkBoundaryGeometry({ type: 'MultiPolygon', coordinates: [[square], [square, [square[0], square[1], square[0]]]] })).toEqual({
      problem: { code: 'invalid_ring', value: '2.2', params: { ring: '2.2' } },
    });
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: [] })).toMatchObject({ problem: { code: 'invalid_ring' } });
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: 'none' })).toMatchObject({ problem: { code: 'invalid_ring' } });
  });

  it('refuses other types, and boundaries of more points than the map draws', () => {
    expect(checkBoundaryGeometry({ type: 'Point', coordinates: [24, 42] })).toEqual({ problem: { code: 'invalid_choice', value: 'Point', params: { allowed: 'Polygon, MultiPolygon' } } });
    expect(checkBoundaryGeometry(null)).toMatchObject({ problem: { code: 'invalid_choice', value: 'null' } });
    const huge = Array.from({ length: MAX_POSITIONS_PER_BOUNDARY + 1 }, () => [24, 42]);
    expect(checkBoundaryGeometry({ type: 'Polygon', coordinates: [huge] })).toEqual({
      problem: { code: 'too_many_points', value: String(MAX_POSITIONS_PER_BOUNDARY + 1), params: { max: MAX_POSITIONS_PER_BOUNDARY } },
    });
  });
});
