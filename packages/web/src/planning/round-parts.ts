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

/**
 * Who a stage or task is for, as the round's tabs name it: the national level (no owner), the
 * round's own region or a municipality. The region is said as such, because a region and its
 * main municipality often share a name (Pazardzhik region and Pazardzhik municipality) and two
 * rows both called "Pazardzhik" left the officer guessing which is whose.
 */
export function ownerLabel(
  id: number | null,
  round: { territory: RoundUnit },
  municipalities: RoundUnit[],
  say: { national: string; name: (unit: RoundUnit | undefined) => string; regionLevel: (name: string) => string },
): string {
  if (id === null) return say.national;
  if (id === round.territory.id) {
    const name = say.name(round.territory);
    return round.territory.level === 'municipality' ? name : say.regionLevel(name);
  }
  return say.name(municipalities.find((m) => m.id === id));
}

/**
 * A municipality's gap as an item shows it, to one decimal: below zero it is a surplus (more
 * capacity than need) and is said so, not read as "gap -0.4". A value that rounds to zero is a
 * gap of 0, never "surplus 0".
 */
export function gapOrSurplus(value: number): { side: 'gap' | 'surplus'; amount: number } {
  const tenths = Math.round(value * 10);
  return tenths < 0 ? { side: 'surplus', amount: -tenths / 10 } : { side: 'gap', amount: tenths === 0 ? 0 : value };
}
