import { AppError, ImportErrorList, normaliseHeader, type Actor, type TCountry } from '@potreby/domain';
import {
  findDuplicateRows,
  matchPlanHeader,
  parseCeilingRow,
  parseProposalRow,
  parseUnitCostRow,
  type TCeilingRecord,
  type TPlanImportKind,
  type TProposalRecord,
  type TUnitCostRecord,
} from '@potreby/domain/planning/import-plan-files';
import { servedProblems } from '@potreby/domain/planning/served';
import { LANGUAGES, resources, type TLanguage } from '@potreby/i18n';
import { and, eq, inArray } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import type { Database, Db } from '../db/database';
import { describeError } from '../imports/import-file';
import { openTable } from '../imports/read-table';
import { dataset } from '../population/tables';
import { territory } from '../territories/tables';
import type { TerritoryRow } from '../territories/queries';
import { mayEditItem, mayProposeAnywhere, maySetStandards } from './access';
import { assertOpen, loadRound, roundMunicipalities } from './rounds';
import type { TPlanImportResult } from './schema';
import { ceiling, proposalItem, unitCost } from './tables';

export type PlanImportRequest = { fileName: string; bytes: Uint8Array; actor: Actor; author: ChangeAuthor; language: TLanguage };

const aliasCache = new Map<TPlanImportKind, Map<string, string>>();

/** A kind's headers in every language (`Код на общината` → `municipality_code`), from `columns.<kind>`. */
function headerAliases(kind: TPlanImportKind): ReadonlyMap<string, string> {
  let aliases = aliasCache.get(kind);
  if (aliases) return aliases;
  aliases = new Map();
  for (const language of LANGUAGES) {
    const columns = (resources[language].translation as { columns?: Record<string, Record<string, string>> }).columns?.[kind] ?? {};
    for (const [canonical, label] of Object.entries(columns)) aliases.set(normaliseHeader(label), canonical);
  }
  aliasCache.set(kind, aliases);
  return aliases;
}

/** The file refused with its row-by-row report, in the reader's language; nothing was written. */
function rejection(errors: ImportErrorList, kind: TPlanImportKind, request: PlanImportRequest): AppError {
  const sorted = [...errors.errors].sort((a, b) => a.row - b.row);
  return new AppError('import.rejected', { count: errors.total, fileName: request.fileName }, { errors: sorted.map((e) => describeError(e, kind, request.language)), totalErrors: errors.total });
}

/** Read every row of a file of `kind` with `parse`; a wrong header refuses the file at once. */
async function readRecords<K extends TPlanImportKind, T>(
  kind: K,
  request: PlanImportRequest,
  errors: ImportErrorList,
  parse: (cells: readonly string[], columns: ReturnType<typeof matchPlanHeader<K>>, row: number) => T | null,
  country?: TCountry,
): Promise<{ records: { row: number; record: T }[]; format: string }> {
  const table = await openTable({ fileName: request.fileName, bytes: request.bytes, country });
  const columns = matchPlanHeader(kind, table.header, headerAliases(kind), table.headerRow, errors);
  if (!errors.ok) throw rejection(errors, kind, request);
  const records: { row: number; record: T }[] = [];
  for await (const batch of table.batches) {
    for (const { row, cells } of batch) {
      const record = parse(cells, columns, row);
      if (record) records.push({ row, record });
    }
  }
  if (errors.ok && records.length === 0) throw new AppError('import.empty', { fileName: request.fileName });
  return { records, format: table.format };
}

/** The country's types by key, for checking rows' service types and taking their units. */
async function typesOf(db: Db, country: string): Promise<Map<string, { unit: string; retired: boolean }>> {
  const found = await db.select().from(serviceType).where(eq(serviceType.country, country));
  return new Map(found.map((t) => [t.key, { unit: t.unit, retired: t.retiredAt !== null }]));
}

// The dataset's format is the register a file follows: planning files follow only potreby's own
// (reference/formats.md), whether CSV or XLSX.
async function newDataset(tx: Db, kind: TPlanImportKind, country: string, request: PlanImportRequest, rows: number): Promise<number> {
  const [created] = await tx
    .insert(dataset)
    .values({ kind, country, fileName: request.fileName, format: 'canonical', source: null, illustrative: false, rows, importedBy: request.actor.userId })
    .returning({ id: dataset.id });
  return created!.id;
}

/**
 * A round's proposal items from a file, added to the round all or nothing. Every row is checked
 * against the round (its municipalities), the catalogue and the access rules: a municipal officer
 * imports only their own municipality's items (`outside_scope` on every other row).
 */
export async function importProposals(database: Database, roundId: number, request: PlanImportRequest): Promise<TPlanImportResult> {
  const { db } = database;
  const loaded = await loadRound(db, request.actor, roundId);
  if (!mayProposeAnywhere(request.actor)) throw new AppError('auth.forbidden');
  assertOpen(loaded);
  const country = loaded.territory.country;
  const errors = new ImportErrorList();
  const { records, format } = await readRecords('proposals', request, errors, (cells, columns, row) => parseProposalRow(cells, columns, row, errors), country as TCountry);
  const municipalities = await roundMunicipalities(db, loaded.territory);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const types = await typesOf(db, country);
  const settlementCodes = [...new Set(records.map((r) => r.record.settlementCode).filter((c): c is string => c !== null))];
  const settlements = settlementCodes.length
    ? await db.select().from(territory).where(and(eq(territory.country, country), inArray(territory.code, settlementCodes)))
    : [];
  const settlementByCode = new Map(settlements.map((s) => [s.code, s]));
  const rows: { row: number; record: TProposalRecord; municipality: TerritoryRow; unit: string; settlementId: number | null; served: { municipalityId: number; capacity: number }[] }[] = [];
  for (const { row, record } of records) {
    const municipality = byCode.get(record.municipalityCode);
    if (!municipality) {
      errors.add({ row, column: 'municipality_code', value: record.municipalityCode, code: 'unknown_territory' });
      continue;
    }
    if (!mayEditItem(request.actor, municipality)) {
      errors.add({ row, column: 'municipality_code', value: record.municipalityCode, code: 'outside_scope' });
      continue;
    }
    const type = types.get(record.serviceType);
    if (!type || type.retired) {
      errors.add({ row, column: 'service_type', value: record.serviceType, code: type ? 'retired_service_type' : 'unknown_service_type' });
      continue;
    }
    let settlementId: number | null = null;
    if (record.settlementCode !== null) {
      const s = settlementByCode.get(record.settlementCode);
      if (!s || !s.path.startsWith(municipality.path)) {
        errors.add({ row, column: 'settlement_code', value: record.settlementCode, code: 'unknown_territory' });
        continue;
      }
      settlementId = s.id;
    }
    const served = record.served.map((s) => ({ municipalityId: byCode.get(s.code)?.id ?? 0, capacity: s.capacity }));
    const unknown = record.served.find((s) => !byCode.has(s.code));
    if (unknown) {
      errors.add({ row, column: 'served_codes', value: unknown.code, code: 'unknown_territory' });
      continue;
    }
    // The form's and the item route's rule (domain planning/served.ts), a line of the report each.
    const problems = servedProblems({ municipalityId: municipality.id, capacityChange: record.capacityChange, served }, new Set(municipalities.map((m) => m.id)));
    for (const p of problems) {
      const entry = record.served[p.index]!;
      errors.add({ row, column: 'served_codes', value: `${entry.code}:${entry.capacity}`, code: p.code === 'not_in_round' ? 'unknown_territory' : p.code, params: { capacity: Math.abs(record.capacityChange) } });
    }
    if (problems.length > 0) continue;
    rows.push({ row, record, municipality, unit: type.unit, settlementId, served });
  }
  if (!errors.ok) throw rejection(errors, 'proposals', request);
  return db.transaction(async (tx) => {
    const datasetId = await newDataset(tx, 'proposals', country, request, rows.length);
    const ids: number[] = [];
    for (const { record, municipality, unit, settlementId, served } of rows) {
      const [created] = await tx
        .insert(proposalItem)
        .values({
          roundId,
          municipalityId: municipality.id,
          action: record.action,
          serviceType: record.serviceType,
          capacityChange: record.capacityChange,
          unit,
          siteId: null,
          settlementId,
          served,
          startYear: record.startYear,
          fundingSource: record.fundingSource,
          annualCost: record.annualCost,
          explanation: record.explanation,
        })
        .returning({ id: proposalItem.id });
      ids.push(created!.id);
    }
    await recordChange(tx, request.author, {
      action: 'import',
      entity: 'proposal_item',
      entityId: datasetId,
      country,
      territoryId: loaded.territory.id,
      after: { dataset: datasetId, round: roundId, fileName: request.fileName, rows: rows.length, items: ids },
    });
    return { kind: 'proposals' as const, rows: rows.length, datasetId, format };
  });
}

/** The country's own territory: unit costs and ceilings are national standards. */
async function countryTerritory(db: Db, country: string): Promise<TerritoryRow> {
  const [found] = await db.select().from(territory).where(and(eq(territory.country, country), eq(territory.level, 'country')));
  if (!found) throw new AppError('validation.invalid', {}, { issues: [{ path: 'country', message: 'unknown_country' }] });
  return found;
}

export type StandardsRequest = PlanImportRequest & { country: TCountry; year: number };

/** A country's unit-cost standards for a year, all or nothing; a type's cost of that year is replaced. */
export async function importUnitCosts(database: Database, request: StandardsRequest): Promise<TPlanImportResult> {
  const { db } = database;
  const home = await countryTerritory(db, request.country);
  if (!maySetStandards(request.actor, home)) throw new AppError('auth.forbidden');
  const errors = new ImportErrorList();
  const { records, format } = await readRecords('unit-costs', request, errors, (cells, columns, row) => parseUnitCostRow(cells, columns, row, errors), request.country);
  const types = await typesOf(db, request.country);
  for (const { row, record } of records) if (!types.has(record.serviceType)) errors.add({ row, column: 'service_type', value: record.serviceType, code: 'unknown_service_type' });
  findDuplicateRows<TUnitCostRecord>(records, (r) => r.serviceType, 'service_type', errors);
  if (!errors.ok) throw rejection(errors, 'unit-costs', request);
  return db.transaction(async (tx) => {
    const datasetId = await newDataset(tx, 'unit-costs', request.country, request, records.length);
    const keys = records.map((r) => r.record.serviceType);
    await tx.delete(unitCost).where(and(eq(unitCost.country, request.country), eq(unitCost.year, request.year), inArray(unitCost.serviceType, keys)));
    await tx.insert(unitCost).values(records.map(({ record }) => ({ country: request.country, serviceType: record.serviceType, year: request.year, cost: record.cost })));
    await recordChange(tx, request.author, {
      action: 'import',
      entity: 'unit_cost',
      entityId: datasetId,
      country: request.country,
      territoryId: home.id,
      after: { dataset: datasetId, fileName: request.fileName, year: request.year, rows: records.length },
    });
    return { kind: 'unit-costs' as const, rows: records.length, datasetId, format };
  });
}

/** The National Map's ceilings of a country for a year, all or nothing; a municipality × type's ceiling of that year is replaced. */
export async function importCeilings(database: Database, request: StandardsRequest): Promise<TPlanImportResult> {
  const { db } = database;
  const home = await countryTerritory(db, request.country);
  if (!maySetStandards(request.actor, home)) throw new AppError('auth.forbidden');
  const errors = new ImportErrorList();
  const { records, format } = await readRecords('ceilings', request, errors, (cells, columns, row) => parseCeilingRow(cells, columns, row, errors), request.country);
  const types = await typesOf(db, request.country);
  const codes = [...new Set(records.map((r) => r.record.municipalityCode))];
  const found = codes.length ? await db.select().from(territory).where(and(eq(territory.country, request.country), inArray(territory.code, codes))) : [];
  const byCode = new Map(found.map((t) => [t.code, t]));
  const good: { row: number; record: TCeilingRecord; municipalityId: number }[] = [];
  for (const { row, record } of records) {
    const m = byCode.get(record.municipalityCode);
    if (!m) errors.add({ row, column: 'municipality_code', value: record.municipalityCode, code: 'unknown_territory' });
    else if (m.level !== 'municipality') errors.add({ row, column: 'municipality_code', value: record.municipalityCode, code: 'not_planning_area' });
    else if (!types.has(record.serviceType)) errors.add({ row, column: 'service_type', value: record.serviceType, code: 'unknown_service_type' });
    else good.push({ row, record, municipalityId: m.id });
  }
  findDuplicateRows<TCeilingRecord>(records, (r) => `${r.municipalityCode} ${r.serviceType}`, 'service_type', errors);
  if (!errors.ok) throw rejection(errors, 'ceilings', request);
  return db.transaction(async (tx) => {
    const datasetId = await newDataset(tx, 'ceilings', request.country, request, good.length);
    for (const { record, municipalityId } of good) {
      await tx.delete(ceiling).where(and(eq(ceiling.municipalityId, municipalityId), eq(ceiling.serviceType, record.serviceType), eq(ceiling.year, request.year)));
    }
    await tx.insert(ceiling).values(good.map(({ record, municipalityId }) => ({ municipalityId, serviceType: record.serviceType, year: request.year, maxUsers: record.maxUsers })));
    await recordChange(tx, request.author, {
      action: 'import',
      entity: 'ceiling',
      entityId: datasetId,
      country: request.country,
      territoryId: home.id,
      after: { dataset: datasetId, fileName: request.fileName, year: request.year, rows: good.length },
    });
    return { kind: 'ceilings' as const, rows: good.length, datasetId, format };
  });
}
