import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { ZXlsFormImportFields } from './import-schema';
import { importXlsForm } from './import-xlsform';
import { readUpload } from '../http/read-upload';
import { ZXlsFormImport } from './schema';

export function xlsFormRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.post(
    '/api/v1/questionnaires/import-xlsform',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Create a questionnaire from an XLSForm file (ODK, KoboToolbox)',
        description:
          'multipart/form-data: the XLSX file in field `file`, and `assessmentId` or `territoryId`, optionally `title`. What SurveyJS cannot express is listed in `unconverted` by row of the survey sheet. A file that is not a valid XLSForm is refused with 422 `import.rejected` and its errors row by row; nothing is created.',
        consumes: ['multipart/form-data'],
        response: { 201: ZXlsFormImport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const upload = await readUpload(request, ZXlsFormImportFields);
      const result = await importXlsForm(db, {
        fileName: upload.fileName,
        bytes: upload.bytes,
        title: upload.fields.title,
        assessmentId: upload.fields.assessmentId ?? null,
        territoryId: upload.fields.territoryId ?? null,
        actor,
        author: { userId: actor.userId, actor: actorLabel(actor) },
        language: request.language,
      });
      return reply.status(201).send(result);
    },
  );
}
