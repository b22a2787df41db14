import { sql } from 'drizzle-orm';
import { check, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/tables';
import { territory } from '../territories/tables';

/**
 * What a territory's authority has published on its public page (issue 9, item 5): one row per
 * section it has put out (services, gaps, plan, fiches), when and by whom. No row: not published —
 * withdrawing a section deletes its row, and the audit log keeps the history.
 */
export const publication = pgTable(
  'publication',
  {
    id: serial('id').primaryKey(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id),
    section: text('section').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => appUser.id),
  },
  (t) => [uniqueIndex('publication_territory_section').on(t.territoryId, t.section), check('publication_section', sql`${t.section} in ('services','gaps','plan','fiches')`)],
);

export type PublicationRow = typeof publication.$inferSelect;
