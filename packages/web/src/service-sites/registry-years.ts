import { useQuery } from '@tanstack/react-query';
import type { TRegistryYears } from '@potreby/server/service-sites/schema';
import { api } from '../api/client';

/**
 * A territory's registry by year, and the year it opens on (null: the user's own territory, or
 * every country for an administrator). Under the registry's query key: saving a site or copying
 * a year refreshes it with the list.
 */
export function useRegistryYears(territoryId: number | null) {
  return useQuery({
    queryKey: ['service-sites', 'years', territoryId],
    queryFn: () => api.get<TRegistryYears>('/service-sites/years', { territoryId }),
  });
}
