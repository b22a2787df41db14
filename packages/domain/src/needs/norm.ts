import { z } from 'zod';
import { ZAgeRange, ZSex } from '../population/population';
import { ZId } from '../validation/bounded';
import type { TerritoryTree } from '../territories/territory-tree';

/**
 * The population a service is meant for: persons of some ages and sex, or the count of an
 * indicator such as `persons_with_disability`.
 */
export const ZTargetPopulation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('population'), sex: ZSex, age: ZAgeRange }),
  z.object({ kind: z.literal('indicator'), indicator: z.string().min(1) }),
]);
export type TTargetPopulation = z.infer<typeof ZTargetPopulation>;

/**
 * A coverage norm: so many places (or persons a year) per 1,000 of the target population. A
 * norm set on a country applies everywhere in it; one set on a region overrides it there.
 */
export const ZNorm = z.object({
  id: z.number().int(),
  serviceType: z.string(),
  territoryId: z.number().int(),
  target: ZTargetPopulation,
  ratePer1000: z.number().min(0).max(1000),
  source: z.string().nullable(),
  illustrative: z.boolean(),
});
export type TNorm = z.infer<typeof ZNorm>;

/** Norms indexed for "which norm applies to this service type in this unit". */
export class NormBook {
  /** service type → territory → norm */
  private readonly byType = new Map<string, Map<number, TNorm>>();

  constructor(
    private readonly tree: TerritoryTree,
    norms: Iterable<TNorm>,
  ) {
    for (const n of norms) {
      let byTerritory = this.byType.get(n.serviceType);
      if (!byTerritory) this.byType.set(n.serviceType, (byTerritory = new Map()));
      byTerritory.set(n.territoryId, n);
    }
  }

  /** The norm set on the unit itself or on its nearest enclosing unit that has one. */
  normFor(serviceType: string, territoryId: number): TNorm | undefined {
    const byTerritory = this.byType.get(serviceType);
    if (!byTerritory) return undefined;
    const own = byTerritory.get(territoryId);
    if (own) return own;
    for (const a of this.tree.ancestorsOf(territoryId)) {
      const n = byTerritory.get(a.id);
      if (n) return n;
    }
    return undefined;
  }
}

/** Set (create or replace) the norm of a service type on a country or region. */
export const ZNormInput = z.object({
  serviceType: z.string().min(1),
  territoryId: ZId,
  target: ZTargetPopulation,
  ratePer1000: z.number().min(0).max(1000),
  source: z.string().trim().max(500).nullable().default(null),
  illustrative: z.boolean().default(false),
});
export type TNormInput = z.infer<typeof ZNormInput>;
