import { z } from 'zod';
import { AppError } from '../../errors';
import { ZRoundTemplate, ZTemplateStage, type TRoundTemplate, type TTemplateStage } from './template';

/**
 * An administrator's edit of a stored template (issue 8, item 1): its name and its stages (name,
 * owner, documents, due rule). The key and the country stay: rounds and the translation files
 * refer to them. An edit changes only rounds opened afterwards — a round keeps the dates it was
 * scheduled with.
 */
export const ZTemplateEdit = z.object({
  name: z.string().trim().max(200).optional(),
  stages: z.array(ZTemplateStage).min(1).max(60),
});
export type TTemplateEdit = z.input<typeof ZTemplateEdit>;

/** One problem of an edit: the field (`stages.2.due.stage`) and a rule code the UI translates (`common.fieldErrors.<code>`). */
export type TemplateIssue = { path: string; message: 'duplicate_stage' | 'unknown_stage' | 'stage_cycle' | 'invalid_day'; value?: string };

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The stages that wait on each other in a circle, as 'a → b → a', or null. Each stage waits on
 * at most one other (its `after_stage` rule), so following each chain finds every circle.
 */
export function stageCircle(stages: readonly Pick<TTemplateStage, 'key' | 'due'>[]): string | null {
  const waitsOn = new Map(stages.map((s) => [s.key, s.due.kind === 'after_stage' ? s.due.stage : undefined]));
  for (const start of waitsOn.keys()) {
    const path: string[] = [];
    for (let key: string | undefined = start; key !== undefined; key = waitsOn.get(key)) {
      const at = path.indexOf(key);
      if (at >= 0) return [...path.slice(at), key].join(' → ');
      path.push(key);
    }
  }
  return null;
}

/** Everything wrong with a template's stages, in the order of the stages; empty when none. */
export function templateIssues(stages: readonly Pick<TTemplateStage, 'key' | 'due'>[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const keys = new Set(stages.map((s) => s.key));
  const seen = new Set<string>();
  stages.forEach((stage, i) => {
    if (seen.has(stage.key)) issues.push({ path: `stages.${i}.key`, message: 'duplicate_stage', value: stage.key });
    seen.add(stage.key);
    const due = stage.due;
    if (due.kind === 'fixed' && due.day > DAYS_IN_MONTH[due.month - 1]!) issues.push({ path: `stages.${i}.due.day`, message: 'invalid_day', value: `${due.day}.${due.month}` });
    if (due.kind === 'after_stage' && !keys.has(due.stage)) issues.push({ path: `stages.${i}.due.stage`, message: 'unknown_stage', value: due.stage });
  });
  // A circle is only a circle among stages that exist; name it at the first stage in it.
  if (!issues.some((i) => i.message === 'unknown_stage' || i.message === 'duplicate_stage')) {
    const circle = stageCircle(stages);
    if (circle !== null) {
      const first = circle.split(' → ')[0]!;
      issues.push({ path: `stages.${stages.findIndex((s) => s.key === first)}.due.stage`, message: 'stage_cycle', value: circle });
    }
  }
  return issues;
}

/**
 * The template after an administrator's edit, or `validation.invalid` with every issue (a due rule
 * that refers to a missing stage or makes a circle, a stage twice, 31 April) — so that every
 * stored template can be scheduled (schedule-round.ts).
 */
export function applyTemplateEdit(current: TRoundTemplate, edit: TTemplateEdit): TRoundTemplate {
  const parsedEdit = ZTemplateEdit.safeParse(edit);
  if (!parsedEdit.success) throw new AppError('validation.invalid', {}, { issues: parsedEdit.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  const issues = templateIssues(parsedEdit.data.stages);
  if (issues.length > 0) throw new AppError('validation.invalid', { field: 'stages' }, { issues });
  const name = parsedEdit.data.name === undefined || parsedEdit.data.name === '' ? current.name : parsedEdit.data.name;
  return ZRoundTemplate.parse({ key: current.key, country: current.country, legalBasis: current.legalBasis, ...(name ? { name } : {}), stages: parsedEdit.data.stages });
}
