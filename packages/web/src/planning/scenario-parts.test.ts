import { describe, expect, it } from 'vitest';
import { ageBandOf, differs, draftsOf, itemChanges } from './scenario-parts';

describe('scenario parts', () => {
  it('names age bands from the target keys, and nothing else', () => {
    expect(ageBandOf('p:T:65:')).toEqual({ from: 65, to: null });
    expect(ageBandOf('p:T:0:17')).toEqual({ from: 0, to: 17 });
    expect(ageBandOf('p:F:65:')).toBeNull();
    expect(ageBandOf('i:poverty')).toBeNull();
  });

  it('keeps only the changes that differ from the round, and reads them back', () => {
    const items = [
      { id: 1, capacityChange: 10, annualCost: 1000 },
      { id: 2, capacityChange: 5, annualCost: null },
    ];
    const drafts = draftsOf(items, []);
    expect(itemChanges(items, drafts)).toEqual([]);
    drafts.set(1, { capacityChange: 20, annualCost: 1000, removed: false });
    drafts.set(2, { capacityChange: 5, annualCost: null, removed: true });
    const changes = itemChanges(items, drafts);
    expect(changes).toEqual([{ itemId: 1, capacityChange: 20 }, { itemId: 2, removed: true }]);
    expect(draftsOf(items, changes)).toEqual(drafts);
  });

  it('tells a difference, unknown against known included', () => {
    expect(differs(null, null)).toBe(false);
    expect(differs(null, 0)).toBe(true);
    expect(differs(1, 1)).toBe(false);
    expect(differs(1, 2)).toBe(true);
  });
});
