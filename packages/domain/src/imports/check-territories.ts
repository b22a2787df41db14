import { levelRank, type TCountry, type TLevel } from '../territories/territory';
import type { TTerritoryRecord } from './formats';
import type { ImportContext, TRowRecord } from './import-context';
import type { ImportErrorList } from './import-error';

/** Where a unit's parent is: already in the database, or a unit of the same file written before it. */
export type TTerritoryParent = { kind: 'existing'; id: number } | { kind: 'in_file'; code: string } | null;

export type TCheckedTerritory = {
  row: number;
  record: TTerritoryRecord;
  parent: TTerritoryParent;
  /** The unit the row updates, when the database already has its code in that country. */
  existingId: number | null;
};

type TParentFacts = { level: TLevel; country: TCountry };

/**
 * Checks a territories file against itself and the database, and orders it so every unit comes
 * after its parent (a writer can then insert row by row). Rows that cannot be placed — repeated
 * codes, members of a parent cycle and their descendants — are left out; the result is meant to
 * be written only when `errors` stayed empty (imports are all-or-nothing).
 */
export function checkTerritories(
  records: readonly TRowRecord<TTerritoryRecord>[],
  ctx: ImportContext,
  errors: ImportErrorList,
): TCheckedTerritory[] {
  const kept = keepFirstOfEachCode(records, errors);
  const indexByKey = new Map<string, number>();
  const indexByCode = new Map<string, number>();
  kept.forEach(({ record }, i) => {
    indexByKey.set(territoryKey(record.country, record.code), i);
    if (!indexByCode.has(record.code)) indexByCode.set(record.code, i);
  });

  const checked: TCheckedTerritory[] = kept.map(({ row, record }) => {
    if (ctx.country !== null && record.country !== ctx.country) {
      errors.add({ row, column: 'country', value: record.country, code: 'wrong_country', params: { country: ctx.country } });
    }
    const existing = ctx.findTerritory(record.code, record.country);
    if (existing && !ctx.canWrite(existing.id)) {
      errors.add({ row, column: 'code', value: record.code, code: 'outside_scope' });
    }
    const parent = resolveParent(row, record, kept, indexByKey, indexByCode, ctx, errors);
    return { row, record, parent, existingId: existing?.id ?? null };
  });

  const depths = depthInFile(checked, indexByKey, errors);
  const placed = checked.map((_, i) => i).filter((i) => depths[i]! >= 0);
  // Array.prototype.sort is stable, so units of one depth keep the order of the file.
  placed.sort((a, b) => depths[a]! - depths[b]!);
  return placed.map((i) => checked[i]!);
}

const territoryKey = (country: TCountry, code: string): string => `${country}:${code}`;

function keepFirstOfEachCode(records: readonly TRowRecord<TTerritoryRecord>[], errors: ImportErrorList): TRowRecord<TTerritoryRecord>[] {
  const firstRow = new Map<string, number>();
  const kept: TRowRecord<TTerritoryRecord>[] = [];
  for (const item of records) {
    const key = territoryKey(item.record.country, item.record.code);
    const otherRow = firstRow.get(key);
    if (otherRow === undefined) {
      firstRow.set(key, item.row);
      kept.push(item);
    } else {
      errors.add({ row: item.row, column: 'code', value: item.record.code, code: 'duplicate_row', params: { otherRow } });
    }
  }
  return kept;
}

function resolveParent(
  row: number,
  record: TTerritoryRecord,
  kept: readonly TRowRecord<TTerritoryRecord>[],
  indexByKey: ReadonlyMap<string, number>,
  indexByCode: ReadonlyMap<string, number>,
  ctx: ImportContext,
  errors: ImportErrorList,
): TTerritoryParent {
  const parentCode = record.parentCode;
  if (parentCode === null) {
    if (record.level !== 'country') errors.add({ row, column: 'parent_code', value: '', code: 'required' });
    return null;
  }
  const fail = (code: 'unknown_parent' | 'wrong_country' | 'parent_level' | 'outside_scope', params?: Record<string, string>) =>
    errors.add(params ? { row, column: 'parent_code', value: parentCode, code, params } : { row, column: 'parent_code', value: parentCode, code });

  // A unit of the file takes precedence over the database: the file may be moving or renaming it.
  const inFile = indexByKey.get(territoryKey(record.country, parentCode));
  let parent: TTerritoryParent;
  let facts: TParentFacts;
  if (inFile !== undefined) {
    parent = { kind: 'in_file', code: parentCode };
    facts = kept[inFile]!.record;
  } else {
    const existing = ctx.findTerritory(parentCode, record.country);
    if (!existing) {
      // Tell "exists, but in another country" apart from "does not exist".
      const elsewhere = indexByCode.get(parentCode);
      const otherCountry = elsewhere !== undefined ? kept[elsewhere]!.record.country : ctx.findTerritory(parentCode, null)?.country;
      if (otherCountry !== undefined && otherCountry !== record.country) fail('wrong_country', { country: otherCountry });
      else fail('unknown_parent');
      return null;
    }
    if (!ctx.canWrite(existing.id)) fail('outside_scope');
    parent = { kind: 'existing', id: existing.id };
    facts = existing;
  }
  if (facts.country !== record.country) fail('wrong_country', { country: facts.country });
  // A unit sits strictly inside its parent: a settlement in a municipality, never the reverse.
  if (levelRank(facts.level) >= levelRank(record.level)) fail('parent_level', { level: record.level, parentLevel: facts.level });
  return parent;
}

const UNVISITED = -2;
const IN_PROGRESS = -3;
/** Marks a unit that cannot be placed: on a parent cycle, or below one. */
const UNPLACEABLE = -1;

/**
 * How many of the file's own units lie above each unit (0: its parent is in the database or it
 * has none). Units on a parent cycle get a `parent_cycle` error and, with everything below them,
 * depth -1. Iterative, so a file of 30,000 settlements does not overflow the stack.
 */
function depthInFile(checked: readonly TCheckedTerritory[], indexByKey: ReadonlyMap<string, number>, errors: ImportErrorList): number[] {
  const depth = new Array<number>(checked.length).fill(UNVISITED);
  const parentIndex = (i: number): number | undefined => {
    const { parent, record } = checked[i]!;
    return parent?.kind === 'in_file' ? indexByKey.get(territoryKey(record.country, parent.code)) : undefined;
  };

  for (let start = 0; start < checked.length; start++) {
    if (depth[start] !== UNVISITED) continue;
    const chain: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && depth[i] === UNVISITED) {
      depth[i] = IN_PROGRESS;
      chain.push(i);
      i = parentIndex(i);
    }
    // Depth of the topmost unit of the chain; each unit below it is one deeper.
    let next: number;
    if (i === undefined) next = 0;
    else if (depth[i] === IN_PROGRESS) {
      // The walk came back to itself: every unit from `i` on is on the cycle.
      for (const member of chain.slice(chain.indexOf(i))) {
        const { row, record } = checked[member]!;
        errors.add({ row, column: 'parent_code', value: record.parentCode, code: 'parent_cycle' });
      }
      next = UNPLACEABLE;
    } else next = depth[i] === UNPLACEABLE ? UNPLACEABLE : depth[i]! + 1;

    for (let k = chain.length - 1; k >= 0; k--) {
      depth[chain[k]!] = next;
      if (next !== UNPLACEABLE) next += 1;
    }
  }
  return depth;
}
