/** A proportion with its confidence interval, all as fractions 0–1. */
export type ProportionInterval = { p: number; low: number; high: number };

/** The normal quantile for a two-sided 95 % interval, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

/**
 * Wilson's score interval for a binomial proportion (E. B. Wilson, "Probable inference, the law
 * of succession, and statistical inference", JASA 22, 1927). Unlike the textbook p ± z·√(p(1−p)/n)
 * it never leaves [0, 1] and keeps close to its nominal coverage for the small groups and rare
 * needs of a municipal survey (Brown, Cai & DasGupta, Statistical Science 16, 2001, recommend it
 * for n < 40 and any p).
 *
 * `positive` may be fractional: the design-weighted estimate passes p·n_eff.
 */
export function wilsonInterval(positive: number, n: number, z: number = Z_95): ProportionInterval {
  if (!(n >= 0) || !(positive >= 0) || positive > n + 1e-9 * n) {
    throw new RangeError(`wilsonInterval: need 0 ≤ positive ≤ n, got ${positive} of ${n}`);
  }
  // With nobody asked the proportion can be anything.
  if (n === 0) return { p: 0, low: 0, high: 1 };
  const p = Math.min(1, positive / n);
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p = 0 or 1 the bound is exactly 0 or 1 in exact arithmetic; rounding must not move it.
  const low = p === 0 ? 0 : Math.max(0, centre - half);
  const high = p === 1 ? 1 : Math.min(1, centre + half);
  return { p, low, high };
}
