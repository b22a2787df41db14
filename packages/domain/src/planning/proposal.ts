import { z } from 'zod';
import { ZCapacityUnit, type TCapacityUnit } from '../catalogue/service-type';
import { ZCountry } from '../territories/territory';
import { ZCount, ZId, ZYear } from '../validation/bounded';

/**
 * The planning round's vocabulary (PRODUCT.md §E, issue 8): what a municipality proposes to do
 * about its gaps, what it costs, and the national limits the plan must respect. This file is the
 * contract between the pure plan checks (checks.ts, budget.ts, …) and the server that stores them.
 */

/** What an item does to a service: open a new one, expand, reduce, close or transform one. */
export const PROPOSAL_ACTIONS = ['open', 'expand', 'reduce', 'close', 'transform'] as const;
export const ZProposalAction = z.enum(PROPOSAL_ACTIONS);
export type TProposalAction = z.infer<typeof ZProposalAction>;

export const FUNDING_SOURCES = ['state_delegated', 'municipal', 'eu_project', 'donor_project', 'other'] as const;
export const ZFundingSource = z.enum(FUNDING_SOURCES);
export type TFundingSource = z.infer<typeof ZFundingSource>;

/** Money in the country's currency (BGN/EUR, UAH, PLN), whole units; never negative. */
export const ZMoney = z.number().finite().nonnegative().max(1e12);

/** One item of a municipality's planning proposal. */
export const ZProposalItem = z.object({
  id: ZId,
  roundId: ZId,
  /** The municipality (planning unit) that proposes and delivers the item. */
  municipalityId: ZId,
  action: ZProposalAction,
  serviceType: z.string(),
  /** Change of capacity in the service type's own unit: positive opens or expands, negative reduces or closes. */
  capacityChange: z.number().int().min(-1_000_000).max(1_000_000),
  unit: ZCapacityUnit,
  /** An existing site the item changes, when it changes one. */
  siteId: ZId.nullable(),
  /** The settlement where a new service will be, when known. */
  settlementId: ZId.nullable(),
  /**
   * Planning units whose residents the item serves, with the places (in the item's unit) meant for
   * each; empty means the proposing municipality only. Drives the regional consolidation.
   */
  served: z.array(z.object({ municipalityId: ZId, capacity: ZCount })),
  startYear: ZYear,
  fundingSource: ZFundingSource,
  /** The item's own annual cost; null takes capacity × the unit-cost standard. */
  annualCost: ZMoney.nullable(),
  /** Why the item is there, or why a gap is left open (an explanation covers an unaddressed gap). */
  explanation: z.string().max(4000),
});
export type TProposalItem = z.infer<typeof ZProposalItem>;

/** A per-place (or per person a year) cost standard for a country, service type and year. */
export const ZUnitCost = z.object({
  country: ZCountry,
  serviceType: z.string(),
  year: ZYear,
  /** Annual cost of one unit of capacity (one place, or one person a year). */
  cost: ZMoney,
});
export type TUnitCost = z.infer<typeof ZUnitCost>;

/** National Map ceiling: the most users of a service type the state funds in a municipality in a year. */
export const ZCeiling = z.object({
  municipalityId: ZId,
  serviceType: z.string(),
  year: ZYear,
  maxUsers: ZCount,
});
export type TCeiling = z.infer<typeof ZCeiling>;

/** The currency a round's costs are in, by country (Bulgaria's budget is in euro from 2026). */
export const ROUND_CURRENCY: Readonly<Record<string, string>> = { BG: 'EUR', UA: 'UAH', PL: 'PLN' };

/** A budget envelope: the most a municipality, or a funding source across the round, may spend a year. */
export const ZEnvelope = z.object({
  municipalityId: ZId.nullable(),
  fundingSource: ZFundingSource.nullable(),
  annualLimit: ZMoney,
});
export type TEnvelope = z.infer<typeof ZEnvelope>;

/** Thresholds of a round's checks (each configurable per round). */
export const ZCheckSettings = z.object({
  /** A gap larger than this, unaddressed and unexplained, is `unaddressed_gap`. */
  gapThreshold: z.number().finite().nonnegative().default(5),
  /** The fewest service types each municipality should have after the plan. */
  diversityTarget: ZCount.default(5),
});
export type TCheckSettings = z.infer<typeof ZCheckSettings>;

export const PLAN_CHECKS = ['unaddressed_gap', 'uncertain_gap', 'no_need', 'above_ceiling', 'over_budget', 'low_diversity', 'overdue'] as const;
export type TPlanCheckKind = (typeof PLAN_CHECKS)[number];

/** One finding of the plan checks: the two numbers compared, and what it is about. */
/** A round's work: a stage of its template, or a task (of a meeting's decision, or added by hand). */
export type PlanTaskKind = 'stage' | 'task';

export type PlanCheck = {
  check: TPlanCheckKind;
  /** 'problem' must be fixed or explained; 'notice' is for information (uncertain_gap). */
  severity: 'problem' | 'notice';
  municipalityId: number | null;
  serviceType: string | null;
  /** The proposal item the check is about, else null. */
  itemId: number | null;
  /** The stage or task, for `overdue`. */
  taskId: number | null;
  /** For `overdue`: whether `taskId` is a stage or a task (two tables, numbered apart). */
  taskKind?: PlanTaskKind | null;
  value: number;
  limit: number;
  /** The envelope's funding source, for an `over_budget` of a funding-source envelope. */
  fundingSource?: TFundingSource | null;
  /** What value and limit count (places, persons a year), for checks about capacity or gaps. */
  unit?: TCapacityUnit | null;
};
