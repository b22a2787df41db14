import { z } from 'zod';
import { IMPORT_KINDS, ZCountry } from '@potreby/domain';

export const ZImportKind = z.enum([...IMPORT_KINDS, 'boundaries']);
export type TImportKindParam = z.infer<typeof ZImportKind>;
/** Every kind the import route takes: the imports page's, and the service catalogue (catalogue/import-service-types.ts). */
export const ZImportRouteKind = z.enum([...ZImportKind.options, 'service-types']);
export type TImportRouteKind = z.infer<typeof ZImportRouteKind>;

export const ZImportParams = z.object({ kind: ZImportRouteKind });

/** Multipart fields sent with the file. */
export const ZImportFields = z.object({
  country: ZCountry.optional(),
  /** For files without a year column (Bulgaria's settlement population list). */
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  /** Where the figures come from, when the file does not say (population files). */
  source: z.string().trim().max(500).optional(),
  illustrative: z.enum(['yes', 'no']).optional(),
});

export const ZImportResult = z.object({
  datasetId: z.number().int(),
  kind: ZImportRouteKind,
  /** The format recognised: canonical, katottg, teryt_terc, bg_settlement_locations … */
  format: z.string(),
  rows: z.number().int(),
  /** Rows of the file deliberately left out (e.g. city districts of KATOTTG), with why. */
  skipped: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZDatasetList = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      kind: z.string(),
      format: z.string(),
      fileName: z.string().nullable(),
      country: z.string().nullable(),
      source: z.string().nullable(),
      illustrative: z.boolean(),
      rows: z.number().int(),
      importedBy: z.string().nullable(),
      importedAt: z.string(),
    }),
  ),
});
export type TDatasetList = z.infer<typeof ZDatasetList>;
