import { INDICATORS, may, type Actor, type ImportContext, type TAction, type TCountry, type TKnownTerritory, type TLevel } from '@potreby/domain';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';

export type KnownTerritory = TKnownTerritory & { path: string };

/**
 * The database as an import sees it: every territory (of the chosen country) by code, the
 * catalogue, and the importing user's reach. Loaded once per import; the checks are pure.
 */
export async function loadImportContext(db: Db, actor: Actor, action: TAction, country: TCountry | null): Promise<ImportContext & { territories: Map<string, KnownTerritory>; byId: Map<number, KnownTerritory> }> {
  const [territoryRows, typeRows] = await Promise.all([
    rows<{ id: number; code: string; country: TCountry; level: TLevel; path: string }>(
      db,
      country ? sql`select id, code, country, level, path from territory where country = ${country}` : sql`select id, code, country, level, path from territory`,
    ),
    rows<{ key: string; country: TCountry }>(db, sql`select key, country from service_type`),
  ]);
  const territories = new Map<string, KnownTerritory>();
  const byCode = new Map<string, KnownTerritory>();
  const byId = new Map<number, KnownTerritory>();
  for (const t of territoryRows) {
    territories.set(`${t.country}:${t.code}`, t);
    if (!byCode.has(t.code)) byCode.set(t.code, t);
    byId.set(t.id, t);
  }
  const types = new Map(typeRows.map((t) => [t.key, { country: t.country }]));
  const indicators = new Set<string>(INDICATORS);
  return {
    country,
    territories,
    byId,
    findTerritory: (code, c) => (c ?? country ? territories.get(`${c ?? country}:${code}`) : byCode.get(code)),
    canWrite: (id) => {
      const t = byId.get(id);
      return !!t && may(actor, action, t);
    },
    actor,
    placeOf: (id) => byId.get(id),
    serviceType: (key) => types.get(key),
    isIndicator: (key) => indicators.has(key),
  };
}
