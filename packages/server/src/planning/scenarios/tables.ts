import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { TScenarioInput } from './schema';
import { appUser } from '../../accounts/tables';
import { planningRound } from '../tables';

/**
 * A scenario of a planning round (issue 8 item 9): the round's proposals with changes — per item
 * (capacity, cost, left out) and of the population (a yearly % per age band) — kept as changes
 * over the round, not as a copy, so a scenario follows the items the municipalities go on editing.
 */
export const planScenario = pgTable(
  'plan_scenario',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => planningRound.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    itemChanges: jsonb('item_changes').$type<TScenarioInput['items']>().notNull().default([]),
    populationChanges: jsonb('population_changes').$type<TScenarioInput['population']>().notNull().default([]),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_scenario_round').on(t.roundId)],
);
