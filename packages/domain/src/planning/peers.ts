/**
 * Peer comparison (issue 8 item 10): a municipality's coverage per service type beside the
 * municipalities of the same country most like it.
 *
 * Likeness is a distance over three features: log₁₀ of the population (a town of 20,000 is as
 * far from one of 10,000 as one of 200,000 is from 100,000), the share aged 65 and over, and the
 * urban share. Each feature is turned into z-scores over the municipalities given (minus the
 * mean, divided by the standard deviation), so no feature weighs more for being counted in larger
 * numbers; the distance is the Euclidean distance of the z-scores. A feature unknown for either
 * municipality is left out of their distance, and the sum of squares is scaled up to three
 * features (so fewer known features do not look closer); a pair with no common feature is no
 * peer. A feature with no spread (all equal) counts zero. Ties go to the lower municipality id.
 */

export type PeerFeatures = {
  municipalityId: number;
  /** Population, or null when not known. */
  population: number | null;
  /** Share aged 65 and over, 0–1. */
  shareAged65: number | null;
  /** Share living in towns, 0–1. */
  urbanShare: number | null;
};

export type Peer = { municipalityId: number; distance: number };

type Vector = (number | null)[];

const featureVector = (f: PeerFeatures): Vector => [f.population !== null && f.population > 0 ? Math.log10(f.population) : null, f.shareAged65, f.urbanShare];

/** z-scored feature vectors of the municipalities. */
export function zScores(given: readonly PeerFeatures[]): Map<number, Vector> {
  // By id: means and spreads summed in one order, so no result depends on the input's order.
  const features = [...given].sort((a, b) => a.municipalityId - b.municipalityId);
  const raw = features.map(featureVector);
  const dims = 3;
  const stats = Array.from({ length: dims }, (_, d) => {
    const values = raw.map((v) => v[d]).filter((x): x is number => x !== null && x !== undefined && Number.isFinite(x));
    const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
    const sd = values.length ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length) : 0;
    return { mean, sd };
  });
  const out = new Map<number, Vector>();
  features.forEach((f, i) =>
    out.set(
      f.municipalityId,
      raw[i]!.map((x, d) => (x === null || x === undefined || !Number.isFinite(x) ? null : stats[d]!.sd > 0 ? (x - stats[d]!.mean) / stats[d]!.sd : 0)),
    ),
  );
  return out;
}

/** Distance of two z-scored vectors; null when they share no known feature. */
export function peerDistance(a: Vector, b: Vector): number | null {
  let sum = 0;
  let known = 0;
  for (let d = 0; d < a.length; d++) {
    const x = a[d];
    const y = b[d];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    sum += (x - y) ** 2;
    known += 1;
  }
  return known === 0 ? null : Math.sqrt((sum * a.length) / known);
}

/** The k municipalities most like `municipalityId` among `features` (itself excluded), nearest first. */
export function similarMunicipalities(municipalityId: number, features: readonly PeerFeatures[], k = 5): Peer[] {
  const z = zScores(features);
  const own = z.get(municipalityId);
  if (!own) return [];
  const peers: Peer[] = [];
  for (const [id, v] of z) {
    if (id === municipalityId) continue;
    const distance = peerDistance(own, v);
    if (distance !== null) peers.push({ municipalityId: id, distance });
  }
  return peers.sort((a, b) => a.distance - b.distance || a.municipalityId - b.municipalityId).slice(0, Math.max(0, k));
}

/** Coverage of one service type in one municipality (capacity ÷ need; null: no estimate). */
export type CoverageFigure = { municipalityId: number; serviceType: string; coverage: number | null };

export type PeerRow = {
  serviceType: string;
  own: number | null;
  /** In the peers' order (nearest first); null: no estimate there. */
  peers: { municipalityId: number; coverage: number | null }[];
  /** Median of the peers' known coverages; null when none is known. */
  median: number | null;
};

export type PeerComparison = { municipalityId: number; peers: Peer[]; rows: PeerRow[] };

/** A municipality's coverage per service type beside its k nearest peers'. */
export function peerComparison(municipalityId: number, features: readonly PeerFeatures[], coverage: readonly CoverageFigure[], k = 5): PeerComparison {
  const peers = similarMunicipalities(municipalityId, features, k);
  const wanted = new Set([municipalityId, ...peers.map((p) => p.municipalityId)]);
  const byType = new Map<string, Map<number, number | null>>();
  for (const c of coverage) {
    if (!wanted.has(c.municipalityId)) continue;
    let m = byType.get(c.serviceType);
    if (!m) byType.set(c.serviceType, (m = new Map()));
    m.set(c.municipalityId, c.coverage);
  }
  const rows = [...byType.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([serviceType, m]): PeerRow => {
      const peerFigures = peers.map((p) => ({ municipalityId: p.municipalityId, coverage: m.get(p.municipalityId) ?? null }));
      return { serviceType, own: m.get(municipalityId) ?? null, peers: peerFigures, median: median(peerFigures.map((p) => p.coverage).filter((x): x is number => x !== null)) };
    });
  return { municipalityId, peers, rows };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
