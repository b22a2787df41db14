import type { TCountry } from '@potreby/domain';
import { translator } from '@potreby/i18n';
import { findTerritoryByCode, type TerritoryRow } from '@potreby/server/territories/queries';
import type { CliContext } from './main';

/** The territory with this code, or null after saying why (unknown, or in several countries). */
export async function findTerritory(ctx: CliContext, code: string, country?: TCountry): Promise<TerritoryRow | null> {
  const t = translator(ctx.language);
  const found = await findTerritoryByCode(ctx.database.db, code.trim(), country ?? null);
  if (found.length === 1) return found[0]!;
  ctx.io.err(t(found.length === 0 ? 'cli.unknownCode' : 'cli.ambiguousCode', { code }) + '\n');
  return null;
}
