import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, may, mayChangeSite, mayChangeSitesIn, mayEditNorm, maySaveSite, ROLES, type Actor, type SitePlaces, type TAction, type TRole } from './policy';

// Bulgaria /1/ → Pazardzhik province /1/2/ → Pazardzhik municipality /1/2/3/ → a village /1/2/3/4/;
// Smolyan province /1/9/.
const country = { path: '/1/', level: 'country' };
const province = { path: '/1/2/', level: 'region' };
const municipality = { path: '/1/2/3/', level: 'municipality' };
const village = { path: '/1/2/3/4/', level: 'settlement' };
const neighbour = { path: '/1/2/7/', level: 'municipality' };
const otherProvince = { path: '/1/9/', level: 'region' };

const actor = (role: TRole, scopePath: string | null, organisation: string | null = null): Actor => ({ userId: 1, role, scopePath, organisation });

const admin = actor('admin', null);
const agency = actor('agency', '/1/');
const regional = actor('regional_officer', '/1/2/');
const municipal = actor('municipal_officer', '/1/2/3/');
const provider = actor('provider', '/1/2/3/', 'Caritas');
const viewer = actor('viewer', '/1/2/');

describe('policy: reach', () => {
  const cases: [string, Actor, TAction, { path: string }, boolean][] = [
    ['a municipal officer reads its municipality', municipal, 'read', municipality, true],
    ['… and its villages', municipal, 'read', village, true],
    ['… not a neighbouring municipality', municipal, 'read', neighbour, false],
    ['… not its province', municipal, 'read', province, false],
    ['a regional officer reads its municipalities', regional, 'read', neighbour, true],
    ['… not another province', regional, 'read', otherProvince, false],
    ['the agency reads the whole country', agency, 'read', otherProvince, true],
    ['an admin reads anything', admin, 'read', otherProvince, true],
    ['a municipal officer edits sites in its municipality', municipal, 'edit_service_site', village, true],
    ['… not in the neighbour’s', municipal, 'edit_service_site', neighbour, false],
    ['a viewer edits nothing', viewer, 'edit_service_site', village, false],
    ['a municipal officer imports population of its municipality', municipal, 'import_population', municipality, true],
    ['… but not territories', municipal, 'import_territories', municipality, false],
    ['the agency imports territories in its country', agency, 'import_territories', province, true],
    ['a municipal officer runs its municipality’s needs assessment', municipal, 'edit_assessment', municipality, true],
    ['… not the neighbour’s', municipal, 'edit_assessment', neighbour, false],
    ['a viewer reads an assessment but does not change it', viewer, 'edit_assessment', municipality, false],
    ['a provider does not run assessments', provider, 'edit_assessment', municipality, false],
  ];
  it.each(cases)('%s', (_label, who, action, place, expected) => {
    expect(may(who, action, place)).toBe(expected);
  });
});

describe('policy: providers change only their own sites', () => {
  it('by provider name, case and spacing aside', () => {
    expect(may(provider, 'edit_service_site', village, { provider: ' caritas ' })).toBe(true);
    expect(may(provider, 'edit_service_site', village, { provider: 'Municipality of Pazardzhik' })).toBe(false);
    expect(may(actor('provider', '/1/2/3/', null), 'edit_service_site', village, { provider: '' })).toBe(false);
  });
});

describe('policy: accounts and the audit log are for administrators', () => {
  it.each([agency, regional, municipal, provider, viewer])('%o may not manage users or read the audit log', (who) => {
    expect(may(who, 'manage_users', null)).toBe(false);
    expect(may(who, 'view_audit', null)).toBe(false);
  });
  it('an admin may', () => {
    for (const action of ACTIONS) expect(may(admin, action, null)).toBe(true);
  });
});

describe('policy: the catalogue of service types is for national administrators', () => {
  it.each([agency, regional, municipal, provider, viewer, actor('agency', null), actor('viewer', null)])('%o may not change it', (who) => {
    expect(may(who, 'edit_catalogue', null)).toBe(false);
    expect(may(who, 'edit_catalogue', country)).toBe(false);
  });
  it('an administrator without a scope may, one with a scope may not, wherever it is asked', () => {
    expect(may(admin, 'edit_catalogue', null)).toBe(true);
    expect(may(admin, 'edit_catalogue', province)).toBe(true);
    // An administrator account scoped to a territory (not created by the app, but not trusted either).
    const scopedAdmin = actor('admin', '/1/2/');
    expect(may(scopedAdmin, 'edit_catalogue', null)).toBe(false);
    expect(may(scopedAdmin, 'edit_catalogue', province)).toBe(false);
    expect(may(scopedAdmin, 'manage_users', null)).toBe(false);
  });
  it('only administrators hold the grant (property: any role, any scope)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ROLES), fc.option(fc.constantFrom('/1/', '/1/2/', '/1/2/3/')), (role, scopePath) => {
        expect(may(actor(role, scopePath), 'edit_catalogue', null)).toBe(role === 'admin' && scopePath === null);
      }),
    );
  });
});

describe('policy: norms', () => {
  it('the agency sets national and regional norms; a regional officer only its region’s', () => {
    expect(mayEditNorm(agency, country)).toBe(true);
    expect(mayEditNorm(agency, province)).toBe(true);
    expect(mayEditNorm(regional, province)).toBe(true);
    expect(mayEditNorm(regional, country)).toBe(false);
    expect(mayEditNorm(regional, otherProvince)).toBe(false);
    expect(mayEditNorm(municipal, municipality)).toBe(false);
    // Norms are set on countries and regions, not on municipalities.
    expect(mayEditNorm(admin, municipality)).toBe(false);
  });
});

describe('policy: service sites, one rule for the form, imports and copy-year', () => {
  const site = (settlement: { path: string }, serves: { path: string }[] = [], provider = 'Municipality of Pazardzhik'): SitePlaces => ({ settlement, serves, provider });
  const local = site(village);
  const provinceWide = site(village, [province]);
  const caritasProvinceWide = site(village, [province], 'Caritas');
  const caritasLocal = site(village, [], 'Caritas');
  const neighbours = site(neighbour);

  const changes: [string, Actor, SitePlaces, boolean][] = [
    ['a municipal officer changes a site of its own that serves its municipality', municipal, local, true],
    // Issue 6, finding 9: it could delete a site serving the whole province, though not edit it.
    ['… not one standing there that serves the whole province (the province shares it)', municipal, provinceWide, false],
    ['… nor a neighbour’s', municipal, neighbours, false],
    ['a regional officer changes the province-wide site', regional, provinceWide, true],
    ['… not a site serving another province too', regional, site(village, [otherProvince]), false],
    // Issue 6, finding 13: a provider's own sites that serve the province were refused.
    ['a provider changes its own site serving the province', provider, caritasProvinceWide, true],
    ['… and its own local site', provider, caritasLocal, true],
    ['… not another organisation’s', provider, provinceWide, false],
    ['… nor its own standing outside its reach', provider, site(neighbour, [], 'Caritas'), false],
    ['a viewer changes nothing', viewer, local, false],
    ['an admin changes anything', admin, site(otherProvince, [country]), true],
  ];
  it.each(changes)('%s', (_label, who, s, expected) => {
    expect(mayChangeSite(who, s)).toBe(expected);
    // Deleting follows the rule of editing: saving the site unchanged is allowed exactly when changing it is.
    expect(maySaveSite(who, s, s)).toBe(expected);
  });

  const saves: [string, Actor, SitePlaces | null, SitePlaces, boolean][] = [
    ['a municipal officer adds a site serving its municipality', municipal, null, local, true],
    ['… not one serving the province', municipal, null, provinceWide, false],
    // Issue 6, finding 2: another municipality's site moved into one's own.
    ['… does not move a neighbour’s site into its municipality', municipal, neighbours, local, false],
    ['… nor its own site into the neighbour’s', municipal, local, neighbours, false],
    ['… nor make its site serve the province', municipal, local, provinceWide, false],
    ['a provider keeps the territories its site serves', provider, caritasProvinceWide, { ...caritasProvinceWide, serves: [province] }, true],
    ['… may stop serving one', provider, caritasProvinceWide, caritasLocal, true],
    ['… but not add one beyond its reach', provider, caritasLocal, caritasProvinceWide, false],
    ['… nor start a new site serving beyond its reach', provider, null, caritasProvinceWide, false],
    ['… nor hand its site to another organisation', provider, caritasLocal, local, false],
    ['… nor take over another’s', provider, local, caritasLocal, false],
  ];
  it.each(saves)('%s', (_label, who, before, after, expected) => {
    expect(maySaveSite(who, before, after)).toBe(expected);
  });

  it('lets providers and officers, not viewers, change sites somewhere in their reach (copy-year)', () => {
    expect(mayChangeSitesIn(provider, municipality)).toBe(true);
    expect(mayChangeSitesIn(provider, neighbour)).toBe(false);
    expect(mayChangeSitesIn(municipal, municipality)).toBe(true);
    expect(mayChangeSitesIn(viewer, municipality)).toBe(false);
  });

  // A small tree: Bulgaria, two provinces, two municipalities each, a village in each.
  const places = ['/1/', '/1/2/', '/1/9/', '/1/2/3/', '/1/2/7/', '/1/9/8/', '/1/2/3/4/', '/1/2/7/5/', '/1/9/8/6/'].map((path) => ({ path }));
  const arbPlace = fc.constantFrom(...places);
  const arbProvider = fc.constantFrom('Caritas', 'Municipality of Pazardzhik', ' caritas ');
  const arbActor = fc.record({
    userId: fc.constant(1),
    role: fc.constantFrom(...ROLES),
    scopePath: fc.option(fc.constantFrom(...places.map((p) => p.path)), { nil: null }),
    organisation: fc.option(arbProvider, { nil: null }),
  });
  const arbSite = fc.record({ settlement: arbPlace, serves: fc.array(arbPlace, { maxLength: 3 }), provider: arbProvider });
  const within = (who: Actor, place: { path: string }) => who.scopePath === null || place.path.startsWith(who.scopePath);
  const runs = { numRuns: 2000 };

  it('never lets anyone save a site they could not change as it was, nor one standing beyond their reach', () => {
    fc.assert(
      fc.property(arbActor, fc.option(arbSite, { nil: null }), arbSite, (who, before, after) => {
        if (!maySaveSite(who, before, after)) return;
        if (before) expect(mayChangeSite(who, before)).toBe(true);
        expect(within(who, after.settlement)).toBe(true);
        if (before) expect(within(who, before.settlement)).toBe(true);
      }),
      runs,
    );
  });

  it('lets officers hold only sites that stand and serve within their reach; providers only their own', () => {
    fc.assert(
      fc.property(arbActor, arbSite, (who, s) => {
        if (!mayChangeSite(who, s)) return;
        if (who.role === 'provider') expect(s.provider.trim().toLowerCase()).toBe(who.organisation?.trim().toLowerCase());
        else expect([s.settlement, ...s.serves].every((p) => within(who, p))).toBe(true);
      }),
      runs,
    );
  });

  it('never lets a provider add a served territory beyond its reach', () => {
    fc.assert(
      fc.property(arbActor, fc.option(arbSite, { nil: null }), arbSite, (who, before, after) => {
        if (who.role !== 'provider' || !maySaveSite(who, before, after)) return;
        const had = new Set((before?.serves ?? []).map((p) => p.path));
        expect(after.serves.filter((p) => !had.has(p.path)).every((p) => within(who, p))).toBe(true);
      }),
      runs,
    );
  });
});
