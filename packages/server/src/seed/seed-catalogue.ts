import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { count } from 'drizzle-orm';
import { serviceType } from '../catalogue/tables';
import { REFERENCE_DIR } from '../config';
import type { Db } from '../db/database';

type Row = { key: string; country: string; official_code: string; name: string; name_en: string; category: string; residential: string; unit: string; target_groups: string };

/**
 * The per-country classification of social services (reference/service-types.csv: names from
 * the laws, official codes where checked). Seeded once; it is the catalogue every import and
 * every norm refers to.
 */
export async function seedCatalogue(db: Db): Promise<number> {
  const [existing] = await db.select({ n: count() }).from(serviceType);
  if ((existing?.n ?? 0) > 0) return 0;
  const records = parse(readFileSync(join(REFERENCE_DIR, 'service-types.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
  await db.insert(serviceType).values(
    records.map((r, i) => ({
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
    })),
  );
  return records.length;
}
