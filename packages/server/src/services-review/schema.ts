import { LANGUAGES, ZCapacityUnit, ZCountry, ZId, ZIdText, ZLevel, ZYear, ZYearText } from '@potreby/domain';
import { z } from 'zod';

/** Text a forum writes: bounded, so one note cannot fill the database or a document. */
const ZNote = z.string().trim().max(4000);

export const ZReviewParams = z.object({ municipalityId: ZIdText });
export const ZReviewQuery = z.object({ year: ZYearText.optional() });
/** `lang`: the language of the file (a download link cannot send a header); else the reader's. */
export const ZReviewDocumentQuery = ZReviewQuery.extend({ lang: z.enum(LANGUAGES).optional() });
export const ZReviewDocumentParams = ZReviewParams.extend({ format: z.enum(['docx', 'pdf']) });

export const ZReviewNotesInput = z.object({
  settlementId: ZId,
  siteKey: z.string().trim().min(1).max(100),
  year: ZYear,
  results: ZNote,
  challenges: ZNote,
  goodPractices: ZNote,
  partner: z.string().trim().max(300),
});
export type TReviewNotesInput = z.infer<typeof ZReviewNotesInput>;

export const ZReviewNotes = z.object({
  results: z.string(),
  challenges: z.string(),
  goodPractices: z.string(),
  partner: z.string(),
  updatedAt: z.string().nullable(),
});
export type TReviewNotes = z.infer<typeof ZReviewNotes>;

const ZPlaceName = z.object({ id: z.number(), name: z.string(), nameEn: z.string().nullable(), country: ZCountry });

export const ZReviewedService = z.object({
  settlementId: z.number(),
  siteKey: z.string(),
  name: z.string(),
  serviceType: z.string(),
  provider: z.string(),
  unit: ZCapacityUnit,
  settlement: ZPlaceName,
  /** Every registry year the site has, oldest first: users (null when not reported) and capacity. */
  figures: z.array(z.object({ year: z.number(), users: z.number().nullable(), capacity: z.number() })),
  notes: ZReviewNotes,
});
export type TReviewedService = z.infer<typeof ZReviewedService>;

export const ZServicesReview = z.object({
  municipality: ZPlaceName.extend({ code: z.string(), level: ZLevel }),
  /** The registry year reviewed: the services active in it. */
  year: z.number(),
  /** Every year the country's registry has, oldest first (the chart's axis). */
  years: z.array(z.number()),
  services: z.array(ZReviewedService),
  mayEdit: z.boolean(),
});
export type TServicesReview = z.infer<typeof ZServicesReview>;
