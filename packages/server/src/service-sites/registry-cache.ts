import { COUNTRIES, type Actor, type TCountry } from '@potreby/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/database';
import type { CountryModel, CountryModels } from '../model/country-model';
import { pathIds } from '../territories/queries';
import type { TServiceSiteQuery } from './schema';
import { serviceSite } from './tables';

export type ServiceSiteRow = typeof serviceSite.$inferSelect;

/**
 * The registry list from memory (issue 7, "The registry list under load"). At 100,000 sites every
 * request of the list cost the database a bitmap scan of a subtree, a sort, a count and a pass for
 * the years, and two more statements for the territories' names: a few requests a second with
 * 50 users. The list is now read once per country and data revision — the revision the gap cache
 * uses (model/country-model.ts): every change of a site, a year copied or an import writes an audit
 * entry of the country, and the next request after it gets a new country model, with which this
 * registry is dropped (a WeakMap keyed by the model). Requests then filter and page in memory.
 */
export type CountryRegistry = {
  country: TCountry;
  /** Every site of the country, in the list's order: newest year first, then name, then id. */
  sites: ServiceSiteRow[];
  /** Per site (same index): where it stands (its settlement's path) and the paths of the units it serves. */
  placePaths: string[];
  servedPaths: string[][];
  /** Per site: name, provider and site id, normalised and in lower case, for the text filter. */
  texts: string[];
  /** The sites whose text holds each run of three characters: built at the first text search. */
  trigrams: Map<string, Int32Array> | null;
  /** The sites of each service type, in the list's order. */
  byType: Map<string, Int32Array>;
  /** Filtered lists asked recently, as indexes into `sites`. */
  filtered: Map<string, Int32Array>;
  /** Years with sites in a reach and territory asked recently, newest first. */
  years: Map<string, number[]>;
  /** Pages as sent (JSON) recently, and their length in all. */
  pages: Map<string, string>;
  pageChars: number;
  /** Pages of a text search, kept apart and few: see TEXT_PAGES_LIMIT. */
  textPages: Map<string, string>;
};

/** Filters kept per registry: each a list of indexes, at most 400 KB at 100,000 sites. */
const FILTERED_LIMIT = 64;
/** Pages kept per registry, in characters of JSON (a page of 50 sites is about 35,000). */
const PAGE_CHARS_LIMIT = 16_000_000;
/**
 * Pages and filters of text searches kept per registry. People type texts that are rarely asked
 * again, and each kept one lived long enough to be moved to the old generation of the heap, whose
 * collections (with 100,000 sites there) paused every request for tens of milliseconds. A text
 * search is cheap to do again (the trigram index); a few are kept for paging back and forth.
 */
const TEXT_PAGES_LIMIT = 16;

/** Names as a person reads them: "Ясен" before "ясли", Ukrainian І among the other letters. */
const collator = new Intl.Collator('und', { sensitivity: 'variant', numeric: false });

/** Text as the filter compares it: one Unicode form, lower case (Cyrillic and Latin alike). */
export const searchable = (text: string) => text.normalize('NFC').toLowerCase();

const registries = new WeakMap<CountryModel, Promise<CountryRegistry>>();

async function loadRegistry(db: Db, model: CountryModel): Promise<CountryRegistry> {
  const found = await db.select().from(serviceSite).where(eq(serviceSite.country, model.country));
  found.sort((a, b) => b.year - a.year || collator.compare(a.name, b.name) || a.id - b.id);
  const pathOf = (id: number) => model.territories.get(id)?.path ?? '';
  return {
    country: model.country,
    sites: found,
    placePaths: found.map((s) => pathOf(s.settlementId)),
    servedPaths: found.map((s) => s.servesIds.map(pathOf)),
    // NUL cannot occur in stored text (http/app.ts refuses it): no match spans two fields.
    texts: found.map((s) => searchable(`${s.name}\u0000${s.provider}\u0000${s.siteKey}`)),
    trigrams: null,
    byType: indexBy(found, (s) => s.serviceType),
    filtered: new Map(),
    years: new Map(),
    pages: new Map(),
    pageChars: 0,
    textPages: new Map(),
  };
}

function indexBy(sites: readonly ServiceSiteRow[], keyOf: (s: ServiceSiteRow) => string): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  sites.forEach((s, i) => {
    const key = keyOf(s);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(i);
  });
  return new Map([...lists].map(([key, list]) => [key, Int32Array.from(list)]));
}

/**
 * Which sites' texts hold each run of three characters. A text search of a whole country read
 * every site's text (100,000 of them: 7 ms a request, so 50 users typing waited seconds); with
 * this, a search reads only the sites that hold the needle's rarest three characters, and checks
 * the whole needle on those.
 */
function trigramsOf(registry: CountryRegistry): Map<string, Int32Array> {
  if (registry.trigrams) return registry.trigrams;
  const lists = new Map<string, number[]>();
  registry.texts.forEach((text, i) => {
    for (let k = 0; k + 3 <= text.length; k++) {
      const gram = text.slice(k, k + 3);
      let list = lists.get(gram);
      if (!list) lists.set(gram, (list = []));
      // Each site once per run, in the list's order (sites are visited in order).
      if (list[list.length - 1] !== i) list.push(i);
    }
  });
  registry.trigrams = new Map([...lists].map(([gram, list]) => [gram, Int32Array.from(list)]));
  return registry.trigrams;
}

/** The sites that can hold `needle` (of three characters or more): those with its rarest run of three. */
function textCandidates(registry: CountryRegistry, needle: string): Int32Array {
  const grams = trigramsOf(registry);
  let rarest: Int32Array | null = null;
  for (let k = 0; k + 3 <= needle.length; k++) {
    const list = grams.get(needle.slice(k, k + 3)) ?? new Int32Array();
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return rarest!;
}

/** The registry of the country model as it is now, read once per model (that is, per revision). */
export function registryOf(db: Db, model: CountryModel): Promise<CountryRegistry> {
  let pending = registries.get(model);
  if (!pending) {
    pending = loadRegistry(db, model);
    // A failed read is not kept: the next request tries again.
    pending.catch(() => registries.delete(model));
    registries.set(model, pending);
  }
  return pending;
}

/**
 * Does the site concern the subtree at `path` — stand in it, serve a unit in it, or serve a unit
 * that contains it (a regional service serves every municipality of the region)? As `concerning`
 * in queries.ts said it to the database.
 */
function concerns(registry: CountryRegistry, i: number, path: string, above: ReadonlySet<number>): boolean {
  if (registry.placePaths[i]!.startsWith(path)) return true;
  const served = registry.sites[i]!.servesIds;
  const paths = registry.servedPaths[i]!;
  for (let k = 0; k < served.length; k++) if (above.has(served[k]!) || (paths[k] !== '' && paths[k]!.startsWith(path))) return true;
  return false;
}

export type RegistryFilter = Pick<Partial<TServiceSiteQuery>, 'year' | 'serviceType' | 'providerKind' | 'funding' | 'q'> & {
  /** The reach of the user (null: everywhere). */
  scopePath: string | null;
  /** The territory asked (null: none). */
  territoryPath: string | null;
};

const keyOf = (f: RegistryFilter) => JSON.stringify([f.scopePath, f.territoryPath, f.year ?? null, f.serviceType ?? null, f.providerKind ?? null, f.funding ?? null, f.q ?? null]);

/** The sites under the filter, in the list's order, as indexes into `registry.sites`. */
export function filterRegistry(registry: CountryRegistry, filter: RegistryFilter): Int32Array {
  const key = keyOf(filter);
  const kept = registry.filtered.get(key);
  if (kept) return kept;
  const places = [filter.scopePath, filter.territoryPath].filter((p): p is string => p !== null).map((path) => ({ path, above: new Set(pathIds(path)) }));
  const needle = filter.q ? searchable(filter.q) : null;
  const { sites, texts } = registry;
  // Only the sites that can qualify are looked at: those of the type asked, or of the reach and
  // territory (kept, as the list of a territory is asked again with other filters and pages).
  const others = filter.year || filter.serviceType || filter.providerKind || filter.funding || needle;
  const candidates: ArrayLike<number>[] = [];
  if (filter.serviceType) candidates.push(registry.byType.get(filter.serviceType) ?? new Int32Array());
  if (needle && needle.length >= 3) candidates.push(textCandidates(registry, needle));
  if (places.length && others) candidates.push(filterRegistry(registry, { scopePath: filter.scopePath, territoryPath: filter.territoryPath }));
  const from = candidates.sort((a, b) => a.length - b.length)[0] ?? null;
  const out: number[] = [];
  for (let k = 0, n = from ? from.length : sites.length; k < n; k++) {
    const i = from ? from[k]! : k;
    const s = sites[i]!;
    if (filter.year && s.year !== filter.year) continue;
    if (filter.serviceType && s.serviceType !== filter.serviceType) continue;
    if (filter.providerKind && s.providerKind !== filter.providerKind) continue;
    if (filter.funding && s.funding !== filter.funding) continue;
    if (needle && !texts[i]!.includes(needle)) continue;
    if (!places.every((p) => concerns(registry, i, p.path, p.above))) continue;
    out.push(i);
  }
  const found = Int32Array.from(out);
  return needle ? found : keep(registry.filtered, key, found);
}

/** Years with sites in the reach and territory of the filter (its other conditions aside), newest first. */
function yearsIn(registry: CountryRegistry, filter: RegistryFilter): number[] {
  const place = { scopePath: filter.scopePath, territoryPath: filter.territoryPath };
  const key = keyOf(place);
  const kept = registry.years.get(key);
  if (kept) return kept;
  const years: number[] = [];
  // The list is ordered by year, newest first: each year starts a run.
  for (const i of filterRegistry(registry, place)) {
    const year = registry.sites[i]!.year;
    if (years.at(-1) !== year) years.push(year);
  }
  return keep(registry.years, key, years);
}

/** Keep a value under a key, forgetting the oldest past FILTERED_LIMIT. */
function keep<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= FILTERED_LIMIT) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * The countries a list can hold: the territory asked's; else, for a user with a reach, the
 * country of that reach (none: a reach of no territory holds no site); else every country — an
 * administrator sees every country's sites, whatever territory the account names.
 */
export function countriesOf(territoryCountry: string | null, actor: { scopePath: string | null; country: string | null }): readonly TCountry[] {
  if (territoryCountry) return [territoryCountry as TCountry];
  if (actor.scopePath === null) return COUNTRIES;
  return actor.country ? [actor.country as TCountry] : [];
}

/**
 * One page of the registry, the number of sites in all and the years with any site in reach (of
 * the territory asked), from the registries of the countries concerned.
 */
export async function listFromRegistries(
  db: Db,
  models: CountryModels,
  countries: readonly TCountry[],
  query: Pick<TServiceSiteQuery, 'page' | 'pageSize'> & RegistryFilter,
): Promise<{ sites: ServiceSiteRow[]; total: number; years: number[]; models: CountryModel[] }> {
  const loaded = await Promise.all(countries.map(async (country) => {
    const model = await models.get(country);
    return { model, registry: await registryOf(db, model) };
  }));
  const start = (query.page - 1) * query.pageSize;
  const end = start + query.pageSize;
  let total = 0;
  const candidates: ServiceSiteRow[] = [];
  const years = new Set<number>();
  for (const { registry } of loaded) {
    const found = filterRegistry(registry, query);
    total += found.length;
    // Within a country the order is the registry's; across countries the first `end` of each merged.
    for (let k = 0; k < Math.min(end, found.length); k++) candidates.push(registry.sites[found[k]!]!);
    for (const year of yearsIn(registry, query)) years.add(year);
  }
  if (loaded.length > 1) candidates.sort((a, b) => b.year - a.year || collator.compare(a.name, b.name) || a.id - b.id);
  return { sites: candidates.slice(start, end), total, years: [...years].sort((a, b) => b - a), models: loaded.map((l) => l.model) };
}

/**
 * The list's answer as sent, kept per registry like the gap dashboard's (gaps/routes.ts): what a
 * page shows depends on the sites (the revision of each country listed), the filter and page, and
 * — for `editable` — on the user's role, reach and organisation only (the access policy reads
 * nothing else of an actor), so users alike share it.
 */
export async function registryListJson(
  db: Db,
  models: CountryModels,
  countries: readonly TCountry[],
  query: Pick<TServiceSiteQuery, 'page' | 'pageSize'> & RegistryFilter,
  actor: Actor,
  render: (found: Awaited<ReturnType<typeof listFromRegistries>>) => Promise<string>,
): Promise<string> {
  const loaded = await Promise.all(countries.map((country) => models.get(country)));
  const home = loaded[0] ? await registryOf(db, loaded[0]) : null;
  const key = JSON.stringify([keyOf(query), query.page, query.pageSize, actor.role, actor.scopePath, actor.organisation, loaded.map((m) => m.revision)]);
  const pages = query.q ? home?.textPages : home?.pages;
  const kept = pages?.get(key);
  if (kept !== undefined) return kept;
  const json = await render(await listFromRegistries(db, models, countries, query));
  if (home && query.q) {
    if (home.textPages.size >= TEXT_PAGES_LIMIT) home.textPages.delete(home.textPages.keys().next().value!);
    home.textPages.set(key, json);
  } else if (home) {
    home.pages.set(key, json);
    home.pageChars += json.length;
    for (const [oldest, page] of home.pages) {
      if (home.pageChars <= PAGE_CHARS_LIMIT) break;
      home.pages.delete(oldest);
      home.pageChars -= page.length;
    }
  }
  return json;
}
