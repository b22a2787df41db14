import {
  AppError,
  checkSiteRights,
  checkTerritories,
  convertRegister,
  createIndicatorChecker,
  createPopulationChecker,
  createRowParser,
  createServiceChecker,
  detectImportKind,
  detectRegisterFormat,
  ImportErrorList,
  matchHeader,
  transliterateBg,
  type Actor,
  type TAction,
  type TCheckedIndicator,
  type TCheckedService,
  type TCountry,
  type TImportError,
  type TImportKind,
  type TImportRecord,
  type TRegisterFormat,
  type TRowRecord,
  type TSiteRow,
  type TStoredSite,
} from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { copyInto, csvCell, pgIntArray, rows, type Database, type Db } from '../db/database';
import { columnLabel } from '../exports/column-label';
import { choiceLabelsByColumn } from '../exports/choice-words';
import { dataset } from '../population/tables';
import { headerAliases } from './header-aliases';
import { importBoundaries } from './import-boundaries';
import { loadImportContext } from './import-context';
import { openTable, type Table } from './read-table';
import type { TImportKindParam, TImportResult, TImportRouteKind } from './schema';
import { importServiceTypes } from '../catalogue/import-service-types';
import { retiredServiceTypes } from '../catalogue/service-types';
import { POPULATION_COLUMNS, removeReplacedPopulation, storedTerritoryYears, writeIndicators, writeServiceSites } from './write-figures';
import { writeTerritories } from './write-territories';

export type ImportRequest = {
  kind: TImportRouteKind;
  fileName: string;
  bytes: Uint8Array;
  country?: TCountry;
  /** Year of figures in files that do not carry one (Bulgaria's settlement population list). */
  year?: number;
  /** Where population figures come from (the population format has no source column). */
  source?: string;
  /** Figures made up for demonstration; service sites imported so are marked demo. */
  illustrative?: boolean;
  actor: Actor;
  author: ChangeAuthor;
  language: TLanguage;
};

const ACTION: Record<TImportKindParam, TAction> = {
  territories: 'import_territories',
  population: 'import_population',
  indicators: 'import_indicators',
  services: 'import_services',
  boundaries: 'import_boundaries',
};

/** Which kinds a register's rows can be imported as. */
const REGISTER_KINDS: Record<Exclude<TRegisterFormat, 'canonical'>, readonly TImportKind[]> = {
  katottg: ['territories'],
  teryt_terc: ['territories'],
  bg_municipalities: ['territories'],
  bg_settlement_locations: ['territories'],
  bg_settlement_population: ['territories', 'population'],
  nsi_population_by_age: ['population'],
};

/** Population rows go to COPY in chunks of this many while the file is still being read. */
const CHUNK_ROWS = 50_000;

/** Records in batches, as the reader gives rows: one await per batch, plain loops within. */
type Batches<K extends TImportKind> = AsyncIterable<TRowRecord<TImportRecord[K]>[]>;

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const batch of batches) for (const item of batch) all.push(item);
  return all;
}

async function* inOneBatch<T>(items: T[]): AsyncGenerator<T[]> {
  yield items;
}

/**
 * Import one file, all or nothing. Every row is checked; the rows, the dataset record and the
 * audit entry are written in one transaction, which any error rolls back, so a file with a bad
 * row — even its last — leaves the database as it was and gets the whole row-by-row report.
 */
export async function importFile(database: Database, request: ImportRequest): Promise<TImportResult> {
  if (request.kind === 'boundaries') return importBoundaries(database, request);
  if (request.kind === 'service-types') return importServiceTypes(database, request);
  const kind = request.kind;
  const { db } = database;
  const table = await openTable({ fileName: request.fileName, bytes: request.bytes, country: request.country });
  const errors = new ImportErrorList();
  const format = detectRegisterFormat(table.header, headerAliases());
  const recognised =
    format === 'canonical' ? detectImportKind(table.header, headerAliases()) === kind : format !== null && REGISTER_KINDS[format].includes(kind);
  if (!recognised) {
    // A file meant to be in our format but with a misspelt or missing column gets told which;
    // anything else is simply not a format this import knows.
    const asOurs = matchHeader(kind, table.header, headerAliases(), table.headerRow);
    const knownColumns = asOurs.columns.filter((c) => c !== null).length;
    if (format === null && knownColumns > 0 && asOurs.errors.length > 0) for (const e of asOurs.errors) errors.add(e);
    else errors.add({ row: table.headerRow, column: null, value: table.header.join(', ').slice(0, 200), code: 'unrecognised_format', params: { kind } });
    throw rejection(errors, request);
  }
  const ctx = await loadImportContext(db, request.actor, ACTION[kind], request.country ?? null);
  const source = request.source ?? (format === 'canonical' ? null : format);
  // Taken before the rows are read, so they can be written with it; a rejected file leaves a
  // gap in the numbering, nothing else.
  const datasetId = await nextDatasetId(db);
  const skipped = { count: 0 };
  const recordsOf = <K extends TImportKind>(k: K) => readRecords(db, request, table, format!, k, errors, skipped);
  const finish = (tx: Db, rowCount: number, countries: string[], counts: { inserted?: number; updated?: number } = {}) =>
    finishImport(tx, request, { datasetId, format: format!, source, rows: rowCount, countries, skipped: skipped.count, ...counts });

  switch (kind) {
    case 'territories': {
      const territories = await collect(await recordsOf('territories'));
      // Creating a whole country is for unscoped accounts only; checks cover the rest of reach.
      for (const { row, record } of territories) {
        if (record.level === 'country' && request.actor.scopePath !== null && !ctx.findTerritory(record.code, record.country)) {
          errors.add({ row, column: 'code', value: record.code, code: 'outside_scope' });
        }
      }
      const checked = checkTerritories(territories, ctx, errors);
      if (!errors.ok) throw rejection(errors, request);
      return db.transaction(async (tx) => {
        const counts = await writeTerritories(tx, database.engine, checked, ctx);
        return finish(tx, checked.length, [...new Set(checked.map((c) => c.record.country))], counts);
      });
    }
    case 'population': {
      const records = await recordsOf('population');
      const checker = createPopulationChecker(ctx, errors);
      const replaced = new Map<string, [number, number]>();
      const countries = new Set<string>();
      let written = 0;
      // Rows are checked and sent to COPY chunk by chunk inside the transaction: PostgreSQL
      // takes in one chunk while the next is read. After the first error nothing more is sent,
      // but reading goes on so the report lists every bad row; then everything is rolled back.
      async function* chunks(): AsyncGenerator<string> {
        let chunk = '';
        let inChunk = 0;
        let lastTerritory = -1;
        let lastYear = -1;
        for await (const batch of records) {
          for (const { row, record } of batch) {
            const ok = checker.check(row, record);
            if (!ok || !errors.ok) continue;
            if (ok.territoryId !== lastTerritory || ok.year !== lastYear) {
              lastTerritory = ok.territoryId;
              lastYear = ok.year;
              replaced.set(`${lastTerritory}|${lastYear}`, [lastTerritory, lastYear]);
              countries.add(ctx.byId.get(ok.territoryId)!.country);
            }
            chunk += `${ok.territoryId},${ok.year},${ok.sex},${ok.ageFrom},${ok.ageTo ?? ''},${ok.count},${datasetId}\n`;
            written++;
            if (++inChunk === CHUNK_ROWS) {
              yield chunk;
              chunk = '';
              inChunk = 0;
            }
          }
        }
        checker.finish();
        if (errors.ok && chunk) yield chunk;
      }
      const finishPopulation = async (tx: Db) => {
        if (!errors.ok) throw rejection(errors, request);
        if (written === 0) throw new AppError('import.empty', { fileName: request.fileName });
        return finish(tx, written, [...countries]);
      };
      if (database.engine === 'postgres') {
        // PostgreSQL takes the COPY on its own core while this one reads the file; the rows the
        // file replaces go at the end (they are told apart by their dataset).
        return db.transaction(async (tx) => {
          const stored = await storedTerritoryYears(tx);
          await copyInto(tx, database.engine, 'population', POPULATION_COLUMNS, chunks());
          if (errors.ok) await removeReplacedPopulation(tx, replaced.values(), stored, datasetId);
          return finishPopulation(tx);
        });
      }
      // PGlite runs in this thread, so streaming gains nothing: the file is read first (outside
      // the transaction, which would block every other request), then the replaced rows go —
      // a scan of the old rows only — and the COPY follows.
      // Each chunk is flattened into bytes at once: a million-line rope kept whole weighs on the
      // garbage collector far more than the bytes do.
      const read: Buffer[] = [];
      for await (const chunk of chunks()) read.push(Buffer.from(chunk));
      return db.transaction(async (tx) => {
        if (errors.ok) await removeReplacedPopulation(tx, replaced.values(), await storedTerritoryYears(tx), datasetId);
        if (errors.ok) await copyInto(tx, database.engine, 'population', POPULATION_COLUMNS, read);
        return finishPopulation(tx);
      });
    }
    case 'indicators': {
      const checker = createIndicatorChecker(ctx, errors);
      const checked: TCheckedIndicator[] = [];
      for (const { row, record } of await collect(await recordsOf('indicators'))) {
        const ok = checker.check(row, record);
        if (ok) checked.push(ok);
      }
      checker.finish();
      if (!errors.ok) throw rejection(errors, request);
      const countries = [...new Set(checked.map((c) => ctx.byId.get(c.territoryId)!.country))];
      return db.transaction(async (tx) => {
        const lines = checked.map((c) => [c.territoryId, c.year, c.indicator, c.value, c.source, c.sourceDate, datasetId].map(csvCell).join(',') + '\n');
        await writeIndicators(tx, database.engine, lines);
        return finish(tx, checked.length, countries);
      });
    }
    case 'services': {
      const checker = createServiceChecker(ctx, errors);
      const checked: TSiteRow[] = [];
      for (const { row, record } of await collect(await recordsOf('services'))) {
        const ok = checker.check(row, record);
        if (ok) checked.push({ row, site: ok, stored: null });
      }
      checker.finish();
      const countries = [...new Set(checked.map((c) => c.site.country))];
      return db.transaction(async (tx) => {
        // A row updates the stored site with its id, in its place, for its year — never a site
        // elsewhere that happens to have the same id — and only if the form would let the user
        // change that site into what the row says. Checked even when other rows are already
        // wrong, so the report names every row at once.
        const stored = await storedSites(tx, checked);
        for (const c of checked) c.stored = stored.get(placedKey(c.site.settlementId, c.site.siteKey, c.site.year)) ?? null;
        checkSiteRights(checked, ctx, errors);
        // A retired type stays on the sites that have it; no row gives it to a new site or another type's.
        const retired = await retiredServiceTypes(tx);
        for (const c of checked) {
          const current = (c.stored as (TStoredSite & { serviceType: string }) | null)?.serviceType ?? null;
          if (retired.has(c.site.serviceType) && current !== c.site.serviceType) {
            errors.add({ row: c.row, column: 'service_type', value: c.site.serviceType, code: 'retired_service_type' });
          }
        }
        if (!errors.ok) throw rejection(errors, request);
        const demo = request.illustrative ?? false;
        const fresh: string[] = [];
        const update: string[] = [];
        for (const { site, stored: known } of checked) {
          if (known) update.push(`${known.id},${siteLine(site, demo, datasetId)}`);
          else fresh.push(siteLine(site, demo, datasetId));
        }
        await writeServiceSites(tx, database.engine, fresh, update, { author: request.author });
        return finish(tx, checked.length, countries, { inserted: fresh.length, updated: update.length });
      });
    }
  }
}

/** One service site as a line of the COPY into service_site (write-figures.ts SITE_COLUMNS). */
function siteLine(s: TCheckedService, demo: boolean, datasetId: number): string {
  return (
    [
      csvCell(s.country),
      csvCell(s.siteKey),
      s.year,
      csvCell(s.name),
      csvCell(s.serviceType),
      csvCell(s.provider),
      s.providerKind,
      s.settlementId,
      pgIntArray(s.servesIds),
      s.capacity,
      csvCell(s.users),
      csvCell(s.waitingList),
      csvCell(s.staffPositions),
      csvCell(s.staffVacancies),
      csvCell(s.funding),
      s.mobile,
      csvCell(s.opened),
      demo,
      datasetId,
    ].join(',') + '\n'
  );
}

const placedKey = (settlementId: number, siteKey: string, year: number) => `${settlementId}\u0000${siteKey}\u0000${year}`;

/**
 * The stored site-years the file's rows name — by place, site id and year, the key of a site
 * (service-sites/tables.ts). Other writers of sites wait until the import's transaction ends
 * (reading goes on), so the sites the rights were checked on are the sites that get written, and
 * two imports never add the same site at once. One table lock: locking each of 100,000 rows
 * would cost more than the import.
 */
async function storedSites(tx: Db, checked: readonly TSiteRow[]): Promise<Map<string, TStoredSite>> {
  await tx.execute(sql`lock table service_site in share row exclusive mode`);
  if (checked.length === 0) return new Map();
  const settlements = [...new Set(checked.map((c) => c.site.settlementId))];
  const years = [...new Set(checked.map((c) => c.site.year))];
  const found = await rows<{ id: number; settlement_id: number; site_key: string; year: number; provider: string; serves_ids: number[]; service_type: string }>(
    tx,
    sql`select id, settlement_id, site_key, year, provider, serves_ids, service_type from service_site
      where settlement_id = any(${sql.raw(`ARRAY[${settlements.join(',')}]::int[]`)}) and year = any(${sql.raw(`ARRAY[${years.join(',')}]::int[]`)})`,
  );
  return new Map(found.map((r) => [placedKey(r.settlement_id, r.site_key, r.year), { id: r.id, settlementId: r.settlement_id, servesIds: r.serves_ids, provider: r.provider, serviceType: r.service_type }]));
}

/**
 * The rows of the file as records of the import formats — from potreby's own format, parsed as
 * they are read, or from an official register, converted whole (registers are small).
 */
async function readRecords<K extends TImportKind>(
  db: Db,
  request: ImportRequest,
  table: Table,
  format: TRegisterFormat,
  kind: K,
  errors: ImportErrorList,
  skipped: { count: number },
): Promise<Batches<K>> {
  if (format !== 'canonical') {
    const regions = await rows<{ code: string; name_en: string | null; name: string }>(db, sql`select code, name_en, name from territory where level = 'region'`);
    const byName = new Map<string, string>();
    // Published tables name regions in English; ours may only have the national name, whose
    // official romanisation is what statistics offices print.
    for (const r of regions) for (const n of [r.name_en, r.name, transliterateBg(r.name)]) if (n) byName.set(n.trim().toLowerCase(), r.code);
    const converted = await convertRegister(format, table, { year: request.year, regionCodeByName: (name) => byName.get(name.trim().toLowerCase()) }, errors);
    skipped.count = converted.skipped;
    if (kind === 'territories') return inOneBatch(converted.territories) as Batches<K>;
    if (kind === 'population') return inOneBatch(converted.population) as Batches<K>;
    return inOneBatch([]);
  }
  const match = matchHeader(kind, table.header, headerAliases(), table.headerRow);
  for (const e of match.errors) errors.add(e);
  if (!errors.ok) return inOneBatch([]);
  // Choice cells may hold the words the exports write (`Общински бюджет`), not only keys.
  const parser = createRowParser(kind, match.columns, choiceLabelsByColumn());
  return (async function* () {
    for await (const rows of table.batches) {
      const records: TRowRecord<TImportRecord[K]>[] = [];
      for (const { row, cells } of rows) {
        const record = parser.parse(cells, row, errors);
        if (record) records.push({ row, record });
      }
      yield records;
    }
  })();
}

async function nextDatasetId(db: Db): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('dataset', 'id'))::int as id`);
  return row!.id;
}

type ImportSummary = { datasetId: number; format: string; source: string | null; rows: number; countries: string[]; skipped: number; inserted?: number; updated?: number };

/** Inside the import's transaction: the dataset record and an audit entry per country touched. */
async function finishImport(tx: Db, request: ImportRequest, s: ImportSummary): Promise<TImportResult> {
  await tx.insert(dataset).values({
    id: s.datasetId,
    kind: request.kind,
    country: s.countries[0] ?? request.country ?? null,
    fileName: request.fileName,
    format: s.format,
    source: s.source,
    illustrative: request.illustrative ?? false,
    rows: s.rows,
    importedBy: request.author.userId,
  });
  for (const country of s.countries.length ? s.countries : [null]) {
    await recordChange(tx, request.author, {
      action: 'import',
      // The kinds written here; service types and boundaries audit their own imports.
      entity: request.kind as TImportKindParam,
      entityId: s.datasetId,
      country,
      after: { dataset: s.datasetId, fileName: request.fileName, format: s.format, rows: s.rows, inserted: s.inserted, updated: s.updated },
    });
  }
  return {
    datasetId: s.datasetId,
    kind: request.kind,
    format: s.format,
    rows: s.rows,
    skipped: s.skipped ? [{ reason: s.format === 'katottg' ? 'city_districts' : 'not_imported', count: s.skipped }] : [],
  };
}

/** The rejection of a file: every error with its message in the user's language. */
export function rejection(errors: ImportErrorList, request: Pick<ImportRequest, 'kind' | 'language' | 'fileName'>): AppError {
  // In file order, whichever check found them, so the report reads top to bottom.
  const sorted = [...errors.errors].sort((a, b) => a.row - b.row);
  return new AppError(
    'import.rejected',
    { count: errors.total, fileName: request.fileName },
    { errors: sorted.map((e) => describeError(e, request.kind, request.language)), totalErrors: errors.total },
  );
}

export function describeError(e: TImportError, kind: string, language: TLanguage) {
  const t = translator(language);
  const column = e.column ? columnLabel(language, kind, e.column) : '';
  return { row: e.row, column: e.column, value: e.value, code: e.code, message: t(`importErrors.${e.code}`, { ...e.params, column, value: e.value ?? '' }) };
}
