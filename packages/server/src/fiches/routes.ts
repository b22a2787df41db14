import { AppError, ZFicheInput, ZIdText } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel, type SessionActor } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { renderPortfolio } from './fiche-document';
import { checkMunicipality, deleteFiche, deleteWorkshop, listWorkshops, loadFiche, moveFiche, portfolio, presentFiche, saveFiche, saveWorkshop } from './fiches';
import { ZFicheView, ZMunicipalityParam, ZPortfolio, ZPortfolioQuery, ZStatusInput, ZWorkshopInput, ZWorkshopList, ZWorkshopView } from './schema';

const TAGS = ['fiches'];
const ZItemParams = z.object({ municipalityId: ZIdText, id: ZIdText });
const ZFormat = z.enum(['docx', 'pdf', 'xlsx']);

/**
 * A municipality's working meetings (problems and ideas with the participants) and project fiches
 * with their portfolio (issue 9, item 2). Everything is under the municipality it belongs to, so
 * one reach check (territoryFor) guards every route.
 */
export function ficheRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });
  const place = async (request: Parameters<typeof territoryFor>[1], id: number) => {
    const found = await territoryFor(ctx, request, id);
    checkMunicipality(found.territory);
    return found;
  };
  const base = '/api/v1/municipalities/:municipalityId';

  app.get(`${base}/workshops`, { schema: { tags: TAGS, summary: "A municipality's working meetings with their participants, problems and ideas", params: ZMunicipalityParam, response: { 200: ZWorkshopList } } }, async (request) => {
    const { territory } = await place(request, request.params.municipalityId);
    return { items: await listWorkshops(db, territory) };
  });
  app.post(`${base}/workshops`, { schema: { tags: TAGS, summary: 'Record a working meeting: who took part, the problems and ideas raised', params: ZMunicipalityParam, body: ZWorkshopInput, response: { 201: ZWorkshopView } } }, async (request, reply) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    return reply.status(201).send(await saveWorkshop(db, actor, authorOf(actor), territory, null, request.body));
  });
  app.put(`${base}/workshops/:id`, { schema: { tags: TAGS, summary: 'Change a working meeting; an entry a fiche addresses cannot be removed', params: ZItemParams, body: ZWorkshopInput, response: { 200: ZWorkshopView } } }, async (request) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    return saveWorkshop(db, actor, authorOf(actor), territory, request.params.id, request.body);
  });
  app.delete(`${base}/workshops/:id`, { schema: { tags: TAGS, summary: 'Remove a working meeting no fiche refers to', params: ZItemParams } }, async (request, reply) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    await deleteWorkshop(db, actor, authorOf(actor), territory, request.params.id);
    return reply.status(204).send();
  });

  app.get(`${base}/fiches`, { schema: { tags: TAGS, summary: "The municipality's project fiches with their transparent priority score (each part shown), filtered, and the sums for a chart", params: ZMunicipalityParam, querystring: ZPortfolioQuery, response: { 200: ZPortfolio } } }, async (request) => {
    const { territory } = await place(request, request.params.municipalityId);
    return portfolio(db, ctx.models, territory, request.query);
  });
  app.post(`${base}/fiches`, { schema: { tags: TAGS, summary: 'Add a project fiche', params: ZMunicipalityParam, body: ZFicheInput, response: { 201: ZFicheView } } }, async (request, reply) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    return reply.status(201).send(presentFiche(await saveFiche(db, ctx.models, actor, authorOf(actor), territory, null, request.body)));
  });
  app.get(`${base}/fiches/:id`, { schema: { tags: TAGS, summary: 'A project fiche', params: ZItemParams, response: { 200: ZFicheView } } }, async (request) => {
    const { territory } = await place(request, request.params.municipalityId);
    const row = await loadFiche(db, request.params.id);
    if (row.municipalityId !== territory.id) throw new AppError('not_found');
    return presentFiche(row);
  });
  app.put(`${base}/fiches/:id`, { schema: { tags: TAGS, summary: 'Change a project fiche', params: ZItemParams, body: ZFicheInput, response: { 200: ZFicheView } } }, async (request) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    return presentFiche(await saveFiche(db, ctx.models, actor, authorOf(actor), territory, request.params.id, request.body));
  });
  app.put(`${base}/fiches/:id/status`, { schema: { tags: TAGS, summary: "Move a fiche one step: idea → shortlisted → in plan → funded → done, or one back", params: ZItemParams, body: ZStatusInput, response: { 200: ZFicheView } } }, async (request) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    return presentFiche(await moveFiche(db, actor, authorOf(actor), territory, request.params.id, request.body.status));
  });
  const sendFile = async (reply: import('fastify').FastifyReply, file: Awaited<ReturnType<typeof renderPortfolio>>) => {
    void reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).header('cache-control', 'no-store');
    return reply.send('stream' in file ? file.stream : file.body);
  };
  app.get(`${base}/fiches/document/:format`, { schema: { tags: TAGS, summary: "The portfolio with every fiche and the working meetings' participants, in the country's language, as DOCX, PDF or XLSX", params: ZMunicipalityParam.extend({ format: ZFormat }) } }, async (request, reply) => {
    const { territory } = await place(request, request.params.municipalityId);
    const model = await ctx.models.get(territory.country as never);
    return sendFile(reply, await renderPortfolio(db, territory, model, await portfolio(db, ctx.models, territory, {}), await listWorkshops(db, territory), request.params.format));
  });
  app.get(`${base}/fiches/:id/document/:format`, { schema: { tags: TAGS, summary: 'One project fiche as DOCX, PDF or XLSX', params: ZItemParams.extend({ format: ZFormat }) } }, async (request, reply) => {
    const { territory } = await place(request, request.params.municipalityId);
    const row = await loadFiche(db, request.params.id);
    if (row.municipalityId !== territory.id) throw new AppError('not_found');
    const model = await ctx.models.get(territory.country as never);
    return sendFile(reply, await renderPortfolio(db, territory, model, await portfolio(db, ctx.models, territory, {}), await listWorkshops(db, territory), request.params.format, row.id));
  });
  app.delete(`${base}/fiches/:id`, { schema: { tags: TAGS, summary: 'Remove a project fiche', params: ZItemParams } }, async (request, reply) => {
    const { actor, territory } = await place(request, request.params.municipalityId);
    await deleteFiche(db, actor, authorOf(actor), territory, request.params.id);
    return reply.status(204).send();
  });
}
