import type { TCapacityUnit } from '../catalogue/service-type';
import { itemShares, type PlanItem } from './gap-after-plan';

/**
 * Regional consolidation (issue 8 item 11): services one municipality (the host) will deliver
 * for residents of others (the sending municipalities), drawn from the items' `served`.
 *
 * Places for each municipality are the item's shares (`itemShares`, the same split the gaps use):
 * the places `served` names, the host keeping the rest, or — when `served` names more places
 * than the item adds — the item's places shared in proportion, in whole places. The annual cost
 * is shared in proportion to places: a municipality with a third of the places pays a third.
 * The host's own part is listed too (`host: true`), so places add up to the item's capacity
 * change and costs to its cost.
 *
 * Only items that add capacity (a positive change) and name at least one other municipality are
 * shared services; a reduction of a shared service changes no one's agreement to pay for places.
 */
export type SharedPart = {
  municipalityId: number;
  /** Whether this is the host's own part. */
  host: boolean;
  places: number;
  /** Share of the item: places ÷ the item's capacity change. */
  share: number;
  /** The part's annual cost; null when the item's cost is not known. */
  cost: number | null;
};

export type SharedService = {
  itemId: number;
  host: number;
  serviceType: string;
  unit: TCapacityUnit;
  startYear: number;
  capacity: number;
  /** The item's annual cost; null when not known. */
  cost: number | null;
  /** The host first, then the sending municipalities by id. */
  parts: SharedPart[];
};

/**
 * The shared services of a plan, by item id. `costOf` gives an item's annual cost (e.g. from
 * `planBudget(...).itemCosts`), null when not known.
 */
export function consolidate(items: readonly PlanItem[], costOf: (item: PlanItem) => number | null): SharedService[] {
  const out: SharedService[] = [];
  for (const item of items) {
    if (item.capacityChange <= 0) continue;
    const shares = itemShares(item);
    if (!shares.some((s) => s.municipalityId !== item.municipalityId)) continue;
    const cost = costOf(item);
    const capacity = item.capacityChange;
    const parts = shares
      .map((s): SharedPart => {
        const share = s.change / capacity;
        return { municipalityId: s.municipalityId, host: s.municipalityId === item.municipalityId, places: s.change, share, cost: cost === null ? null : cost * share };
      })
      .sort((a, b) => Number(b.host) - Number(a.host) || a.municipalityId - b.municipalityId);
    // The last part takes what rounding left, so parts add up to the cost exactly.
    if (cost !== null && parts.length > 0) {
      const rest = parts.slice(0, -1).reduce((sum, p) => sum + p.cost!, 0);
      parts[parts.length - 1]!.cost = cost - rest;
    }
    out.push({ itemId: item.id, host: item.municipalityId, serviceType: item.serviceType, unit: item.unit, startYear: item.startYear, capacity, cost, parts });
  }
  return out.sort((a, b) => a.itemId - b.itemId);
}

/** For each sending municipality, what it sends to each host: places and cost per service type. */
export type SendingSummary = { municipalityId: number; host: number; serviceType: string; unit: TCapacityUnit; places: number; cost: number | null; unpricedItems: number };

/**
 * The agreement's table: who delivers what for whom. One row per sending municipality × host ×
 * service type (units never added: a type has one unit), the host's own parts left out.
 */
export function sendingSummary(services: readonly SharedService[]): SendingSummary[] {
  const rows = new Map<string, SendingSummary>();
  for (const s of services) {
    for (const p of s.parts) {
      if (p.host) continue;
      const key = `${p.municipalityId}|${s.host}|${s.serviceType}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { municipalityId: p.municipalityId, host: s.host, serviceType: s.serviceType, unit: s.unit, places: 0, cost: null, unpricedItems: 0 }));
      row.places += p.places;
      if (p.cost === null) row.unpricedItems += 1;
      else row.cost = (row.cost ?? 0) + p.cost;
    }
  }
  return [...rows.values()].sort((a, b) => a.municipalityId - b.municipalityId || a.host - b.host || (a.serviceType < b.serviceType ? -1 : a.serviceType > b.serviceType ? 1 : 0));
}
