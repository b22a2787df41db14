import { CONSULTATION_KINDS, COMMENT_STATUSES, VERDICTS, ZCommentInput, ZCommentTarget, ZConsultationSection, ZIdText } from '@potreby/domain';
import { z } from 'zod';
import { LANGUAGES } from '@potreby/i18n';

export const ZConsultationParam = z.object({ id: ZIdText });
export const ZCommentParam = z.object({ id: ZIdText });

const ZPhase = z.enum(['scheduled', 'open', 'closed']);

export const ZConsultationView = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), level: z.string(), country: z.string() }),
  kind: z.enum(CONSULTATION_KINDS),
  title: z.string(),
  intro: z.string(),
  sections: z.array(ZConsultationSection),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: ZPhase,
  /** The public page's address, relative to the app. */
  publicPath: z.string(),
  counts: z.object({ received: z.number().int(), pending: z.number().int(), unanswered: z.number().int() }),
});
export type TConsultationView = z.infer<typeof ZConsultationView>;
export const ZConsultationList = z.object({ items: z.array(ZConsultationView) });

/** A comment as its moderators read it, with the commenter's name if given (never in public without consent). */
export const ZCommentView = z.object({
  id: z.number().int(),
  target: ZCommentTarget,
  body: z.string(),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  consent: z.boolean(),
  erased: z.boolean(),
  status: z.enum(COMMENT_STATUSES),
  hiddenReason: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  reason: z.string(),
  change: z.string(),
  changedItemId: z.number().int().nullable(),
  answeredAt: z.string().nullable(),
  receivedAt: z.string(),
});
export type TCommentView = z.infer<typeof ZCommentView>;
export const ZCommentList = z.object({ items: z.array(ZCommentView) });

/** A plan item as the public reads it: names, not keys, in the reader's language. */
export const ZPublicItem = z.object({
  id: z.number().int(),
  municipality: z.string(),
  action: z.string(),
  serviceType: z.string(),
  capacityChange: z.number().int(),
  unit: z.string(),
  startYear: z.number().int(),
  explanation: z.string(),
});
export type TPublicItem = z.infer<typeof ZPublicItem>;

/** A service site the document rests on, named and counted as residents read it (capacity with its unit). */
export const ZPublicSite = z.object({ id: z.number().int(), key: z.string(), name: z.string(), municipality: z.string(), settlement: z.string(), serviceType: z.string(), capacity: z.string(), year: z.number().int() });
export type TPublicSite = z.infer<typeof ZPublicSite>;

/** Need against capacity of a municipality's service type, each with its unit; no gap where they count different things. */
export const ZPublicFigure = z.object({ key: z.string(), municipalityId: z.number().int(), serviceTypeKey: z.string(), municipality: z.string(), serviceType: z.string(), need: z.string(), capacity: z.string(), gap: z.string().nullable() });
export type TPublicFigure = z.infer<typeof ZPublicFigure>;

export const ZPublicComment = z.object({
  id: z.number().int(),
  target: ZCommentTarget,
  /** Null when hidden: the reason is shown instead. */
  body: z.string().nullable(),
  name: z.string().nullable(),
  organisation: z.string().nullable(),
  hiddenReason: z.string().nullable(),
  verdict: z.enum(VERDICTS).nullable(),
  reason: z.string(),
  change: z.string(),
  changedItemId: z.number().int().nullable(),
  receivedOn: z.string(),
});
export type TPublicComment = z.infer<typeof ZPublicComment>;

export const ZPublicConsultation = z.object({
  id: z.number().int(),
  language: z.enum(LANGUAGES),
  /** The language the authority wrote the document in (its country's), for `lang` on its text. */
  documentLanguage: z.enum(LANGUAGES),
  authority: z.string(),
  kind: z.string(),
  title: z.string(),
  intro: z.string(),
  sections: z.array(ZConsultationSection),
  items: z.array(ZPublicItem),
  sites: z.array(ZPublicSite),
  figures: z.array(ZPublicFigure),
  opensOn: z.string(),
  closesOn: z.string(),
  phase: ZPhase,
  comments: z.array(ZPublicComment),
  /** Sign this (proof of work) to comment; null once closed. */
  challenge: z.string().nullable(),
  difficulty: z.number().int(),
});
export type TPublicConsultation = z.infer<typeof ZPublicConsultation>;

export const ZPublicQuery = z.object({ lang: z.enum(LANGUAGES).optional() });

/** A resident's comment sent through the API: the comment, the signed challenge and its proof. */
export const ZPublicCommentInput = ZCommentInput.extend({
  challenge: z.string().max(200),
  nonce: z.string().max(40),
  /** The honeypot: a field people never see; bots fill it. */
  website: z.string().max(500).default(''),
});
export const ZCommentReceipt = z.object({ id: z.number().int(), status: z.literal('pending') });

export const ZReportParams = z.object({ id: ZIdText, format: z.enum(['docx', 'pdf']) });

export const ZTerritoryParams = z.object({ country: z.enum(['BG', 'UA', 'PL', 'bg', 'ua', 'pl']), code: z.string().min(1).max(40) });
export const ZPublicListing = z.object({
  territory: z.object({ code: z.string(), name: z.string(), country: z.string() }),
  consultations: z.array(
    z.object({ id: z.number().int(), title: z.string(), titleLanguage: z.enum(LANGUAGES), kind: z.string(), authority: z.string(), opensOn: z.string(), closesOn: z.string(), phase: z.enum(['open', 'closed']), comments: z.number().int(), path: z.string() }),
  ),
});
export const ZOpenDataQuery = z.object({ format: z.enum(['csv', 'json']).default('json'), lang: z.enum(LANGUAGES).optional() });
