import { levelRank, PLANNING_LEVEL, type TTerritory } from './territory';

/**
 * An index over a set of territories for the questions the needs model asks: who is whose
 * parent, what lies within a unit, which municipality a settlement belongs to. Built once from
 * plain rows; never changes afterwards.
 */
export class TerritoryTree {
  private readonly byId = new Map<number, TTerritory>();
  private readonly childIds = new Map<number, number[]>();
  private readonly ancestorCache = new Map<number, readonly TTerritory[]>();

  constructor(territories: readonly TTerritory[]) {
    for (const t of territories) this.byId.set(t.id, t);
    for (const t of territories) {
      if (t.parentId === null || !this.byId.has(t.parentId)) continue;
      let list = this.childIds.get(t.parentId);
      if (!list) this.childIds.set(t.parentId, (list = []));
      list.push(t.id);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): TTerritory | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<TTerritory> {
    return this.byId.values();
  }

  childrenOf(id: number): readonly number[] {
    return this.childIds.get(id) ?? [];
  }

  /** Ancestors, nearest first, not including the unit itself. Cached: the tree never changes. */
  ancestorsOf(id: number): readonly TTerritory[] {
    let cached = this.ancestorCache.get(id);
    if (!cached) this.ancestorCache.set(id, (cached = this.findAncestors(id)));
    return cached;
  }

  private findAncestors(id: number): TTerritory[] {
    const out: TTerritory[] = [];
    let current = this.byId.get(id);
    const seen = new Set<number>();
    while (current && current.parentId !== null && !seen.has(current.parentId)) {
      seen.add(current.parentId);
      const parent = this.byId.get(current.parentId);
      if (!parent) break;
      out.push(parent);
      current = parent;
    }
    return out;
  }

  /** True when `id` is `ancestorId` or lies anywhere below it. */
  isWithin(id: number, ancestorId: number): boolean {
    if (id === ancestorId) return true;
    return this.ancestorsOf(id).some((a) => a.id === ancestorId);
  }

  /** The unit itself and everything below it, depth first. */
  *subtree(id: number): Generator<TTerritory> {
    const stack = [id];
    while (stack.length) {
      const next = stack.pop()!;
      const t = this.byId.get(next);
      if (!t) continue;
      yield t;
      const kids = this.childIds.get(next);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }

  /** The municipality that is this unit or contains it; undefined above the planning level. */
  municipalityOf(id: number): TTerritory | undefined {
    const t = this.byId.get(id);
    if (!t) return undefined;
    if (t.level === PLANNING_LEVEL) return t;
    if (levelRank(t.level) < levelRank(PLANNING_LEVEL)) return undefined;
    return this.ancestorsOf(id).find((a) => a.level === PLANNING_LEVEL);
  }

  /** The planning units (municipalities) a territory consists of or belongs to. */
  planningUnitsOf(id: number): TTerritory[] {
    const t = this.byId.get(id);
    if (!t) return [];
    if (levelRank(t.level) >= levelRank(PLANNING_LEVEL)) {
      const m = this.municipalityOf(id);
      return m ? [m] : [];
    }
    // Walk down only until the planning level: settlements below it do not matter here.
    const out: TTerritory[] = [];
    const stack = [id];
    while (stack.length) {
      const unit = this.byId.get(stack.pop()!);
      if (!unit) continue;
      if (unit.level === PLANNING_LEVEL) out.push(unit);
      else stack.push(...this.childrenOf(unit.id));
    }
    return out;
  }
}
