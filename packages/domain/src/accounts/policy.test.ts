import { describe, expect, it } from 'vitest';
import { ACTIONS, may, mayEditNorm, type Actor, type TAction, type TRole } from './policy';

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
