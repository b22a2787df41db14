import { AppError, may } from '@potreby/domain';
import { pickLanguage } from '@potreby/i18n';
import type { App } from '../http/app';
import { actorOf } from '../http/context';
import { territoryFor } from '../http/guards';
import type { RouteContext } from '../http/routes';
import { columnLabel } from './column-label';
import { EXPORT_COLUMNS, exportRows } from './export-tables';
import { ZExportParams, ZExportQuery } from './schema';
import { sheetName, toCsv, toXlsx } from './write-table';

export function exportRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  app.get(
    '/api/v1/exports/:table/:format',
    { schema: { tags: ['exports'], summary: 'Download a table as CSV or XLSX, headers in the chosen language', params: ZExportParams, querystring: ZExportQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { table, format } = request.params;
      if (table === 'audit' && !may(actor, 'view_audit', null)) throw new AppError('auth.forbidden');
      const chosen = request.query.territoryId ? (await territoryFor(ctx, request, request.query.territoryId)).territory : null;
      if (table === 'gaps' && !chosen) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'required' }] });
      const path = chosen?.path ?? actor.scopePath;
      const language = pickLanguage(request.query.lang, request.language);
      const data = await exportRows(db, ctx.models, table, { path, territory: chosen, year: request.query.year, method: request.query.method, language });
      const header = EXPORT_COLUMNS[table].map((c) => columnLabel(language, table, c));
      const fileName = `potreby-${table}${chosen ? '-' + chosen.code : ''}${request.query.year ? '-' + request.query.year : ''}.${format}`;
      void reply.header('content-disposition', `attachment; filename="${fileName}"`);
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(header, data, language));
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(toXlsx(sheetName(language, table), header, data, language));
    },
  );
}
