import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, pgTable, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { appUser } from '../../accounts/tables';
import { territory } from '../../territories/tables';
import { planningRound, roundStage } from '../tables';

/** File bytes kept in the database, so that several app servers share the attachments. */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** A working meeting of a round (issue 8, item 4); a follow-up meeting points to the one it follows. */
export const roundMeeting = pgTable(
  'round_meeting',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    /** 'HH:MM' local time, or empty. */
    time: text('time').notNull().default(''),
    place: text('place').notNull().default(''),
    chair: text('chair').notNull().default(''),
    agenda: text('agenda').notNull().default(''),
    minutes: text('minutes').notNull().default(''),
    followUpOf: integer('follow_up_of').references((): AnyPgColumn => roundMeeting.id, { onDelete: 'set null' }),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('round_meeting_round').on(t.roundId)],
);

/** Someone invited to a meeting: a person of an organisation, present or not, maybe a user of the app. */
export const meetingParticipant = pgTable(
  'meeting_participant',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => roundMeeting.id, { onDelete: 'cascade' }),
    personName: text('person_name').notNull(),
    organisation: text('organisation').notNull().default(''),
    role: text('role').notNull().default(''),
    present: boolean('present').notNull().default(false),
    userId: integer('user_id').references(() => appUser.id),
  },
  (t) => [index('meeting_participant_meeting').on(t.meetingId)],
);

/** A numbered decision of a meeting, owned by a territory (null: the round's), with a due date. */
export const meetingDecision = pgTable(
  'meeting_decision',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => roundMeeting.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    ownerTerritoryId: integer('owner_territory_id').references(() => territory.id),
    dueDate: date('due_date', { mode: 'string' }),
  },
  (t) => [index('meeting_decision_meeting').on(t.meetingId)],
);

/** A file attached to a meeting (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG; at most 10 MB). */
export const meetingAttachment = pgTable(
  'meeting_attachment',
  {
    id: serial('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => roundMeeting.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: integer('uploaded_by').references(() => appUser.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_attachment_meeting').on(t.meetingId)],
);

/**
 * A task of a round besides its stages (a stage is itself a task on the round's dashboard and is
 * not copied here: one truth). A task comes from a meeting's decision or is added by hand, may
 * belong to a stage, and is owned by a territory (null: the round's).
 */
export const roundTask = pgTable(
  'round_task',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    stageId: integer('stage_id').references(() => roundStage.id, { onDelete: 'set null' }),
    decisionId: integer('decision_id').references(() => meetingDecision.id, { onDelete: 'set null' }),
    ownerTerritoryId: integer('owner_territory_id').references(() => territory.id),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    doneDate: date('done_date', { mode: 'string' }),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('round_task_round').on(t.roundId), check('round_task_status', sql`${t.status} in ('open','done')`)],
);
