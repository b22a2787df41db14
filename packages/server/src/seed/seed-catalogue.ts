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
 * loads it (see `migrate`), whatever POTREBY_DEMO says. Returns how many were added, each
 * country's in one audit entry by the system.
 *
 * Seeding only ever inserts the types that are missing, and never touches one that is there:
 * once a database has a type, it is the administrators' (catalogue/routes.ts). They rename
 * types, give official codes and retire types the law dropped — and `migrate` runs on every
 * start, so updating existing rows from the file would undo their work at the next restart
 * (un-retire a type, bring back an old name). Types are never deleted (sites and past figures
 * refer to them), so "missing" means only "new in the file". A new type of the file whose
 * official code an administrator has meanwhile given to a type of their own is left out too
 * (any conflict, not only of the key, is skipped) rather than stopping the start; the
 * administrator's type already carries that code.
 */
export async function seedCatalogue(db: Db): Promise<number> {
  const catalogue = referenceCatalogue();
  return db.transaction(async (tx) => {
    const added = await tx.insert(serviceType).values(catalogue).onConflictDoNothing().returning({ key: serviceType.key, country: serviceType.country });
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
