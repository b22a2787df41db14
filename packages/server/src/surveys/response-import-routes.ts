import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { ZResponseImportFields, ZResponseImportResult } from './import-schema';
import { importResponses } from './import-responses';
import { readUpload } from '../http/read-upload';

export function responseImportRoutes(app: App, ctx: RouteContext) {
  // A static path: it takes precedence over `/api/v1/imports/:kind` of the planning-data imports.
  app.post(
    '/api/v1/imports/responses',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import completed questionnaires from CSV or XLSX (e.g. a KoboToolbox export), all or nothing',
        description:
          'multipart/form-data: the file in field `file`, `questionnaireId`, optionally `respondentGroupId` (for rows without a `respondent_group` column). Headers are the questions\' XLSForm names, with or without group paths (`household/age`). A file with any bad row is rejected with 422 and a row-by-row report; nothing is written. Responses already stored (same submission key: `_uuid`, `meta/instanceID`, or the same row) are left out and counted in `duplicates`.',
        consumes: ['multipart/form-data'],
        response: { 200: ZResponseImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const upload = await readUpload(request, ZResponseImportFields);
      return importResponses(ctx.database, {
        questionnaireId: upload.fields.questionnaireId,
        respondentGroupId: upload.fields.respondentGroupId ?? null,
        fileName: upload.fileName,
        bytes: upload.bytes,
        actor,
        author: { userId: actor.userId, actor: actorLabel(actor) },
        language: request.language,
      });
    },
  );
}
