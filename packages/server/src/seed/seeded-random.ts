/**
 * Deterministic pseudo-random numbers (a linear congruential generator), so the demonstration
 * data and the benchmarks' synthetic country are the same at every start.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
