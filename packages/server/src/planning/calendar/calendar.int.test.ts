import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser } from '../../accounts/tables';
import { ENGINE } from '../../testing/test-database';
import { startTestApp, type Client, type TestApp } from '../../testing/test-app';
import { calendarToken } from './tables';

type Stage = { id: number; key: string; ownerTerritoryId: number | null; dueDate: string | null };
type Feed = { status: number; type: string | null; text: string };

/** The VEVENTs of an iCalendar text: unfolded lines, property name (without parameters) → value. */
function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const out: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    }
    else if (current) {
      const at = line.indexOf(':');
      current[line.slice(0, at).split(';')[0]!] = line.slice(at + 1).replace(/\\,/g, ',').replace(/\\;/g, ';');
    }
  }
  return out;
}

/** The iCalendar feeds of a planning round (issue 8, item 3): per person and per round, behind a secret token. */
describe(`calendar feeds (${ENGINE})`, () => {
  let t: TestApp;
  let regional: Client;
  let officer19: Client;
  let officerSml: Client;
  let admin: Client;
  let roundId: number;
  let stages: Stage[];
  const ids: Record<string, number> = {};

  const fetchFeed = async (url: string): Promise<Feed> => {
    const res = await fetch(url.startsWith('http') ? url : `${t.url}${url}`);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const code of ['PAZ', 'PAZ19', 'SML']) ids[code] = await t.territoryId(code);
    regional = await t.as('regional_officer', 'PAZ');
    officer19 = await t.as('municipal_officer', 'PAZ19');
    officerSml = await t.as('municipal_officer', 'SML');
    admin = await t.as('admin');
    await t.database.db.update(appUser).set({ language: 'bg' }).where(eq(appUser.territoryId, ids.PAZ19!));
    const res = await regional.post('/api/v1/planning/rounds', { territoryId: ids.PAZ, templateKey: 'bg.npsu', periodStart: 2026, periodEnd: 2030, start: '2026-01-15', method: 'normative' });
    expect(res.status, res.text).toBe(201);
    roundId = (res.body as { id: number }).id;
    stages = (await regional.get(`/api/v1/planning/rounds/${roundId}/stages`)).body.items;
  });
  afterAll(() => t?.close());

  it('gives a signed-in person a secret address, shown once, stored only as a hash and audited', async () => {
    expect((await t.anonymous().post('/api/v1/calendar/token', {})).status).toBe(401);
    const res = await officer19.post<{ token: string; url: string; roundUrlTemplate: string }>('/api/v1/calendar/token', {});
    expect(res.status, res.text).toBe(201);
    expect(res.body.url).toBe(`${t.url}/api/v1/calendar/${res.body.token}.ics`);
    const stored = await t.database.db.select().from(calendarToken);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(res.body.token);
    const [entry] = (await admin.get('/api/v1/audit?entity=user&pageSize=1')).body.items as { action: string; after: Record<string, unknown> }[];
    expect(entry).toMatchObject({ action: 'update', after: { calendarFeedCreatedAt: expect.any(String) } });
    expect(JSON.stringify(entry)).not.toContain(res.body.token);
  });

  it("lists the person's territory's stages as all-day events named in their language, with stable UIDs", async () => {
    const { body } = await officer19.post<{ url: string; roundUrlTemplate: string }>('/api/v1/calendar/token', {});
    const feed = await fetchFeed(body.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const mine = stages.filter((s) => s.ownerTerritoryId === ids.PAZ19 && s.dueDate);
    expect(mine.length).toBeGreaterThan(0);
    const found = events(feed.text);
    // All of this round's (the demo database has a round of its own too).
    expect(found.map((e) => e.UID)).toEqual(expect.arrayContaining(mine.map((s) => `stage-${s.id}@potreby`)));
    const analysis = mine.find((s) => s.key === 'bg.needs_analysis')!;
    const event = found.find((e) => e.UID === `stage-${analysis.id}@potreby`)!;
    expect(event.DTSTART).toBe(analysis.dueDate!.replaceAll('-', ''));
    expect(event.SUMMARY).toBe('Анализ на потребностите — Пазарджик, 2026–2030');
    // The same stage keeps its UID in the round's own feed.
    const round = await fetchFeed(body.roundUrlTemplate.replace('{roundId}', String(roundId)));
    expect(round.status).toBe(200);
    expect(events(round.text).map((e) => e.UID).sort()).toEqual(mine.map((s) => `stage-${s.id}@potreby`).sort());

    // A task of the municipality (from a meeting's decision, or added by hand) is there too, by its title.
    const task = await regional.post<{ id: number }>(`/api/v1/planning/rounds/${roundId}/tasks`, { title: 'Да се уточни броят на местата', dueDate: '2026-02-10', ownerTerritoryId: ids.PAZ19 });
    expect(task.status, task.text).toBe(201);
    const withTask = events((await fetchFeed(body.roundUrlTemplate.replace('{roundId}', String(roundId)))).text);
    expect(withTask.find((e) => e.UID === `task-${task.body.id}@potreby`)).toMatchObject({ DTSTART: '20260210', SUMMARY: 'Да се уточни броят на местата — Пазарджик, 2026–2030' });
  });

  it('answers a wrong, rotated or malformed token, a round out of reach and a disabled account with a bare 404', async () => {
    const first = (await officerSml.post<{ token: string; url: string }>('/api/v1/calendar/token', {})).body;
    expect((await fetchFeed(first.url)).status).toBe(200);
    // Sofia's officer reads no round of Pazardzhik: its feed is empty and the round's is 404.
    expect(events((await fetchFeed(first.url)).text)).toEqual([]);
    expect((await fetchFeed(`/api/v1/calendar/${first.token}/round/${roundId}.ics`)).status).toBe(404);
    const second = (await officerSml.post<{ token: string; url: string }>('/api/v1/calendar/token', {})).body;
    const rotated = await fetchFeed(first.url);
    expect(rotated.status).toBe(404);
    // The same bare answer as a token that never was.
    const never = await fetchFeed(`/api/v1/calendar/${'A'.repeat(43)}.ics`);
    const bare = (f: Feed) => ({ ...JSON.parse(f.text), instance: undefined });
    expect(bare(rotated)).toEqual(bare(never));
    expect((await fetchFeed(second.url)).status).toBe(200);
    const wrong = `${second.token.slice(0, -1)}${second.token.endsWith('A') ? 'B' : 'A'}`;
    for (const path of [`/api/v1/calendar/${wrong}.ics`, '/api/v1/calendar/x.ics', `/api/v1/calendar/${second.token}`, `/api/v1/calendar/${wrong}/round/${roundId}.ics`, `/api/v1/calendar/${second.token}/round/99999999999.ics`])
      expect((await fetchFeed(path)).status, path).toBe(404);
    const p19 = (await officer19.post<{ url: string }>('/api/v1/calendar/token', {})).body;
    await t.database.db.update(appUser).set({ disabled: true }).where(eq(appUser.territoryId, ids.PAZ19!));
    expect((await fetchFeed(p19.url)).status).toBe(404);
  });
});
