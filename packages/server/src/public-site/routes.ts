import { AppError } from '@potreby/domain';
import { COUNTRY_LANGUAGE, pickLanguage, type TLanguage } from '@potreby/i18n';
import { OPEN_DATA_LICENCE, findPublicTerritory } from '../consultation/open-data';
import { mayRunConsultation } from '../consultation/access';
import { ZOpenDataQuery } from '../consultation/schema';
import type { App } from '../http/app';
import { actorLabel } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { today } from '../planning/rounds';
import { openDataCsv, openDataRows } from './open-data';
import { listPublications, setPublication } from './publications';
import { publishedPlace } from './published';
import { ZOpenDataParams, ZPublicationInput, ZPublicationParams, ZPublications, ZSectionParams } from './schema';

const TAGS = ['public site'];

/** The public page of a territory: where residents read it. */
export const publicPathOf = (territory: { country: string; code: string }) => `/public/${territory.country}/${encodeURIComponent(territory.code)}`;

/**
 * What a territory shows the public (issue 9, item 5): its officers publish or withdraw each
 * section (services, gaps, plan, fiches); residents read the published ones on the public page
 * and download them as open data. Who may publish is who runs the territory's public
 * consultations (consultation/access.ts): its own officers and administrators.
 */
export function publicSiteRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get('/api/v1/territories/:id/publications', { schema: { tags: TAGS, summary: 'Which sections of its public page a territory has published, when and by whom', params: ZPublicationParams, response: { 200: ZPublications } } }, async (request) => {
    const { actor, territory } = await territoryFor(ctx, request, request.params.id);
    return {
      territory: { id: territory.id, code: territory.code, country: territory.country, name: territory.name, level: territory.level },
      publicPath: publicPathOf(territory),
      mayPublish: mayRunConsultation(actor, territory),
      sections: await listPublications(db, territory.id),
    };
  });

  app.put('/api/v1/territories/:id/publications/:section', { schema: { tags: TAGS, summary: "Publish a section of the territory's public page, or withdraw it (its officers, administrators)", params: ZSectionParams, body: ZPublicationInput, response: { 200: ZPublications } } }, async (request) => {
    const { actor, territory } = await territoryFor(ctx, request, request.params.id);
    if (!mayRunConsultation(actor, territory)) throw new AppError('auth.forbidden');
    const sections = await setPublication(db, { userId: actor.userId, actor: actorLabel(actor) }, territory, request.params.section, request.body.published);
    return { territory: { id: territory.id, code: territory.code, country: territory.country, name: territory.name, level: territory.level }, publicPath: publicPathOf(territory), mayPublish: true, sections };
  });

  app.get(
    '/api/v1/public/territories/:country/:code/open-data/:table',
    { config: { public: true }, schema: { tags: TAGS, summary: `Open data (${OPEN_DATA_LICENCE.name}): a published table of the territory (services, gaps, plan, fiches), as JSON with licence and date or as CSV; 404 when not published`, params: ZOpenDataParams, querystring: ZOpenDataQuery } },
    async (request, reply) => {
      const place = await findPublicTerritory(db, request.params.country, request.params.code);
      const language: TLanguage = pickLanguage(request.query.lang ?? (COUNTRY_LANGUAGE as Record<string, string>)[place.country]);
      const { table } = request.params;
      const rows = openDataRows(await publishedPlace(db, ctx.models, place, language), table, language);
      const generatedOn = today();
      const name = `${table}-${place.country}-${place.code}-${generatedOn}`;
      void reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`).send(openDataCsv(table, rows, language));
      }
      return reply.header('content-disposition', `inline; filename="${name}.json"`).send({ licence: OPEN_DATA_LICENCE, generatedOn, territory: { country: place.country, code: place.code }, table, rows });
    },
  );
}
