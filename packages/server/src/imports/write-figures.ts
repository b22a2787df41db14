import { sql } from 'drizzle-orm';
import { copyInto, rows, type Db, type Engine } from '../db/database';
import { chunks } from './write-territories';

export const POPULATION_COLUMNS = ['territory_id', 'year', 'sex', 'age_from', 'age_to', 'count', 'dataset_id'];

/** The territory-years the population table holds, as "territory|year", before a file is written. */
export async function storedTerritoryYears(tx: Db): Promise<Set<string>> {
  const found = await rows<{ territory_id: number; year: number }>(tx, sql`select territory_id, year from population group by territory_id, year`);
  return new Set(found.map((r) => `${r.territory_id}|${r.year}`));
}

/**
 * Population: a file is the whole table of each territory and year it mentions, so the rows
 * those territory-years had before — any other dataset's — go, and a re-import never leaves a
 * stale band behind. Only territory-years that were stored are touched: importing a new year
 * scans nothing.
 */
export async function removeReplacedPopulation(tx: Db, territoryYears: Iterable<[number, number]>, stored: Set<string>, datasetId: number): Promise<void> {
  const pairs = [...territoryYears].filter(([t, y]) => stored.has(`${t}|${y}`));
  for (let i = 0; i < pairs.length; i += 5000) {
    const part = pairs.slice(i, i + 5000);
    const territories = `ARRAY[${part.map((p) => p[0]).join(',')}]::int[]`;
    const years = `ARRAY[${part.map((p) => p[1]).join(',')}]::int[]`;
    await tx.execute(sql`delete from population p using (select unnest(${sql.raw(territories)}) as t, unnest(${sql.raw(years)}) as y) k
      where p.territory_id = k.t and p.year = k.y and p.dataset_id is distinct from ${datasetId}`);
  }
}

/** Indicators: each territory, year and indicator in the file replaces the stored value. */
export async function writeIndicators(tx: Db, engine: Engine, lines: readonly string[]): Promise<void> {
  await tx.execute(sql`create temp table indicator_import (territory_id int, year smallint, indicator text, value double precision, source text, source_date date, dataset_id int) on commit drop`);
  await copyInto(tx, engine, 'indicator_import', ['territory_id', 'year', 'indicator', 'value', 'source', 'source_date', 'dataset_id'], chunks(lines));
  await tx.execute(sql`delete from indicator_value v using indicator_import i where v.territory_id = i.territory_id and v.year = i.year and v.indicator = i.indicator`);
  await tx.execute(sql`insert into indicator_value (territory_id, year, indicator, value, source, source_date, dataset_id) select * from indicator_import`);
}

export const SITE_COLUMNS = [
  'country',
  'site_key',
  'year',
  'name',
  'service_type',
  'provider',
  'provider_kind',
  'settlement_id',
  'serves_ids',
  'capacity',
  'users',
  'waiting_list',
  'staff_positions',
  'staff_vacancies',
  'funding',
  'mobile',
  'opened',
  'demo',
  'dataset_id',
];

/**
 * Service sites: new site-years are copied straight in; a site-year already known (same country,
 * site id and year) is updated in place, so its id — and links to it — survive a re-import. A
 * demonstration site stays marked demo: re-importing its export does not make it look real.
 */
export async function writeServiceSites(tx: Db, engine: Engine, fresh: readonly string[], known: readonly string[]): Promise<void> {
  if (fresh.length) await copyInto(tx, engine, 'service_site', SITE_COLUMNS, chunks(fresh));
  if (known.length === 0) return;
  await tx.execute(sql`create temp table site_import (like service_site including defaults) on commit drop`);
  await copyInto(tx, engine, 'site_import', SITE_COLUMNS, chunks(known));
  await tx.execute(sql`update service_site s set name = i.name, service_type = i.service_type, provider = i.provider, provider_kind = i.provider_kind,
    settlement_id = i.settlement_id, serves_ids = i.serves_ids, capacity = i.capacity, users = i.users, waiting_list = i.waiting_list,
    staff_positions = i.staff_positions, staff_vacancies = i.staff_vacancies, funding = i.funding, mobile = i.mobile, opened = i.opened,
    demo = s.demo or i.demo, dataset_id = i.dataset_id, updated_at = now()
    from site_import i where s.country = i.country and s.site_key = i.site_key and s.year = i.year`);
}
