import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { territory } from '../territories/tables';

/**
 * A needs assessment of one territory for one period (Ukraine: Order No. 130-Н of 19.04.2023,
 * "determining the needs of the population of a territorial community for social services").
 */
export const assessment = pgTable(
  'assessment',
  {
    id: serial('id').primaryKey(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id),
    title: text('title').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The year the figures describe: survey estimates count as need in that year's gap tables. */
    year: smallint('year').notNull(),
    /** Language of the assessment's documents. */
    language: text('language').notNull(),
    status: text('status').notNull().default('planning'),
    rulesOfWork: text('rules_of_work'),
    /** Decision approving the plan of measures (executive committee): date and number. */
    planApprovedOn: date('plan_approved_on', { mode: 'string' }),
    planDecision: text('plan_decision'),
    conclusions: text('conclusions'),
    recommendations: text('recommendations'),
    /** Published tables hide counts under this many respondents (re-identification). */
    suppressionThreshold: smallint('suppression_threshold').notNull().default(5),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessment_territory').on(t.territoryId),
    check('assessment_status', sql`${t.status} in ('planning','collecting','analysing','reported')`),
    check('assessment_period', sql`${t.periodTo} >= ${t.periodFrom}`),
  ],
);

export const workingGroupMember = pgTable('working_group_member', {
  id: serial('id').primaryKey(),
  assessmentId: integer('assessment_id')
    .notNull()
    .references(() => assessment.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  organisation: text('organisation').notNull(),
  role: text('role').notNull(),
  chair: boolean('chair').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** An activity of the plan of measures of the needs determination. */
export const planMeasure = pgTable(
  'plan_measure',
  {
    id: serial('id').primaryKey(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    activity: text('activity').notNull(),
    responsible: text('responsible').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [check('plan_measure_status', sql`${t.status} in ('planned','in_progress','done','cancelled')`)],
);

/** A data-collection method the working group chose. */
export const assessmentMethod = pgTable(
  'assessment_method',
  {
    id: serial('id').primaryKey(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessment.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    description: text('description'),
  },
  (t) => [check('assessment_method_kind', sql`${t.method} in ('questionnaire','interview','focus_group','administrative_data')`)],
);

/**
 * A group of people asked (older people, displaced persons, providers …), with how many should
 * answer and how many such people live in the territory — the design weight of their answers.
 */
export const respondentGroup = pgTable('respondent_group', {
  id: serial('id').primaryKey(),
  assessmentId: integer('assessment_id')
    .notNull()
    .references(() => assessment.id, { onDelete: 'cascade' }),
  /** A target group key of the catalogue, or a key of the assessment's own. */
  key: text('key').notNull(),
  name: text('name').notNull(),
  targetRespondents: integer('target_respondents').notNull().default(0),
  /** People of the group in the territory; null when unknown (then no estimate is made from it). */
  population: integer('population'),
  populationSource: text('population_source'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A finding of an interview or focus group, for the report. */
export const finding = pgTable('finding', {
  id: serial('id').primaryKey(),
  assessmentId: integer('assessment_id')
    .notNull()
    .references(() => assessment.id, { onDelete: 'cascade' }),
  method: text('method').notNull(),
  topic: text('topic').notNull(),
  respondentGroupId: integer('respondent_group_id').references(() => respondentGroup.id, { onDelete: 'set null' }),
  text: text('text').notNull(),
  quote: text('quote'),
  serviceTypes: text('service_types').array().notNull().default(sql`'{}'`),
  sortOrder: integer('sort_order').notNull().default(0),
});
