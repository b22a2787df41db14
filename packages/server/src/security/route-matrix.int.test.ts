import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type TestApp } from '../testing/test-app';
import { StateWatch } from './db-fingerprint';
import { send, urlOf } from './http';
import { matchesTemplate, operationsOf, type OpenApiDocument, type Operation } from './openapi-requests';
import { PRINCIPALS, signIn } from './principals';
import { EXPECTATIONS, judgeFor, verdict, type ProbeContext } from './route-expectations';
import { buildWorld, leaksIn, PLACE_KEYS, type World } from './world';

/**
 * Every route of the OpenAPI document, asked by every principal — nobody, an administrator, the
 * national agency, regional and municipal officers inside and outside the place, a provider, a
 * viewer, a Ukrainian hromada's officer — with real ids of places inside and outside its reach,
 * and the answer held against the access policy:
 * - nobody gets 401 except on the few public routes;
 * - outside one's reach: 403 or 404, never a byte of the other place (its sentinels) in any answer;
 * - a role without the grant: 403; a refused change leaves the database as it was;
 * - what the policy allows answers 2xx.
 * A route the table (route-expectations.ts) does not know fails here: new routes are covered by default.
 */
describe(`route × role × territory matrix (${ENGINE})`, () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[];
  const totals = { probes: 0, denials: 0, allowed: 0, leaks: 0, serverErrors: 0, routes: new Set<string>(), principals: new Set<string>() };

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await send(t.url, null, { method: 'GET', path: '/api/openapi.json' })).json as OpenApiDocument;
    operations = operationsOf(doc);
    world = await buildWorld(t);
  }, 300_000);

  afterAll(async () => {
    console.log(
      `route matrix (${ENGINE}): ${totals.routes.size} routes × ${totals.principals.size} principals × ${PLACE_KEYS.length} places: ` +
        `${totals.probes} requests, ${totals.allowed} allowed, ${totals.denials} denials checked, ${totals.leaks} leaks, ${totals.serverErrors} server errors`,
    );
    await t?.close();
  });

  it('has an expectation for every route of the OpenAPI document, and none for a route it lacks', () => {
    expect(operations.length).toBeGreaterThan(70);
    const missing = operations.filter((o) => !EXPECTATIONS[o.key]).map((o) => `add an expectation for ${o.key} to security/route-expectations.ts`);
    const known = new Set(operations.map((o) => o.key));
    const stale = Object.keys(EXPECTATIONS)
      .filter((k) => !known.has(k))
      .map((k) => `remove the expectation for ${k}: the OpenAPI document has no such route`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it.each(PRINCIPALS.map((p, i) => [p.key, i] as const))('%s: every route, inside and outside its reach', async (_key, index) => {
    const principal = await signIn(t, PRINCIPALS[index]!);
    const judge = judgeFor(principal.actor);
    const ctx: ProbeContext = {
      world,
      principal,
      home: world.places[principal.spec.home],
      index,
      judge,
      fresh: async (make, fixture) => (principal.client ? make() : fixture),
    };
    const failures: string[] = [];
    const watch = new StateWatch(t.database.db);
    for (const op of operations) {
      const expectation = EXPECTATIONS[op.key];
      if (!expectation) continue;
      const places = expectation.scope === 'once' ? [null] : expectation.scope === 'each place' ? PLACE_KEYS.map((k) => world.places[k]) : [null, ...PLACE_KEYS.map((k) => world.places[k])];
      for (const place of places) {
        const probes = await expectation.probes(ctx, place);
        for (const probe of probes) {
          const where = `${op.key} [${probe.label}]`;
          if (probe.method !== op.method || !matchesTemplate(op.path, probe.path)) {
            failures.push(`${where}: the table's probe ${probe.method} ${probe.path} is not this route`);
            continue;
          }
          const caller = probe.as ?? principal;
          const isChange = probe.method !== 'GET';
          const refused = probe.expect.kind === 'deny';
          if (isChange) await world.quietJobs();
          const watching = isChange && refused;
          if (watching) await watch.mark();
          const guarded = probe.guard ? await probe.guard() : null;
          const answer = await send(t.url, caller.client, probe);
          totals.probes++;
          totals.routes.add(op.key);
          totals.principals.add(principal.spec.key);
          const wrong = verdict(probe, answer);
          if (answer.status >= 500) totals.serverErrors++;
          if (wrong) failures.push(`${where}: ${wrong} — ${answer.readable.slice(0, 300).replace(/\s+/g, ' ')}`);
          if (refused) totals.denials++;
          if (!refused && answer.status < 300) totals.allowed++;
          // A public link shows its own questionnaire to anyone; nothing else of another place may show.
          const scope = caller.actor ? caller.actor.scopePath : '/nobody/';
          const leaks = leaksIn(answer.readable, scope, world.sentinels, `${urlOf(probe.path, probe.query)} ${JSON.stringify(probe.json ?? null)}`).filter((s) => !probe.exempt?.some((p) => s.path.startsWith(p)));
          if (leaks.length) {
            totals.leaks += leaks.length;
            failures.push(`${where}: LEAK (${answer.status}) of ${leaks.map((l) => `${l.what} "${l.text.slice(0, 60)}"`).join(', ')}`);
          }
          if (guarded !== null && probe.expect.kind !== 'allow' && (await probe.guard!()) !== guarded) {
            failures.push(`${where}: answered ${answer.status} and changed what it may not change`);
          }
          if (watching) {
            const changed = await watch.changes();
            if (changed.length) failures.push(`${where}: refused with ${answer.status} but the database changed: ${changed.join('; ')}`);
          }
          if (!refused && answer.status < 300 && probe.after) await probe.after(answer);
        }
      }
    }
    expect(failures, `${failures.length} failures of ${principal.spec.key}:\n${failures.join('\n')}`).toEqual([]);
  }, 600_000);
});
