import {
  AppError,
  checkServiceTypes,
  ImportErrorList,
  matchServiceTypeHeader,
  normaliseHeader,
  parseServiceTypeRow,
  type TServiceTypeRecord,
} from '@potreby/domain';
import { LANGUAGES, resources } from '@potreby/i18n';
import { eq, sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import { rows, type Database } from '../db/database';
import type { ImportRequest } from '../imports/import-file';
import { rejection } from '../imports/import-file';
import { openTable } from '../imports/read-table';
import type { TImportResult } from '../imports/schema';
import { dataset } from '../population/tables';
import { storedServiceTypes } from './service-types';
import { serviceType } from './tables';
import { choiceLabelsByColumn } from '../exports/choice-words';

let aliases: Map<string, string> | null = null;

/** The service-types export's headers in every language (`Официален код` → `official_code`). */
function headerAliases(): ReadonlyMap<string, string> {
  if (aliases) return aliases;
  aliases = new Map();
  for (const language of LANGUAGES) {
    const columns = (resources[language].translation as { columns?: Record<string, Record<string, string>> }).columns?.['service-types'] ?? {};
    for (const [canonical, label] of Object.entries(columns)) aliases.set(normaliseHeader(label), canonical);
  }
  return aliases;
}

const auditView = (r: typeof serviceType.$inferSelect) => {
  const { sortOrder: _s, ...rest } = r;
  return rest;
};

/**
 * Service types from a CSV or XLSX file with the columns of the service-types export: new keys
 * are added, known ones renamed (names, official code, group, unit, target groups), all or
 * nothing. Retiring stays a decision made type by type in the UI; a file neither retires a type
 * nor offers a retired one again, and translations given in the UI are kept.
 * The caller has checked that the actor may change the catalogue.
 */
export async function importServiceTypes(database: Database, request: ImportRequest): Promise<TImportResult> {
  const { db } = database;
  const table = await openTable({ fileName: request.fileName, bytes: request.bytes, country: request.country });
  const errors = new ImportErrorList();
  const columns = matchServiceTypeHeader(table.header, headerAliases(), table.headerRow, errors);
  if (!errors.ok) throw rejection(errors, request);
  const records: { row: number; record: TServiceTypeRecord }[] = [];
  for await (const batch of table.batches) {
    for (const { row, cells } of batch) {
      const record = parseServiceTypeRow(cells, columns, row, errors, choiceLabelsByColumn());
      if (!record) continue;
      // `--country BG`: the file is meant to hold Bulgaria's types only.
      if (request.country && record.country !== request.country) errors.add({ row, column: 'country', value: record.country, code: 'wrong_country' });
      else records.push({ row, record });
    }
  }
  if (errors.ok && records.length === 0) throw new AppError('import.empty', { fileName: request.fileName });

  return db.transaction(async (tx) => {
    // Two imports (or an import and a form) at once would each check against a catalogue the other is changing.
    await tx.execute(sql`lock table service_type in share row exclusive mode`);
    const checked = checkServiceTypes(records, await storedServiceTypes(tx), errors);
    if (!errors.ok) throw rejection(errors, request);
    const countries = [...new Set(checked.map((c) => c.record.country))];
    const [created] = await tx
      .insert(dataset)
      .values({ kind: 'service-types', country: countries[0] ?? null, fileName: request.fileName, format: table.format, source: request.source ?? null, illustrative: false, rows: checked.length, importedBy: request.author.userId })
      .returning({ id: dataset.id });
    const added: string[] = [];
    const changed: string[] = [];
    for (const { record, existing } of checked) {
      const fields = {
        officialCode: record.officialCode,
        name: record.name,
        nameEn: record.nameEn,
        category: record.category,
        residential: record.residential,
        unit: record.unit,
        targetGroups: record.targetGroups,
      };
      if (existing) {
        const [before] = await tx.select().from(serviceType).where(eq(serviceType.key, record.key));
        const unchanged = Object.entries(fields).every(([k, v]) => JSON.stringify(before![k as keyof typeof fields]) === JSON.stringify(v));
        if (unchanged) continue;
        const [after] = await tx.update(serviceType).set(fields).where(eq(serviceType.key, record.key)).returning();
        await recordChange(tx, request.author, { action: 'update', entity: 'service_type', entityId: record.key, country: record.country, before: auditView(before!), after: auditView(after!) });
        changed.push(record.key);
      } else {
        const [{ n }] = (await rows<{ n: number }>(tx, sql`select coalesce(max(sort_order), -1)::int + 1 as n from service_type where country = ${record.country}`)) as [{ n: number }];
        const [after] = await tx
          .insert(serviceType)
          .values({ key: record.key, country: record.country, ...fields, sortOrder: n })
          .returning();
        await recordChange(tx, request.author, { action: 'create', entity: 'service_type', entityId: record.key, country: record.country, after: auditView(after!) });
        added.push(record.key);
      }
    }
    for (const country of countries) {
      await recordChange(tx, request.author, {
        action: 'import',
        entity: 'service_type',
        entityId: created!.id,
        country,
        after: { dataset: created!.id, fileName: request.fileName, rows: checked.length, added: added.filter((k) => k.startsWith(`${country.toLowerCase()}.`)), changed: changed.filter((k) => k.startsWith(`${country.toLowerCase()}.`)) },
      });
    }
    return { datasetId: created!.id, kind: 'service-types' as const, format: 'canonical', rows: checked.length, skipped: [] };
  });
}
