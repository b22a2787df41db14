import { z } from 'zod';
import { TAG_PURPOSES, ZId, ZIdText, ZQuestionTagInput } from '@potreby/domain';
import { ZPage } from '../http/schema';

export const ZQuestionnaireIdParam = z.object({ id: ZIdText });

export const ZQuestionnaireCreate = z
  .object({
    title: z.string().trim().min(1).max(300),
    assessmentId: ZId.nullable().default(null),
    territoryId: ZId.nullable().default(null),
    /** A SurveyJS definition; a new questionnaire may start empty. */
    definition: z.record(z.string(), z.unknown()).default({ pages: [{ name: 'page1', elements: [] }] }),
  })
  .refine((q) => q.assessmentId !== null || q.territoryId !== null, { path: ['territoryId'], message: 'territory_required' });

/** A new version of the questionnaire's content; answers already given keep the version they answered. */
export const ZQuestionnaireVersionInput = z.object({ definition: z.record(z.string(), z.unknown()) });

/**
 * The tag screen's whole set. Service types and target groups are catalogue keys (checked
 * against the catalogue when saved); the lengths stop a long text before it is looked up.
 */
export const ZQuestionTagsInput = z.object({
  tags: z
    .array(
      ZQuestionTagInput.extend({
        serviceType: z.string().min(1).max(100).nullable().default(null),
        targetGroup: z.string().min(1).max(100).nullable().default(null),
      }),
    )
    .max(500),
});

export const ZQuestionTag = z.object({
  id: z.number().int(),
  questionName: z.string(),
  purpose: z.enum(TAG_PURPOSES),
  serviceType: z.string().nullable(),
  targetGroup: z.string().nullable(),
  positiveValues: z.array(z.string()),
});

export const ZCollectionLink = z.object({
  id: z.number().int(),
  token: z.string(),
  /** Path of the public form; the UI prefixes its own origin. */
  path: z.string(),
  respondentGroup: z.object({ id: z.number().int(), name: z.string(), key: z.string() }).nullable(),
  active: z.boolean(),
  responses: z.number().int(),
});

export const ZQuestionnaireDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  assessmentId: z.number().int().nullable(),
  territoryId: z.number().int().nullable(),
  currentVersion: z.number().int(),
  definition: z.record(z.string(), z.unknown()),
  languages: z.array(z.string()),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), source: z.string(), languages: z.array(z.string()), responses: z.number().int() })),
  tags: z.array(ZQuestionTag),
  links: z.array(ZCollectionLink),
  responses: z.number().int(),
  demo: z.boolean(),
  editable: z.boolean(),
});
export type TQuestionnaireDetail = z.infer<typeof ZQuestionnaireDetail>;

export const ZQuestionnaireList = z.object({
  items: z.array(z.object({ id: z.number().int(), title: z.string(), assessmentId: z.number().int().nullable(), currentVersion: z.number().int(), responses: z.number().int() })),
});

/** The result of importing an XLSForm: the new questionnaire, and what could not be converted. */
export const ZXlsFormImport = z.object({
  questionnaireId: z.number().int(),
  version: z.number().int(),
  languages: z.array(z.string()),
  questions: z.number().int(),
  unconverted: z.array(z.object({ row: z.number().int(), name: z.string().nullable(), type: z.string(), reason: z.string(), message: z.string() })),
});
export type TXlsFormImport = z.infer<typeof ZXlsFormImport>;

export const ZLinkCreate = z.object({ respondentGroupId: ZId.nullable() });
export const ZLinkUpdate = z.object({ active: z.boolean() });

/** What the public form needs: no id, no territory, nothing about who else answered. */
export const ZPublicForm = z.object({
  title: z.string(),
  definition: z.record(z.string(), z.unknown()),
  languages: z.array(z.string()),
  group: z.string().nullable(),
  /** Signed; sent back with the answers. */
  formToken: z.string(),
});
export type TPublicForm = z.infer<typeof ZPublicForm>;
export const ZSubmissionReceipt = z.object({
  /** True when this submission key had been received before: the answer is stored once. */
  duplicate: z.boolean(),
});

export const ZResponseFilter = z.object({
  respondentGroupId: ZIdText.optional(),
  settlementId: ZIdText.optional(),
});

export const ZQuestionStats = z.object({
  name: z.string(),
  type: z.string(),
  title: z.record(z.string(), z.string()),
  n: z.number().int(),
  missing: z.number().int(),
  frequencies: z.array(z.object({ value: z.string(), text: z.record(z.string(), z.string()), count: z.number().int(), share: z.number() })).nullable(),
  numbers: z.object({ mean: z.number().nullable(), median: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() }).nullable(),
});
export const ZStats = z.object({
  questionnaireId: z.number().int(),
  respondents: z.number().int(),
  questions: z.array(ZQuestionStats),
});
export type TStats = z.infer<typeof ZStats>;

export const ZCrossTabQuery = ZResponseFilter.extend({ question: z.string().min(1), by: z.enum(['group', 'settlement']) });
export const ZCrossTab = z.object({
  question: z.string(),
  by: z.enum(['group', 'settlement']),
  rows: z.array(z.object({ key: z.string(), label: z.string() })),
  columns: z.array(z.object({ value: z.string(), text: z.record(z.string(), z.string()) })),
  counts: z.array(z.array(z.number().int())),
});
export type TCrossTab = z.infer<typeof ZCrossTab>;

export const ZFreeTextQuery = ZPage.extend({ ...ZResponseFilter.shape, question: z.string().min(1), tag: z.string().optional() });
export const ZFreeText = z.object({
  question: z.string(),
  total: z.number().int(),
  answers: z.array(z.object({ responseId: z.number().int(), text: z.string(), group: z.string().nullable(), tags: z.array(z.string()) })),
  tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
});
export type TFreeText = z.infer<typeof ZFreeText>;
export const ZFreeTextTagsInput = z.object({ responseId: ZId, question: z.string().min(1), tags: z.array(z.string().trim().min(1).max(100)).max(20) });

export const ZProgress = z.object({
  groups: z.array(z.object({ id: z.number().int().nullable(), name: z.string().nullable(), target: z.number().int(), responses: z.number().int() })),
  total: z.number().int(),
});
export type TProgress = z.infer<typeof ZProgress>;

export const ZExportRequest = z.object({ what: z.enum(['responses', 'stats']), format: z.enum(['csv', 'xlsx']), language: z.enum(['bg', 'uk', 'pl', 'en']).optional() });
export const ZJob = z.object({
  id: z.string(),
  state: z.enum(['waiting', 'running', 'done', 'failed']),
  /** 0–1. */
  progress: z.number(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
});
export type TJob = z.infer<typeof ZJob>;
