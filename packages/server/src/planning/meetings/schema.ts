import { z } from 'zod';
import { isIsoDate, ZCount, ZId, ZIdText } from '@potreby/domain';

/** A calendar day YYYY-MM-DD that exists, as the stages take it. */
const ZIsoDate = z.string().refine(isIsoDate, { message: 'not_date' });
const ZText = (max: number) => z.string().trim().max(max);

export const ZIdParam = z.object({ id: ZIdText });

// ---- tasks ----
export const ZTaskInput = z.object({
  title: ZText(500).min(1),
  dueDate: ZIsoDate.nullable().default(null),
  /** null: the round's own territory. */
  ownerTerritoryId: ZId.nullable().default(null),
  stageId: ZId.nullable().default(null),
});
export type TTaskInput = z.infer<typeof ZTaskInput>;

export const ZTaskView = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  stageId: z.number().int().nullable(),
  decisionId: z.number().int().nullable(),
  ownerTerritoryId: z.number().int().nullable(),
  title: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(['open', 'done']),
  doneDate: z.string().nullable(),
  createdAt: z.string(),
});
export type TTaskView = z.infer<typeof ZTaskView>;
export const ZTaskList = z.object({ items: z.array(ZTaskView) });
export const ZTaskQuery = z.object({
  /** overdue: open past its due date; thisWeek: open, due today or within 7 days. */
  filter: z.enum(['all', 'overdue', 'thisWeek']).default('all'),
  /** Only the tasks of territories within the reader's reach (a municipal officer's own). */
  mine: z.enum(['true', 'false']).optional(),
});
export const ZTaskDone = z.object({ doneDate: ZIsoDate.nullable() });

// ---- meetings ----
export const ZParticipantInput = z.object({
  personName: ZText(200).min(1),
  organisation: ZText(300).default(''),
  role: ZText(200).default(''),
  present: z.boolean().default(false),
  userId: ZId.nullable().default(null),
});
export const ZMeetingInput = z.object({
  date: ZIsoDate,
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'not_time' })
    .or(z.literal(''))
    .default(''),
  place: ZText(500).default(''),
  chair: ZText(200).default(''),
  agenda: ZText(20_000).default(''),
  minutes: ZText(100_000).default(''),
  participants: z.array(ZParticipantInput).max(500).default([]),
});
export type TMeetingInput = z.infer<typeof ZMeetingInput>;
export const ZFollowUpInput = z.object({ date: ZIsoDate, time: ZMeetingInput.shape.time, place: ZText(500).default('') });

export const ZDecisionInput = z.object({
  text: ZText(5000).min(1),
  ownerTerritoryId: ZId.nullable().default(null),
  dueDate: ZIsoDate.nullable().default(null),
});
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZParticipantView = ZParticipantInput.extend({ id: z.number().int() });
export const ZDecisionView = z.object({
  id: z.number().int(),
  number: z.number().int(),
  text: z.string(),
  ownerTerritoryId: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  /** The tasks made of this decision. */
  taskIds: z.array(z.number().int()),
});
export const ZAttachmentView = z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), size: ZCount, uploadedAt: z.string() });
export const ZMeetingSummary = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  chair: z.string(),
  followUpOf: z.number().int().nullable(),
  participants: ZCount,
  present: ZCount,
  decisions: ZCount,
});
export const ZMeetingList = z.object({ items: z.array(ZMeetingSummary) });
export const ZMeetingView = ZMeetingSummary.omit({ participants: true, present: true, decisions: true }).extend({
  agenda: z.string(),
  minutes: z.string(),
  participants: z.array(ZParticipantView),
  decisions: z.array(ZDecisionView),
  attachments: z.array(ZAttachmentView),
});
export type TMeetingView = z.infer<typeof ZMeetingView>;

export const ZMeetingDocumentParam = z.object({ id: ZIdText, kind: z.enum(['participants', 'minutes']) });
export const ZMeetingDocumentQuery = z.object({ format: z.enum(['docx', 'pdf']).default('pdf') });
