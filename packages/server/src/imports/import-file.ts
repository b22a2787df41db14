import {
  AppError,
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
  type TIndicatorRecord,
  type TServiceRecord,
  type TCountry,
  type TImportError,
  type TImportKind,
  type TPopulationRecord,
  type TRegisterFormat,
  type TRowRecord,
  type TTerritoryRecord,
} from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { csvCell, pgIntArray, rows, type Database, type Db } from '../db/database';
import { columnLabel } from '../exports/routes';
import { dataset } from '../population/tables';
import { headerAliases } from './header-aliases';
import { loadImportContext } from './import-context';
import { openTable, type Table } from './read-table';
import type { TImportKindParam, TImportResult } from './schema';
import { writeIndicators, writePopulation, writeServiceSites } from './write-figures';
import { writeTerritories } from './write-territories';
import { importBoundaries } from './import-boundaries';

export type ImportRequest = {
  kind: TImportKindParam;
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

/**
 * Import one file, all or nothing: every row is read and checked before anything is written,
 * and the writing happens in one transaction with its dataset record and audit entry. A file
 * with any bad row is rejected with the whole row-by-row report and leaves the database as it was.
 */
export async function importFile(database: Database, request: ImportRequest): Promise<TImportResult> {
  if (request.kind === 'boundaries') return importBoundaries(database, request);
  const { db } = database;
  const table = await openTable({ fileName: request.fileName, bytes: request.bytes, country: request.country });
  const errors = new ImportErrorList();
  const format = detectRegisterFormat(table.header, headerAliases());
  if (format === null || (format !== 'canonical' && !REGISTER_KINDS[format].includes(request.kind))) {
    errors.add({ row: table.headerRow, column: null, value: table.header.join(', ').slice(0, 200), code: 'unrecognised_format', params: { kind: request.kind } });
    throw rejection(errors, request);
  }
  if (format === 'canonical') {
    const kind = detectImportKind(table.header, headerAliases());
    if (kind !== request.kind) {
      errors.add({ row: table.headerRow, column: null, value: table.header.join(', ').slice(0, 200), code: 'unrecognised_format', params: { kind: request.kind } });
      throw rejection(errors, request);
    }
  }
  const ctx = await loadImportContext(db, request.actor, ACTION[request.kind], request.country ?? null);
  const { records, skipped } = await readRecords(db, request, table, format, errors);
  const source = request.source ?? (format === 'canonical' ? null : format);
  // Taken before the rows are read, so they can be written with it; a rejected file leaves a
  // gap in the numbering, nothing else.
  const datasetId = await nextDatasetId(db);
  const meta = (rowCount: number, country: string | null) => ({ datasetId, format, source, rows: rowCount, country, skipped });

  switch (request.kind) {
    case 'territories': {
      const territories = records.territories;
      // Creating a whole country is for unscoped accounts only; checks cover the rest of reach.
      for (const { row, record } of territories) {
        if (record.level === 'country' && request.actor.scopePath !== null && !ctx.findTerritory(record.code, record.country)) {
          errors.add({ row, column: 'code', value: record.code, code: 'outside_scope' });
        }
      }
      const checked = checkTerritories(territories, ctx, errors);
      if (!errors.ok) throw rejection(errors, request);
      return write(database, request, meta(checked.length, checked[0]?.record.country ?? request.country ?? null), async (tx) => {
        const counts = await writeTerritories(tx, database.engine, checked, ctx);
        return { ...counts, countries: [...new Set(checked.map((c) => c.record.country))] };
      });
    }
    case 'population': {
      const checker = createPopulationChecker(ctx, errors);
      const lines: string[] = [];
      const pairs = new Map<string, [number, number]>();
      let country: string | null = null;
      for (const { row, record } of records.population) {
        const ok = checker.check(row, record);
        if (!ok || !errors.ok) continue;
        pairs.set(`${ok.territoryId}|${ok.year}`, [ok.territoryId, ok.year]);
        country ??= ctx.byId.get(ok.territoryId)?.country ?? null;
        lines.push(`${ok.territoryId},${ok.year},${ok.sex},${ok.ageFrom},${ok.ageTo ?? ''},${ok.count},${datasetId}\n`);
      }
      checker.finish();
      if (!errors.ok) throw rejection(errors, request);
      return write(database, request, meta(lines.length, country), async (tx) => {
        await writePopulation(tx, database.engine, lines, pairs.values());
        return { countries: country ? [country] : [] };
      });
    }
    case 'indicators': {
      const checker = createIndicatorChecker(ctx, errors);
      const checked: TCheckedIndicator[] = [];
      for (const { row, record } of records.indicators) {
        const ok = checker.check(row, record);
        if (ok) checked.push(ok);
      }
      checker.finish();
      if (!errors.ok) throw rejection(errors, request);
      const countries = [...new Set(checked.map((c) => ctx.byId.get(c.territoryId)!.country))];
      return write(database, request, meta(checked.length, countries[0] ?? null), async (tx) => {
        const lines = checked.map((c) => [c.territoryId, c.year, c.indicator, c.value, c.source, c.sourceDate, datasetId].map(csvCell).join(',') + '\n');
        await writeIndicators(tx, database.engine, lines);
        return { countries };
      });
    }
    case 'services': {
      const checker = createServiceChecker(ctx, errors);
      const checked: TCheckedService[] = [];
      for (const { row, record } of records.services) {
        const ok = checker.check(row, record);
        if (ok) checked.push(ok);
      }
      checker.finish();
      if (!errors.ok) throw rejection(errors, request);
      const countries = [...new Set(checked.map((c) => c.country))];
      return write(database, request, meta(checked.length, countries[0] ?? null), async (tx) => {
        const existing = new Set(
          (await rows<{ country: string; site_key: string; year: number }>(tx, sql`select country, site_key, year from service_site where country in ${countries.length ? sql`(${sql.join(countries.map((c) => sql`${c}`), sql`, `)})` : sql`('')`}`)).map(
            (r) => `${r.country}|${r.site_key}|${r.year}`,
          ),
        );
        const fresh: string[] = [];
        const known: string[] = [];
        for (const s of checked) {
          const line =
            [
              s.country,
              s.siteKey,
              s.year,
              s.name,
              s.serviceType,
              s.provider,
              s.providerKind,
              s.settlementId,
              pgIntArray(s.servesIds),
              s.capacity,
              s.users,
              s.waitingList,
              s.staffPositions,
              s.staffVacancies,
              s.funding,
              s.mobile,
              s.opened,
              request.illustrative ?? false,
              datasetId,
            ]
              .map((v, i) => (i === 8 ? v : csvCell(v as never)))
              .join(',') + '\n';
          (existing.has(`${s.country}|${s.siteKey}|${s.year}`) ? known : fresh).push(line);
        }
        await writeServiceSites(tx, database.engine, fresh, known);
        return { inserted: fresh.length, updated: known.length, countries };
      });
    }
  }
}

type Records = {
  territories: TRowRecord<TTerritoryRecord>[];
  population: Iterable<TRowRecord<TPopulationRecord>>;
  indicators: Iterable<TRowRecord<TIndicatorRecord>>;
  services: Iterable<TRowRecord<TServiceRecord>>;
};

/** Rows of the file as records of the import formats, from our own format or a register's. */
async function readRecords(db: Db, request: ImportRequest, table: Table, format: TRegisterFormat, errors: ImportErrorList): Promise<{ records: Records; skipped: number }> {
  const out: Records = { territories: [], population: [], indicators: [], services: [] };
  if (format !== 'canonical') {
    const regions = await rows<{ code: string; name_en: string | null; name: string }>(db, sql`select code, name_en, name from territory where level = 'region'`);
    const byName = new Map<string, string>();
    // Published tables name regions in English; ours may only have the national name, whose
    // official romanisation is what statistics offices print.
    for (const r of regions) for (const n of [r.name_en, r.name, transliterateBg(r.name)]) if (n) byName.set(n.trim().toLowerCase(), r.code);
    const converted = await convertRegister(format, table, { year: request.year, regionCodeByName: (name) => byName.get(name.trim().toLowerCase()) }, errors);
    out.territories = converted.territories;
    out.population = converted.population;
    return { records: out, skipped: converted.skipped };
  }
  const kind = request.kind as TImportKind;
  const match = matchHeader(kind, table.header, headerAliases(), table.headerRow);
  for (const e of match.errors) errors.add(e);
  if (!errors.ok) return { records: out, skipped: 0 };
  const parser = createRowParser(kind, match.columns);
  const list: TRowRecord<never>[] = [];
  for await (const { row, cells } of table.rows) {
    const record = parser.parse(cells, row, errors);
    if (record) list.push({ row, record: record as never });
  }
  if (list.length === 0 && errors.ok) throw new AppError('import.empty', { fileName: request.fileName });
  (out as Record<TImportKind, unknown>)[kind] = list;
  return { records: out, skipped: 0 };
}

async function nextDatasetId(db: Db): Promise<number> {
  const [row] = await rows<{ id: number }>(db, sql`select nextval(pg_get_serial_sequence('dataset', 'id'))::int as id`);
  return row!.id;
}

/** One transaction: the dataset record, the rows, and the audit entry of each country touched. */
async function write(
  database: Database,
  request: ImportRequest,
  meta: { datasetId: number; format: string; source: string | null; rows: number; country: string | null; skipped: number },
  writeRows: (tx: Db) => Promise<{ countries: string[]; inserted?: number; updated?: number }>,
): Promise<TImportResult> {
  const { datasetId, skipped } = meta;
  return database.db.transaction(async (tx) => {
    await tx
      .insert(dataset)
      .values({
        id: datasetId,
        kind: request.kind,
        country: meta.country,
        fileName: request.fileName,
        format: meta.format,
        source: meta.source,
        illustrative: request.illustrative ?? false,
        rows: meta.rows,
        importedBy: request.author.userId,
      });
    const written = await writeRows(tx);
    for (const country of written.countries.length ? written.countries : [null]) {
      await recordChange(tx, request.author, {
        action: 'import',
        entity: request.kind,
        entityId: datasetId,
        country,
        after: { dataset: datasetId, fileName: request.fileName, format: meta.format, rows: meta.rows, inserted: written.inserted, updated: written.updated },
      });
    }
    return {
      datasetId,
      kind: request.kind,
      format: meta.format,
      rows: meta.rows,
      skipped: skipped ? [{ reason: meta.format === 'katottg' ? 'city_districts' : 'not_imported', count: skipped }] : [],
    };
  });
}

/** The rejection of a file: every error with its message in the user's language. */
export function rejection(errors: ImportErrorList, request: Pick<ImportRequest, 'kind' | 'language' | 'fileName'>): AppError {
  // In file order, whichever check found them, so the report reads top to bottom.
  const sorted = [...errors.errors].sort((a, b) => a.row - b.row);
  return new AppError('import.rejected', { count: errors.total, fileName: request.fileName }, { errors: sorted.map((e) => describeError(e, request.kind, request.language)), totalErrors: errors.total });
}

export function describeError(e: TImportError, kind: string, language: TLanguage) {
  const t = translator(language);
  const column = e.column ? columnLabel(language, kind, e.column) : '';
  return { row: e.row, column: e.column, value: e.value, code: e.code, message: t(`importErrors.${e.code}`, { ...e.params, column, value: e.value ?? '' }) };
}
