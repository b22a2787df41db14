import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAssessmentInput } from '@potreby/domain';
import type { TAssessmentDetail, TRecipientsView, TSurveyEstimates } from '@potreby/server/assessments/schema';
import type { TProgress } from '@potreby/server/surveys/schema';
import { api } from '../api/client';

/** The parts of an assessment, each edited on its own (`POST/PUT/DELETE /assessments/:id/<part>`). */
export type TPartName = 'members' | 'measures' | 'methods' | 'groups' | 'findings';

export const assessmentKey = (id: number) => ['assessment', id] as const;

export function useAssessment(id: number) {
  return useQuery({
    queryKey: assessmentKey(id),
    queryFn: () => api.get<TAssessmentDetail>(`/assessments/${id}`),
    enabled: Number.isFinite(id),
  });
}

/** Responses per respondent group against the targets; `live` polls while the counts are on screen. */
export function useProgress(id: number, live: boolean) {
  return useQuery({
    queryKey: ['assessment-progress', id],
    queryFn: () => api.get<TProgress>(`/assessments/${id}/progress`),
    refetchInterval: live ? 10_000 : false,
    refetchIntervalInBackground: false,
    staleTime: live ? 0 : 30_000,
  });
}

export function useEstimates(id: number, enabled = true) {
  return useQuery({
    queryKey: ['assessment-estimates', id],
    queryFn: () => api.get<TSurveyEstimates>(`/assessments/${id}/estimates`),
    enabled,
  });
}

export function useRecipients(id: number, enabled = true) {
  return useQuery({
    queryKey: ['assessment-recipients', id],
    queryFn: () => api.get<TRecipientsView>(`/assessments/${id}/recipients`),
    enabled,
  });
}

/** The whole body `PUT /assessments/:id` takes, from what is shown, with some fields changed. */
export function assessmentInput(a: TAssessmentDetail, change: Partial<TAssessmentInput> = {}): TAssessmentInput {
  return {
    territoryId: a.territory.id,
    title: a.title,
    periodFrom: a.periodFrom,
    periodTo: a.periodTo,
    year: a.year,
    language: a.language,
    status: a.status,
    rulesOfWork: a.rulesOfWork,
    planApprovedOn: a.planApprovedOn,
    planDecision: a.planDecision,
    conclusions: a.conclusions,
    recommendations: a.recommendations,
    suppressionThreshold: a.suppressionThreshold,
    ...change,
  };
}

/** Everything that may rest on an assessment's parts: the estimates weigh groups, the counts follow them. */
async function refreshAssessment(queryClient: ReturnType<typeof useQueryClient>, id: number) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: assessmentKey(id) }),
    queryClient.invalidateQueries({ queryKey: ['assessments'] }),
    queryClient.invalidateQueries({ queryKey: ['assessment-progress', id] }),
    queryClient.invalidateQueries({ queryKey: ['assessment-estimates', id] }),
    queryClient.invalidateQueries({ queryKey: ['assessment-recipients', id] }),
  ]);
}

export function useUpdateAssessment(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TAssessmentInput) => api.put<TAssessmentDetail>(`/assessments/${id}`, input),
    onSuccess: async (detail) => {
      queryClient.setQueryData(assessmentKey(id), detail);
      await queryClient.invalidateQueries({ queryKey: ['assessments'] });
    },
  });
}

/** Create (`partId` null) or change one part of an assessment. */
export function useSavePart<TInput>(assessmentId: number, part: TPartName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ partId, input }: { partId: number | null; input: TInput }) =>
      partId === null ? api.post<unknown>(`/assessments/${assessmentId}/${part}`, input) : api.put<unknown>(`/assessments/${assessmentId}/${part}/${partId}`, input),
    onSuccess: () => refreshAssessment(queryClient, assessmentId),
  });
}

export function useDeletePart(assessmentId: number, part: TPartName) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (partId: number) => api.delete(`/assessments/${assessmentId}/${part}/${partId}`),
    onSuccess: () => refreshAssessment(queryClient, assessmentId),
  });
}
