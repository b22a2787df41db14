import { FICHE_STATUSES, ZFicheInput, ZId, ZIdText, ZIsoDate } from '@potreby/domain';
import { z } from 'zod';

export const ZMunicipalityParam = z.object({ municipalityId: ZIdText });
export const ZIdParam = z.object({ id: ZIdText });

export const ZWorkshopInput = z.object({
  date: ZIsoDate,
  place: z.string().trim().max(300).default(''),
  topic: z.string().trim().min(1).max(300),
  participants: z.array(z.object({ name: z.string().trim().min(1).max(200), organisation: z.string().trim().max(300).default(''), role: z.string().trim().max(200).default('') })).max(200).default([]),
  /** The problems and ideas raised; an entry with an id keeps it (a fiche may point to it). */
  entries: z.array(z.object({ id: ZId.optional(), kind: z.enum(['problem', 'idea']), text: z.string().trim().min(1).max(2_000) })).max(200).default([]),
});
export type TWorkshopInput = z.input<typeof ZWorkshopInput>;

export const ZEntryView = z.object({ id: z.number().int(), kind: z.enum(['problem', 'idea']), text: z.string() });
export const ZWorkshopView = z.object({
  id: z.number().int(),
  municipalityId: z.number().int(),
  date: z.string(),
  place: z.string(),
  topic: z.string(),
  participants: z.array(z.object({ name: z.string(), organisation: z.string(), role: z.string() })),
  entries: z.array(ZEntryView),
});
export type TWorkshopView = z.infer<typeof ZWorkshopView>;
export const ZWorkshopList = z.object({ items: z.array(ZWorkshopView) });

export const ZFicheView = ZFicheInput.extend({
  id: z.number().int(),
  municipalityId: z.number().int(),
  status: z.enum(FICHE_STATUSES),
  totalCost: z.number(),
  updatedAt: z.string(),
});
export type TFicheView = z.infer<typeof ZFicheView>;

const ZPart = z.object({ value: z.number().nullable(), points: z.number(), weight: z.number() });
export const ZPortfolio = z.object({
  currency: z.string(),
  items: z.array(ZFicheView.extend({ score: z.object({ total: z.number(), gap: ZPart, reach: ZPart, cost: ZPart }) })),
  byStatus: z.array(z.object({ status: z.enum(FICHE_STATUSES), count: z.number().int(), cost: z.number() })),
  bySource: z.array(z.object({ year: z.number().int(), source: z.string(), amount: z.number() })),
});
export type TPortfolio = z.infer<typeof ZPortfolio>;
export const ZPortfolioQuery = z.object({
  status: z.enum(FICHE_STATUSES).optional(),
  source: z.string().max(40).optional(),
  serviceType: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
});
export const ZStatusInput = z.object({ status: z.enum(FICHE_STATUSES) });
