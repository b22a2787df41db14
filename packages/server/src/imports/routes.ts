import { AppError, hasGrant, mayEditCatalogue } from '@potreby/domain';
import { desc, eq } from 'drizzle-orm';
import { appUser } from '../accounts/tables';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { dataset } from '../population/tables';
import { readUpload } from '../http/read-upload';
import { importFile } from './import-file';
import { ZDatasetList, ZImportFields, ZImportParams, ZImportResult } from './schema';

export function importRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.post(
    '/api/v1/imports/:kind',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import a CSV, XLSX or GeoJSON file, all or nothing',
        description:
          'multipart/form-data with the file in field `file` and optional fields `country`, `year`, `source`, `illustrative` (yes/no). A file with any bad row is rejected with 422 and a row-by-row report (`errors`); nothing is written.',
        params: ZImportParams,
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const kind = request.params.kind;
      // The service catalogue is the same for the whole country: national administrators only.
      const allowed = kind === 'service-types' ? mayEditCatalogue(actor) : hasGrant(actor, `import_${kind}` as never);
      if (!allowed) throw new AppError('auth.forbidden');
      const upload = await readUpload(request, ZImportFields);
      return importFile(ctx.database, {
        kind,
        fileName: upload.fileName,
        bytes: upload.bytes,
        country: upload.fields.country,
        year: upload.fields.year,
        source: upload.fields.source,
        illustrative: upload.fields.illustrative === 'yes',
        actor,
        author: { userId: actor.userId, actor: actorLabel(actor) },
        language: request.language,
      });
    },
  );

  app.get('/api/v1/datasets', { schema: { tags: ['imports'], summary: 'Imported files and where their figures come from', response: { 200: ZDatasetList } } }, async (request) => {
    const actor = actorOf(request);
    const found = await db
      .select({ d: dataset, importedBy: appUser.name })
      .from(dataset)
      .leftJoin(appUser, eq(appUser.id, dataset.importedBy))
      .where(actor.scopePath === null ? undefined : eq(dataset.importedBy, actor.userId))
      .orderBy(desc(dataset.id))
      .limit(200);
    return {
      items: found.map(({ d, importedBy }) => ({
        id: d.id,
        kind: d.kind,
        format: d.format,
        fileName: d.fileName,
        country: d.country,
        source: d.source,
        illustrative: d.illustrative,
        rows: d.rows,
        importedBy: importedBy ?? (d.importedBy === null ? 'system' : null),
        importedAt: d.importedAt.toISOString(),
      })),
    };
  });
}
