import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { TCheckSettings } from '@potreby/domain/planning/proposal';
import { territory } from '../territories/tables';
import { appUser } from '../accounts/tables';

/**
 * A planning round (issue 8, PRODUCT.md §E, §F): a territory (a region with its municipalities,
 * or one municipality) plans a period from a country template of stages and deadlines.
 */
export const planningRound = pgTable(
  'planning_round',
  {
    id: serial('id').primaryKey(),
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id),
    country: text('country').notNull(),
    templateKey: text('template_key').notNull(),
    periodStart: smallint('period_start').notNull(),
    periodEnd: smallint('period_end').notNull(),
    /** Which need the gaps are measured against: normative, observed or survey. */
    method: text('method').notNull(),
    checkSettings: jsonb('check_settings').$type<TCheckSettings>().notNull(),
    status: text('status').notNull().default('open'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('planning_round_territory').on(t.territoryId),
    check('planning_round_status', sql`${t.status} in ('open','closed')`),
    check('planning_round_method', sql`${t.method} in ('normative','observed','survey')`),
    check('planning_round_period', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

/** A stage of a round from its template, with its owner (null: the round's territory) and due date. */
export const roundStage = pgTable(
  'round_stage',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    ownerTerritoryId: integer('owner_territory_id').references(() => territory.id),
    dueDate: date('due_date', { mode: 'string' }),
    doneDate: date('done_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('round_stage_round').on(t.roundId), check('round_stage_status', sql`${t.status} in ('open','done')`)],
);

/** One item of a municipality's proposal (planning/proposal.ts ZProposalItem). */
export const proposalItem = pgTable(
  'proposal_item',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    action: text('action').notNull(),
    serviceType: text('service_type').notNull(),
    capacityChange: integer('capacity_change').notNull(),
    unit: text('unit').notNull(),
    siteId: integer('site_id'),
    settlementId: integer('settlement_id').references(() => territory.id),
    served: jsonb('served').$type<{ municipalityId: number; capacity: number }[]>().notNull().default([]),
    startYear: smallint('start_year').notNull(),
    fundingSource: text('funding_source').notNull(),
    annualCost: doublePrecision('annual_cost'),
    explanation: text('explanation').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposal_item_round').on(t.roundId, t.municipalityId),
    check('proposal_item_action', sql`${t.action} in ('open','expand','reduce','close','transform')`),
    check('proposal_item_funding', sql`${t.fundingSource} in ('state_delegated','municipal','eu_project','donor_project','other')`),
  ],
);

/** A country's cost standard of one unit of a service type's capacity in a year. */
export const unitCost = pgTable(
  'unit_cost',
  {
    id: serial('id').primaryKey(),
    country: text('country').notNull(),
    serviceType: text('service_type').notNull(),
    year: smallint('year').notNull(),
    cost: doublePrecision('cost').notNull(),
  },
  (t) => [uniqueIndex('unit_cost_country_type_year').on(t.country, t.serviceType, t.year), check('unit_cost_nonnegative', sql`${t.cost} >= 0`)],
);

/** National Map ceiling: the most users of a type the state funds in a municipality in a year. */
export const ceiling = pgTable(
  'ceiling',
  {
    id: serial('id').primaryKey(),
    municipalityId: integer('municipality_id')
      .notNull()
      .references(() => territory.id),
    serviceType: text('service_type').notNull(),
    year: smallint('year').notNull(),
    maxUsers: integer('max_users').notNull(),
  },
  (t) => [uniqueIndex('ceiling_municipality_type_year').on(t.municipalityId, t.serviceType, t.year), check('ceiling_nonnegative', sql`${t.maxUsers} >= 0`)],
);

/** A budget envelope of a round: per municipality, per funding source, or both (null: any). */
export const envelope = pgTable(
  'envelope',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    municipalityId: integer('municipality_id').references(() => territory.id),
    fundingSource: text('funding_source'),
    annualLimit: doublePrecision('annual_limit').notNull(),
  },
  (t) => [index('envelope_round').on(t.roundId), check('envelope_nonnegative', sql`${t.annualLimit} >= 0`)],
);

/**
 * An administrator's amendment to a country's working calendar (a working Saturday, a one-off
 * day off), on top of the public holidays the deadline arithmetic knows.
 */
export const calendarDay = pgTable(
  'calendar_day',
  {
    id: serial('id').primaryKey(),
    country: text('country').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    working: boolean('working').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [uniqueIndex('calendar_day_country_day').on(t.country, t.day)],
);
