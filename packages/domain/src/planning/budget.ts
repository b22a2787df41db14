import type { TCountry } from '../territories/territory';
import type { PlanItem } from './gap-after-plan';
import { FUNDING_SOURCES, type TEnvelope, type TFundingSource, type TUnitCost } from './proposal';

/**
 * The plan as a budget (issue 8 item 6): what each item costs a year, by municipality, funding
 * source and year of the plan period.
 *
 * An item's annual cost is its own `annualCost` when given, else |capacity change| × the
 * unit-cost standard of the round's country for its service type and that year. A reduction or
 * closure (negative capacity change) saves what it costs: its cost is shown negative, so a
 * municipality that closes one service to open another is charged the difference. With neither
 * an own cost nor a standard, the cost is null ("no cost known", never 0), and totals say how
 * many items they could not price.
 */

export type PlanPeriod = { from: number; to: number };

/** Where an item's cost comes from. */
export type TCostBasis = 'own' | 'unit_cost';

export type ItemCost = {
  /** Annual cost in the year; negative for a saving; null when no cost is known. */
  cost: number | null;
  basis: TCostBasis | null;
  /** The standard used, per unit of capacity, when basis is unit_cost. */
  unitCost: number | null;
};

/**
 * The unit-cost standards of one country, by service type and year. A year without its own
 * standard takes the latest earlier one (standards are published for the coming year, and the
 * plan runs years beyond them), else the earliest later one; a type without any has none.
 */
export class UnitCostBook {
  private readonly byType = new Map<string, { year: number; cost: number }[]>();

  constructor(country: TCountry, unitCosts: Iterable<TUnitCost>) {
    for (const u of unitCosts) {
      if (u.country !== country) continue;
      let list = this.byType.get(u.serviceType);
      if (!list) this.byType.set(u.serviceType, (list = []));
      const same = list.find((e) => e.year === u.year);
      if (same) same.cost = Math.max(same.cost, u.cost); // two rows of one year: the higher, never by input order
      else list.push({ year: u.year, cost: u.cost });
    }
    for (const list of this.byType.values()) list.sort((a, b) => a.year - b.year);
  }

  /** The standard for a service type in a year, or null. */
  costFor(serviceType: string, year: number): number | null {
    const list = this.byType.get(serviceType);
    if (!list || list.length === 0) return null;
    let pick: { year: number; cost: number } | undefined;
    for (const e of list) if (e.year <= year) pick = e;
    return (pick ?? list[0]!).cost;
  }
}

/** An item's annual cost in one year (the same in each year unless the standard changes). */
export function itemCost(item: Pick<PlanItem, 'serviceType' | 'capacityChange' | 'annualCost'>, year: number, book: UnitCostBook): ItemCost {
  const cost = yearCost(item, year, book);
  if (item.annualCost !== null) return { cost, basis: 'own', unitCost: null };
  if (cost === null) return { cost: null, basis: null, unitCost: null };
  return { cost, basis: 'unit_cost', unitCost: book.costFor(item.serviceType, year) };
}

/** `itemCost(…).cost` without the record around it (the envelopes of a country ask it 100,000 times). */
export function yearCost(item: Pick<PlanItem, 'serviceType' | 'capacityChange' | 'annualCost'>, year: number, book: UnitCostBook): number | null {
  if (item.annualCost !== null) return (item.capacityChange < 0 ? -item.annualCost : item.annualCost) || 0;
  const unitCost = book.costFor(item.serviceType, year);
  return unitCost === null ? null : item.capacityChange * unitCost || 0;
}

/** The years of the period in which an item costs: from its start year on. */
export function itemYears(item: Pick<PlanItem, 'startYear'>, period: PlanPeriod): number[] {
  const years: number[] = [];
  for (let y = Math.max(period.from, item.startYear); y <= period.to; y++) years.push(y);
  return years;
}

/** A sum of costs: null when no part had a known cost; `unpricedItems` counts the parts without one. */
export type CostTotal = { cost: number | null; unpricedItems: number };

export type BudgetRow = { municipalityId: number; fundingSource: TFundingSource; year: number } & CostTotal;
export type MunicipalityTotal = { municipalityId: number; year: number } & CostTotal;
export type FundingSourceTotal = { fundingSource: TFundingSource; year: number } & CostTotal;

/**
 * An envelope against the plan: the envelope's items' cost in its dearest year. An envelope
 * with a municipality applies to that municipality's items (of its funding source, when it names
 * one); one with only a funding source, to that source's items across the round.
 */
export type EnvelopeUse = {
  envelope: TEnvelope;
  /** The year of the highest cost (the earliest of equals); null when the period has no year with a known cost. */
  year: number | null;
  cost: number | null;
  /** The most items without a known cost in any one year of the period (not counted in `cost`). */
  unpricedItems: number;
  over: boolean;
};

export type PlanBudget = {
  period: PlanPeriod;
  /** One row per municipality × funding source × year with an item, ordered by those. */
  rows: BudgetRow[];
  municipalities: MunicipalityTotal[];
  fundingSources: FundingSourceTotal[];
  /** The round's total per year. */
  years: ({ year: number } & CostTotal)[];
  envelopes: EnvelopeUse[];
  /** Each item's annual cost in its first year in the period (or its start year, when it starts after it). */
  itemCosts: Map<number, ItemCost>;
};

export type PlanBudgetInput = {
  items: readonly PlanItem[];
  country: TCountry;
  period: PlanPeriod;
  unitCosts: readonly TUnitCost[];
  envelopes?: readonly TEnvelope[];
};

const add = (total: CostTotal, cost: number | null) => {
  if (cost === null) total.unpricedItems += 1;
  else total.cost = (total.cost ?? 0) + cost;
};

const FUNDING_ORDER = new Map<string, number>(FUNDING_SOURCES.map((f, i) => [f, i]));
const byFunding = (a: TFundingSource, b: TFundingSource) => FUNDING_ORDER.get(a)! - FUNDING_ORDER.get(b)!;

/** The plan's budget by municipality, funding source and year, and its envelopes. */
export function planBudget(input: PlanBudgetInput): PlanBudget {
  const book = new UnitCostBook(input.country, input.unitCosts);
  const { period } = input;
  const rows = new Map<number, BudgetRow>();
  const municipalities = new Map<number, MunicipalityTotal>();
  const sources = new Map<number, FundingSourceTotal>();
  const years = new Map<number, { year: number } & CostTotal>();
  const itemCosts = new Map<number, ItemCost>();
  for (const item of [...input.items].sort((a, b) => a.id - b.id)) {
    itemCosts.set(item.id, itemCost(item, Math.max(period.from, item.startYear), book));
    for (const year of itemYears(item, period)) {
      const cost = yearCost(item, year, book);
      // Number keys (years < 10,000, five funding sources, ids < 2³¹: below 2⁵³): no string per item and year.
      const source = FUNDING_ORDER.get(item.fundingSource)!;
      const rowKey = (item.municipalityId * FUNDING_SOURCES.length + source) * 10_000 + year;
      let row = rows.get(rowKey);
      if (!row) rows.set(rowKey, (row = { municipalityId: item.municipalityId, fundingSource: item.fundingSource, year, cost: null, unpricedItems: 0 }));
      add(row, cost);
      const mKey = item.municipalityId * 10_000 + year;
      let m = municipalities.get(mKey);
      if (!m) municipalities.set(mKey, (m = { municipalityId: item.municipalityId, year, cost: null, unpricedItems: 0 }));
      add(m, cost);
      const sKey = source * 10_000 + year;
      let s = sources.get(sKey);
      if (!s) sources.set(sKey, (s = { fundingSource: item.fundingSource, year, cost: null, unpricedItems: 0 }));
      add(s, cost);
      let y = years.get(year);
      if (!y) years.set(year, (y = { year, cost: null, unpricedItems: 0 }));
      add(y, cost);
    }
  }
  const sortedRows = [...rows.values()].sort((a, b) => a.municipalityId - b.municipalityId || byFunding(a.fundingSource, b.fundingSource) || a.year - b.year);
  const sortedMunicipalities = [...municipalities.values()].sort((a, b) => a.municipalityId - b.municipalityId || a.year - b.year);
  const sortedSources = [...sources.values()].sort((a, b) => byFunding(a.fundingSource, b.fundingSource) || a.year - b.year);
  const sortedYears = [...years.values()].sort((a, b) => a.year - b.year);
  const envelopes = envelopeUses(input, book);
  return {
    period,
    rows: sortedRows,
    municipalities: sortedMunicipalities,
    fundingSources: sortedSources,
    years: sortedYears,
    envelopes,
    itemCosts,
  };
}

/** Whether an envelope applies to an item. */
export const envelopeCovers = (envelope: TEnvelope, item: Pick<PlanItem, 'municipalityId' | 'fundingSource'>): boolean =>
  (envelope.municipalityId === null || envelope.municipalityId === item.municipalityId) &&
  (envelope.fundingSource === null || envelope.fundingSource === item.fundingSource);

/**
 * Each envelope against the plan, sorted (municipality, funding source, limit). Items are added
 * to the envelopes that cover them (indexed by municipality, never envelopes × items), in id
 * order, so the sums are the budget's own.
 */
export function envelopeUses(input: PlanBudgetInput, book: UnitCostBook = new UnitCostBook(input.country, input.unitCosts)): EnvelopeUse[] {
  const { period } = input;
  const envelopes = input.envelopes ?? [];
  if (envelopes.length === 0) return [];
  const span = Math.max(0, period.to - period.from + 1);
  const totals = envelopes.map(() => Array.from({ length: span }, (): CostTotal => ({ cost: null, unpricedItems: 0 })));
  const ofMunicipality = new Map<number, number[]>();
  const roundWide: number[] = [];
  envelopes.forEach((e, i) => {
    if (e.municipalityId === null) roundWide.push(i);
    else {
      let list = ofMunicipality.get(e.municipalityId);
      if (!list) ofMunicipality.set(e.municipalityId, (list = []));
      list.push(i);
    }
  });
  const none: number[] = [];
  for (const item of [...input.items].sort((a, b) => a.id - b.id)) {
    const own = ofMunicipality.get(item.municipalityId) ?? none;
    if (own.length === 0 && roundWide.length === 0) continue;
    for (let year = Math.max(period.from, item.startYear); year <= period.to; year++) {
      const cost = yearCost(item, year, book);
      for (const list of [own, roundWide]) {
        for (const i of list) {
          const f = envelopes[i]!.fundingSource;
          if (f === null || f === item.fundingSource) add(totals[i]![year - period.from]!, cost);
        }
      }
    }
  }
  const uses = envelopes.map((envelope, i) => {
    let best: { year: number; cost: number } | null = null;
    let unpricedItems = 0;
    totals[i]!.forEach((t, k) => {
      unpricedItems = Math.max(unpricedItems, t.unpricedItems);
      if (t.cost !== null && (best === null || t.cost > best.cost)) best = { year: period.from + k, cost: t.cost };
    });
    const found = best as { year: number; cost: number } | null;
    const cost = found?.cost ?? null;
    return { envelope, year: found?.year ?? null, cost, unpricedItems, over: cost !== null && cost > envelope.annualLimit };
  });
  return uses.sort(
    (a, b) =>
      (a.envelope.municipalityId ?? -1) - (b.envelope.municipalityId ?? -1) ||
      (a.envelope.fundingSource === null ? -1 : FUNDING_ORDER.get(a.envelope.fundingSource)!) -
        (b.envelope.fundingSource === null ? -1 : FUNDING_ORDER.get(b.envelope.fundingSource)!) ||
      a.envelope.annualLimit - b.envelope.annualLimit,
  );
}
