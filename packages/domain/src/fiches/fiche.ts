import { z } from 'zod';
import { FUNDING_SOURCES } from '../planning/proposal';
import { ZId, ZYear } from '../validation/bounded';

/**
 * A project fiche (PRODUCT.md §H, issue 9 item 2): a project idea of a municipality's working
 * group, tied to the problems it recorded and the service types whose gap it addresses, with its
 * activities, people reached, budget by year and source, indicators and status.
 */
export const FICHE_STATUSES = ['idea', 'shortlisted', 'in_plan', 'funded', 'done'] as const;
export type TFicheStatus = (typeof FICHE_STATUSES)[number];

/** A fiche moves one step along its path, forward or back (a "funded" idea whose grant fell through goes back to the plan). */
export function mayMoveStatus(from: TFicheStatus, to: TFicheStatus): boolean {
  return Math.abs(FICHE_STATUSES.indexOf(to) - FICHE_STATUSES.indexOf(from)) === 1;
}

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');

export const ZBudgetLine = z.object({ year: ZYear, source: z.enum(FUNDING_SOURCES), amount: z.number().min(0).max(1e12) });
export type TBudgetLine = z.infer<typeof ZBudgetLine>;

export const ZIndicator = z.object({
  kind: z.enum(['output', 'result']),
  name: z.string().trim().min(1).max(300),
  unit: z.string().trim().max(100).default(''),
  baseline: z.number().min(-1e12).max(1e12).nullable().default(null),
  target: z.number().min(-1e12).max(1e12),
});

const text = (max: number) => z.string().trim().max(max).default('');

export const ZFicheInput = z.object({
  title: z.string().trim().min(1).max(300),
  /** Problems recorded by the working group (fiche_problem ids of the municipality). */
  problemIds: z.array(ZId).max(50).default([]),
  /** Service types (catalogue keys) whose gap the project addresses. */
  serviceTypes: z.array(z.string().min(1).max(100)).max(30).default([]),
  objectives: text(5_000),
  activities: z.array(z.string().trim().min(1).max(1_000)).max(50).default([]),
  targetGroup: text(1_000),
  /** People the project reaches (an estimate); null when not known — never taken as 0. */
  peopleReached: z.number().int().min(0).max(100_000_000).nullable().default(null),
  settlementIds: z.array(ZId).max(500).default([]),
  partners: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  startMonth: ZMonth,
  months: z.number().int().min(1).max(120),
  budget: z.array(ZBudgetLine).max(200).default([]),
  indicators: z.array(ZIndicator).max(50).default([]),
  owner: text(300),
});
export type TFicheInput = z.input<typeof ZFicheInput>;
export type TFiche = z.output<typeof ZFicheInput>;

/** The calendar years a fiche runs in: from its start month for `months` months. */
export function ficheYears(fiche: Pick<TFiche, 'startMonth' | 'months'>): number[] {
  const start = Number(fiche.startMonth.slice(0, 4)) * 12 + Number(fiche.startMonth.slice(5, 7)) - 1;
  const end = start + fiche.months - 1;
  const years: number[] = [];
  for (let y = Math.floor(start / 12); y <= Math.floor(end / 12); y += 1) years.push(y);
  return years;
}

export type FicheProblem = { path: string; code: 'no_problem' | 'outside_duration' | 'line_twice' };

/**
 * What is wrong with a fiche beyond its fields' own shape: it must say what it addresses (a
 * problem or a service type's gap), its money must fall within its years, and one year and source
 * is one line (two would be added up by one reader and not by another).
 */
export function ficheProblems(fiche: TFiche): FicheProblem[] {
  const problems: FicheProblem[] = [];
  if (fiche.problemIds.length === 0 && fiche.serviceTypes.length === 0) problems.push({ path: 'problemIds', code: 'no_problem' });
  const years = new Set(ficheYears(fiche));
  const seen = new Set<string>();
  fiche.budget.forEach((line, i) => {
    if (!years.has(line.year)) problems.push({ path: `budget.${i}.year`, code: 'outside_duration' });
    const key = `${line.year}|${line.source}`;
    if (seen.has(key)) problems.push({ path: `budget.${i}.source`, code: 'line_twice' });
    seen.add(key);
  });
  return problems;
}

export const ficheTotal = (fiche: Pick<TFiche, 'budget'>) => fiche.budget.reduce((sum, line) => sum + line.amount, 0);
