import { dayNumber } from './deadlines/iso-date';

/**
 * Where a piece of a round's work stands on a day (issue 8, item 3): a stage of the round and a
 * task (from a meeting's decision or added by hand) are classified alike, so the round dashboard,
 * the "due this week" list and the reminders agree. "This week" is the next 7 days including
 * today and the 7 days after it, as the stages tab (web planning/round-parts.ts stageState) has always
 * shown it.
 */
export type WorkState = 'done' | 'overdue' | 'thisWeek' | 'later' | 'undated';

export const DUE_THIS_WEEK_DAYS = 7;

export type WorkItem = { status: 'open' | 'done'; dueDate: string | null };

export function workState(item: WorkItem, today: string): WorkState {
  if (item.status === 'done') return 'done';
  if (!item.dueDate) return 'undated';
  const days = dayNumber(item.dueDate, 'dueDate') - dayNumber(today, 'today');
  if (days < 0) return 'overdue';
  return days <= DUE_THIS_WEEK_DAYS ? 'thisWeek' : 'later';
}

/** The filters of a round's task list: all, overdue, or due this week. */
export type TaskFilter = 'all' | 'overdue' | 'thisWeek';

export const matchesTaskFilter = (item: WorkItem, filter: TaskFilter, today: string): boolean => filter === 'all' || workState(item, today) === filter;
