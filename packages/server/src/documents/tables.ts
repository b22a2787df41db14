import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { appUser } from '../accounts/tables';

/**
 * A fixed text of an official document as an administrator reworded it for a country and a
 * language (issue 9, item 3): a heading, a paragraph, the legal basis, a signature line. Without
 * a row the translation files' text stands; the documents read both through `wording.ts`.
 */
export const documentWording = pgTable(
  'document_wording',
  {
    id: serial('id').primaryKey(),
    country: text('country').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    language: text('language').notNull(),
    text: text('text').notNull(),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_wording_text').on(t.country, t.kind, t.key, t.language)],
);
