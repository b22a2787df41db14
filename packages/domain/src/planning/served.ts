/**
 * What is wrong with the municipalities an item says it serves ("territories served", issue 8
 * item 11), the one rule the form, the item route and the proposals file all apply:
 * - a municipality of the round, not the item's own (its own residents are the rest of the change);
 * - each named once (two lines for one neighbour would count its places twice in the agreement);
 * - together not more places than the item adds or removes: the places for others are part of
 *   the change. A municipality named without places (0) is served, its share not stated.
 */
export type ServedCode = 'not_in_round' | 'served_own_municipality' | 'served_twice' | 'served_over_capacity';

export type ServedProblem = {
  /** The entry of `served` it is about. */
  index: number;
  field: 'municipalityId' | 'capacity';
  code: ServedCode;
};

export type ServedItem = {
  municipalityId: number;
  capacityChange: number;
  served: readonly { municipalityId: number; capacity: number }[];
};

export function servedProblems(item: ServedItem, roundMunicipalities: ReadonlySet<number>): ServedProblem[] {
  const problems: ServedProblem[] = [];
  const seen = new Set<number>();
  const room = Math.abs(item.capacityChange);
  let total = 0;
  let over = false;
  item.served.forEach((s, index) => {
    if (!roundMunicipalities.has(s.municipalityId)) problems.push({ index, field: 'municipalityId', code: 'not_in_round' });
    else if (s.municipalityId === item.municipalityId) problems.push({ index, field: 'municipalityId', code: 'served_own_municipality' });
    else if (seen.has(s.municipalityId)) problems.push({ index, field: 'municipalityId', code: 'served_twice' });
    seen.add(s.municipalityId);
    total += s.capacity;
    // Said once, at the entry that goes over: the ones before it fit.
    if (!over && total > room) {
      over = true;
      problems.push({ index, field: 'capacity', code: 'served_over_capacity' });
    }
  });
  return problems;
}

/** The places an item names for other municipalities, together. */
export const servedPlaces = (served: ServedItem['served']): number => served.reduce((sum, s) => sum + s.capacity, 0);
