import { useQuery } from '@tanstack/react-query';
import type { TMeetingView, TTaskView } from '@potreby/server/planning/meetings/schema';
import { api } from '../api/client';

export type MeetingSummary = { id: number; roundId: number; date: string; time: string; place: string; chair: string; followUpOf: number | null; participants: number; present: number; decisions: number };

/** Query keys of a round's tasks and meetings (planning/meetings on the server). */
export const meetingKeys = {
  tasks: (roundId: number) => ['planning-round', roundId, 'tasks'] as const,
  meetings: (roundId: number) => ['planning-round', roundId, 'meetings'] as const,
  meeting: (id: number) => ['planning-meeting', id] as const,
};

export const useTasks = (roundId: number) => useQuery({ queryKey: meetingKeys.tasks(roundId), queryFn: () => api.get<{ items: TTaskView[] }>(`/planning/rounds/${roundId}/tasks`) });
export const useMeetings = (roundId: number) => useQuery({ queryKey: meetingKeys.meetings(roundId), queryFn: () => api.get<{ items: MeetingSummary[] }>(`/planning/rounds/${roundId}/meetings`) });
export const useMeeting = (id: number | null) => useQuery({ queryKey: meetingKeys.meeting(id ?? 0), queryFn: () => api.get<TMeetingView>(`/planning/meetings/${id}`), enabled: id !== null });
