import { sql } from 'drizzle-orm';
import type { ChangeAuthor } from '../audit/record-change';
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

/** A site row's columns as an audit entry names them — the shape the form records (save-service-site.ts). */
const SITE_FIELDS: readonly (readonly [string, string])[] = [
  ['id', 'id'],
  ['country', 'country'],
  ['siteKey', 'site_key'],
  ['year', 'year'],
  ['name', 'name'],
  ['serviceType', 'service_type'],
  ['provider', 'provider'],
  ['providerKind', 'provider_kind'],
  ['settlementId', 'settlement_id'],
  ['address', 'address'],
  ['servesIds', 'serves_ids'],
  ['capacity', 'capacity'],
  ['users', 'users'],
  ['waitingList', 'waiting_list'],
  ['staffPositions', 'staff_positions'],
  ['staffVacancies', 'staff_vacancies'],
  ['funding', 'funding'],
  ['mobile', 'mobile'],
  ['accessible', 'accessible'],
  ['opened', 'opened'],
  ['demo', 'demo'],
  ['datasetId', 'dataset_id'],
];

/** The facts an import sets (the rest — address, accessibility — it leaves as they are). */
const IMPORTED_FACTS = ['name', 'service_type', 'provider', 'provider_kind', 'settlement_id', 'serves_ids', 'capacity', 'users', 'waiting_list', 'staff_positions', 'staff_vacancies', 'funding', 'mobile', 'opened'];

/** A stored site `s` after the staged row `i` is written over it; a demonstration site stays one. */
const afterImport = (column: string) => (column === 'demo' ? '(s.demo or i.demo)' : IMPORTED_FACTS.includes(column) || column === 'dataset_id' ? `i.${column}` : `s.${column}`);

/** An audit entry's JSON of a site, each column given by `value`. */
const siteJson = (value: (column: string) => string) =>
  `jsonb_build_object(${SITE_FIELDS.map(([key, column]) => {
    const v = value(column);
    return `'${key}', ${column === 'serves_ids' ? `to_jsonb(${v})` : column === 'opened' ? `${v}::text` : v}`;
  }).join(', ')})`;

/**
 * Service sites: new site-years are copied straight in; a stored site-year (`known` lines start
 * with its id) is updated in place, so its id — and links to it — survive a re-import. A
 * demonstration site stays marked demo: re-importing its export does not make it look real.
 *
 * Every site whose facts the file changes gets its own audit entry with its values before and
 * after, as the form writes them — one statement for all, written before the update from the
 * stored row and the staged one; a row that only confirms a site (its dataset aside) gets none.
 * Sites added are told by the import's own entry: each carries the dataset's id, and when a later
 * import changes one, that entry's "before" keeps the dataset it came from.
 */
export async function writeServiceSites(
  tx: Db,
  engine: Engine,
  fresh: readonly string[],
  known: readonly string[],
  audit: { author: ChangeAuthor },
): Promise<void> {
  if (fresh.length) await copyInto(tx, engine, 'service_site', SITE_COLUMNS, chunks(fresh));
  if (known.length === 0) return;
  await tx.execute(sql`create temp table site_import (like service_site including defaults) on commit drop`);
  await copyInto(tx, engine, 'site_import', ['id', ...SITE_COLUMNS], chunks(known));
  const stored = IMPORTED_FACTS.map((c) => `s.${c}`).concat('s.demo');
  const staged = IMPORTED_FACTS.map(afterImport).concat(afterImport('demo'));
  await tx.execute(sql`insert into audit_log (user_id, actor, action, entity, entity_id, country, territory_id, before, after)
    select ${audit.author.userId}::int, ${audit.author.actor}::text, 'update', 'service_site', s.id::text, s.country, s.settlement_id,
      ${sql.raw(siteJson((c) => `s.${c}`))}, ${sql.raw(siteJson(afterImport))}
    from service_site s join site_import i on i.id = s.id
    where (${sql.raw(stored.join(', '))}) is distinct from (${sql.raw(staged.join(', '))}) order by s.id`);
  await tx.execute(sql`update service_site s set ${sql.raw(IMPORTED_FACTS.map((c) => `${c} = i.${c}`).join(', '))},
    demo = s.demo or i.demo, dataset_id = i.dataset_id, updated_at = now()
    from site_import i where s.id = i.id`);
}
