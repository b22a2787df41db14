import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const territory = pgTable(
  'territory',
  {
    id: serial('id').primaryKey(),
    country: text('country').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    level: text('level').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => territory.id),
    /**
     * Ids from the root down to this unit, as "/1/12/130/". Subtree questions ("everything in
     * this province") become one prefix match that works the same on PGlite and PostgreSQL.
     */
    path: text('path').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('territory_country_code').on(t.country, t.code),
    index('territory_parent').on(t.parentId),
    index('territory_path').using('btree', sql`${t.path} text_pattern_ops`),
    check('territory_level', sql`${t.level} in ('country','region','district','municipality','settlement')`),
    check('territory_country', sql`${t.country} in ('BG','UA','PL')`),
  ],
);

/** Boundary polygons for the choropleth map, as GeoJSON geometry. */
export const territoryBoundary = pgTable('territory_boundary', {
  territoryId: integer('territory_id')
    .primaryKey()
    .references(() => territory.id, { onDelete: 'cascade' }),
  geometry: jsonb('geometry').notNull(),
  source: text('source'),
});
