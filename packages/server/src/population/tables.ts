import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { territory } from '../territories/tables';

/** One imported file (or seed): where its figures came from, and whether they are illustrative. */
export const dataset = pgTable('dataset', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(),
  country: text('country'),
  fileName: text('file_name'),
  /** Name of the format recognised: canonical, katottg, teryt_terc, bg_settlements … */
  format: text('format').notNull(),
  source: text('source'),
  sourceDate: date('source_date', { mode: 'string' }),
  illustrative: boolean('illustrative').notNull().default(false),
  rows: integer('rows').notNull(),
  importedBy: integer('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const population = pgTable(
  'population',
  {
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    sex: text('sex').notNull(),
    ageFrom: smallint('age_from').notNull(),
    ageTo: smallint('age_to'),
    count: integer('count').notNull(),
    datasetId: integer('dataset_id').references(() => dataset.id),
  },
  (t) => [
    uniqueIndex('population_band').on(t.territoryId, t.year, t.sex, t.ageFrom),
    check('population_sex', sql`${t.sex} in ('F','M','T')`),
    check('population_count', sql`${t.count} >= 0`),
    check('population_ages', sql`${t.ageTo} is null or ${t.ageTo} >= ${t.ageFrom}`),
  ],
);

export const indicatorValue = pgTable(
  'indicator_value',
  {
    territoryId: integer('territory_id')
      .notNull()
      .references(() => territory.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    indicator: text('indicator').notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source').notNull(),
    sourceDate: date('source_date', { mode: 'string' }),
    datasetId: integer('dataset_id').references(() => dataset.id),
  },
  (t) => [uniqueIndex('indicator_value_key').on(t.territoryId, t.year, t.indicator), index('indicator_value_year').on(t.year)],
);
