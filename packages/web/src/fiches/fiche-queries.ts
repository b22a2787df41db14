import { useQuery } from '@tanstack/react-query';
import type { TPortfolio, TWorkshopView } from '@potreby/server/fiches/schema';
import { api, withQuery } from '../api/client';

/** Query keys of a municipality's working meetings and fiches (server fiches/). */
export const ficheKeys = {
  workshops: (municipalityId: number) => ['fiches', municipalityId, 'workshops'] as const,
  portfolio: (municipalityId: number, filter: PortfolioFilter) => ['fiches', municipalityId, 'portfolio', filter] as const,
  all: (municipalityId: number) => ['fiches', municipalityId] as const,
};

export type PortfolioFilter = { status?: string; source?: string; q?: string };

export const useWorkshops = (municipalityId: number) => useQuery({ queryKey: ficheKeys.workshops(municipalityId), queryFn: () => api.get<{ items: TWorkshopView[] }>(`/municipalities/${municipalityId}/workshops`) });
export const usePortfolio = (municipalityId: number, filter: PortfolioFilter) =>
  useQuery({ queryKey: ficheKeys.portfolio(municipalityId, filter), queryFn: () => api.get<TPortfolio>(withQuery(`/municipalities/${municipalityId}/fiches`, filter)) });
