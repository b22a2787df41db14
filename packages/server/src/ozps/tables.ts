import { boolean, doublePrecision, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/tables';
import { territory } from '../territories/tables';

/**
 * A figure a Polish gmina's social-assistance centre enters for its yearly assessment of
 * social-assistance resources (OZPS): one indicator (domain ozps/indicators.ts) for one year.
 * A figure not entered has no row — never a 0 — so the document can say "no figure".
 */
export const ozpsFigure = pgTable(
  'ozps_figure',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    year: smallint('year').notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    /** Entered by the demonstration's seed (illustrative, not the gmina's); an officer's change clears it. */
    demo: boolean('demo').notNull().default(false),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('ozps_figure_indicator_year').on(t.municipalityId, t.year, t.indicator)],
);
