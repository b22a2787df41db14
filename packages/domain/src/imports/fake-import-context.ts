import type { Actor } from '../accounts/policy';
import type { TCountry } from '../territories/territory';
import type { ImportContext, TKnownTerritory } from './import-context';

/** Everywhere, as the command line and the seed import. */
const UNSCOPED: Actor = { userId: null, role: 'admin', scopePath: null, organisation: null };

/**
 * An `ImportContext` over plain lists, for tests of the import checks (the server's context
 * asks the database the same questions).
 */
export function fakeImportContext(options: {
  territories?: readonly (TKnownTerritory & { path?: string })[];
  country?: TCountry | null;
  /** Ids the user may write about; all when left out. */
  writable?: readonly number[];
  serviceTypes?: Readonly<Record<string, TCountry>>;
  indicators?: readonly string[];
  /** The importing user; an unscoped administrator when left out. */
  actor?: Actor;
}): ImportContext {
  const territories = options.territories ?? [];
  return {
    country: options.country ?? null,
    findTerritory: (code, country) => territories.find((t) => t.code === code && (country === null || t.country === country)),
    canWrite: (id) => options.writable?.includes(id) ?? true,
    actor: options.actor ?? UNSCOPED,
    // A territory without a path of its own sits directly under the root.
    placeOf: (id) => {
      const t = territories.find((k) => k.id === id);
      return t ? { path: t.path ?? `/${t.id}/` } : undefined;
    },
    serviceType: (key) => {
      const country = options.serviceTypes?.[key];
      return country ? { country } : undefined;
    },
    isIndicator: (key) => options.indicators?.includes(key) ?? false,
  };
}
