import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { applyTemplateEdit, stageCircle, templateIssues } from './edit-template';
import { scheduleRound } from './schedule-round';
import { seededTemplate } from './seeded-templates';
import type { TTemplateStage } from './template';

const bg = seededTemplate('bg.npsu')!;

/** Stages s0…sn where each waits on the stage its link names (null: counts from the start). */
const linked = (links: (number | null)[]): TTemplateStage[] =>
  links.map((link, i) => ({
    key: `s${i}`,
    owner: 'municipality',
    documents: [],
    legalBasis: '',
    due: link === null ? { kind: 'after_start', days: 3, unit: 'working' } : { kind: 'after_stage', stage: `s${link}`, from: 'due', days: 2, unit: 'calendar' },
  }));

const thrown = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
};

describe("an administrator's edit of a template", () => {
  it('changes a stage period, owner and name and keeps the key, country and law', () => {
    const stages = bg.stages.map((s) => (s.key === 'bg.public_consultation' ? { ...s, owner: 'region' as const, name: 'Консултация', due: { ...s.due, days: 45 } } : s));
    const edited = applyTemplateEdit(bg, { stages });
    expect(edited).toMatchObject({ key: 'bg.npsu', country: 'BG', legalBasis: bg.legalBasis });
    expect(edited.stages.find((s) => s.key === 'bg.public_consultation')).toMatchObject({ owner: 'region', name: 'Консултация', due: { days: 45 } });
    const before = scheduleRound(bg, { periodStart: 2023, start: '2023-01-09' }).find((s) => s.key === 'bg.public_consultation')!;
    const after = scheduleRound(edited, { periodStart: 2023, start: '2023-01-09' }).find((s) => s.key === 'bg.public_consultation')!;
    expect(before.due).toBe('2023-03-20');
    // 45 days from Friday 17 February 2023: Tuesday 3 April.
    expect(after.due).toBe('2023-04-03');
  });

  it('refuses a due rule that refers to a missing stage, naming the field', () => {
    const stages = bg.stages.map((s, i) => (i === 1 ? { ...s, due: { kind: 'after_stage' as const, stage: 'bg.nothing', from: 'due' as const, days: 1, unit: 'calendar' as const } } : s));
    const error = thrown(() => applyTemplateEdit(bg, { stages }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('validation.invalid');
    expect(error.details).toEqual({ issues: [{ path: 'stages.1.due.stage', message: 'unknown_stage', value: 'bg.nothing' }] });
  });

  it('refuses stages that wait on each other in a circle, naming the circle', () => {
    const stages = bg.stages.map((s) => (s.key === 'bg.needs_analysis' ? { ...s, due: { kind: 'after_stage' as const, stage: 'bg.planning_proposal', from: 'due' as const, days: 1, unit: 'working' as const } } : s));
    expect(thrown(() => applyTemplateEdit(bg, { stages })).details).toEqual({
      issues: [{ path: 'stages.0.due.stage', message: 'stage_cycle', value: 'bg.needs_analysis → bg.planning_proposal → bg.needs_analysis' }],
    });
  });

  it('refuses a stage twice, 31 April and an empty template', () => {
    const twice = [...bg.stages, bg.stages[0]!];
    expect(templateIssues(twice)).toEqual([{ path: `stages.${bg.stages.length}.key`, message: 'duplicate_stage', value: 'bg.needs_analysis' }]);
    const april = bg.stages.map((s, i) => (i === 2 ? { ...s, due: { kind: 'fixed' as const, month: 4, day: 31, yearOffset: 0 } } : s));
    expect(templateIssues(april)).toEqual([{ path: 'stages.2.due.day', message: 'invalid_day', value: '31.4' }]);
    expect(thrown(() => applyTemplateEdit(bg, { stages: [] })).code).toBe('validation.invalid');
  });
});

describe('stage circles (property)', () => {
  const links = fc.array(fc.option(fc.nat(9), { nil: null }), { minLength: 1, maxLength: 10 }).map((l) => l.map((link) => (link === null || link >= l.length ? null : link)));

  it('any template without a circle is accepted and schedules every stage; a circle is always refused', () => {
    fc.assert(
      fc.property(links, (l) => {
        const stages = linked(l);
        const circle = stageCircle(stages);
        const template = { ...bg, stages: [] };
        if (circle === null) {
          const edited = applyTemplateEdit(template, { stages });
          expect(scheduleRound(edited, { periodStart: 2027, start: '2027-01-11' }).map((s) => s.key)).toEqual(stages.map((s) => s.key));
        } else {
          // The circle is real: each of its stages waits on the next.
          const keys = circle.split(' → ');
          expect(keys[0]).toBe(keys[keys.length - 1]);
          for (let i = 0; i + 1 < keys.length; i++) expect(l[Number(keys[i]!.slice(1))]).toBe(Number(keys[i + 1]!.slice(1)));
          const error = thrown(() => applyTemplateEdit(template, { stages }));
          expect((error.details as { issues: { message: string }[] }).issues.map((i) => i.message)).toEqual(['stage_cycle']);
        }
      }),
    );
  });

  it('finds a circle whatever the order of the stages', () => {
    fc.assert(
      fc.property(links, fc.infiniteStream(fc.nat()), (l, seeds) => {
        const stages = linked(l);
        const shuffled = stages.map((s) => [seeds.next().value, s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
        expect(stageCircle(shuffled) === null).toBe(stageCircle(stages) === null);
      }),
    );
  });
});
