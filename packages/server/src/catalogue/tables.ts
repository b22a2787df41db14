import { sql } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The per-country classification of social services, seeded from reference/service-types.csv
 * and kept by administrators (catalogue/routes.ts): types are added, renamed and retired, never
 * deleted, since sites, norms and past years' figures refer to them.
 */
export const serviceType = pgTable(
  'service_type',
  {
    key: text('key').primaryKey(),
    country: text('country').notNull(),
    officialCode: text('official_code'),
    /** The official name, in the country's language. */
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** Names an administrator gave in the other UI languages (`{ "uk": "…" }`). */
    translations: jsonb('translations').$type<Record<string, string>>().notNull().default({}),
    category: text('category').notNull(),
    residential: boolean('residential').notNull(),
    unit: text('unit').notNull(),
    targetGroups: text('target_groups').array().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** Retired by an administrator: kept where it is used, no longer offered. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  // An official code names one type of its country.
  (t) => [uniqueIndex('service_type_official_code').on(t.country, t.officialCode).where(sql`${t.officialCode} is not null`)],
);
