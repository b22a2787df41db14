/**
 * Pure helpers of the scenarios tab (tested in scenario-parts.test.ts): age bands named from the
 * norms' target keys, and the changes a scenario keeps (only what differs from the round).
 */

/** An age band of both sexes from a target key (`p:T:65:` → 65 and over; `p:T:0:17` → 0–17); null for any other target. */
export function ageBandOf(target: string): { from: number; to: number | null } | null {
  const m = /^p:T:(\d{1,3}):(\d{1,3})?$/.exec(target);
  if (!m) return null;
  return { from: Number(m[1]), to: m[2] === undefined ? null : Number(m[2]) };
}

export type ItemChange = { itemId: number; capacityChange?: number; annualCost?: number | null; removed?: boolean };
export type ItemDraft = { capacityChange: number; annualCost: number | null; removed: boolean };
type Item = { id: number; capacityChange: number; annualCost: number | null };

/** The changes of a draft over the round's items: only the fields that differ, only the items that change. */
export function itemChanges(items: readonly Item[], drafts: ReadonlyMap<number, ItemDraft>): ItemChange[] {
  const out: ItemChange[] = [];
  for (const item of items) {
    const d = drafts.get(item.id);
    if (!d) continue;
    const change: ItemChange = { itemId: item.id };
    if (d.removed) change.removed = true;
    if (d.capacityChange !== item.capacityChange) change.capacityChange = d.capacityChange;
    if (d.annualCost !== item.annualCost) change.annualCost = d.annualCost;
    if (Object.keys(change).length > 1) out.push(change);
  }
  return out;
}

/** The draft of each item: the round's figures with the scenario's changes over them. */
export function draftsOf(items: readonly Item[], changes: readonly ItemChange[]): Map<number, ItemDraft> {
  const byId = new Map(changes.map((c) => [c.itemId, c]));
  return new Map(
    items.map((i) => {
      const c = byId.get(i.id);
      return [i.id, { capacityChange: c?.capacityChange ?? i.capacityChange, annualCost: c && c.annualCost !== undefined ? c.annualCost : i.annualCost, removed: c?.removed ?? false }];
    }),
  );
}

/** Whether two sides of a comparison differ (both unknown: no difference). */
export const differs = (a: number | null, b: number | null): boolean => (a === null || b === null ? a !== b : Math.abs(a - b) > 1e-9);
