import type { TLevel } from '@potreby/domain';
import type { TRole } from '@potreby/server/accounts/schema';

/**
 * Roles from the widest reach to the narrowest, and the level of the territory each is scoped
 * to (null: any level; admin has none). `satisfies` keeps this in step with the server's list.
 */
export const ROLE_SCOPE = {
  admin: null,
  agency: ['country'],
  regional_officer: ['region'],
  municipal_officer: ['municipality'],
  provider: ['country', 'region', 'municipality'],
  viewer: ['country', 'region', 'municipality'],
} as const satisfies Record<TRole, readonly TLevel[] | null>;

export const ROLES = Object.keys(ROLE_SCOPE) as TRole[];
