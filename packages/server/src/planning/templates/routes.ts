import { AppError, mayEditCatalogue } from '@potreby/domain';
import type { App } from '../../http/app';
import { actorLabel, actorOf } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { ZStoredTemplate, ZTemplateEdit, ZTemplateKeyParam } from './schema';
import { storedTemplate, updateTemplate, type StoredTemplate } from './store';

const TAGS = ['planning'];

const present = (s: StoredTemplate) => ({ ...s.template, name: s.template.name ?? null, edited: s.edited, updatedAt: s.updatedAt });

/**
 * The country templates with their stages' due rules: every signed-in user reads them (a round's
 * opener chooses one); national administrators edit them, and an edit changes only rounds opened
 * afterwards.
 */
export function templateRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get(
    '/api/v1/planning/templates/:key',
    { schema: { tags: TAGS, summary: 'One country template as it stands', params: ZTemplateKeyParam, response: { 200: ZStoredTemplate } } },
    async (request) => {
      actorOf(request);
      const found = await storedTemplate(db, request.params.key);
      if (!found) throw new AppError('not_found');
      return present(found);
    },
  );

  app.put(
    '/api/v1/planning/templates/:key',
    {
      schema: {
        tags: TAGS,
        summary: "Edit a template's name and stages: name, owner, documents, due rule (administrators)",
        description: 'Rounds opened afterwards are scheduled from the edit; open rounds keep their dates. A due rule that refers to a missing stage or makes a circle is refused (400, `unknown_stage`, `stage_cycle`).',
        params: ZTemplateKeyParam,
        body: ZTemplateEdit,
        response: { 200: ZStoredTemplate },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!mayEditCatalogue(actor)) throw new AppError('auth.forbidden');
      return present(await updateTemplate(db, { userId: actor.userId, actor: actorLabel(actor) }, request.params.key, request.body));
    },
  );
}
