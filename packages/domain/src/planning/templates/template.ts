import { z } from 'zod';
import { ZCountry } from '../../territories/territory';
import { ZCount } from '../../validation/bounded';

/**
 * A country template of a planning round (issue 8, item 1; PRODUCT.md §F): the stages the law
 * sets, who does each, the documents each produces and when each is due. Templates are data: the
 * seeded ones (seeded-templates.ts) follow the law, an administrator edits copies in the UI.
 * Names and descriptions are not stored here: they are in the translation files
 * (`planningTemplates.templates.<key>`, `planningTemplates.stages.<stage key>`,
 * `planningTemplates.documents.<document key>`); an administrator's own stage carries its name.
 */

/**
 * A key of a template, stage or document: lower-case words joined by '_', in parts joined by '.'
 * like the service types' keys ('bg.npsu', 'bg.needs_analysis'); each part is a level of the
 * translation files.
 */
export const ZPlanningKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, { message: 'expected lower-case letters, digits and _, in parts joined by .' });

/** Who carries out a stage: the region (province, oblast, voivodeship), each municipality of the round, or a national body. */
export const STAGE_OWNERS = ['region', 'municipality', 'national'] as const;
export const ZStageOwner = z.enum(STAGE_OWNERS);
export type TStageOwner = z.infer<typeof ZStageOwner>;

/**
 * When a stage is due.
 * - `fixed`: a day and month in the first year of the plan period, shifted by `yearOffset` years
 *   (−1: the year before the period starts; e.g. Bulgaria's 2023 round: draft agreement
 *   17 February, submission to АСП 30 March). A date that falls on a day off moves to the next
 *   working day.
 * - `after_start`: `days` calendar or working days after the round's start date.
 * - `after_stage`: `days` calendar or working days after another stage's due date (`from: 'due'`)
 *   or the date it was done (`from: 'done'`; until it is done its due date stands in, and the
 *   result is marked provisional).
 */
export const ZDueRule = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(-5).max(10).default(0),
  }),
  z.object({
    kind: z.literal('after_start'),
    days: ZCount.max(36_600),
    unit: z.enum(['calendar', 'working']),
  }),
  z.object({
    kind: z.literal('after_stage'),
    stage: ZPlanningKey,
    from: z.enum(['due', 'done']),
    days: ZCount.max(36_600),
    unit: z.enum(['calendar', 'working']),
  }),
]);
export type TDueRule = z.infer<typeof ZDueRule>;

/** One stage of a template. */
export const ZTemplateStage = z.object({
  key: ZPlanningKey,
  owner: ZStageOwner,
  /** Keys of the documents the stage produces (`planningTemplates.documents.<key>`). */
  documents: z.array(ZPlanningKey).max(20),
  due: ZDueRule,
  /** The provision of law behind the stage or its deadline, as a citation in the country's language. */
  legalBasis: z.string().max(500),
  /** An administrator's own stage: its name, since the translation files do not know it. */
  name: z.string().max(200).optional(),
});
export type TTemplateStage = z.infer<typeof ZTemplateStage>;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A country template of stages, documents and deadlines. */
export const ZRoundTemplate = z
  .object({
    key: ZPlanningKey,
    country: ZCountry,
    /** The law the template follows, as a citation in the country's language. */
    legalBasis: z.string().max(1000),
    /** An administrator's own template: its name, since the translation files do not know it. */
    name: z.string().max(200).optional(),
    stages: z.array(ZTemplateStage).min(1).max(60),
  })
  .superRefine((template, ctx) => {
    const keys = new Set<string>();
    template.stages.forEach((stage, i) => {
      if (keys.has(stage.key)) ctx.addIssue({ code: 'custom', path: ['stages', i, 'key'], message: `stage ${stage.key} appears twice` });
      keys.add(stage.key);
    });
    template.stages.forEach((stage, i) => {
      // 29 February is allowed (a common year takes the 28th); 31 April is not a day.
      if (stage.due.kind === 'fixed' && stage.due.day > DAYS_IN_MONTH[stage.due.month - 1]!)
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'due', 'day'], message: `no day ${stage.due.day} in month ${stage.due.month}` });
      if (stage.due.kind === 'after_stage' && !keys.has(stage.due.stage))
        ctx.addIssue({ code: 'custom', path: ['stages', i, 'due', 'stage'], message: `no stage ${stage.due.stage}` });
    });
  });
export type TRoundTemplate = z.infer<typeof ZRoundTemplate>;
/** A template as written (defaults not yet applied), e.g. in the seeded data or an administrator's edit. */
export type TRoundTemplateInput = z.input<typeof ZRoundTemplate>;
