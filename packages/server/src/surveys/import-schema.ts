import { ZIdText } from '@potreby/domain';
import { z } from 'zod';

/** Multipart fields sent with an XLSForm file (`POST /questionnaires/import-xlsform`). */
export const ZXlsFormImportFields = z
  .object({
    assessmentId: ZIdText.optional(),
    territoryId: ZIdText.optional(),
    title: z.string().trim().max(300).optional(),
  })
  .refine((f) => f.assessmentId !== undefined || f.territoryId !== undefined, { path: ['territoryId'], message: 'territory_required' });

/** Multipart fields sent with a responses file (`POST /imports/responses`). */
export const ZResponseImportFields = z.object({
  questionnaireId: ZIdText,
  /** The group of rows whose file has no `respondent_group` column (or an empty cell there). */
  respondentGroupId: ZIdText.optional(),
});

/**
 * The result of a responses import. Importing a file again stores nothing twice: rows whose
 * submission key is already stored (or repeats an earlier row of the file) are counted in
 * `duplicates`, not refused — "N new, M already imported".
 */
export const ZResponseImportResult = z.object({
  /** The dataset of the new responses; null when the file added none (every one stored before). */
  datasetId: z.number().int().nullable(),
  questionnaireId: z.number().int(),
  /** The questionnaire version the new responses answer (the current one). */
  version: z.number().int(),
  format: z.enum(['csv', 'xlsx']),
  /** Responses stored by this import. */
  rows: z.number().int(),
  /** Rows left out because the same response was imported (or sent) before. */
  duplicates: z.number().int(),
});
export type TResponseImportResult = z.infer<typeof ZResponseImportResult>;
