import { useQuery } from '@tanstack/react-query';
import type { TBudget, TItemView, TPlanChecks, TRoundUnitList, TRoundView } from '@potreby/server/planning/schema';
import { api } from '../api/client';

type Stage = { id: number; key: string; ownerTerritoryId: number | null; dueDate: string | null; doneDate: string | null; status: 'open' | 'done' };

/** Query keys of one round: every change of an item refreshes its checks and budget at once. */
export const roundKeys = {
  all: ['planning-rounds'] as const,
  round: (id: number) => ['planning-round', id] as const,
  part: (id: number, part: 'stages' | 'items' | 'checks' | 'budget') => ['planning-round', id, part] as const,
};

export const useRounds = (territoryId: number | null) =>
  useQuery({ queryKey: [...roundKeys.all, territoryId], queryFn: () => api.get<{ items: TRoundView[] }>('/planning/rounds', territoryId ? { territoryId } : undefined) });

export const useRound = (id: number) => useQuery({ queryKey: roundKeys.round(id), queryFn: () => api.get<TRoundView>(`/planning/rounds/${id}`) });

export const useStages = (id: number) => useQuery({ queryKey: roundKeys.part(id, 'stages'), queryFn: () => api.get<{ items: Stage[] }>(`/planning/rounds/${id}/stages`) });

export const useItems = (id: number) => useQuery({ queryKey: roundKeys.part(id, 'items'), queryFn: () => api.get<{ items: TItemView[] }>(`/planning/rounds/${id}/items`) });

export const useChecks = (id: number, language: string) =>
  useQuery({ queryKey: [...roundKeys.part(id, 'checks'), language], queryFn: () => api.get<TPlanChecks>(`/planning/rounds/${id}/checks`, { lang: language }) });

export const useBudget = (id: number) => useQuery({ queryKey: roundKeys.part(id, 'budget'), queryFn: () => api.get<TBudget>(`/planning/rounds/${id}/budget`) });

/**
 * The planning units of a round (the region's municipalities, or the municipality itself), for
 * every reader of the round: a municipality's officer names the neighbours an item serves (the
 * territory list would give them their own municipality only).
 */
export function useRoundMunicipalities(round: TRoundView | undefined) {
  const units = useQuery({
    queryKey: ['round-municipalities', round?.id ?? null],
    queryFn: () => api.get<TRoundUnitList>(`/planning/rounds/${round!.id}/municipalities`),
    enabled: round !== undefined && round.territory.level !== 'municipality',
    // A round's municipalities change only with the territory register.
    staleTime: Infinity,
  });
  if (!round) return [];
  if (round.territory.level === 'municipality') return [round.territory];
  return units.data?.items ?? [];
}

