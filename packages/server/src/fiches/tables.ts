import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { TBudgetLine, TFiche } from '@potreby/domain';
import { appUser } from '../accounts/tables';
import { territory } from '../territories/tables';

/**
 * A working group's meeting on a municipality's development plan (story 3): who took part, and
 * the problems and ideas raised there (`fiche_problem`), which project fiches then address.
 */
export const ficheWorkshop = pgTable(
  'fiche_workshop',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    topic: text('topic').notNull(),
    participants: jsonb('participants').$type<{ name: string; organisation: string; role: string }[]>().notNull().default([]),
    createdBy: integer('created_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fiche_workshop_municipality').on(t.municipalityId)],
);

/** A key problem or an idea recorded at a working meeting. */
export const ficheProblem = pgTable(
  'fiche_problem',
  {
    id: serial('id').primaryKey(),
    workshopId: integer('workshop_id')
      .notNull()
      .references(() => ficheWorkshop.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    sortOrder: smallint('sort_order').notNull().default(0),
  },
  (t) => [index('fiche_problem_workshop').on(t.workshopId), check('fiche_problem_kind', sql`${t.kind} in ('problem','idea')`)],
);

/** A project fiche (domain fiches/fiche.ts); its lists as the form sends them. */
export const projectFiche = pgTable(
  'project_fiche',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    title: text('title').notNull(),
    problemIds: jsonb('problem_ids').$type<number[]>().notNull().default([]),
    serviceTypes: jsonb('service_types').$type<string[]>().notNull().default([]),
    objectives: text('objectives').notNull().default(''),
    activities: jsonb('activities').$type<string[]>().notNull().default([]),
    targetGroup: text('target_group').notNull().default(''),
    peopleReached: integer('people_reached'),
    settlementIds: jsonb('settlement_ids').$type<number[]>().notNull().default([]),
    partners: jsonb('partners').$type<string[]>().notNull().default([]),
    startMonth: text('start_month').notNull(),
    months: smallint('months').notNull(),
    budget: jsonb('budget').$type<TBudgetLine[]>().notNull().default([]),
    totalCost: doublePrecision('total_cost').notNull().default(0),
    indicators: jsonb('indicators').$type<TFiche['indicators']>().notNull().default([]),
    owner: text('owner').notNull().default(''),
    status: text('status').notNull().default('idea'),
    createdBy: integer('created_by').references(() => appUser.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_fiche_municipality').on(t.municipalityId), check('project_fiche_status', sql`${t.status} in ('idea','shortlisted','in_plan','funded','done')`)],
);

export type WorkshopRow = typeof ficheWorkshop.$inferSelect;
export type ProblemRow = typeof ficheProblem.$inferSelect;
export type FicheRow = typeof projectFiche.$inferSelect;
