import type { TCapacityUnit } from '../catalogue/service-type';
import { consolidate } from './consolidation';
import type { PlanItem } from './gap-after-plan';
import type { TFundingSource, TProposalAction } from './proposal';

/**
 * The mayors' draft agreement (issue 8, item 11): what the round's municipalities agree to, drawn
 * from the consolidated plan. A plain serialisable structure, so that a version can be stored as
 * it was signed, hashed and compared with another.
 *
 * The hash is taken of the canonical JSON (`canonicalAgreement`): rows sorted by their ids, keys
 * sorted, money in cents. So the same plan gives the same text whatever order the items came in,
 * and any change of a party, a capacity or a cost gives another text. The hash itself (SHA-256) is
 * computed by the caller: the domain does no I/O and carries no crypto.
 */

/** A party: one of the round's municipalities, and its mayor's name when known (else a blank line). */
export type AgreementParty = { municipalityId: number; code: string; name: string; mayorName: string | null };

/** One municipality's part of a shared service: places (in the service's unit) and its annual cost. */
export type AgreementPart = { municipalityId: number; host: boolean; places: number; cost: number | null };

/** A service one municipality (the host) delivers for residents of others. */
export type AgreementService = {
  itemId: number;
  serviceType: string;
  host: number;
  unit: TCapacityUnit;
  startYear: number;
  capacity: number;
  cost: number | null;
  parts: AgreementPart[];
};

/** An item of a municipality's plan, as the agreement lists it. */
export type AgreementItem = {
  itemId: number;
  municipalityId: number;
  action: TProposalAction;
  serviceType: string;
  capacityChange: number;
  unit: TCapacityUnit;
  startYear: number;
  fundingSource: TFundingSource;
  cost: number | null;
};

export type AgreementContent = {
  roundId: number;
  country: string;
  territoryCode: string;
  periodStart: number;
  periodEnd: number;
  currency: string;
  parties: AgreementParty[];
  services: AgreementService[];
  items: AgreementItem[];
};

export type AgreementPlanItem = PlanItem & { action: TProposalAction };

export type AgreementInput = Omit<AgreementContent, 'parties' | 'services' | 'items'> & {
  parties: readonly AgreementParty[];
  items: readonly AgreementPlanItem[];
  /** An item's annual cost (the budget's), null when not known. */
  costOf: (item: PlanItem) => number | null;
};

/** Money is agreed in cents: floating shares are rounded so the text is stable. */
const cents = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);

/** The agreement's content from the round's municipalities and its plan. */
export function agreementContent(input: AgreementInput): AgreementContent {
  const { parties, items, costOf, ...head } = input;
  const services = consolidate(items, costOf).map(
    (s): AgreementService => ({
      itemId: s.itemId,
      serviceType: s.serviceType,
      host: s.host,
      unit: s.unit,
      startYear: s.startYear,
      capacity: s.capacity,
      cost: cents(s.cost),
      parts: s.parts.map((p) => ({ municipalityId: p.municipalityId, host: p.host, places: p.places, cost: cents(p.cost) })),
    }),
  );
  return normaliseAgreement({
    ...head,
    parties: parties.map((p) => ({ ...p })),
    services,
    items: items.map((i) => ({
      itemId: i.id,
      municipalityId: i.municipalityId,
      action: i.action,
      serviceType: i.serviceType,
      capacityChange: i.capacityChange,
      unit: i.unit,
      startYear: i.startYear,
      fundingSource: i.fundingSource,
      cost: cents(costOf(i)),
    })),
  });
}

/** The same content with its rows in canonical order: parties and items by municipality, services by item. */
export function normaliseAgreement(c: AgreementContent): AgreementContent {
  return {
    ...c,
    parties: [...c.parties].sort((a, b) => a.municipalityId - b.municipalityId),
    services: [...c.services]
      .map((s) => ({ ...s, parts: [...s.parts].sort((a, b) => Number(b.host) - Number(a.host) || a.municipalityId - b.municipalityId) }))
      .sort((a, b) => a.itemId - b.itemId),
    items: [...c.items].sort((a, b) => a.municipalityId - b.municipalityId || a.itemId - b.itemId),
  };
}

/** JSON with object keys sorted at every level: one text for one content. */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The text whose SHA-256 is the version's content hash. */
export const canonicalAgreement = (c: AgreementContent): string => canonicalJson(normaliseAgreement(c));

// ---- comparing two versions ----

export type AgreementSection = 'party' | 'service' | 'item';
export type AgreementValue = string | number | boolean | null;
/** One row of the side-by-side comparison: a party, a shared service or an item. */
export type AgreementDiffRow = {
  section: AgreementSection;
  /** The row's identity: a municipality id for parties and items' owners, an item id for services and items. */
  key: number;
  change: 'added' | 'removed' | 'changed' | 'same';
  /** The fields whose value differs (all of the row's fields when added or removed). */
  fields: string[];
  a: Record<string, AgreementValue> | null;
  b: Record<string, AgreementValue> | null;
};

const partyRow = (p: AgreementParty): Record<string, AgreementValue> => ({ code: p.code, name: p.name, mayorName: p.mayorName });
const serviceRow = (s: AgreementService): Record<string, AgreementValue> => {
  const row: Record<string, AgreementValue> = { serviceType: s.serviceType, host: s.host, unit: s.unit, startYear: s.startYear, capacity: s.capacity, cost: s.cost };
  for (const p of s.parts) {
    row[`places.${p.municipalityId}`] = p.places;
    row[`cost.${p.municipalityId}`] = p.cost;
  }
  return row;
};
const itemRow = (i: AgreementItem): Record<string, AgreementValue> => ({
  municipalityId: i.municipalityId,
  action: i.action,
  serviceType: i.serviceType,
  capacityChange: i.capacityChange,
  unit: i.unit,
  startYear: i.startYear,
  fundingSource: i.fundingSource,
  cost: i.cost,
});

function diffSection<T>(section: AgreementSection, a: readonly T[], b: readonly T[], keyOf: (x: T) => number, rowOf: (x: T) => Record<string, AgreementValue>): AgreementDiffRow[] {
  const before = new Map(a.map((x) => [keyOf(x), rowOf(x)]));
  const after = new Map(b.map((x) => [keyOf(x), rowOf(x)]));
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => x - y);
  return keys.map((key): AgreementDiffRow => {
    const ra = before.get(key) ?? null;
    const rb = after.get(key) ?? null;
    const names = [...new Set([...Object.keys(ra ?? {}), ...Object.keys(rb ?? {})])];
    if (!ra) return { section, key, change: 'added', fields: names, a: null, b: rb };
    if (!rb) return { section, key, change: 'removed', fields: names, a: ra, b: null };
    const fields = names.filter((f) => (ra[f] ?? null) !== (rb[f] ?? null));
    return { section, key, change: fields.length ? 'changed' : 'same', fields, a: ra, b: rb };
  });
}

/** Two versions side by side: every party, shared service and item, added, removed, changed (with the fields) or the same. */
export function compareAgreements(a: AgreementContent, b: AgreementContent): AgreementDiffRow[] {
  return [
    ...diffSection('party', a.parties, b.parties, (p) => p.municipalityId, partyRow),
    ...diffSection('service', a.services, b.services, (s) => s.itemId, serviceRow),
    ...diffSection('item', a.items, b.items, (i) => i.itemId, itemRow),
  ];
}

// ---- positions and signing ----

export const MAYOR_POSITIONS = ['agrees', 'objects', 'signed'] as const;
export type TMayorPosition = (typeof MAYOR_POSITIONS)[number];

/** A version is signed when every party has signed it; then it is frozen. */
export const everyoneSigned = (parties: readonly { municipalityId: number }[], positions: ReadonlyMap<number, TMayorPosition>): boolean =>
  parties.length > 0 && parties.every((p) => positions.get(p.municipalityId) === 'signed');
