import { mayChangeSite } from '@potreby/domain';
import { territoryRef } from '../accounts/users';
import type { SessionActor } from '../http/context';
import type { CountryModel, ModelTerritory } from '../model/country-model';
import { pathIds, type TerritoryRow } from '../territories/queries';
import type { ServiceSiteRow } from './registry-cache';
import type { TServiceSiteView } from './schema';

/** Outside every reach: a served territory that no longer exists is nobody's to vouch for. */
const NOWHERE = { path: '' };

/** The territories a site's view names: its settlement, the units above it and those it serves. */
type Place = Pick<TerritoryRow, 'id' | 'code' | 'name' | 'nameEn' | 'level' | 'country' | 'path'>;

/**
 * One site as the API shows it — the names of its settlement, municipality and served units, and
 * whether the user may change it — from territories looked up by id (loaded from the database by
 * `presentSites`, or the country model's in memory). One view, one policy call for both paths.
 */
export function presentSite(s: ServiceSiteRow, place: (id: number) => Place | undefined, actor: SessionActor): TServiceSiteView {
  const settlement = place(s.settlementId);
  // A site's settlement is never removed while it has sites; should it be, the site is not shown
  // with a made-up place: the caller falls back to the database (see routes.ts).
  if (!settlement) throw new MissingTerritory(s.settlementId);
  const municipality = pathIds(settlement.path)
    .map(place)
    .find((t) => t?.level === 'municipality');
  const served = s.servesIds.map(place);
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
    serves: served.filter((t): t is Place => !!t).map(territoryRef),
    editable: mayChangeSite(actor, { settlement, serves: served.map((t) => t ?? NOWHERE), provider: s.provider }),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** Sites with the territories of the country models in memory instead of two statements a request. */
export function presentFromModels(models: readonly CountryModel[], actor: SessionActor, sites: readonly ServiceSiteRow[]): TServiceSiteView[] {
  const byCountry = new Map(models.map((m) => [m.country as string, m.territories]));
  return sites.map((s) => {
    const territories = byCountry.get(s.country) ?? new Map<number, ModelTerritory>();
    return presentSite(s, (id) => territories.get(id), actor);
  });
}

export class MissingTerritory extends Error {
  constructor(readonly territoryId: number) {
    super(`territory ${territoryId} is not in its country's model`);
  }
}
