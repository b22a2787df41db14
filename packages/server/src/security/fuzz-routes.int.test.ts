import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../testing/test-database';
import { startTestApp, type TestApp } from '../testing/test-app';
import { StateWatch } from './db-fingerprint';
import { send, urlOf } from './http';
import { describeRequest, fixedInputs, operationsOf, requestArb, seedFor, type OpenApiDocument, type Operation, type Pools } from './openapi-requests';
import { PRINCIPALS, signIn, type Principal, type PrincipalSpec } from './principals';
import { buildWorld, leaksIn, PART_NAMES, type World } from './world';

/**
 * Every route of the OpenAPI document fed inputs generated from its own schema (fast-check):
 * shaped like the schema with real ids of the demo, and with one hostile part — boundary numbers,
 * NUL characters, huge and deeply nested values, wrong types, bodies that are not JSON. Whatever
 * comes in, the server answers without a server error, and a refusal (4xx) leaves the database as
 * it was. Run as the administrator (widest reach) and as a municipal officer (whose answers are
 * also checked for other places' data).
 *
 * Reproducible: the inputs of a route follow from the run's seed (POTREBY_FUZZ_SEED, printed with
 * every failure) and POTREBY_FUZZ_RUNS inputs per route and principal.
 */
const RUN_SEED = Number(process.env.POTREBY_FUZZ_SEED ?? 20_260_601);
const RUNS = Number(process.env.POTREBY_FUZZ_RUNS ?? 8);

const principalNamed = (key: string): PrincipalSpec => PRINCIPALS.find((p) => p.key === key)!;

describe(`fuzzing every route from its schema (${ENGINE})`, () => {
  let t: TestApp;
  let world: World;
  let operations: Operation[];
  let pools: Pools;
  const totals = { inputs: 0, refused: 0, serverErrors: 0, changedOnRefusal: 0, leaks: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    operations = operationsOf((await send(t.url, null, { method: 'GET', path: '/api/openapi.json' })).json as OpenApiDocument);
    world = await buildWorld(t);
    const places = Object.values(world.places);
    const serviceTypes = (await world.adminSend({ method: 'GET', path: '/api/v1/service-types' })).json.items.map((s: { key: string }) => s.key) as string[];
    pools = {
      ids: [
        ...new Set(
          places.flatMap((p) => [
            p.siteId,
            p.regionalSiteId,
            p.assessmentId,
            ...PART_NAMES.map((n) => p.parts[n]),
            p.questionnaireId,
            p.linkId,
            p.responseId,
            p.userId,
            Number(p.adminJobId),
            p.municipality.id,
            p.settlement.id,
            p.region.id,
            p.country.id,
          ]),
        ),
      ],
      strings: [
        ...new Set([
          ...serviceTypes.filter((_, i) => i % 4 === 0),
          ...places.flatMap((p) => [p.municipality.code, p.settlement.code, p.linkToken, p.siteKey]),
          'needs_help',
          'remarks',
          'age',
          'yes',
          'no',
          'bg',
          'uk',
          'en',
          'population',
          'idp',
        ]),
      ],
    };
  }, 300_000);

  afterAll(async () => {
    console.log(
      `fuzz (${ENGINE}, seed ${RUN_SEED}, ${RUNS} inputs per route and principal): ${operations?.length ?? 0} routes × 2 principals: ` +
        `${totals.inputs} inputs, ${totals.refused} refused (4xx), ${totals.serverErrors} server errors, ${totals.changedOnRefusal} refusals that changed the database, ${totals.leaks} leaks`,
    );
    await t?.close();
  });

  // The officer first: the administrator's inputs may delete or change what the officer's would use.
  it.each(['municipal officer PAZ08 Velingrad', 'admin'])(
    'as %s: no server error on any input, and no change on a refusal',
    async (key) => {
      const spec = principalNamed(key);
      let principal: Principal = await signIn(t, spec);
      const failures: string[] = [];
      const watch = new StateWatch(t.database.db);
      for (const op of operations) {
        const seed = seedFor(RUN_SEED, key, op.key);
        const inputs = [...fixedInputs(op, operations.indexOf(op)), ...fc.sample(requestArb(op, pools), { seed, numRuns: RUNS })];
        for (const [i, request] of inputs.entries()) {
          const where = () => `${op.key} #${i} (POTREBY_FUZZ_SEED=${RUN_SEED}, route seed ${seed}): ${describeRequest(request)}`;
          await world.quietJobs();
          await watch.mark();
          const answer = await send(t.url, principal.client, request);
          totals.inputs++;
          if (answer.status >= 500) {
            totals.serverErrors++;
            failures.push(`${answer.status} on ${where()} — ${answer.readable.slice(0, 200)}`);
          } else if (answer.status >= 400) {
            totals.refused++;
            // Background work started by an earlier input is not this input's doing.
            await world.quietJobs();
            const changed = await watch.changes();
            if (changed.length) {
              totals.changedOnRefusal++;
              failures.push(`refused with ${answer.status} but the database changed (${changed.join('; ')}) on ${where()}`);
            }
          }
          const leaks = leaksIn(answer.readable, principal.actor!.scopePath, world.sentinels, `${urlOf(request.path, request.query)} ${request.raw?.body ?? ''}`);
          if (leaks.length) {
            totals.leaks += leaks.length;
            failures.push(`LEAK (${answer.status}) of ${leaks.map((l) => `${l.what} "${l.text.slice(0, 60)}"`).join(', ')} on ${where()}`);
          }
          // An input may end the session (signing out, a new one-time password): go on as a new account.
          const code = (answer.json as { code?: string } | undefined)?.code;
          const signedOut = code === 'auth.required' || code === 'auth.password_change_required' || (op.key === 'DELETE /api/v1/session' && answer.status < 300);
          if (signedOut) principal = await signIn(t, spec);
        }
      }
      expect(failures, `${failures.length} failures as ${key}:\n${failures.join('\n')}`).toEqual([]);
    },
    900_000,
  );
});
