import { may, mayChangeSite, maySaveSite, type Place, type SitePlaces } from '../accounts/policy';
import type { TCountry, TLevel } from '../territories/territory';
import type { TServiceRecord } from './formats';
import type { ImportContext } from './import-context';
import type { ImportErrorList } from './import-error';
import { createTerritoryResolver } from './resolve-territory';

export type TCheckedService = TServiceRecord & { settlementId: number; servesIds: number[]; country: TCountry };

export type TServiceChecker = {
  /** The row with its codes resolved to ids, or null when something about it is wrong. */
  check(row: number, record: TServiceRecord): TCheckedService | null;
  /** Nothing is left to check at the end; here so every checker is driven the same way. */
  finish(): void;
};

/** A site stands in a place people live: a settlement, or a municipality the register does not split further. */
const SITE_LEVELS: readonly TLevel[] = ['municipality', 'settlement'];

/**
 * Checks a services file row by row: where the site is and whom it serves resolve to territories
 * of one country, the site's place is within the user's scope, the service type is in that
 * country's catalogue, and no site appears twice for the same year.
 */
export function createServiceChecker(ctx: ImportContext, errors: ImportErrorList): TServiceChecker {
  const resolve = createTerritoryResolver(ctx, errors);
  const firstRow = new Map<string, number>();

  return {
    check(row, record) {
      let ok = true;
      const settlement = resolve(row, 'settlement_code', record.settlementCode);
      if (settlement === null) ok = false;
      else if (!SITE_LEVELS.includes(settlement.level)) {
        errors.add({ row, column: 'settlement_code', value: record.settlementCode, code: 'parent_level', params: { level: settlement.level } });
        ok = false;
      }

      const type = ctx.serviceType(record.serviceType);
      if (!type) {
        errors.add({ row, column: 'service_type', value: record.serviceType, code: 'unknown_service_type' });
        ok = false;
      } else if (settlement && type.country !== settlement.country) {
        errors.add({ row, column: 'service_type', value: record.serviceType, code: 'wrong_country', params: { country: settlement.country } });
        ok = false;
      }

      // Served territories are looked up in the site's country, and must be within the user's
      // reach as the site is: serving a unit changes that unit's figures (the API refuses it too).
      const country = settlement?.country ?? ctx.country;
      const servesIds: number[] = [];
      for (const code of record.servesCodes) {
        const served = ctx.findTerritory(code, country);
        if (!served) {
          errors.add({ row, column: 'serves_codes', value: code, code: 'unknown_territory', params: { code } });
          ok = false;
        } else if (!ctx.canWrite(served.id)) {
          errors.add({ row, column: 'serves_codes', value: code, code: 'outside_scope' });
          ok = false;
        } else servesIds.push(served.id);
      }

      // A site id names a site within the place it stands (see service-sites/tables.ts): the same
      // id in two settlements is two sites.
      const key = `${settlement?.id ?? record.settlementCode}\u0000${record.siteKey}\u0000${record.year}`;
      const otherRow = firstRow.get(key);
      if (otherRow === undefined) firstRow.set(key, row);
      else {
        errors.add({ row, column: 'site_id', value: record.siteKey, code: 'duplicate_row', params: { otherRow } });
        ok = false;
      }

      if (!ok || settlement === null) return null;
      // The record is extended in place rather than copied with `{ ...record, … }`: V8's spread
      // into a literal with added fields took 8 µs a row, most of a 100,000-site import.
      return Object.assign(record, { settlementId: settlement.id, servesIds, country: settlement.country });
    },
    finish() {
      firstRow.clear();
    },
  };
}

/** A stored site-year that a row of the file would update (same place, site id and year). */
export type TStoredSite = { id: number; settlementId: number; servesIds: readonly number[]; provider: string };

/** A checked row together with the stored site it updates, if any. */
export type TSiteRow = { row: number; site: TCheckedService; stored: TStoredSite | null };

/**
 * The form's rule, row by row (`maySaveSite` in accounts/policy.ts): a row that updates a stored
 * site needs that site, as it is, to be the user's — one serving beyond the user's reach, or
 * another provider's, is not — and the site as the row leaves it must be the user's too. Every
 * refused row is reported; the import is then refused whole. Run after `createServiceChecker`
 * (rows it refused are not passed here), once the stored sites are known.
 */
export function checkSiteRights(rows: Iterable<TSiteRow>, ctx: ImportContext, errors: ImportErrorList): void {
  for (const { row, site, stored } of rows) {
    const after = sitePlaces(ctx, site.settlementId, site.servesIds, site.provider);
    const before = stored ? sitePlaces(ctx, stored.settlementId, stored.servesIds, stored.provider) : null;
    if (before && !mayChangeSite(ctx.actor, before)) {
      errors.add({ row, column: 'site_id', value: site.siteKey, code: 'outside_scope' });
    } else if (!maySaveSite(ctx.actor, before, after)) {
      const atPlace = may(ctx.actor, 'edit_service_site', after.settlement, { provider: site.provider });
      const column = atPlace ? 'serves_codes' : ctx.actor.role === 'provider' ? 'provider' : 'settlement_code';
      const value = column === 'serves_codes' ? site.servesCodes.join('|') : column === 'provider' ? site.provider : site.settlementCode;
      errors.add({ row, column, value, code: 'outside_scope' });
    }
  }
}

/** Outside every reach: a territory the import does not know is nobody's to write about. */
const NOWHERE: Place = { path: '' };

function sitePlaces(ctx: ImportContext, settlementId: number, servesIds: readonly number[], provider: string): SitePlaces {
  return { settlement: ctx.placeOf(settlementId) ?? NOWHERE, serves: servesIds.map((id) => ctx.placeOf(id) ?? NOWHERE), provider };
}
