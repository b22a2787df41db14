import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay } from './deadlines/iso-date';
import { digestOf, DUE_SOON_DAYS, renderDigest, type OpenWork } from './reminders';

const stage = (id: number, roundId: number, dueDate: string, title = `stage ${id}`): OpenWork => ({ kind: 'stage', id, roundId, roundLabel: `round ${roundId}`, title, dueDate });
/** A translator that shows which words were asked for with what, so the tests see the structure. */
const words = (key: string, options?: Record<string, unknown>) => `${key.replace('roundReminders.', '')}${options ? ` ${JSON.stringify(options)}` : ''}`;

describe('reminder digest', () => {
  it('lists what is overdue and what falls due within a week, per round, and nothing later', () => {
    const digest = digestOf('2026-03-10', [stage(1, 7, '2026-03-09'), stage(2, 7, '2026-03-17'), stage(3, 7, '2026-03-18'), stage(4, 5, '2026-03-10'), stage(5, 5, '2026-01-01')]);
    expect(digest).toEqual({
      day: '2026-03-10',
      overdueCount: 2,
      dueSoonCount: 2,
      rounds: [
        { roundId: 5, roundLabel: 'round 5', overdue: [stage(5, 5, '2026-01-01')], dueSoon: [stage(4, 5, '2026-03-10')] },
        { roundId: 7, roundLabel: 'round 7', overdue: [stage(1, 7, '2026-03-09')], dueSoon: [stage(2, 7, '2026-03-17')] },
      ],
    });
  });

  it('is nothing at all when nothing is due soon (no empty e-mail)', () => {
    expect(digestOf('2026-03-10', [])).toBeNull();
    expect(digestOf('2026-03-10', [stage(1, 1, '2026-04-01')])).toBeNull();
  });

  it('writes the e-mail with plural counts, dates in the language and escaped HTML', () => {
    const digest = digestOf('2026-03-10', [stage(1, 7, '2026-03-07', '<b>Analysis</b>'), stage(2, 7, '2026-03-12')])!;
    const mail = renderDigest(digest, { name: 'Ана', locale: 'bg-BG', t: words });
    expect(mail.subject).toBe('subject {"count":2,"overdue":1}');
    expect(mail.text).toContain('overdueItem {"title":"<b>Analysis</b>","date":"7 март 2026 г.","count":3}');
    expect(mail.text).toContain('dueItem {"title":"stage 2","date":"12 март 2026 г.","count":2}');
    expect(mail.text).toContain('round 7');
    expect(mail.html).toContain('&lt;b&gt;Analysis&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Analysis');
  });

  const day = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2100-01-01') });
  const work = fc.array(
    fc.record({ id: fc.integer({ min: 1, max: 30 }), roundId: fc.integer({ min: 1, max: 4 }), offset: fc.integer({ min: -40, max: 40 }), kind: fc.constantFrom('stage' as const, 'task' as const) }),
    { maxLength: 40 },
  );

  it('holds every item due by a week from today exactly once, in the right group and round', () => {
    fc.assert(
      fc.property(day, work, (today, raw) => {
        const items = raw.map((w) => ({ kind: w.kind, id: w.id, roundId: w.roundId, roundLabel: `r${w.roundId}`, title: 't', dueDate: isoOfDay(today + w.offset) }));
        const digest = digestOf(isoOfDay(today), items);
        // the first listing of each item counts (items sorted by due date first)
        const firstDue = new Map<string, OpenWork>();
        for (const i of [...items].sort((a, b) => a.dueDate.localeCompare(b.dueDate))) if (!firstDue.has(`${i.kind}:${i.id}`)) firstDue.set(`${i.kind}:${i.id}`, i);
        const expected = [...firstDue.values()].filter((i) => dayNumber(i.dueDate) <= today + DUE_SOON_DAYS);
        if (expected.length === 0) return digest === null;
        const listed = digest!.rounds.flatMap((r) => [...r.overdue, ...r.dueSoon]);
        expect(listed).toHaveLength(expected.length);
        expect(new Set(listed.map((i) => `${i.kind}:${i.id}`)).size).toBe(listed.length);
        expect(new Set(digest!.rounds.map((r) => r.roundId)).size).toBe(digest!.rounds.length);
        for (const r of digest!.rounds) {
          for (const i of r.overdue) expect(dayNumber(i.dueDate) < today && i.roundId === r.roundId).toBe(true);
          for (const i of r.dueSoon) expect(dayNumber(i.dueDate) >= today && i.roundId === r.roundId).toBe(true);
        }
        expect(digest!.overdueCount + digest!.dueSoonCount).toBe(expected.length);
        return true;
      }),
    );
  });

  it('never lets a title break out of the HTML', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const mail = renderDigest(digestOf('2026-03-10', [stage(1, 1, '2026-03-10', title)])!, { name: title, locale: 'en-GB', t: (k, o) => `${k}:${String(o?.title ?? o?.name ?? '')}` });
        expect(mail.html.replace(/<\/?(p|h2|h3|ul|li)>/g, '')).not.toMatch(/[<>]/);
      }),
    );
  });
});
