import { z } from 'zod';
import { LANGUAGES } from '../accounts/account';
import { ZId } from '../validation/bounded';

/**
 * The needs assessment of a territorial community, as Ukraine's procedure describes it (Order of
 * the Ministry of Social Policy No. 130-Н of 19.04.2023): a working group adopts rules of work and
 * a plan of measures, chooses methods and respondent groups, collects and analyses data, and
 * reports its conclusions. The same steps serve a Bulgarian or Polish needs analysis.
 */
export const ASSESSMENT_STATUSES = ['planning', 'collecting', 'analysing', 'reported'] as const;
export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export const ASSESSMENT_METHODS = ['questionnaire', 'interview', 'focus_group', 'administrative_data'] as const;
/** What a tagged question tells: a need for a service, current use of it, satisfaction with it, where the respondent lives, or nothing for estimates. */
export const TAG_PURPOSES = ['need', 'current_use', 'satisfaction', 'settlement', 'information'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
const isoDate = z.iso.date();

export const ZAssessmentInput = z
  .object({
    territoryId: ZId,
    title: text(300),
    periodFrom: isoDate,
    periodTo: isoDate,
    year: z.number().int().min(1990).max(2100),
    language: z.enum(LANGUAGES),
    status: z.enum(ASSESSMENT_STATUSES).default('planning'),
    rulesOfWork: optionalText(20_000),
    planApprovedOn: isoDate.nullable().default(null),
    planDecision: optionalText(200),
    conclusions: optionalText(50_000),
    recommendations: optionalText(50_000),
    suppressionThreshold: z.number().int().min(1).max(100).default(5),
  })
  .refine((a) => a.periodTo >= a.periodFrom, { path: ['periodTo'], message: 'period_order' })
  // The decision that approves the plan has a date and a number; one without the other is half a record.
  .refine((a) => (a.planApprovedOn === null) === (a.planDecision === null), { path: ['planDecision'], message: 'decision_incomplete' });
export type TAssessmentInput = z.infer<typeof ZAssessmentInput>;

export const ZMemberInput = z.object({
  name: text(200),
  organisation: text(300),
  role: text(200),
  chair: z.boolean().default(false),
});
export type TMemberInput = z.infer<typeof ZMemberInput>;

export const ZMeasureInput = z.object({
  activity: text(1000),
  responsible: text(300),
  dueDate: isoDate.nullable().default(null),
  status: z.enum(MEASURE_STATUSES).default('planned'),
});
export type TMeasureInput = z.infer<typeof ZMeasureInput>;

export const ZMethodInput = z.object({
  method: z.enum(ASSESSMENT_METHODS),
  description: optionalText(2000),
});
export type TMethodInput = z.infer<typeof ZMethodInput>;

export const ZRespondentGroupInput = z.object({
  key: z.string().trim().min(1).max(100).regex(/^[a-z0-9_]+$/),
  name: text(200),
  targetRespondents: z.number().int().min(0).max(1_000_000).default(0),
  /** People of the group in the territory (from statistics or registers), the weight of its answers. */
  population: z.number().int().min(0).max(100_000_000).nullable().default(null),
  populationSource: optionalText(500),
});
export type TRespondentGroupInput = z.infer<typeof ZRespondentGroupInput>;

export const ZFindingInput = z.object({
  method: z.enum(ASSESSMENT_METHODS),
  topic: text(300),
  respondentGroupId: ZId.nullable().default(null),
  text: text(10_000),
  quote: optionalText(5000),
  serviceTypes: z.array(z.string().min(1)).max(50).default([]),
});
export type TFindingInput = z.infer<typeof ZFindingInput>;

export const ZQuestionTagInput = z.object({
  questionName: z.string().min(1).max(200),
  purpose: z.enum(TAG_PURPOSES),
  serviceType: z.string().min(1).nullable().default(null),
  targetGroup: z.string().min(1).nullable().default(null),
  /** Answers that count as "yes" (needs it, uses it, is satisfied). */
  positiveValues: z.array(z.string().min(1).max(200)).max(100).default([]),
});
export type TQuestionTagInput = z.infer<typeof ZQuestionTagInput>;

/** An answer sent from the public link. `website` is a field people never see: bots fill it. */
export const ZPublicSubmission = z.object({
  submissionKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  answers: z.record(z.string().max(200), z.unknown()),
  formToken: z.string().min(10).max(300),
  website: z.string().max(0).optional(),
});
export type TPublicSubmission = z.infer<typeof ZPublicSubmission>;

/** A paper questionnaire typed in by staff, with the same form. */
export const ZPaperResponse = z.object({
  submissionKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  respondentGroupId: ZId.nullable(),
  answers: z.record(z.string().max(200), z.unknown()),
});
export type TPaperResponse = z.infer<typeof ZPaperResponse>;
