import { boolean, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** The per-country classification of social services, seeded from reference/service-types.csv. */
export const serviceType = pgTable('service_type', {
  key: text('key').primaryKey(),
  country: text('country').notNull(),
  officialCode: text('official_code'),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  category: text('category').notNull(),
  residential: boolean('residential').notNull(),
  unit: text('unit').notNull(),
  targetGroups: text('target_groups').array().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});
