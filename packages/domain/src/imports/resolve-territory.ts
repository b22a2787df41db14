import type { ImportContext, TKnownTerritory } from './import-context';
import type { ImportErrorList } from './import-error';

/** Finds a territory by the code in a row, reporting `unknown_territory` or `outside_scope`. */
export type TTerritoryResolver = (row: number, column: string, code: string) => TKnownTerritory | null;

type TLookup = { territory: TKnownTerritory; writable: boolean } | null;

/**
 * A population file names the same few thousand codes a million times; each code is looked up
 * and scope-checked once. Every row with a bad code is still reported, so the count is right.
 */
export function createTerritoryResolver(ctx: ImportContext, errors: ImportErrorList): TTerritoryResolver {
  const cache = new Map<string, TLookup>();
  // Rows of one territory usually follow each other: compare with the last code before hashing.
  let lastCode: string | null = null;
  let lastLookup: TLookup = null;
  return (row, column, code) => {
    let lookup: TLookup | undefined = code === lastCode ? lastLookup : cache.get(code);
    if (lookup === undefined) {
      const territory = ctx.findTerritory(code, ctx.country);
      lookup = territory ? { territory, writable: ctx.canWrite(territory.id) } : null;
      cache.set(code, lookup);
    }
    lastCode = code;
    lastLookup = lookup;
    if (lookup === null) {
      errors.add({ row, column, value: code, code: 'unknown_territory', params: { code } });
      return null;
    }
    if (!lookup.writable) {
      errors.add({ row, column, value: code, code: 'outside_scope' });
      return null;
    }
    return lookup.territory;
  };
}
