import { AppError, ImportErrorList } from '@potreby/domain';
import { sql } from 'drizzle-orm';
import { recordChange } from '../audit/record-change';
import type { Database } from '../db/database';
import { checkBoundaryGeometry, type TBoundaryGeometry } from '../geo/check-geometry';
import { dataset } from '../population/tables';
import { territoryBoundary } from '../territories/tables';
import { loadImportContext } from './import-context';
import type { ImportRequest } from './import-file';
import { rejection } from './import-file';
import type { TImportResult } from './schema';

/** Feature properties that may hold the territory code, in the order they are tried. */
const CODE_PROPERTIES = ['code', 'nuts4', 'katottg', 'teryt', 'ekatte'];

type Feature = { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown } | null;

/**
 * Municipal boundaries for the map, from a GeoJSON FeatureCollection whose features carry the
 * territory code (`code`, or `nuts4` as in Bulgaria's open boundary files). All or nothing, like
 * every import; the "row" of an error is the feature's number. Every geometry is checked
 * (geo/check-geometry.ts) before any is written, and only the checked geometry is stored.
 */
export async function importBoundaries(database: Database, request: ImportRequest): Promise<TImportResult> {
  let parsed: { type?: unknown; features?: unknown };
  try {
    parsed = JSON.parse(new TextDecoder('utf-8').decode(request.bytes));
  } catch {
    throw new AppError('import.unreadable', { fileName: request.fileName });
  }
  const errors = new ImportErrorList();
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    errors.add({ row: 0, column: null, value: String(parsed?.type ?? ''), code: 'unrecognised_format', params: { kind: 'boundaries' } });
    throw rejection(errors, request);
  }
  const ctx = await loadImportContext(database.db, request.actor, 'import_boundaries', request.country ?? null);
  const found: { territoryId: number; geometry: TBoundaryGeometry; country: string }[] = [];
  const rowOf = new Map<number, number>();
  (parsed.features as Feature[]).forEach((feature, i) => {
    const row = i + 1;
    const properties = feature !== null && typeof feature === 'object' && feature.properties !== null && typeof feature.properties === 'object' ? feature.properties : {};
    const key = CODE_PROPERTIES.find((k) => typeof properties[k] === 'string' || typeof properties[k] === 'number');
    const code = key ? String(properties[key]).trim() : '';
    if (!code) return errors.add({ row, column: 'code', value: null, code: 'required' });
    const territory = ctx.findTerritory(code, request.country ?? null);
    if (!territory) return errors.add({ row, column: 'code', value: code, code: 'unknown_territory', params: { code } });
    if (!ctx.canWrite(territory.id)) return errors.add({ row, column: 'code', value: code, code: 'outside_scope' });
    // A second boundary for the same unit would silently replace the first.
    const otherRow = rowOf.get(territory.id);
    if (otherRow !== undefined) return errors.add({ row, column: 'code', value: code, code: 'duplicate_row', params: { otherRow } });
    rowOf.set(territory.id, row);
    const checked = checkBoundaryGeometry(feature?.geometry);
    if ('problem' in checked) return errors.add({ row, column: 'geometry', ...checked.problem });
    found.push({ territoryId: territory.id, geometry: checked.geometry, country: territory.country });
  });
  if (found.length === 0 && errors.ok) throw new AppError('import.empty', { fileName: request.fileName });
  if (!errors.ok) throw rejection(errors, request);
  const countries = [...new Set(found.map((f) => f.country))];
  return database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(dataset)
      .values({ kind: 'boundaries', country: countries[0] ?? null, fileName: request.fileName, format: 'geojson', source: request.source ?? null, illustrative: false, rows: found.length, importedBy: request.author.userId })
      .returning({ id: dataset.id });
    for (const f of found) {
      await tx
        .insert(territoryBoundary)
        .values({ territoryId: f.territoryId, geometry: f.geometry, source: request.source ?? request.fileName })
        .onConflictDoUpdate({ target: territoryBoundary.territoryId, set: { geometry: sql`excluded.geometry`, source: sql`excluded.source` } });
    }
    for (const country of countries) {
      await recordChange(tx, request.author, { action: 'import', entity: 'boundaries', entityId: created!.id, country, after: { dataset: created!.id, fileName: request.fileName, rows: found.length } });
    }
    return { datasetId: created!.id, kind: 'boundaries' as const, format: 'geojson', rows: found.length, skipped: [] };
  });
}
