import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { recordChange, SYSTEM_AUTHOR } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import { REFERENCE_DIR } from '../config';
import type { Db } from '../db/database';

type Row = { key: string; country: string; official_code: string; name: string; name_en: string; category: string; residential: string; unit: string; target_groups: string };

/** The reference catalogue as rows of `service_type`, in the file's order. */
function referenceCatalogue() {
  const records = parse(readFileSync(join(REFERENCE_DIR, 'service-types.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  return records.map((r, i) => ({
    key: r.key,
    country: r.country,
    officialCode: r.official_code || null,
    name: r.name,
    nameEn: r.name_en,
    category: r.category,
    residential: r.residential === 'yes',
    unit: r.unit,
    targetGroups: r.target_groups.split('|'),
    sortOrder: i,
  }));
}

/**
 * The per-country classification of social services (reference/service-types.csv: names from
 * the laws, official codes where checked) for all three countries. It is reference data, not a
 * demonstration: every import and every norm refers to it, so bringing a database up to date
 * loads it (see `migrate`), whatever POTREBY_DEMO says. Types already there are left as they
 * are — an administrator may have renamed one or changed its code — and only missing ones are
 * added, each country's in one audit entry by the system. Returns how many were added.
 */
export async function seedCatalogue(db: Db): Promise<number> {
  const catalogue = referenceCatalogue();
  return db.transaction(async (tx) => {
    const added = await tx.insert(serviceType).values(catalogue).onConflictDoNothing({ target: serviceType.key }).returning({ key: serviceType.key, country: serviceType.country });
    for (const country of [...new Set(added.map((a) => a.country))]) {
      await recordChange(tx, SYSTEM_AUTHOR, {
        action: 'seed',
        entity: 'service_type',
        country,
        after: { added: added.filter((a) => a.country === country).map((a) => a.key) },
      });
    }
    return added.length;
  });
}
