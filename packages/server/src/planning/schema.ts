import { z } from 'zod';
import { GAP_METHODS, isIsoDate, ZCountry, ZId, ZIdText, ZYear, ZYearText } from '@potreby/domain';
import { PLAN_CHECKS, ZCheckSettings, ZFundingSource, ZMoney, ZProposalAction } from '@potreby/domain/planning/proposal';
import { ZCapacityUnit } from '@potreby/domain';

export const ZRoundMethod = z.enum(GAP_METHODS);
/** A calendar day YYYY-MM-DD that exists (1990–2200), as the deadline arithmetic takes it. */
const ZIsoDate = z.string().refine(isIsoDate, { message: 'not_date' });

export const ZRoundInput = z
  .object({
    territoryId: ZId,
    templateKey: z.string().min(1).max(100),
    periodStart: ZYear,
    periodEnd: ZYear,
    /** The day the round starts, from which the template's deadlines are computed (default: today). */
    start: ZIsoDate.optional(),
    method: ZRoundMethod.default('normative'),
    checkSettings: ZCheckSettings.partial().optional(),
  })
  .refine((r) => r.periodStart <= r.periodEnd, { path: ['periodEnd'], message: 'before_start' });
export type TRoundInput = z.infer<typeof ZRoundInput>;

/** A territory as the planning screens name it: a round's own, or one of its municipalities. */
const ZRoundUnit = z.object({ id: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), level: z.string(), country: z.string() });
export const ZRoundUnitList = z.object({ items: z.array(ZRoundUnit) });
export type TRoundUnitList = z.infer<typeof ZRoundUnitList>;

export const ZRoundView = z.object({
  id: z.number().int(),
  territory: ZRoundUnit,
  templateKey: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  method: ZRoundMethod,
  checkSettings: ZCheckSettings,
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
});
export type TRoundView = z.infer<typeof ZRoundView>;

export const ZRoundList = z.object({ items: z.array(ZRoundView) });
export const ZRoundQuery = z.object({ territoryId: ZIdText.optional() });
export const ZRoundParam = z.object({ id: ZIdText });
export const ZItemParam = z.object({ id: ZIdText });

export const ZStageView = z.object({
  id: z.number().int(),
  key: z.string(),
  ownerTerritoryId: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
});
export const ZStageList = z.object({ items: z.array(ZStageView) });
export const ZStageParam = z.object({ id: ZIdText });
/** A stage done on a date, or not done (null). */
export const ZStageDone = z.object({ doneDate: ZIsoDate.nullable() });

export const ZItemInput = z.object({
  municipalityId: ZId,
  action: ZProposalAction,
  serviceType: z.string().min(1).max(100),
  capacityChange: z.number().int().min(-1_000_000).max(1_000_000),
  siteId: ZId.nullable().default(null),
  settlementId: ZId.nullable().default(null),
  served: z.array(z.object({ municipalityId: ZId, capacity: z.number().int().min(0).max(1_000_000) })).max(500).default([]),
  startYear: ZYear,
  fundingSource: ZFundingSource,
  annualCost: ZMoney.nullable().default(null),
  explanation: z.string().max(4000).default(''),
});
export type TItemInput = z.infer<typeof ZItemInput>;

export const ZItemView = ZItemInput.extend({ id: z.number().int(), roundId: z.number().int(), unit: ZCapacityUnit, municipalityCode: z.string() });
export type TItemView = z.infer<typeof ZItemView>;
export const ZItemList = z.object({ items: z.array(ZItemView) });
export const ZItemQuery = z.object({ municipalityId: ZIdText.optional() });

export const ZEnvelopeView = z.object({ municipalityId: ZId.nullable(), fundingSource: ZFundingSource.nullable(), annualLimit: ZMoney });
export const ZEnvelopeList = z.object({ items: z.array(ZEnvelopeView).max(5000) });

export const ZChecksQuery = z.object({ lang: z.enum(['bg', 'uk', 'pl', 'en']).optional() });
export const ZCheckView = z.object({
  check: z.enum(PLAN_CHECKS),
  severity: z.enum(['problem', 'notice']),
  municipality: z.string().nullable(),
  municipalityId: z.number().int().nullable(),
  serviceType: z.string().nullable(),
  item: z.number().int().nullable(),
  stage: z.number().int().nullable(),
  /** The late task (of a meeting's decision, or added by hand), for `overdue` of a task. */
  task: z.number().int().nullable(),
  /** The envelope's funding source, for an `over_budget` of a funding-source envelope. */
  fundingSource: ZFundingSource.nullable(),
  /** What value and limit count, for checks about capacity or gaps. */
  unit: ZCapacityUnit.nullable(),
  value: z.number(),
  limit: z.number(),
  message: z.string(),
});
export const ZPlanChecks = z.object({
  round: z.number().int(),
  territory: z.string(),
  method: ZRoundMethod,
  year: z.number().int().nullable(),
  checks: z.array(ZCheckView),
  /**
   * The gap each item answers: every municipality × service type that items change, before and
   * after the plan, in the type's unit, rounded as the checks are; null: no estimate of the need.
   */
  gaps: z.array(z.object({ municipalityId: z.number().int(), serviceType: z.string(), unit: ZCapacityUnit, gapBefore: z.number().nullable(), gapAfter: z.number().nullable() })),
});
export type TPlanChecks = z.infer<typeof ZPlanChecks>;

/** A line of the budget; `cost` null when none of its items has a known cost ("no cost known", never 0). */
export const ZBudgetRow = z.object({ municipality: z.string(), municipalityId: z.number().int(), fundingSource: ZFundingSource, year: z.number().int(), cost: z.number().nullable(), unpricedItems: z.number().int() });
export const ZBudget = z.object({ round: z.number().int(), rows: z.array(ZBudgetRow) });
export type TBudget = z.infer<typeof ZBudget>;

export const ZStandardsFields = z.object({ country: ZCountry, year: ZYearText });

export const ZPlanImportResult = z.object({ kind: z.enum(['proposals', 'unit-costs', 'ceilings']), rows: z.number().int(), datasetId: z.number().int(), format: z.string() });
export type TPlanImportResult = z.infer<typeof ZPlanImportResult>;

export const ZTemplateQuery = z.object({ country: ZCountry.optional() });
export const ZTemplateList = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      country: ZCountry,
      legalBasis: z.string(),
      name: z.string().nullable(),
      stages: z.array(z.object({ key: z.string(), owner: z.enum(['region', 'municipality', 'national']), documents: z.array(z.string()) })),
    }),
  ),
});
