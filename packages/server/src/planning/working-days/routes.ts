import { AppError, mayEditCatalogue } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../../http/app';
import { actorLabel, actorOf } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { ZAmendment, ZAmendmentInput, ZAmendmentParam, ZWorkingCalendar, ZWorkingDaysQuery } from './schema';
import { addAmendment, removeAmendment, workingCalendar } from './working-days';

const TAGS = ['planning'];

/** A country's working-day calendar: national administrators only, like the service catalogue. */
export function workingDayRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const administrator = (request: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(request);
    if (!mayEditCatalogue(actor)) throw new AppError('auth.forbidden');
    return { userId: actor.userId, actor: actorLabel(actor) };
  };

  app.get(
    '/api/v1/planning/working-days',
    { schema: { tags: TAGS, summary: "A country's public holidays of a year and the administrators' amendments (administrators)", querystring: ZWorkingDaysQuery, response: { 200: ZWorkingCalendar } } },
    async (request) => {
      administrator(request);
      return workingCalendar(db, request.query.country, request.query.year);
    },
  );

  app.post(
    '/api/v1/planning/working-days',
    {
      schema: {
        tags: TAGS,
        summary: 'Amend a country’s calendar: a working Saturday or a one-off day off (administrators)',
        description: 'Deadlines of rounds opened afterwards count with it. One amendment per day (409); one that does not change the day is refused (400 `amendment_changes_nothing`).',
        body: ZAmendmentInput,
        response: { 201: ZAmendment },
      },
    },
    async (request, reply) => reply.status(201).send(await addAmendment(db, administrator(request), request.body)),
  );

  app.delete(
    '/api/v1/planning/working-days/:id',
    { schema: { tags: TAGS, summary: 'Remove a calendar amendment (administrators)', params: ZAmendmentParam, response: { 204: z.undefined() } } },
    async (request, reply) => {
      await removeAmendment(db, administrator(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
