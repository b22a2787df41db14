import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@potreby/domain';
import { parse } from 'csv-parse/sync';
import { and, count, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { REFERENCE_DIR } from '../config';
import type { Database, Db } from '../db/database';
import { importFile, type ImportRequest } from '../imports/import-file';
import { norm } from '../norms/tables';
import { territory } from '../territories/tables';
import { DEMO_NORMS_BG, ILLUSTRATIVE_NORM_SOURCE, SYNTHETIC_SITES_SOURCE } from './demo-norms';
import { demoSitesCsv } from './demo-sites';
import { seedUkraine } from './seed-khmilnyk';
import { seedPoland } from './seed-poland';
import { seedPlanningRound } from './seed-planning';

/** The seed works with full reach, like the command line. */
export const SEED_ACTOR: Actor = { userId: null, role: 'admin', scopePath: null, organisation: null };
export const SEED_AUTHOR: ChangeAuthor = { userId: null, actor: 'seed' };

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(territory);
  return (row?.n ?? 0) === 0;
}

const reference = (path: string) => readFileSync(join(REFERENCE_DIR, path));

/** Import a file exactly as a user would, as the seed. */
export async function seedImport(database: Database, kind: ImportRequest['kind'], fileName: string, bytes: Uint8Array, extra: Partial<ImportRequest> = {}) {
  return importFile(database, { kind, fileName, bytes, actor: SEED_ACTOR, author: SEED_AUTHOR, language: 'en', ...extra });
}

/**
 * The demonstration: all of Bulgaria's provinces, municipalities and settlements with their
 * real codes, coordinates, boundaries and population (reference/README.md gives the sources),
 * illustrative norms, and synthetic service sites in Pazardzhik province; all of Ukraine's units
 * (KATOTTG) with the hromadas' 2022 population, and an illustrative needs assessment of Khmilnyk
 * hromada. Everything goes through the same imports and use cases a user runs.
 */
export async function seedDemo(database: Database): Promise<void> {
  // The catalogue of service types is there already: `migrate` loads it into every database.
  const { db } = database;
  await seedImport(database, 'territories', 'settlements-location.csv', reference('bg/settlements-location.csv'), { country: 'BG', source: 'yurukov/Bulgaria-geocoding (settlements with location), 2025' });
  // The location list still has the municipalities before 2015 (Sarnitsa within Velingrad);
  // the municipality list has all 265 of today.
  await seedImport(database, 'territories', 'municipalities.csv', reference('bg/municipalities.csv'), { country: 'BG' });
  // Adds English names and the settlements the location list lacks, and puts the settlements
  // of newer municipalities where they belong now.
  const settlementPopulation = firstOfEachCode(reference('bg/settlements-population-2013.csv'));
  await seedImport(database, 'territories', 'settlements-population-2013.csv', settlementPopulation, { country: 'BG', year: 2013 });
  await seedImport(database, 'population', 'settlements-population-2013.csv', settlementPopulation, {
    country: 'BG',
    year: 2013,
    source: 'NSI estimate of 31 Dec 2013, via yurukov/Bulgaria-geocoding',
  });
  await seedImport(database, 'population', 'population-by-age-sex-PAZ-SML-2012-2021.csv', reference('bg/population-by-age-sex-PAZ-SML-2012-2021.csv'), {
    country: 'BG',
    source: 'NSI Bulgaria, population by districts, age and sex as of 31.12 (via datacommonsorg/data)',
  });
  await seedImport(database, 'boundaries', 'municipalities.geojson', reference('bg/municipalities.geojson'), { country: 'BG', source: 'yurukov/Bulgaria-geocoding' });
  await seedNorms(db, 'BG', DEMO_NORMS_BG);
  await seedImport(database, 'services', 'demo-sites-pazardzhik.csv', Buffer.from(demoSitesCsv(municipalCentres())), { country: 'BG', illustrative: true, source: SYNTHETIC_SITES_SOURCE });
  await seedUkraine(database);
  await seedPoland(database);
  await seedPlanningRound(database);
}

/**
 * The 2013 settlement list repeats 11 EKATTE codes with slightly different figures (e.g. 51994
 * Нови пазар: 284 and 286). An import rightly refuses that; the demo keeps the first line of
 * each code and says so in reference/README.md.
 */
export function firstOfEachCode(bytes: Buffer): Buffer {
  const seen = new Set<string>();
  const lines = bytes.toString('utf8').split(/\r?\n/);
  const kept = lines.filter((line, i) => {
    if (i === 0 || line === '') return true;
    const code = line.slice(0, line.indexOf(','));
    if (seen.has(code)) return false;
    seen.add(code);
    return true;
  });
  return Buffer.from(kept.join('\n'));
}

/** Municipality code → EKATTE of its centre (reference/bg/municipalities.csv). */
function municipalCentres(): Map<string, string> {
  const rowsOf = parse(reference('bg/municipalities.csv'), { columns: true }) as { code: string; ekatte: string }[];
  return new Map(rowsOf.map((r) => [r.code, r.ekatte]));
}

/** Illustrative national norms, set on the country unit. */
export async function seedNorms(db: Db, country: string, norms: typeof DEMO_NORMS_BG): Promise<void> {
  const [root] = await db.select().from(territory).where(and(eq(territory.country, country), eq(territory.level, 'country')));
  if (!root) return;
  await db.transaction(async (tx) => {
    for (const n of norms) {
      const [created] = await tx
        .insert(norm)
        .values({ serviceType: n.serviceType, territoryId: root.id, target: n.target, ratePer1000: n.ratePer1000, source: ILLUSTRATIVE_NORM_SOURCE[country as keyof typeof ILLUSTRATIVE_NORM_SOURCE] ?? ILLUSTRATIVE_NORM_SOURCE.BG, illustrative: true })
        .onConflictDoNothing()
        .returning();
      if (created) await recordChange(tx, SEED_AUTHOR, { action: 'create', entity: 'norm', entityId: created.id, country, territoryId: root.id, after: created });
    }
  });
}
