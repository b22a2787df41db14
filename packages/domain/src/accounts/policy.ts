/**
 * Who may do what, where. Every route asks this module; nothing else decides access.
 *
 * Reach is a territory subtree: an account scoped to a province sees the province and everything
 * in it, one scoped to a municipality sees that municipality and its settlements. Territories
 * are compared by their materialised path ("/1/12/130/"), so "within" is a prefix test.
 */
export const ROLES = ['admin', 'agency', 'regional_officer', 'municipal_officer', 'provider', 'viewer'] as const;
export type TRole = (typeof ROLES)[number];

export type Actor = {
  userId: number | null;
  role: TRole;
  /** Path of the territory the account is scoped to; null = everywhere (admins, the CLI). */
  scopePath: string | null;
  /** For providers: the provider name whose sites the account may change. */
  organisation: string | null;
};

export type Place = { path: string };

export const ACTIONS = [
  'read',
  'edit_service_site',
  'import_territories',
  'import_population',
  'import_indicators',
  'import_services',
  'import_boundaries',
  'edit_norm',
  /** Run a needs assessment: working group, plan, questionnaires, responses, findings. */
  'edit_assessment',
  'manage_users',
  'view_audit',
  /** Change a country's classification of services (catalogue/edit-service-type.ts): national only. */
  'edit_catalogue',
] as const;
export type TAction = (typeof ACTIONS)[number];

/** Which role may do which action (within its reach). */
const GRANTS: Record<TRole, ReadonlySet<TAction>> = {
  admin: new Set(ACTIONS),
  agency: new Set<TAction>([
    'read',
    'edit_service_site',
    'import_territories',
    'import_population',
    'import_indicators',
    'import_services',
    'import_boundaries',
    'edit_norm',
    'edit_assessment',
  ]),
  regional_officer: new Set<TAction>(['read', 'edit_service_site', 'import_population', 'import_indicators', 'import_services', 'edit_norm', 'edit_assessment']),
  municipal_officer: new Set<TAction>(['read', 'edit_service_site', 'import_population', 'import_indicators', 'import_services', 'edit_assessment']),
  provider: new Set<TAction>(['read', 'edit_service_site']),
  viewer: new Set<TAction>(['read']),
};

/** Is the place inside the actor's reach? */
export function reaches(actor: Actor, place: Place): boolean {
  return actor.scopePath === null || place.path.startsWith(actor.scopePath);
}

/** May the actor do this at all (somewhere)? Used to show or hide parts of the UI. */
export const hasGrant = (actor: Actor, action: TAction): boolean => GRANTS[actor.role].has(action);

/**
 * May the actor do this action on data about this place? `provider` is the site's provider name,
 * checked for provider accounts, which may change only their own organisation's sites.
 */
export function may(actor: Actor, action: TAction, place: Place | null, extra: { provider?: string } = {}): boolean {
  if (!hasGrant(actor, action)) return false;
  if (action === 'manage_users' || action === 'view_audit' || action === 'edit_catalogue') return actor.scopePath === null;
  if (place === null) return actor.scopePath === null;
  if (!reaches(actor, place)) return false;
  if (actor.role === 'provider' && action === 'edit_service_site') {
    return !!actor.organisation && extra.provider?.trim().toLowerCase() === actor.organisation.trim().toLowerCase();
  }
  return true;
}

/**
 * A service site as the access policy sees it: where it stands, the territories it serves (empty:
 * its own municipality) and who runs it.
 */
export type SitePlaces = { settlement: Place; serves: readonly Place[]; provider: string };

/**
 * Does the actor hold this site — may it have the site among those it changes, as the site is or as
 * it will be? The one rule behind the form (create, edit, delete), the services import (every
 * row) and copy-year (every copied site), so none of them can do what another refuses.
 *
 * - Territorial accounts hold a site that stands AND serves within their reach. A site's capacity
 *   counts for every territory it serves: one serving the whole province is the province's to
 *   change (or remove), not the municipality's it happens to stand in.
 * - Provider accounts hold their own organisation's sites that stand within their reach. The
 *   territories a site already serves stay its own (`alreadyServed`): a provider reports on its
 *   site without needing reach over its whole service area, but may not add a territory it does
 *   not reach.
 */
function holdsSite(actor: Actor, site: SitePlaces, alreadyServed: readonly Place[]): boolean {
  const extra = { provider: site.provider };
  if (!may(actor, 'edit_service_site', site.settlement, extra)) return false;
  const kept = actor.role === 'provider' ? new Set(alreadyServed.map((p) => p.path)) : new Set<string>();
  return site.serves.every((served) => kept.has(served.path) || may(actor, 'edit_service_site', served, extra));
}

/** May the actor change or remove this existing site (deleting follows the rule of editing)? */
export const mayChangeSite = (actor: Actor, site: SitePlaces): boolean => holdsSite(actor, site, site.serves);

/**
 * May the actor save `after` — a new site (`before` null), or the existing site `before` changed
 * into `after`? Both the site as it was and as it will be must be the actor's: nobody moves another
 * municipality's site into theirs, nor their own site into another's.
 */
export function maySaveSite(actor: Actor, before: SitePlaces | null, after: SitePlaces): boolean {
  if (before !== null && !mayChangeSite(actor, before)) return false;
  return holdsSite(actor, after, before?.serves ?? []);
}

/**
 * May the actor change sites somewhere in this territory (copy a year's sites in it)? Which sites,
 * `mayChangeSite` says one by one; this only asks for the grant and the reach, without a provider.
 */
export const mayChangeSitesIn = (actor: Actor, place: Place): boolean => hasGrant(actor, 'edit_service_site') && reaches(actor, place);

/**
 * Norms are set on a country or a region. The agency sets its country's defaults and regional
 * overrides; a regional officer only its own region's overrides.
 */
export function mayEditNorm(actor: Actor, normPlace: Place & { level: string }): boolean {
  if (!may(actor, 'edit_norm', normPlace)) return false;
  if (actor.role === 'regional_officer') return normPlace.level === 'region';
  return normPlace.level === 'country' || normPlace.level === 'region';
}

/**
 * The municipal services review (issue 8, story 2): the municipality's own officers, its region's
 * officers and administrators write the forum's notes; everyone else who reaches it reads them.
 */
const REVIEWERS: ReadonlySet<TRole> = new Set(['admin', 'regional_officer', 'municipal_officer']);
export const mayEditServiceReview = (actor: Actor, municipality: Place): boolean => REVIEWERS.has(actor.role) && reaches(actor, municipality);
