import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { TCommentTarget, TConsultationSection } from '@potreby/domain';
import { appUser } from '../accounts/tables';
import { planningRound } from '../planning/tables';
import { territory } from '../territories/tables';

/**
 * A public consultation of a planning round's document (domain/consultation). `territory_id` is
 * whose document it is: the round's territory for the draft agreement, one municipality for its
 * planning proposal. Its sections are the text as published: a later edit of the draft is a new
 * consultation, so what residents read and commented on stays on record.
 */
export const consultation = pgTable(
  'consultation',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    sections: jsonb('sections').$type<TConsultationSection[]>().notNull().default([]),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultation_round').on(t.roundId),
    check('consultation_kind', sql`${t.kind} in ('draft_agreement','planning_proposal','programme','report')`),
    check('consultation_period', sql`${t.opensOn} <= ${t.closesOn}`),
  ],
);

/**
 * A resident's comment and the authority's answer. No account, e-mail or network address is
 * kept; `name` and `organisation` are optional, shown in public only with `consent`, and blanked
 * on request (`erased_at`).
 */
export const consultationComment = pgTable(
  'consultation_comment',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultation.id, { onDelete: 'cascade' }),
    target: jsonb('target').$type<TCommentTarget>().notNull(),
    body: text('body').notNull(),
    name: text('name'),
    organisation: text('organisation'),
    consent: boolean('consent').notNull().default(false),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    status: text('status').notNull().default('pending'),
    hiddenReason: text('hidden_reason'),
    verdict: text('verdict'),
    reason: text('reason').notNull().default(''),
    change: text('change').notNull().default(''),
    // No foreign key: the item may be removed later; the answer still says what was done.
    changedItemId: integer('changed_item_id'),
    answeredBy: integer('answered_by').references(() => appUser.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('consultation_comment_consultation').on(t.consultationId),
    check('consultation_comment_status', sql`${t.status} in ('pending','published','hidden')`),
    check('consultation_comment_verdict', sql`${t.verdict} is null or ${t.verdict} in ('accepted','partly','rejected')`),
  ],
);

export type ConsultationRow = typeof consultation.$inferSelect;
export type CommentRow = typeof consultationComment.$inferSelect;
