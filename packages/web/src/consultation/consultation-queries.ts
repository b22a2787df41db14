import { useQuery } from '@tanstack/react-query';
import type { TCommentView, TConsultationView } from '@potreby/server/consultation/schema';
import { api } from '../api/client';

/** Query keys of a round's consultations and one consultation's comments (server consultation/). */
export const consultationKeys = {
  list: (roundId: number) => ['planning-round', roundId, 'consultations'] as const,
  comments: (id: number) => ['consultation', id, 'comments'] as const,
};

export const useConsultations = (roundId: number) => useQuery({ queryKey: consultationKeys.list(roundId), queryFn: () => api.get<{ items: TConsultationView[] }>(`/planning/rounds/${roundId}/consultations`) });
export const useComments = (id: number) => useQuery({ queryKey: consultationKeys.comments(id), queryFn: () => api.get<{ items: TCommentView[] }>(`/consultations/${id}/comments`) });
