import { mayChangeSite } from '@potreby/domain';
import { territoryRef } from '../accounts/users';
import type { SessionActor } from '../http/context';
import type { CountryModel, ModelTerritory } from '../model/country-model';
import { pathIds } from '../territories/queries';
import type { ServiceSiteRow } from './registry-cache';
import type { TServiceSiteView } from './schema';

/** Outside every reach: a served territory that no longer exists is nobody's to vouch for. */
const NOWHERE = { path: '' };

/**
 * Sites as `presentSites` (save-service-site.ts) shows them — the names of their settlement,
 * municipality and served units, and whether the user may change them — with the territories of
 * the country models in memory instead of two statements a request. The same view and the same
 * policy call: the registry's integration tests compare the two paths' answers.
 */
export function presentFromModels(models: readonly CountryModel[], actor: SessionActor, sites: readonly ServiceSiteRow[]): TServiceSiteView[] {
  const byCountry = new Map(models.map((m) => [m.country as string, m.territories]));
  return sites.map((s) => {
    const territories = byCountry.get(s.country) ?? new Map<number, ModelTerritory>();
    const settlement = territories.get(s.settlementId);
    // A site's settlement is never removed while it has sites; should it be, the site is not shown
    // with a made-up place: the caller falls back to the database (see routes.ts).
    if (!settlement) throw new MissingTerritory(s.settlementId);
    const municipality = pathIds(settlement.path)
      .map((id) => territories.get(id))
      .find((t) => t?.level === 'municipality');
    const served = s.servesIds.map((id) => territories.get(id));
    return {
      id: s.id,
      country: s.country,
      siteKey: s.siteKey,
      year: s.year,
      name: s.name,
      serviceType: s.serviceType,
      provider: s.provider,
      providerKind: s.providerKind as TServiceSiteView['providerKind'],
      settlementId: s.settlementId,
      address: s.address,
      servesIds: s.servesIds,
      capacity: s.capacity,
      users: s.users,
      waitingList: s.waitingList,
      staffPositions: s.staffPositions,
      staffVacancies: s.staffVacancies,
      funding: s.funding as TServiceSiteView['funding'],
      mobile: s.mobile,
      accessible: s.accessible,
      opened: s.opened,
      demo: s.demo,
      settlement: territoryRef(settlement),
      municipality: municipality ? territoryRef(municipality) : null,
      serves: served.filter((t): t is ModelTerritory => !!t).map(territoryRef),
      editable: mayChangeSite(actor, { settlement, serves: served.map((t) => t ?? NOWHERE), provider: s.provider }),
      updatedAt: s.updatedAt.toISOString(),
    };
  });
}

export class MissingTerritory extends Error {
  constructor(readonly territoryId: number) {
    super(`territory ${territoryId} is not in its country's model`);
  }
}
