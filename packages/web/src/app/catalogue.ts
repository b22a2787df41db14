import { useQuery } from '@tanstack/react-query';
import type { TCountry, TServiceType } from '@potreby/domain';
import type { TServiceTypeList } from '@potreby/server/catalogue/schema';
import { api } from '../api/client';

/** Every service type of the three countries (53 rows); cached for the session. */
export function useServiceTypes(country?: TCountry | string | null) {
  const query = useQuery({
    queryKey: ['service-types'],
    queryFn: () => api.get<TServiceTypeList>('/service-types'),
    staleTime: Infinity,
  });
  const all: TServiceType[] = query.data?.items ?? [];
  return { ...query, items: country ? all.filter((s) => s.country === country) : all };
}

/** Keys of the indicators a norm's target population may refer to. */
export function useIndicatorKeys() {
  const query = useQuery({
    queryKey: ['indicators'],
    queryFn: () => api.get<{ items: { key: string }[] }>('/indicators'),
    staleTime: Infinity,
  });
  return { ...query, keys: (query.data?.items ?? []).map((i) => i.key) };
}
