import {
  buildGapModel,
  computeGaps,
  TerritoryTree,
  type GapModel,
  type GapTable,
  type TCountry,
  type TGapSite,
  type TNorm,
  type TServiceType,
  type TTargetPopulation,
  type TTerritory,
} from '@potreby/domain';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';

export type ModelTerritory = TTerritory & { path: string };
export type ModelSite = TGapSite & { siteKey: string; name: string; year: number; demo: boolean };

/**
 * Everything the needs model uses for one country — territories, population, indicators,
 * norms, service types and sites — loaded once and kept while the country's data is unchanged.
 */
export type CountryModel = {
  country: TCountry;
  /** The newest audit entry of the country when loaded: any change makes a newer one. */
  revision: number;
  tree: TerritoryTree;
  territories: Map<number, ModelTerritory>;
  /** Every type of the country, retired ones too, with the names administrators gave. */
  serviceTypes: TServiceType[];
  /**
   * The types a year's gaps list: a retired type only while a norm or a site of that year has it
   * (it is offered no more, but what has it still counts); the others every year.
   */
  serviceTypesIn(year: number): TServiceType[];
  gapModel: GapModel;
  sites: Map<number, ModelSite>;
  /** Years with service sites, newest first. */
  siteYears: number[];
  /** Years with population figures, newest first. */
  populationYears: number[];
  gapTable(year: number): GapTable;
  /**
   * A value computed from this model, kept as long as the model (answers such as a dashboard's
   * JSON): a change of the country's data makes a new model, and the old answers go with it.
   */
  memo<T>(key: string, compute: () => T): T;
};

/** Answers kept per model; past this many the memo starts afresh (a country has a few thousand units). */
const MEMO_LIMIT = 5_000;

export async function countryRevision(db: Db, country: string): Promise<number> {
  const [row] = await rows<{ revision: string | number | null }>(db, sql`select max(id) as revision from audit_log where country = ${country}`);
  return Number(row?.revision ?? 0);
}

export async function loadCountryModel(db: Db, country: TCountry): Promise<CountryModel> {
  // The revision is read first: a change committed while loading makes the model stale at once
  // rather than hiding behind a revision it already includes.
  const revision = await countryRevision(db, country);
  const [territoryRows, populationRows, indicatorRows, normRows, typeRows, siteRows] = await Promise.all([
    rows<{ id: number; code: string; name: string; name_en: string | null; level: string; parent_id: number | null; lat: number | null; lon: number | null; path: string }>(
      db,
      sql`select id, code, name, name_en, level, parent_id, lat, lon, path from territory where country = ${country}`,
    ),
    rows<{ territory_id: number; year: number; sex: string; age_from: number; age_to: number | null; count: number }>(
      db,
      sql`select p.territory_id, p.year, p.sex, p.age_from, p.age_to, p.count from population p join territory t on t.id = p.territory_id where t.country = ${country}`,
    ),
    rows<{ territory_id: number; year: number; indicator: string; value: number }>(
      db,
      sql`select i.territory_id, i.year, i.indicator, i.value from indicator_value i join territory t on t.id = i.territory_id where t.country = ${country}`,
    ),
    rows<{ id: number; service_type: string; territory_id: number; target: TTargetPopulation; rate_per_1000: number; source: string | null; illustrative: boolean }>(
      db,
      sql`select n.id, n.service_type, n.territory_id, n.target, n.rate_per_1000, n.source, n.illustrative from norm n join territory t on t.id = n.territory_id where t.country = ${country}`,
    ),
    rows<{
      key: string;
      country: string;
      official_code: string | null;
      name: string;
      name_en: string;
      category: string;
      residential: boolean;
      unit: string;
      target_groups: string[];
      translations: Record<string, string> | null;
      retired_at: Date | string | null;
    }>(
      db,
      sql`select key, country, official_code, name, name_en, category, residential, unit, target_groups, translations, retired_at from service_type where country = ${country} order by sort_order, key`,
    ),
    rows<{
      id: number;
      site_key: string;
      name: string;
      year: number;
      service_type: string;
      settlement_id: number;
      serves_ids: number[];
      capacity: number;
      users: number | null;
      waiting_list: number | null;
      staff_positions: number | null;
      staff_vacancies: number | null;
      demo: boolean;
    }>(
      db,
      sql`select id, site_key, name, year, service_type, settlement_id, serves_ids, capacity, users, waiting_list, staff_positions, staff_vacancies, demo from service_site where country = ${country}`,
    ),
  ]);

  const territories = new Map<number, ModelTerritory>();
  for (const r of territoryRows) {
    territories.set(r.id, { id: r.id, country, code: r.code, name: r.name, nameEn: r.name_en, level: r.level as TTerritory['level'], parentId: r.parent_id, lat: r.lat, lon: r.lon, path: r.path });
  }
  const tree = new TerritoryTree([...territories.values()]);
  const serviceTypes: TServiceType[] = typeRows.map((t) => ({
    key: t.key,
    country: t.country as TCountry,
    officialCode: t.official_code,
    name: t.name,
    nameEn: t.name_en,
    category: t.category,
    residential: t.residential,
    unit: t.unit as TServiceType['unit'],
    targetGroups: t.target_groups,
    translations: t.translations ?? {},
    retiredAt: t.retired_at === null ? null : new Date(t.retired_at).toISOString(),
  }));
  const norms: TNorm[] = normRows.map((n) => ({
    id: n.id,
    serviceType: n.service_type,
    territoryId: n.territory_id,
    target: n.target,
    ratePer1000: Number(n.rate_per_1000),
    source: n.source,
    illustrative: n.illustrative,
  }));
  const gapModel = buildGapModel({
    tree,
    norms,
    population: populationRows.map((p) => ({ territoryId: p.territory_id, year: p.year, sex: p.sex as 'F' | 'M' | 'T', ageFrom: p.age_from, ageTo: p.age_to, count: p.count })),
    indicators: indicatorRows.map((i) => ({ territoryId: i.territory_id, year: i.year, indicator: i.indicator, value: Number(i.value) })),
    serviceTypes,
  });
  const sites = new Map<number, ModelSite>();
  const sitesByYear = new Map<number, ModelSite[]>();
  for (const s of siteRows) {
    const site: ModelSite = {
      id: s.id,
      siteKey: s.site_key,
      name: s.name,
      year: s.year,
      demo: s.demo,
      serviceType: s.service_type,
      settlementId: s.settlement_id,
      servesIds: s.serves_ids ?? [],
      capacity: s.capacity,
      users: s.users,
      waitingList: s.waiting_list,
      staffPositions: s.staff_positions === null ? null : Number(s.staff_positions),
      staffVacancies: s.staff_vacancies === null ? null : Number(s.staff_vacancies),
    };
    sites.set(site.id, site);
    let list = sitesByYear.get(site.year);
    if (!list) sitesByYear.set(site.year, (list = []));
    list.push(site);
  }
  const normed = new Set(norms.map((n) => n.serviceType));
  const serviceTypesIn = (year: number): TServiceType[] => {
    const sited = new Set((sitesByYear.get(year) ?? []).map((s) => s.serviceType));
    return serviceTypes.filter((t) => !t.retiredAt || normed.has(t.key) || sited.has(t.key));
  };
  const gapTables = new Map<number, GapTable>();
  const memo = new Map<string, unknown>();
  return {
    country,
    revision,
    tree,
    territories,
    serviceTypes,
    serviceTypesIn,
    gapModel,
    sites,
    siteYears: [...sitesByYear.keys()].sort((a, b) => b - a),
    populationYears: [...new Set(populationRows.map((p) => p.year))].sort((a, b) => b - a),
    gapTable(year: number) {
      let table = gapTables.get(year);
      if (!table) {
        table = computeGaps({ ...gapModel, serviceTypes: serviceTypesIn(year) }, year, sitesByYear.get(year) ?? []);
        gapTables.set(year, table);
      }
      return table;
    },
    memo<T>(key: string, compute: () => T): T {
      if (memo.has(key)) return memo.get(key) as T;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const value = compute();
      memo.set(key, value);
      return value;
    },
  };
}

/** Where the models come from: the database, or (in a test) the same reads held back. */
export type ModelSource = {
  revision(db: Db, country: TCountry): Promise<number>;
  load(db: Db, country: TCountry): Promise<CountryModel>;
};

const FROM_DATABASE: ModelSource = { revision: countryRevision, load: loadCountryModel };

/**
 * One cache per app process. Each use checks the country's revision (one indexed query), so
 * several app servers behind a load balancer never serve figures older than the last change.
 */
export class CountryModels {
  /** How long a checked revision is trusted. Changes made through this process count at once. */
  static readonly RECHECK_MS = 1_000;
  private readonly cache = new Map<string, CountryModel>();
  private readonly checkedAt = new Map<string, number>();
  private readonly loading = new Map<string, Promise<CountryModel>>();
  /** Counts the changes made through this process: a revision read before one is not trusted after it. */
  private changes = 0;

  constructor(
    readonly db: Db,
    private readonly source: ModelSource = FROM_DATABASE,
  ) {}

  /** After a change through this process: the next use checks the revision again. */
  changed(): void {
    this.changes++;
    this.checkedAt.clear();
  }

  /** A territory of a country already loaded, without asking the database. */
  cachedTerritory(id: number): ModelTerritory | undefined {
    for (const model of this.cache.values()) {
      const t = model.territories.get(id);
      if (t) return t;
    }
    return undefined;
  }

  async get(country: TCountry): Promise<CountryModel> {
    const cached = this.cache.get(country);
    if (cached && Date.now() - (this.checkedAt.get(country) ?? 0) < CountryModels.RECHECK_MS) return cached;
    const askedAt = Date.now();
    const changesBefore = this.changes;
    const revision = await this.source.revision(this.db, country);
    // Trusted from when the revision was read, and only if no change came through this process
    // meanwhile: a request that read it just before a change and finished just after (a model
    // loads for seconds) would otherwise have the next requests served the model before the
    // change, and their answers kept under it — the budget tab's checks asked right after an
    // envelope was saved stayed old for the page.
    const trust = () => {
      if (this.changes === changesBefore) this.checkedAt.set(country, askedAt);
    };
    if (cached && cached.revision === revision) {
      trust();
      return cached;
    }
    let model = await (this.loading.get(country) ?? this.load(country));
    // A load begun before the change that made this revision read the data as it was (it read
    // its revision first): load again rather than keep, and serve, figures older than the change.
    if (model.revision < revision) model = await this.load(country);
    if ((this.cache.get(country)?.revision ?? -1) <= model.revision) this.cache.set(country, model);
    trust();
    return model;
  }

  /** A new load, which later requests share while it runs. */
  private load(country: TCountry): Promise<CountryModel> {
    const pending = this.source.load(this.db, country).finally(() => {
      if (this.loading.get(country) === pending) this.loading.delete(country);
    });
    this.loading.set(country, pending);
    return pending;
  }
}
