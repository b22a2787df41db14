import { z } from 'zod';
import { ZId } from '../validation/bounded';
import { dayNumber, shiftIsoDate, ZIsoDate } from '../planning/deadlines/iso-date';

/**
 * A public consultation (PRODUCT.md §G, issue 9 item 1): an authority publishes a document of a
 * planning round for a period; residents comment on the whole, on a section or on one plan item;
 * the authority moderates and answers each comment; a report follows.
 *
 * What is published: the document's own text, cut into sections (heading and body) the authority
 * writes or takes from the round, and — for the round's documents — the plan items themselves,
 * read live, so that an answer's "we changed it" links to the item as it now stands.
 */
export const CONSULTATION_KINDS = ['draft_agreement', 'planning_proposal', 'programme', 'report'] as const;
export type TConsultationKind = (typeof CONSULTATION_KINDS)[number];

/**
 * Bulgaria's planning ordinance (НПСУ, 2021) has the mayor hold a 30-day public consultation on
 * the planning proposal, and the round's draft agreement follows it; the form opens on that
 * period and warns below it. A shorter period may be lawful elsewhere (a Polish programme's
 * consultation follows the gmina's own resolution), so it is the authority's call, not refused.
 */
export const USUAL_CONSULTATION_DAYS = 30;

export const ZConsultationSection = z.object({
  heading: z.string().trim().min(1).max(300),
  body: z.string().max(20_000).default(''),
});
export type TConsultationSection = z.infer<typeof ZConsultationSection>;

export const ZConsultationInput = z
  .object({
    kind: z.enum(CONSULTATION_KINDS),
    /** The municipality whose proposal is published; null: the round's whole territory (the draft agreement). */
    municipalityId: ZId.nullable().default(null),
    title: z.string().trim().min(1).max(300),
    intro: z.string().max(5_000).default(''),
    sections: z.array(ZConsultationSection).max(40).default([]),
    opensOn: ZIsoDate,
    closesOn: ZIsoDate,
  })
  .refine((c) => c.closesOn >= c.opensOn, { path: ['closesOn'], message: 'before_opening' });
export type TConsultationInput = z.input<typeof ZConsultationInput>;

export type TConsultationPhase = 'scheduled' | 'open' | 'closed';

/** Open from the first day to the last, both whole days (the dates a notice announces). */
export function consultationPhase(period: { opensOn: string; closesOn: string }, today: string): TConsultationPhase {
  if (today < period.opensOn) return 'scheduled';
  if (today > period.closesOn) return 'closed';
  return 'open';
}

/** The period a new consultation is offered: from today, the usual 30 days (both days counted). */
export const defaultPeriod = (today: string) => ({ opensOn: today, closesOn: shiftIsoDate(today, USUAL_CONSULTATION_DAYS - 1) });

/** Days of the period, both ends counted; the form warns when it is under the usual 30. */
export const periodDays = (period: { opensOn: string; closesOn: string }) => dayNumber(period.closesOn) - dayNumber(period.opensOn) + 1;

/** Which kinds belong to one municipality and which to the round's whole territory. */
export const kindIsMunicipal = (kind: TConsultationKind) => kind === 'planning_proposal';
