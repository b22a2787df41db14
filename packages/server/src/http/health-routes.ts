import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from './app';
import type { RouteContext } from './routes';

export function healthRoutes(app: App, ctx: RouteContext) {
  app.get(
    '/api/v1/health',
    {
      config: { public: true },
      schema: { tags: ['session'], summary: 'Is the app up and its database reachable', response: { 200: z.object({ status: z.literal('ok'), engine: z.string(), version: z.string() }) } },
    },
    async () => {
      await ctx.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, engine: ctx.database.engine, version: ctx.version ?? '0.1.0' };
    },
  );
}
