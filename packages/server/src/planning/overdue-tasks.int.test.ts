import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';

type Check = { check: string; municipalityId: number | null; value: number; limit: number; message: string };

const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The `overdue` plan check covers a round's tasks, not only its stages (issue 8: "a stage or task
 * past its due date and not done"): a meeting's task due yesterday is one day late in GET /checks,
 * named as the meeting's task, and gone in the next GET once it is done.
 */
describe(`overdue tasks in the plan checks (${ENGINE})`, () => {
  let t: TestApp;
  let regional: Client;
  let officer19: Client;
  let officer20: Client;
  const ids: Record<string, number> = {};
  let roundId: number;
  let taskId: number;
  const TITLE = 'Уточняване на картата <b>&</b>';
  const HAND = 'Писмо до общините';

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['PAZ', 'PAZ19', 'PAZ20']) ids[code] = await t.territoryId(code);
    regional = await t.as('regional_officer', 'PAZ');
    officer19 = await t.as('municipal_officer', 'PAZ19');
    officer20 = await t.as('municipal_officer', 'PAZ20');
    const round = await regional.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, start: isoDay(0), method: 'normative' });
    expect(round.status, round.text).toBe(201);
    roundId = round.body.id;
    const meeting = await regional.post(`/api/v1/planning/rounds/${roundId}/meetings`, { date: '2026-03-10', time: '10:00', place: 'Зала 2', chair: 'Иван Петров', agenda: '', minutes: '', participants: [] });
    expect(meeting.status, meeting.text).toBe(201);
    const decided = await regional.post(`/api/v1/planning/meetings/${meeting.body.id}/decisions`, { text: TITLE, ownerTerritoryId: ids.PAZ19, dueDate: isoDay(-1) });
    expect(decided.status, decided.text).toBe(201);
    const made = await regional.post(`/api/v1/planning/decisions/${decided.body.decisions[0].id}/task`);
    expect(made.status, made.text).toBe(201);
    taskId = made.body.id;
    const byHand = await regional.post(`/api/v1/planning/rounds/${roundId}/tasks`, { title: HAND, dueDate: isoDay(-3), ownerTerritoryId: null, stageId: null });
    expect(byHand.status, byHand.text).toBe(201);
  });
  afterAll(() => t.close());

  const late = async (client: Client, lang = 'en') => {
    const res = await client.get(`/api/v1/planning/rounds/${roundId}/checks?lang=${lang}`);
    expect(res.status, res.text).toBe(200);
    return (res.body.checks as Check[]).filter((c) => c.check === 'overdue' && (c.message.includes(TITLE) || c.message.includes(HAND)));
  };

  it("a meeting's task due yesterday is overdue by one day, named with its meeting; a task added by hand by its days late", async () => {
    expect(await late(regional)).toEqual([
      expect.objectContaining({ municipalityId: ids.PAZ19, task: taskId, stage: null, value: 1, limit: 0, message: expect.stringMatching(new RegExp(`: task “${TITLE}” of the meeting of 10 March 2026 is 1 day overdue\\.$`)) }),
      expect.objectContaining({ municipalityId: null, task: expect.any(Number), stage: null, value: 3, limit: 0, message: `Task “${HAND}” is 3 days overdue.` }),
    ]);
    const [bg] = await late(regional, 'bg');
    expect(bg!.message).toContain(`задача „${TITLE}“ от заседанието на 10 март 2026 г. — срокът е просрочен с 1 ден.`);
    // Per row access: another municipality's officer does not see it, nor the round's own task.
    expect(await late(officer20)).toEqual([]);
    expect((await late(officer19)).map((c) => c.value)).toEqual([1]);
  });

  it('marked done, it is gone from the next GET (the kept checks follow the change)', async () => {
    expect(await late(officer19)).toHaveLength(1);
    const done = await officer19.put(`/api/v1/planning/tasks/${taskId}/done`, { doneDate: isoDay(0) });
    expect(done.status, done.text).toBe(200);
    expect(await late(officer19)).toEqual([]);
    expect((await late(regional)).map((c) => c.value)).toEqual([3]);
    // Opened again: late again.
    expect((await officer19.put(`/api/v1/planning/tasks/${taskId}/done`, { doneDate: null })).status).toBe(200);
    expect((await late(regional)).map((c) => c.value)).toEqual([1, 3]);
  });
});
