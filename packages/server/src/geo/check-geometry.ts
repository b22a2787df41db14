import type { TImportErrorCode } from '@potreby/domain';
import { z } from 'zod';

/**
 * The geometry of a municipal boundary as the map may draw it: a GeoJSON Polygon or MultiPolygon
 * (RFC 7946, §3.1.6–3.1.7) in longitude and latitude (WGS 84, §4), each ring closed and of at
 * least four positions. A polygon `[[[1e308,"x"],[null]]]` once replaced two real boundaries;
 * this is what refuses it. Self-intersections are not looked for: they draw, if oddly.
 */

/** Positions in one boundary: Bulgaria's most detailed municipal outlines have a few thousand. */
export const MAX_POSITIONS_PER_BOUNDARY = 1_000_000;

/** `[longitude, latitude]`, an altitude after them allowed and ignored (§3.1.1). */
const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], z.number());

const samePosition = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

/** A linear ring: four positions or more, the last the same as the first (§3.1.6). */
const ZRing = z
  .array(ZPosition)
  .min(4)
  .refine((ring) => samePosition(ring[0]!, ring.at(-1)!), { message: 'open' });

const ZPolygonRings = z.array(ZRing).min(1);

export const ZBoundaryGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: ZPolygonRings }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(ZPolygonRings).min(1) }),
]);
export type TBoundaryGeometry = z.infer<typeof ZBoundaryGeometry>;

export type GeometryProblem = { code: TImportErrorCode; value: string; params?: Record<string, string | number> };

/** Positions, counted without trusting the shape: the count comes before anything is checked. */
function countPositions(value: unknown, depth: number): number {
  if (!Array.isArray(value)) return 0;
  if (depth === 0) return value.length;
  let count = 0;
  for (const item of value) count += countPositions(item, depth - 1);
  return count;
}

/** The value at `path` inside `root`, as far as it goes. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return value;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The geometry, or what is wrong with it — the first problem found, said so that the person who
 * made the file can find it: the type, the position that is not a longitude and latitude, or the
 * ring that is open or too short.
 */
export function checkBoundaryGeometry(geometry: unknown): { geometry: TBoundaryGeometry } | { problem: GeometryProblem } {
  const type = (geometry as { type?: unknown } | null)?.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { problem: { code: 'invalid_choice', value: typeof type === 'string' ? type : JSON.stringify(type ?? null), params: { allowed: 'Polygon, MultiPolygon' } } };
  }
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  const positions = countPositions(coordinates, type === 'Polygon' ? 1 : 2);
  if (positions > MAX_POSITIONS_PER_BOUNDARY) return { problem: { code: 'too_many_points', value: String(positions), params: { max: MAX_POSITIONS_PER_BOUNDARY } } };
  const parsed = ZBoundaryGeometry.safeParse(geometry);
  if (parsed.success) return { geometry: parsed.data };
  const issue = parsed.error.issues[0]!;
  // Path: coordinates, [polygon,] ring, [position, [axis]].
  const ringDepth = type === 'Polygon' ? 2 : 3;
  const ringPath = issue.path.slice(0, ringDepth);
  const ringLabel = ringPath.slice(1).map((i) => Number(i) + 1).join('.');
  if (issue.path.length > ringDepth) {
    const position = at(geometry, issue.path.slice(0, ringDepth + 1));
    return { problem: { code: 'invalid_coordinates', value: JSON.stringify(position) ?? String(position) } };
  }
  if (issue.path.length === ringDepth) return { problem: { code: 'invalid_ring', value: ringLabel, params: { ring: ringLabel } } };
  // The coordinates are missing, or not arrays of rings.
  return { problem: { code: 'invalid_ring', value: JSON.stringify(at(geometry, issue.path))?.slice(0, 100) ?? '', params: { ring: ringLabel || '1' } } };
}
