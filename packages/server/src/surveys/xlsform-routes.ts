import { formLanguageCode } from '@potreby/domain';
import { z } from 'zod';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { ZXlsFormImportFields } from './import-schema';
import { importXlsForm } from './import-xlsform';
import { readUpload } from '../http/read-upload';
import { ZXlsFormImport } from './schema';

/**
 * The form's own language for texts in columns that name none, chosen in the import dialog
 * (the settings sheet's `default_language` wins). Refused when it names no language.
 */
const ZXlsFormFields = ZXlsFormImportFields.and(
  z.object({ formLanguage: z.string().trim().max(60).optional().refine((l) => l === undefined || l === '' || formLanguageCode(l) !== null, { message: 'invalid_language' }) }),
);

export function xlsFormRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.post(
    '/api/v1/questionnaires/import-xlsform',
    {
      schema: {
        tags: ['questionnaires'],
        summary: 'Create a questionnaire from an XLSForm file (ODK, KoboToolbox)',
        description:
          'multipart/form-data: the XLSX file in field `file`, and `assessmentId` or `territoryId`, optionally `title` and `formLanguage` (the language of texts in columns that name none, e.g. `en`; the `default_language` of the settings sheet wins; without either, no language is claimed for them). What SurveyJS cannot express is listed in `unconverted` by row of the survey sheet. A file that is not a valid XLSForm is refused with 422 `import.rejected` and its errors row by row; nothing is created.',
        consumes: ['multipart/form-data'],
        response: { 201: ZXlsFormImport },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const upload = await readUpload(request, ZXlsFormFields);
      const result = await importXlsForm(db, {
        fileName: upload.fileName,
        bytes: upload.bytes,
        title: upload.fields.title,
        assessmentId: upload.fields.assessmentId ?? null,
        territoryId: upload.fields.territoryId ?? null,
        actor,
        author: { userId: actor.userId, actor: actorLabel(actor) },
        language: request.language,
        formLanguage: upload.fields.formLanguage ? formLanguageCode(upload.fields.formLanguage) : null,
      });
      return reply.status(201).send(result);
    },
  );
}
