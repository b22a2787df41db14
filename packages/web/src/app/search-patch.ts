import { useSearchParams } from 'react-router';

/**
 * The address's parameters and a way to change some of them at once (null removes one), so a
 * screen keeps its place, its year or its tab in the address for the back button and for links.
 */
export function useSearchPatch(): [URLSearchParams, (patch: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const patch = (changes: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(changes)) if (v === null) next.delete(k);
      else next.set(k, v);
      return next;
    });
  return [params, patch];
}
