import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { isWorkingDay } from '../deadlines/calendar';
import { dayNumber, isoOfDay } from '../deadlines/iso-date';
import { scheduleRound, type ScheduledStage } from './schedule-round';
import { SEEDED_TEMPLATES, seededTemplate } from './seeded-templates';
import { ZRoundTemplate, type TRoundTemplateInput } from './template';

const dueOf = (stages: ScheduledStage[]) => Object.fromEntries(stages.map((s) => [s.key, s.due]));

describe('the seeded templates', () => {
  it('are valid, one per country, with stage keys unique across templates (they are translation keys)', () => {
    expect(SEEDED_TEMPLATES.map((t) => t.country).sort()).toEqual(['BG', 'PL', 'UA']);
    const keys = SEEDED_TEMPLATES.flatMap((t) => t.stages.map((s) => s.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of SEEDED_TEMPLATES) expect(ZRoundTemplate.safeParse(t).success).toBe(true);
  });

  it("give Bulgaria's 2023 round its legal dates: draft agreement by 17 February, submission to АСП by 30 March", () => {
    const stages = scheduleRound(seededTemplate('bg.npsu')!, { periodStart: 2023, start: '2023-01-09' });
    const due = dueOf(stages);
    expect(due['bg.regional_discussion']).toBe('2023-02-17');
    // 30 days of public consultation from 17 February end on Sunday 19 March: Monday 20 March.
    expect(due['bg.public_consultation']).toBe('2023-03-20');
    expect(due['bg.submission_asp']).toBe('2023-03-30');
    expect(stages.map((s) => s.key)).toEqual([
      'bg.needs_analysis', 'bg.planning_proposal', 'bg.regional_discussion', 'bg.public_consultation', 'bg.council_decision',
      'bg.mayors_agreement', 'bg.submission_asp', 'bg.national_map', 'bg.annual_plan',
    ]);
    expect(stages.find((s) => s.key === 'bg.regional_discussion')?.owner).toBe('region');
    // The annual plan counts from the National Map's adoption: provisional until it is done, then fixed.
    expect(stages.find((s) => s.key === 'bg.annual_plan')?.provisional).toBe(true);
    const adopted = scheduleRound(seededTemplate('bg.npsu')!, { periodStart: 2023, start: '2023-01-09', done: { 'bg.national_map': '2024-08-08' } });
    expect(adopted.find((s) => s.key === 'bg.annual_plan')).toMatchObject({ due: '2024-10-07', provisional: false });
    expect(adopted.find((s) => s.key === 'bg.national_map')?.done).toBe('2024-08-08');
  });

  it("move a fixed date that falls on a day off to the next working day: Poland's OZPS by 30 April", () => {
    // 30 April 2022 is a Saturday, 1 May a Sunday, 2 May a Monday (a working day in Poland), 3 May a holiday.
    expect(dueOf(scheduleRound(seededTemplate('pl.social_services')!, { periodStart: 2022, start: '2022-01-10' }))['pl.ozps']).toBe('2022-05-02');
    expect(dueOf(scheduleRound(seededTemplate('pl.social_services')!, { periodStart: 2026, start: '2026-01-12' }))['pl.ozps']).toBe('2026-04-30');
    expect(dueOf(scheduleRound(seededTemplate('pl.social_services')!, { periodStart: 2026, start: '2026-01-12' }))['pl.ozps_voivodeship']).toBe('2026-06-30');
  });

  it('follow the calendar amendments and the stages already done', () => {
    const calendar = [{ date: '2023-02-17', working: false, note: 'a day off by decision' }];
    expect(dueOf(scheduleRound(seededTemplate('bg.npsu')!, { periodStart: 2023, start: '2023-01-09', calendar }))['bg.regional_discussion']).toBe('2023-02-20');
    const ua = scheduleRound(seededTemplate('ua.order_130')!, { periodStart: 2026, start: '2026-01-12', done: { 'ua.working_group': '2026-01-15' } });
    // 10 working days after Thursday 15 January 2026.
    expect(ua.find((s) => s.key === 'ua.plan_of_measures')).toMatchObject({ due: '2026-01-29', provisional: false });
    expect(ua.find((s) => s.key === 'ua.data_collection')?.provisional).toBe(true);
  });
});

describe('scheduleRound', () => {
  const chain = (rules: Record<string, string | null>): TRoundTemplateInput => ({
    key: 'test',
    country: 'BG',
    legalBasis: '',
    stages: Object.entries(rules).map(([key, after]) => ({
      key,
      owner: 'municipality',
      documents: [],
      legalBasis: '',
      due: after ? { kind: 'after_stage', stage: after, from: 'due', days: 3, unit: 'working' } : { kind: 'after_start', days: 1, unit: 'calendar' },
    })),
  });

  it('refuses stages that wait on each other in a circle, naming the circle', () => {
    const run = () => scheduleRound(chain({ a: null, b: 'd', c: 'b', d: 'c' }), { periodStart: 2026, start: '2026-01-12' });
    expect(run).toThrow(AppError);
    expect(run).toThrow(expect.objectContaining({ code: 'validation.invalid', params: { field: 'stages', value: 'b → d → c → b' } }));
    expect(() => scheduleRound(chain({ a: 'a' }), { periodStart: 2026, start: '2026-01-12' })).toThrow(expect.objectContaining({ params: { field: 'stages', value: 'a → a' } }));
  });

  it('refuses an invalid template, start or period', () => {
    const ok = chain({ a: null });
    for (const call of [
      () => scheduleRound(chain({ a: 'missing' }), { periodStart: 2026, start: '2026-01-12' }),
      () => scheduleRound({ ...ok, stages: [...ok.stages, ...ok.stages] }, { periodStart: 2026, start: '2026-01-12' }),
      () => scheduleRound({ ...ok, stages: [{ ...ok.stages[0]!, due: { kind: 'fixed', month: 4, day: 31 } }] }, { periodStart: 2026, start: '2026-01-12' }),
      () => scheduleRound(ok, { periodStart: 2026, start: '12.01.2026' }),
      () => scheduleRound(ok, { periodStart: 20260, start: '2026-01-12' }),
      () => scheduleRound(ok, { periodStart: 2026, start: '2026-01-12', done: { a: 'yesterday' } }),
    ])
      expect(call).toThrow(expect.objectContaining({ code: 'validation.invalid' }));
  });

  it('takes 28 February for 29 February in a common year', () => {
    const leap = { ...chain({ a: null }), stages: [{ ...chain({ a: null }).stages[0]!, due: { kind: 'fixed' as const, month: 2, day: 29 } }] };
    expect(scheduleRound(leap, { periodStart: 2028, start: '2028-01-10' })[0]!.due).toBe('2028-02-29');
    expect(scheduleRound(leap, { periodStart: 2027, start: '2027-01-10' })[0]!.due).toBe('2027-03-01'); // 28 February 2027 is a Sunday
  });

  const startDate = fc.integer({ min: dayNumber('2023-01-01'), max: dayNumber('2027-12-31') }).map(isoOfDay);

  it('gives every stage a working-day due date no sooner than the stage it waits on, whatever the order of the stages', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDED_TEMPLATES), startDate, fc.integer({ min: 2023, max: 2030 }), fc.infiniteStream(fc.nat()), (template, start, periodStart, seeds) => {
        const stages = scheduleRound(template, { periodStart, start });
        const due = dueOf(stages);
        for (const stage of template.stages) {
          expect(isWorkingDay(template.country, due[stage.key]!)).toBe(true);
          if (stage.due.kind === 'after_stage') expect(due[stage.key]! > due[stage.due.stage]!).toBe(true);
          if (stage.due.kind === 'after_start') expect(due[stage.key]! > start).toBe(true);
        }
        // The same template with its stages shuffled gives the same dates: nothing depends on the order.
        const shuffled = [...template.stages].map((s) => [seeds.next().value, s] as const).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
        expect(dueOf(scheduleRound({ ...template, stages: shuffled }, { periodStart, start }))).toEqual(due);
        // Deterministic.
        expect(scheduleRound(template, { periodStart, start })).toEqual(stages);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses any circle among random due rules, and schedules every template without one', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(7), { nil: null }), { minLength: 1, maxLength: 8 }), (links) => {
        const rules = Object.fromEntries(links.map((link, i) => [`s${i}`, link === null || link >= links.length ? null : `s${link}`]));
        // Follow each stage's chain: a circle exists when some chain comes back to a stage it has visited.
        const hasCircle = Object.keys(rules).some((start) => {
          const seen = new Set<string>();
          for (let k: string | null = start; k !== null; k = rules[k]!) {
            if (seen.has(k)) return true;
            seen.add(k);
          }
          return false;
        });
        const run = () => scheduleRound(chain(rules), { periodStart: 2026, start: '2026-01-12' });
        if (hasCircle) expect(run).toThrow(expect.objectContaining({ code: 'validation.invalid', params: expect.objectContaining({ field: 'stages' }) }));
        else expect(run().length).toBe(links.length);
      }),
    );
  });
});
