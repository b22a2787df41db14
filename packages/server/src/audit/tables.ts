import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Every change: who, when, what, before and after. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    /** "user:12", "cli:root", "seed": who made the change when there is no user. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    country: text('country'),
    territoryId: integer('territory_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_country_id').on(t.country, t.id), index('audit_entity').on(t.entity, t.entityId)],
);
