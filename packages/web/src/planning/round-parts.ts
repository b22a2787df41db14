import type { TRoundView } from '@potreby/server/planning/schema';

/** A planning unit of the round as the tabs name it. */
export type RoundUnit = { id: number; code: string; name: string; nameEn: string | null; level: string; country: string };

/** What each tab of a round gets. */
export type RoundTabProps = { round: TRoundView; municipalities: RoundUnit[] };

/** ISO date of today in the user's own calendar (not UTC: a deadline is a day where the user is). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.UTC(+to.slice(0, 4), +to.slice(5, 7) - 1, +to.slice(8, 10)) - Date.UTC(+from.slice(0, 4), +from.slice(5, 7) - 1, +from.slice(8, 10))) / 86_400_000);
}

/** Where a stage stands: done, late, due within a week, or later. */
export type StageState = 'done' | 'overdue' | 'thisWeek' | 'later' | 'undated';
export function stageState(stage: { status: 'open' | 'done'; dueDate: string | null }, today: string): StageState {
  if (stage.status === 'done') return 'done';
  if (!stage.dueDate) return 'undated';
  const days = daysBetween(today, stage.dueDate);
  if (days < 0) return 'overdue';
  return days <= 7 ? 'thisWeek' : 'later';
}
