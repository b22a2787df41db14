import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AgreementContent } from '@potreby/domain/planning/agreement';
import { appUser } from '../../accounts/tables';
import { territory } from '../../territories/tables';
import { planningRound } from '../tables';

/**
 * A version of a round's mayors' agreement (issue 8, item 11): its content as generated from the
 * plan, and the SHA-256 of its canonical text. Once every party has signed it the version is
 * `signed` and frozen: it is never rewritten, and a later change of the plan makes a new version.
 */
export const agreementVersion = pgTable(
  'agreement_version',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    content: jsonb('content').$type<AgreementContent>().notNull(),
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull().default('draft'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('agreement_version_round_number').on(t.roundId, t.number), index('agreement_version_round_hash').on(t.roundId, t.contentHash), check('agreement_version_status', sql`${t.status} in ('draft','signed')`)],
);

/** A municipality's position on a version: agrees, objects (with a reason) or signed (with the council's decision). */
export const mayorPosition = pgTable(
  'mayor_position',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id')
      .notNull()
      .references(() => agreementVersion.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    position: text('position').notNull(),
    reason: text('reason').notNull().default(''),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date', { mode: 'string' }),
    signatoryName: text('signatory_name').notNull().default(''),
    recordedBy: integer('recorded_by').references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mayor_position_version_municipality').on(t.versionId, t.municipalityId),
    check('mayor_position_position', sql`${t.position} in ('agrees','objects','signed')`),
    check('mayor_position_reason', sql`${t.position} <> 'objects' or length(${t.reason}) > 0`),
    check('mayor_position_decision', sql`${t.position} <> 'signed' or (${t.decisionNumber} is not null and ${t.decisionDate} is not null)`),
  ],
);
