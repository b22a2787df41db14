import { integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A municipal forum's review of one active service in one year (issue 8, story 2): its results,
 * key challenges and good practices with the partner organisation behind them.
 *
 * Per service SITE, not per service type: a forum speaks of "the day centre in Velingrad run by
 * X", whose users, staff and partners are its own; a type groups sites of different providers
 * whose results differ. A site is named as the registry names it across years — its `site_key`
 * within the place it stands (`settlement_id`; see service-sites/tables.ts) — so a review
 * follows the site from one registry year to the next and survives municipalities being merged
 * or re-drawn (the settlement keeps its id). `year` is the registry year reviewed. No foreign
 * key: the registry's rows are per year and may be replaced by an import.
 */
export const serviceReview = pgTable(
  'service_review',
  {
    id: serial('id').primaryKey(),
    settlementId: integer('settlement_id').notNull(),
    siteKey: text('site_key').notNull(),
    year: smallint('year').notNull(),
    results: text('results').notNull().default(''),
    challenges: text('challenges').notNull().default(''),
    goodPractices: text('good_practices').notNull().default(''),
    partner: text('partner').notNull().default(''),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_review_site_year').on(t.settlementId, t.siteKey, t.year)],
);
