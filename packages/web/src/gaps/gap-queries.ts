import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TGapMethod } from '@potreby/domain';
import type { TGapDashboard, TGapExplanation, TGapMap, TGapMethods } from '@potreby/server/gaps/schema';
import type { TBoundaries } from '@potreby/server/geo/schema';
import { api } from '../api/client';

export type GapView = { territoryId: number; year: number | undefined; method: TGapMethod };

/** The dashboard of one territory, year and method; keeps the previous view while the next loads. */
export const useGapDashboard = (view: GapView | null) =>
  useQuery({
    queryKey: ['gaps', view?.territoryId, view?.year ?? null, view?.method],
    queryFn: () => api.get<TGapDashboard>('/gaps', { territoryId: view!.territoryId, year: view!.year, method: view!.method }),
    enabled: view !== null,
    placeholderData: keepPreviousData,
  });

/** Coverage per municipality for one service type (the dashboard already carries "all needs"). */
export const useGapMap = (view: GapView | null, serviceType: string | null) =>
  useQuery({
    queryKey: ['gaps', 'map', view?.territoryId, view?.year ?? null, view?.method, serviceType],
    queryFn: () =>
      api.get<TGapMap>('/gaps/map', { territoryId: view!.territoryId, year: view!.year, method: view!.method, serviceType: serviceType ?? undefined }),
    enabled: view !== null && serviceType !== null,
    placeholderData: keepPreviousData,
  });

/** "How was this computed": every input of one service type's figures, per municipality. */
export const useGapExplanation = (view: GapView | null, serviceType: string | null) =>
  useQuery({
    queryKey: ['gaps', 'explain', view?.territoryId, view?.year ?? null, view?.method, serviceType],
    queryFn: () =>
      api.get<TGapExplanation>('/gaps/explain', { territoryId: view!.territoryId, year: view!.year, method: view!.method, serviceType: serviceType! }),
    enabled: view !== null && serviceType !== null,
  });

export const useBoundaries = (territoryId: number | null) =>
  useQuery({
    queryKey: ['geo', 'boundaries', territoryId],
    queryFn: () => api.get<TBoundaries>('/geo/boundaries', { territoryId: territoryId! }),
    enabled: territoryId !== null,
    staleTime: Infinity,
  });

/** Which methods estimate a need for the territory and year, and why not: the method switch tells. */
export const useGapMethods = (territoryId: number, year: number | undefined) =>
  useQuery({
    queryKey: ['gaps', 'methods', territoryId, year ?? null],
    queryFn: () => api.get<TGapMethods>('/gaps/methods', { territoryId, year }),
    placeholderData: keepPreviousData,
  });
