import { z } from 'zod';
import { ZCapacityUnit, ZId, ZIdText } from '@potreby/domain';
import { PLAN_CHECKS, ZMoney } from '@potreby/domain/planning/proposal';
import { ZBudgetRow, ZCheckView, ZRoundMethod } from '../schema';

/** The target key of an age band of both sexes (`p:T:65:` = aged 65 and over, `p:T:0:17` = 0–17), as the norms name them. */
export const AGE_BAND_TARGET = /^p:T:\d{1,3}:(\d{1,3})?$/;

export const ZItemChange = z.object({
  itemId: ZId,
  capacityChange: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  annualCost: ZMoney.nullable().optional(),
  removed: z.boolean().optional(),
});
export const ZPopulationChange = z.object({
  /** One municipality of the round, or all of them (null). */
  municipalityId: ZId.nullable(),
  /** An age band's target key, or every need (null). */
  target: z.string().regex(AGE_BAND_TARGET, 'not_age_band').nullable(),
  /** Yearly change in %, compounded from the gap table's year to the period's last year. */
  percentPerYear: z.number().finite().min(-50).max(50),
});

export const ZScenarioInput = z.object({
  name: z.string().trim().min(1).max(200),
  items: z.array(ZItemChange).max(5000).default([]),
  population: z.array(ZPopulationChange).max(500).default([]),
});
export type TScenarioInput = z.infer<typeof ZScenarioInput>;

export const ZScenarioView = ZScenarioInput.extend({ id: z.number().int(), roundId: z.number().int(), createdAt: z.string(), updatedAt: z.string() });
export type TScenarioView = z.infer<typeof ZScenarioView>;
export const ZScenarioList = z.object({ items: z.array(ZScenarioView) });
export const ZScenarioParam = z.object({ id: ZIdText });

/** A side of a comparison: a scenario's id, or `round` for the round as it is. */
const ZSide = z.union([z.literal('round'), ZIdText]);
export const ZCompareQuery = z.object({ a: ZSide, b: ZSide, lang: z.enum(['bg', 'uk', 'pl', 'en']).optional() });
export const ZEvaluationQuery = z.object({ lang: z.enum(['bg', 'uk', 'pl', 'en']).optional() });

/** A municipality × service type before and after the plan; null: no estimate (never shown as 0). */
export const ZScenarioGap = z.object({
  municipalityId: z.number().int(),
  serviceType: z.string(),
  unit: ZCapacityUnit,
  need: z.number().nullable(),
  capacity: z.number(),
  change: z.number(),
  capacityAfter: z.number(),
  gapBefore: z.number().nullable(),
  gapAfter: z.number().nullable(),
});
/** The cost per year of the reader's municipalities; null: no cost known that year. */
export const ZYearCost = z.object({ year: z.number().int(), cost: z.number().nullable(), unpricedItems: z.number().int() });

export const ZScenarioEvaluation = z.object({
  round: z.number().int(),
  /** Null: the round as it is. */
  scenario: z.number().int().nullable(),
  method: ZRoundMethod,
  /** The gap table's year, the base of the population changes. */
  year: z.number().int(),
  /** The year the plan is checked for (the period's last). */
  checkedYear: z.number().int(),
  /** The age bands the needs are counted for (target keys), which a population change can aim at. */
  targets: z.array(z.string()),
  gaps: z.array(ZScenarioGap),
  checks: z.array(ZCheckView),
  budget: z.object({ years: z.array(ZYearCost), rows: z.array(ZBudgetRow) }),
});
export type TScenarioEvaluation = z.infer<typeof ZScenarioEvaluation>;

export const ZScenarioComparison = z.object({
  round: z.number().int(),
  a: z.number().int().nullable(),
  b: z.number().int().nullable(),
  gaps: z.array(z.object({ municipalityId: z.number().int(), serviceType: z.string(), unit: ZCapacityUnit, a: z.number().nullable(), b: z.number().nullable() })),
  checks: z.array(z.object({ check: z.enum(PLAN_CHECKS), a: z.number().int(), b: z.number().int() })),
  budget: z.array(z.object({ year: z.number().int(), a: z.number().nullable(), b: z.number().nullable() })),
});
