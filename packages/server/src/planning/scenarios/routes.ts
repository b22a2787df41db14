import { z } from 'zod';
import type { App } from '../../http/app';
import { actorLabel, actorOf, type SessionActor } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { peersOf } from '../peers/peers';
import { ZPeers, ZPeersQuery } from '../peers/schema';
import { loadRound, today } from '../rounds';
import { ZRoundParam } from '../schema';
import { compareScenarios, createScenario, deleteScenario, listScenarios, loadScenario, presentScenario, scenarioEvaluation, updateScenario } from './scenarios';
import { ZCompareQuery, ZEvaluationQuery, ZScenarioComparison, ZScenarioEvaluation, ZScenarioInput, ZScenarioList, ZScenarioParam, ZScenarioView } from './schema';

const TAGS = ['planning'];

/**
 * Scenarios of a round and the peer comparison (issue 8, items 9 and 10). Evaluations are
 * recomputed on the server at each request: the whole round (every municipality's items,
 * envelopes, ceilings) takes part, which a municipal reader may not see item by item, and the
 * recomputation for a region takes a few milliseconds (bench/plan-scenario.ts).
 */
export function scenarioRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.get('/api/v1/planning/rounds/:id/scenarios', { schema: { tags: TAGS, summary: "A round's scenarios", params: ZRoundParam, response: { 200: ZScenarioList } } }, async (request) => ({
    items: (await listScenarios(db, actorOf(request), request.params.id)).map(presentScenario),
  }));

  app.post(
    '/api/v1/planning/rounds/:id/scenarios',
    { schema: { tags: TAGS, summary: "Make a scenario: the round's proposals with changes (none at first)", params: ZRoundParam, body: ZScenarioInput, response: { 201: ZScenarioView } } },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.status(201).send(presentScenario(await createScenario(db, actor, authorOf(actor), request.params.id, request.body)));
    },
  );

  app.get(
    '/api/v1/planning/rounds/:id/scenarios/compare',
    { schema: { tags: TAGS, summary: 'Two scenarios, or a scenario and the round as it is (`round`), side by side', params: ZRoundParam, querystring: ZCompareQuery, response: { 200: ZScenarioComparison } } },
    async (request) => compareScenarios(ctx, actorOf(request), { a: request.query.a, b: request.query.b }, request.params.id, today()),
  );

  app.get('/api/v1/planning/scenarios/:id', { schema: { tags: TAGS, summary: 'One scenario', params: ZScenarioParam, response: { 200: ZScenarioView } } }, async (request) =>
    presentScenario((await loadScenario(db, actorOf(request), request.params.id)).scenario),
  );

  app.put('/api/v1/planning/scenarios/:id', { schema: { tags: TAGS, summary: "Change a scenario's name and changes", params: ZScenarioParam, body: ZScenarioInput, response: { 200: ZScenarioView } } }, async (request) => {
    const actor = actorOf(request);
    return presentScenario(await updateScenario(db, actor, authorOf(actor), request.params.id, request.body));
  });

  app.delete('/api/v1/planning/scenarios/:id', { schema: { tags: TAGS, summary: 'Remove a scenario', params: ZScenarioParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteScenario(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });

  app.get(
    '/api/v1/planning/scenarios/:id/evaluation',
    { schema: { tags: TAGS, summary: "A scenario's gaps, checks and budget, recomputed", params: ZScenarioParam, querystring: ZEvaluationQuery, response: { 200: ZScenarioEvaluation } } },
    async (request) => {
      const actor = actorOf(request);
      const { scenario, loaded } = await loadScenario(db, actor, request.params.id);
      return scenarioEvaluation(ctx, actor, loaded, scenario, request.query.lang ?? request.language, today());
    },
  );

  app.get(
    '/api/v1/planning/rounds/:id/peers',
    { schema: { tags: TAGS, summary: "A municipality's coverage per service type beside the most similar municipalities of its country", params: ZRoundParam, querystring: ZPeersQuery, response: { 200: ZPeers } } },
    async (request) => {
      const actor = actorOf(request);
      const loaded = await loadRound(db, actor, request.params.id);
      return peersOf(db, ctx.models, actor, loaded, request.query.municipalityId, request.query.lang ?? request.language);
    },
  );
}
