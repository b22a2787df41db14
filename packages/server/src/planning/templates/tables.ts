import { integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TTemplateStage } from '@potreby/domain/planning/templates/template';
import { appUser } from '../../accounts/tables';

/**
 * A country template of a planning round as an administrator edited it (issue 8, item 1). The
 * law's templates are in code (domain planning/templates/seeded-templates.ts) and stand until an
 * administrator saves an edit: then this row is the template, and rounds opened afterwards are
 * scheduled from it. Rounds already open keep their dates.
 */
export const planningTemplate = pgTable(
  'planning_template',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull(),
    country: text('country').notNull(),
    /** The administrator's name of the template; null: the translation files name it. */
    name: text('name'),
    legalBasis: text('legal_basis').notNull().default(''),
    stages: jsonb('stages').$type<TTemplateStage[]>().notNull(),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('planning_template_key').on(t.key)],
);
