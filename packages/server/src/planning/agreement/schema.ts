import { z } from 'zod';
import { isIsoDate, ZId, ZIdText } from '@potreby/domain';
import { MAYOR_POSITIONS } from '@potreby/domain/planning/agreement';
import { ZFundingSource, ZProposalAction } from '@potreby/domain/planning/proposal';
import { ZCapacityUnit } from '@potreby/domain';

const ZIsoDate = z.string().refine(isIsoDate, { message: 'not_date' });
const ZMoneyOrNull = z.number().nullable();

export const ZAgreementContent = z.object({
  roundId: z.number().int(),
  country: z.string(),
  territoryCode: z.string(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  currency: z.string(),
  parties: z.array(z.object({ municipalityId: z.number().int(), code: z.string(), name: z.string(), mayorName: z.string().nullable() })),
  services: z.array(
    z.object({
      itemId: z.number().int(),
      serviceType: z.string(),
      host: z.number().int(),
      unit: ZCapacityUnit,
      startYear: z.number().int(),
      capacity: z.number().int(),
      cost: ZMoneyOrNull,
      parts: z.array(z.object({ municipalityId: z.number().int(), host: z.boolean(), places: z.number().int(), cost: ZMoneyOrNull })),
    }),
  ),
  items: z.array(
    z.object({
      itemId: z.number().int(),
      municipalityId: z.number().int(),
      action: ZProposalAction,
      serviceType: z.string(),
      capacityChange: z.number().int(),
      unit: ZCapacityUnit,
      startYear: z.number().int(),
      fundingSource: ZFundingSource,
      cost: ZMoneyOrNull,
    }),
  ),
});

export const ZMayorPosition = z.enum(MAYOR_POSITIONS);

export const ZPositionView = z.object({
  municipalityId: z.number().int(),
  position: ZMayorPosition,
  reason: z.string(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  signatoryName: z.string(),
  recordedAt: z.string(),
});

export const ZVersionSummary = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  number: z.number().int(),
  contentHash: z.string(),
  status: z.enum(['draft', 'signed']),
  createdAt: z.string(),
  signedAt: z.string().nullable(),
});
export const ZVersionList = z.object({ items: z.array(ZVersionSummary) });
export const ZVersionView = ZVersionSummary.extend({ content: ZAgreementContent, positions: z.array(ZPositionView) });
export type TVersionView = z.infer<typeof ZVersionView>;
export const ZGenerated = ZVersionView.extend({ created: z.boolean() });

export const ZVersionParam = z.object({ id: ZIdText });
export const ZVersionDocumentParams = ZVersionParam.extend({ format: z.enum(['docx', 'pdf']) });

/**
 * A municipality's position. The reason is required for `objects`, the council's decision number
 * and date for `signed` (checked in `recordPosition`, so the answer names the missing field).
 */
export const ZPositionInput = z.object({
  municipalityId: ZId,
  position: ZMayorPosition,
  reason: z.string().trim().max(4000).default(''),
  decisionNumber: z.string().trim().max(100).nullable().default(null),
  decisionDate: ZIsoDate.nullable().default(null),
  signatoryName: z.string().trim().max(200).default(''),
});
export type TPositionInput = z.infer<typeof ZPositionInput>;

export const ZCompareQuery = z.object({ a: ZIdText, b: ZIdText });
const ZValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const ZComparison = z.object({
  a: ZVersionSummary,
  b: ZVersionSummary,
  rows: z.array(
    z.object({
      section: z.enum(['party', 'service', 'item']),
      key: z.number().int(),
      change: z.enum(['added', 'removed', 'changed', 'same']),
      fields: z.array(z.string()),
      a: z.record(z.string(), ZValue).nullable(),
      b: z.record(z.string(), ZValue).nullable(),
    }),
  ),
});
export type TVersionSummary = z.infer<typeof ZVersionSummary>;
export type TComparison = z.infer<typeof ZComparison>;
