import type { TCountry } from '../territories/territory';
import type { ImportContext, TKnownTerritory } from './import-context';

/**
 * An `ImportContext` over plain lists, for tests of the import checks (the server's context
 * asks the database the same questions).
 */
export function fakeImportContext(options: {
  territories?: readonly TKnownTerritory[];
  country?: TCountry | null;
  /** Ids the user may write about; all when left out. */
  writable?: readonly number[];
  serviceTypes?: Readonly<Record<string, TCountry>>;
  indicators?: readonly string[];
}): ImportContext {
  const territories = options.territories ?? [];
  return {
    country: options.country ?? null,
    findTerritory: (code, country) => territories.find((t) => t.code === code && (country === null || t.country === country)),
    canWrite: (id) => options.writable?.includes(id) ?? true,
    serviceType: (key) => {
      const country = options.serviceTypes?.[key];
      return country ? { country } : undefined;
    },
    isIndicator: (key) => options.indicators?.includes(key) ?? false,
  };
}
