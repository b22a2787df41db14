import { z } from 'zod';
import { ASSESSMENT_METHODS, ASSESSMENT_STATUSES, LANGUAGES, MEASURE_STATUSES, ZIdText } from '@potreby/domain';
import { ZTerritoryRef } from '../http/schema';

export const ZAssessmentQuery = z.object({ territoryId: ZIdText.optional() });

export const ZAssessmentSummary = z.object({
  id: z.number().int(),
  territory: ZTerritoryRef,
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  year: z.number().int(),
  language: z.enum(LANGUAGES),
  status: z.enum(ASSESSMENT_STATUSES),
  demo: z.boolean(),
  responses: z.number().int(),
  updatedAt: z.string(),
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;
export const ZAssessmentList = z.object({ items: z.array(ZAssessmentSummary) });

export const ZMember = z.object({ id: z.number().int(), name: z.string(), organisation: z.string(), role: z.string(), chair: z.boolean() });
export const ZMeasure = z.object({
  id: z.number().int(),
  activity: z.string(),
  responsible: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(MEASURE_STATUSES),
  /** Due and not done: the plan shows it as late. */
  overdue: z.boolean(),
});
export const ZMethod = z.object({ id: z.number().int(), method: z.enum(ASSESSMENT_METHODS), description: z.string().nullable() });
export const ZRespondentGroup = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  targetRespondents: z.number().int(),
  population: z.number().int().nullable(),
  populationSource: z.string().nullable(),
  /** Responses received so far, all questionnaires of the assessment. */
  responses: z.number().int(),
});
export const ZFinding = z.object({
  id: z.number().int(),
  method: z.enum(ASSESSMENT_METHODS),
  topic: z.string(),
  respondentGroupId: z.number().int().nullable(),
  text: z.string(),
  quote: z.string().nullable(),
  serviceTypes: z.array(z.string()),
});

export const ZAssessmentDetail = ZAssessmentSummary.extend({
  rulesOfWork: z.string().nullable(),
  planApprovedOn: z.string().nullable(),
  planDecision: z.string().nullable(),
  conclusions: z.string().nullable(),
  recommendations: z.string().nullable(),
  suppressionThreshold: z.number().int(),
  members: z.array(ZMember),
  measures: z.array(ZMeasure),
  methods: z.array(ZMethod),
  groups: z.array(ZRespondentGroup),
  findings: z.array(ZFinding),
  questionnaires: z.array(z.object({ id: z.number().int(), title: z.string(), currentVersion: z.number().int(), responses: z.number().int() })),
  /** May the signed-in user change it? */
  editable: z.boolean(),
});
export type TAssessmentDetail = z.infer<typeof ZAssessmentDetail>;

export const ZAssessmentIdParam = z.object({ id: ZIdText });
export const ZPartParams = z.object({ id: ZIdText, partId: ZIdText });

/** The survey-based need of each tagged service type, with its 95 % interval (issue 3, item 6). */
export const ZSurveyEstimate = z.object({
  serviceType: z.string(),
  questionnaireId: z.number().int(),
  questionName: z.string(),
  need: z.number(),
  needLow: z.number(),
  needHigh: z.number(),
  prevalence: z.number(),
  low: z.number(),
  high: z.number(),
  effectiveN: z.number(),
  respondents: z.number().int(),
  coveredPopulation: z.number(),
  uncoveredGroups: z.array(z.number().int()),
  byGroup: z.array(
    z.object({
      groupId: z.number().int(),
      population: z.number().nullable(),
      answered: z.number().int(),
      positive: z.number().int(),
      prevalence: z.number(),
      low: z.number(),
      high: z.number(),
      need: z.number().nullable(),
      needLow: z.number().nullable(),
      needHigh: z.number().nullable(),
    }),
  ),
});
export type TSurveyEstimate = z.infer<typeof ZSurveyEstimate>;
export const ZSurveyEstimates = z.object({ assessmentId: z.number().int(), year: z.number().int(), items: z.array(ZSurveyEstimate) });
export type TSurveyEstimates = z.infer<typeof ZSurveyEstimates>;

const ZShare = z.object({ count: z.number().int(), of: z.number().int(), share: z.number(), low: z.number(), high: z.number() });
/** Potential recipients' need against current recipients' satisfaction, per service (issue 3, item 7). */
export const ZRecipientsView = z.object({
  items: z.array(z.object({ serviceType: z.string(), potentialNeed: ZShare.nullable(), currentSatisfaction: ZShare.nullable() })),
});
export type TRecipientsView = z.infer<typeof ZRecipientsView>;
