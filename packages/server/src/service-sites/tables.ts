import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A service site's facts for one year. A site is identified across years by its `site_key`
 * (the provider's or register's id) within the place it stands (`settlement_id`), so each year's
 * row is a snapshot and trends are a query.
 *
 * Why a site id is unique per place and not per country (issue 6, finding 9): everyone who may
 * write a site in a settlement reaches that settlement and so may read every site standing in
 * it. A clash on an id therefore never tells anyone of a site beyond their reach, and no one can
 * take an id another municipality or province uses — and with it that registry's next year
 * (copy-year) or its next import — whatever the size of the territories accounts are scoped to.
 * A settlement keeps its id when municipalities are merged or re-drawn (as in Ukraine's hromada
 * reform), so a site's key never goes stale. The price: an import matches sites only within the
 * place a row names, so moving a site to another settlement is done in the form.
 */
export const serviceSite = pgTable(
  'service_site',
  {
    id: serial('id').primaryKey(),
    country: text('country').notNull(),
    siteKey: text('site_key').notNull(),
    year: smallint('year').notNull(),
    name: text('name').notNull(),
    serviceType: text('service_type').notNull(),
    provider: text('provider').notNull(),
    providerKind: text('provider_kind').notNull(),
    // No foreign keys on this bulk table: see population/tables.ts.
    settlementId: integer('settlement_id').notNull(),
    address: text('address'),
    servesIds: integer('serves_ids').array().notNull().default(sql`'{}'`),
    capacity: integer('capacity').notNull(),
    users: integer('users'),
    waitingList: integer('waiting_list'),
    staffPositions: doublePrecision('staff_positions'),
    staffVacancies: doublePrecision('staff_vacancies'),
    funding: text('funding'),
    mobile: boolean('mobile').notNull().default(false),
    accessible: boolean('accessible'),
    opened: date('opened', { mode: 'string' }),
    demo: boolean('demo').notNull().default(false),
    datasetId: integer('dataset_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('service_site_place_key_year').on(t.settlementId, t.siteKey, t.year),
    // The registry list (queries.ts): sites serving a place, by type and year, and its page order.
    // Sites standing in a place use the index above (settlement_id leads).
    index('service_site_serves').using('gin', t.servesIds),
    index('service_site_type_year').on(t.serviceType, t.year),
    index('service_site_year_name').on(t.year.desc(), t.name, t.id),
    check('service_site_kind', sql`${t.providerKind} in ('public','ngo','private')`),
    check('service_site_counts', sql`${t.capacity} >= 0 and coalesce(${t.users},0) >= 0 and coalesce(${t.waitingList},0) >= 0`),
  ],
);
