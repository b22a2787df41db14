import { AppError } from '@potreby/domain';
import { z } from 'zod';
import { jobsOf } from '../jobs/app-jobs';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { readChunks, storedDeflated } from './export-chunks';
import { EXPORT_QUEUE, exportFor, EXPORTS_PER_PERSON, jobView, requestExport, type ExportJobData } from './request-export';
import { runExport } from './run-export';
import { ZExportRequest, ZJob, ZQuestionnaireIdParam } from './schema';

const ZJobIdParam = z.object({ id: z.string().regex(/^[1-9][0-9]{0,9}$/).transform(Number) });

/**
 * Content-Disposition with the file's real name (RFC 6266): `filename*` in UTF-8 for browsers,
 * an ASCII `filename` for anything older. RFC 8187's attr-char excludes ' ( ) *, which
 * encodeURIComponent leaves as they are.
 */
export function attachment(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Exports of a questionnaire's responses and tables, made by a background job so that a large
 * one never holds up anyone's requests: ask (202 with the job), poll the job, download the file.
 */
export function surveyExportRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const jobs = jobsOf(app, ctx.database);
  jobs.define<ExportJobData>(EXPORT_QUEUE, {
    handler: (data, signal) => runExport(ctx.database, data.exportId, signal, app.log),
    // A million responses take well under a minute; an hour means the server running it was lost.
    expireInSeconds: 3600,
    retryLimit: 2,
  });

  app.post(
    '/api/v1/questionnaires/:id/exports',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Export the raw responses or the published tables (CSV or XLSX) as a background job',
        description: `Poll \`GET /api/v1/jobs/{id}\` for its progress. One person may have ${EXPORTS_PER_PERSON} exports waiting or running at a time; one more is refused with 429 \`export.limit_reached\`.`,
        params: ZQuestionnaireIdParam,
        body: ZExportRequest,
        response: { 202: ZJob },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { what, format } = request.body;
      const language = request.body.language ?? request.language;
      const id = await requestExport(db, jobs, actor, { userId: actor.userId, actor: actorLabel(actor) }, request.params.id, { what, format, language });
      return reply.status(202).send(jobView(await exportFor(db, actor, id), request.language));
    },
  );

  app.get('/api/v1/jobs/:id', { schema: { tags: ['analysis'], summary: 'How far a background job is', params: ZJobIdParam, response: { 200: ZJob } } }, async (request, reply) => {
    const job = await exportFor(db, actorOf(request), request.params.id);
    void reply.header('cache-control', 'no-store');
    return jobView(job, request.language);
  });

  app.get('/api/v1/jobs/:id/file', { schema: { tags: ['analysis'], summary: 'The file a finished job made', params: ZJobIdParam } }, async (request, reply) => {
    const job = await exportFor(db, actorOf(request), request.params.id);
    // Until the job is done there is no file.
    if (job.state !== 'done') throw new AppError('not_found');
    return reply
      .type(job.contentType!)
      .header('content-length', job.size)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', attachment(job.fileName!, `potreby-export-${job.id}.${job.format}`))
      .send(readChunks(ctx.database, job.id, storedDeflated(job.format)));
  });
}
