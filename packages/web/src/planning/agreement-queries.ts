import { useQuery } from '@tanstack/react-query';
import type { TComparison, TVersionSummary, TVersionView } from '@potreby/server/planning/agreement/schema';
import { api } from '../api/client';

export type { TComparison, TVersionSummary, TVersionView };

export const agreementKeys = {
  versions: (roundId: number) => ['planning-round', roundId, 'agreement'] as const,
  version: (id: number) => ['agreement-version', id] as const,
  compare: (roundId: number, a: number, b: number) => ['planning-round', roundId, 'agreement', 'compare', a, b] as const,
};

export const useAgreementVersions = (roundId: number) => useQuery({ queryKey: agreementKeys.versions(roundId), queryFn: () => api.get<{ items: TVersionSummary[] }>(`/planning/rounds/${roundId}/agreement`) });

export const useAgreementVersion = (id: number | null) =>
  useQuery({ queryKey: agreementKeys.version(id ?? 0), queryFn: () => api.get<TVersionView>(`/planning/agreements/${id}`), enabled: id !== null });

export const useAgreementComparison = (roundId: number, a: number | null, b: number | null) =>
  useQuery({ queryKey: agreementKeys.compare(roundId, a ?? 0, b ?? 0), queryFn: () => api.get<TComparison>(`/planning/rounds/${roundId}/agreement/compare`, { a: a!, b: b! }), enabled: a !== null && b !== null });
