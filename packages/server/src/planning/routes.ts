import type { TCountry } from '@potreby/domain';
import { ZEnvelope } from '@potreby/domain/planning/proposal';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel, actorOf, type SessionActor } from '../http/context';
import type { RouteContext } from '../http/routes';
import { readUpload } from '../http/read-upload';
import { listEnvelopes, setEnvelopes } from './envelopes';
import { codesOf, createItem, deleteItem, listItems, loadItem, presentItem, updateItem, visibleMunicipalities } from './items';
import { importCeilings, importProposals, importUnitCosts } from './plan-imports';
import { planBudget, planChecks } from './plan-report';
import { allowedRound, createRound, findRound, listRounds, listStages, loadRound, presentRound, presentUnit, roundMunicipalities, setRoundStatus, setStageDone, today, type LoadedRound } from './rounds';
import {
  ZBudget,
  ZChecksQuery,
  ZEnvelopeList,
  ZItemInput,
  ZItemList,
  ZItemParam,
  ZItemQuery,
  ZItemView,
  ZPlanChecks,
  ZPlanImportResult,
  ZRoundInput,
  ZRoundList,
  ZRoundParam,
  ZRoundQuery,
  ZRoundUnitList,
  ZRoundView,
  ZStageDone,
  ZStageList,
  ZStageParam,
  ZStageView,
  ZStandardsFields,
  ZTemplateList,
  ZTemplateQuery,
} from './schema';
import { storedTemplates } from './templates/store';

const TAGS = ['planning'];
const IMPORT_DESCRIPTION = 'multipart/form-data with the file (CSV or XLSX) in field `file`. A file with any bad row is rejected with 422 and a row-by-row report (`errors`); nothing is written.';

export function planningRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  /**
   * The plan-health page's answers (checks, budget), serialised once per data revision of the
   * round's country, as the gap dashboard's are (gaps/routes.ts): every change they depend on —
   * an item, an envelope, a stage, the round, unit costs, ceilings, the registry — is audited
   * under that country, which makes a new revision. Kept per day (overdue stages move with it) and
   * per reader's reach (a municipality sees its own lines): users alike share them.
   */
  const keptPerRevision = async (loaded: LoadedRound, what: string[], actor: SessionActor, compute: () => Promise<string>): Promise<Buffer> => {
    const model = await ctx.models.get(loaded.territory.country as TCountry);
    // Kept as bytes: measuring and encoding a 70 KB text again for every reader was most of a request's time.
    return model.memo(JSON.stringify(['plan', loaded.round.id, ...what, today(), actor.role, actor.scopePath, actor.organisation]), async () => Buffer.from(await compute()));
  };
  /** The country of each round this process has read: a round never changes country. */
  const roundCountries = new Map<number, TCountry>();
  /**
   * The round for the plan-health page, kept with the answers it leads to: under 50 readers at
   * once, the one query a request made to find the round was most of its cost (PGlite runs one
   * query at a time). A change to the round is audited under its country, so the kept round goes
   * with the revision as the answers do; access is checked on every request.
   */
  const keptRound = async (actor: SessionActor, id: number): Promise<LoadedRound> => {
    const country = roundCountries.get(id);
    if (country === undefined) {
      const found = await findRound(db, id);
      if (found) roundCountries.set(id, found.territory.country as TCountry);
      return allowedRound(actor, found);
    }
    const model = await ctx.models.get(country);
    return allowedRound(actor, await model.memo(`plan-round|${id}`, () => findRound(db, id)));
  };
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });

  app.post('/api/v1/planning/rounds', { schema: { tags: TAGS, summary: 'Open a planning round for a region or municipality from a country template', body: ZRoundInput, response: { 201: ZRoundView } } }, async (request, reply) => {
    const actor = actorOf(request);
    return reply.status(201).send(presentRound(await createRound(db, actor, authorOf(actor), request.body, today())));
  });

  app.get('/api/v1/planning/templates', { schema: { tags: TAGS, summary: "Country templates of a round's stages, documents and deadlines", querystring: ZTemplateQuery, response: { 200: ZTemplateList } } }, async (request) => {
    actorOf(request);
    return {
      items: (await storedTemplates(db, request.query.country)).map(({ template: tpl }) => ({
        key: tpl.key,
        country: tpl.country,
        legalBasis: tpl.legalBasis,
        name: tpl.name ?? null,
        stages: tpl.stages.map((s) => ({ key: s.key, owner: s.owner, documents: s.documents })),
      })),
    };
  });

  app.get('/api/v1/planning/rounds', { schema: { tags: TAGS, summary: 'Planning rounds the user may read, of a territory or all', querystring: ZRoundQuery, response: { 200: ZRoundList } } }, async (request) => {
    const actor = actorOf(request);
    return { items: (await listRounds(db, actor, request.query.territoryId)).map(presentRound) };
  });

  app.get('/api/v1/planning/rounds/:id', { schema: { tags: TAGS, summary: 'One planning round', params: ZRoundParam, response: { 200: ZRoundView } } }, async (request) =>
    presentRound(await loadRound(db, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/planning/rounds/:id/municipalities',
    { schema: { tags: TAGS, summary: "The round's municipalities, for every reader of the round (a municipality's officer names the neighbours an item serves)", params: ZRoundParam, response: { 200: ZRoundUnitList } } },
    async (request) => {
      const loaded = await loadRound(db, actorOf(request), request.params.id);
      return { items: (await roundMunicipalities(db, loaded.territory)).map(presentUnit) };
    },
  );

  app.get('/api/v1/planning/rounds/:id/stages', { schema: { tags: TAGS, summary: "A round's stages with their owners and due dates", params: ZRoundParam, response: { 200: ZStageList } } }, async (request) => {
    const loaded = await loadRound(db, actorOf(request), request.params.id);
    return { items: await listStages(db, loaded.round.id) };
  });

  app.put('/api/v1/planning/stages/:id', { schema: { tags: TAGS, summary: 'Mark a stage of a round done on a date, or not done', params: ZStageParam, body: ZStageDone, response: { 200: ZStageView } } }, async (request) => {
    const actor = actorOf(request);
    return setStageDone(db, actor, authorOf(actor), request.params.id, request.body.doneDate);
  });

  for (const [verb, status] of [
    ['close', 'closed'],
    ['reopen', 'open'],
  ] as const) {
    app.post(`/api/v1/planning/rounds/:id/${verb}`, { schema: { tags: TAGS, summary: verb === 'close' ? 'Close a round' : 'Reopen a closed round', params: ZRoundParam, response: { 200: ZRoundView } } }, async (request) => {
      const actor = actorOf(request);
      return presentRound(await setRoundStatus(db, actor, authorOf(actor), request.params.id, status));
    });
  }

  app.get('/api/v1/planning/rounds/:id/items', { schema: { tags: TAGS, summary: "A round's proposal items, of one municipality or all", params: ZRoundParam, querystring: ZItemQuery, response: { 200: ZItemList } } }, async (request) => {
    const actor = actorOf(request);
    const loaded = await loadRound(db, actor, request.params.id);
    const seen = await visibleMunicipalities(db, actor, loaded);
    const asked = request.query.municipalityId;
    const ids = asked === undefined ? [...seen.keys()] : seen.has(asked) ? [asked] : [];
    return { items: (await listItems(db, loaded.round.id, ids)).map((i) => presentItem(i, codesOf(seen))) };
  });

  app.post('/api/v1/planning/rounds/:id/items', { schema: { tags: TAGS, summary: 'Add a proposal item', params: ZRoundParam, body: ZItemInput, response: { 201: ZItemView } } }, async (request, reply) => {
    const actor = actorOf(request);
    const created = await createItem(db, actor, authorOf(actor), request.params.id, request.body);
    const { municipalities } = await loadItem(db, actor, created.id);
    return reply.status(201).send(presentItem(created, codesOf(municipalities)));
  });

  app.get('/api/v1/planning/items/:id', { schema: { tags: TAGS, summary: 'One proposal item', params: ZItemParam, response: { 200: ZItemView } } }, async (request) => {
    const { item, municipalities } = await loadItem(db, actorOf(request), request.params.id);
    return presentItem(item, codesOf(municipalities));
  });

  app.put('/api/v1/planning/items/:id', { schema: { tags: TAGS, summary: 'Change a proposal item', params: ZItemParam, body: ZItemInput, response: { 200: ZItemView } } }, async (request) => {
    const actor = actorOf(request);
    const updated = await updateItem(db, actor, authorOf(actor), request.params.id, request.body);
    const { municipalities } = await loadItem(db, actor, updated.id);
    return presentItem(updated, codesOf(municipalities));
  });

  app.delete('/api/v1/planning/items/:id', { schema: { tags: TAGS, summary: 'Remove a proposal item', params: ZItemParam, response: { 204: z.undefined() } } }, async (request, reply) => {
    const actor = actorOf(request);
    await deleteItem(db, actor, authorOf(actor), request.params.id);
    return reply.status(204).send();
  });

  app.get('/api/v1/planning/rounds/:id/envelopes', { schema: { tags: TAGS, summary: "A round's budget envelopes: the reader's municipalities' and the round-wide ones", params: ZRoundParam, response: { 200: ZEnvelopeList } } }, async (request) => {
    const actor = actorOf(request);
    const loaded = await loadRound(db, actor, request.params.id);
    // A municipality reads its own limits and those over the whole round, as its plan checks do;
    // a neighbour's limit is the neighbour's (the region, which sets them, reads them all).
    const seen = await visibleMunicipalities(db, actor, loaded);
    return { items: (await listEnvelopes(db, loaded.round.id)).filter((e) => e.municipalityId === null || seen.has(e.municipalityId)) };
  });

  app.put(
    '/api/v1/planning/rounds/:id/envelopes',
    { schema: { tags: TAGS, summary: "Set a round's budget envelopes (the whole list)", params: ZRoundParam, body: z.object({ items: z.array(ZEnvelope).max(5000) }), response: { 200: ZEnvelopeList } } },
    async (request) => {
      const actor = actorOf(request);
      return { items: await setEnvelopes(db, actor, authorOf(actor), request.params.id, request.body.items) };
    },
  );

  app.get('/api/v1/planning/rounds/:id/checks', { schema: { tags: TAGS, summary: "The plan checks of a round, every municipality's", params: ZRoundParam, querystring: ZChecksQuery, response: { 200: ZPlanChecks } } }, async (request, reply) => {
    const actor = actorOf(request);
    const loaded = await keptRound(actor, request.params.id);
    const language = request.query.lang ?? request.language;
    const json = await keptPerRevision(loaded, ['checks', language], actor, async () => JSON.stringify(ZPlanChecks.encode(await planChecks(ctx, loaded, language, today(), actor))));
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.get('/api/v1/planning/rounds/:id/budget', { schema: { tags: TAGS, summary: "The round's budget by municipality, funding source and year", params: ZRoundParam, response: { 200: ZBudget } } }, async (request, reply) => {
    const actor = actorOf(request);
    const loaded = await keptRound(actor, request.params.id);
    const json = await keptPerRevision(loaded, ['budget'], actor, async () => JSON.stringify(ZBudget.encode(await planBudget(ctx, loaded, today(), actor))));
    return reply.type('application/json; charset=utf-8').send(json as never);
  });

  app.post(
    '/api/v1/planning/rounds/:id/imports/proposals',
    { schema: { tags: TAGS, summary: "Import a round's proposal items, all or nothing", description: IMPORT_DESCRIPTION, params: ZRoundParam, consumes: ['multipart/form-data'], response: { 200: ZPlanImportResult } } },
    async (request) => {
      const actor = actorOf(request);
      const upload = await readUpload(request, z.object({}));
      return importProposals(ctx.database, request.params.id, { fileName: upload.fileName, bytes: upload.bytes, actor, author: authorOf(actor), language: request.language });
    },
  );

  for (const kind of ['unit-costs', 'ceilings'] as const) {
    app.post(
      `/api/v1/planning/imports/${kind}`,
      {
        schema: {
          tags: TAGS,
          summary: kind === 'unit-costs' ? "Import a country's unit-cost standards for a year, all or nothing" : "Import the National Map's ceilings of a country for a year, all or nothing",
          description: `${IMPORT_DESCRIPTION} Fields \`country\` and \`year\` are required.`,
          consumes: ['multipart/form-data'],
          response: { 200: ZPlanImportResult },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const upload = await readUpload(request, ZStandardsFields);
        const importer = kind === 'unit-costs' ? importUnitCosts : importCeilings;
        return importer(ctx.database, { fileName: upload.fileName, bytes: upload.bytes, actor, author: authorOf(actor), language: request.language, ...upload.fields });
      },
    );
  }
}
