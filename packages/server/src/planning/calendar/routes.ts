import { AppError } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../../http/app';
import { actorLabel, actorOf } from '../../http/context';
import type { RouteContext } from '../../http/routes';
import { calendarFeed } from './feed';
import { readerOfToken, rotateCalendarToken } from './tokens';

const TAGS = ['planning'];
const ZFeedFile = z.object({ feed: z.string().max(100) });
const ZRoundFeedFile = z.object({ token: z.string().max(100), feed: z.string().max(40) });
const ZCalendarToken = z.object({ token: z.string(), url: z.string(), roundUrlTemplate: z.string() });
const FEED = /^([A-Za-z0-9_-]{1,60})\.ics$/;
const ROUND_FEED = /^(\d{1,9})\.ics$/;

export function calendarRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const ics = 'text/calendar; charset=utf-8';

  app.post(
    '/api/v1/calendar/token',
    { schema: { tags: TAGS, summary: 'Create or replace your secret calendar address (shown once; the old one stops working)', response: { 201: ZCalendarToken } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = await rotateCalendarToken(db, { userId: actor.userId, actor: actorLabel(actor) }, { country: actor.country, territoryId: actor.territoryId });
      const base = `${request.protocol}://${request.host}/api/v1/calendar/${token}`;
      return reply.status(201).send({ token, url: `${base}.ics`, roundUrlTemplate: `${base}/round/{roundId}.ics` });
    },
  );

  // Public: the secret in the address is the key. A wrong or rotated token, a disabled account
  // or a round the person may no longer read is a plain 404 that says nothing more.
  app.get('/api/v1/calendar/:feed', { schema: { tags: TAGS, summary: "Your calendar feed of the planning rounds' deadlines (iCalendar)", params: ZFeedFile }, config: { public: true } }, async (request, reply) => {
    const token = FEED.exec(request.params.feed)?.[1];
    const reader = token ? await readerOfToken(db, token) : null;
    if (!reader) throw new AppError('not_found');
    return reply.type(ics).header('cache-control', 'private, no-store').send(await calendarFeed(db, reader));
  });

  app.get('/api/v1/calendar/:token/round/:feed', { schema: { tags: TAGS, summary: "One round's deadlines as your calendar feed (iCalendar)", params: ZRoundFeedFile }, config: { public: true } }, async (request, reply) => {
    const roundId = Number(ROUND_FEED.exec(request.params.feed)?.[1] ?? NaN);
    const reader = await readerOfToken(db, request.params.token);
    if (!reader || !Number.isSafeInteger(roundId) || roundId > 2_147_483_647) throw new AppError('not_found');
    return reply.type(ics).header('cache-control', 'private, no-store').send(await calendarFeed(db, reader, roundId));
  });
}
