import { boolean, doublePrecision, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { serviceType } from '../catalogue/tables';
import { territory } from '../territories/tables';

/** Coverage norms: per 1,000 of a target population, set for a country or overridden for a region. */
export const norm = pgTable(
  'norm',
  {
    id: serial('id').primaryKey(),
    serviceType: text('service_type')
      .notNull()
      .references(() => serviceType.key),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id, { onDelete: 'cascade' }),
    target: jsonb('target').notNull(),
    ratePer1000: doublePrecision('rate_per_1000').notNull(),
    source: text('source'),
    illustrative: boolean('illustrative').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('norm_type_territory').on(t.serviceType, t.territoryId)],
);
