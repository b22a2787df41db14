import { ZIdText, ZYearText } from '@potreby/domain';
import { z } from 'zod';
import { ZGapMethod } from '../gaps/schema';

export const EXPORT_TABLES = ['territories', 'population', 'indicators', 'services', 'norms', 'service-types', 'gaps', 'audit'] as const;

export const ZExportParams = z.object({ table: z.enum(EXPORT_TABLES), format: z.enum(['csv', 'xlsx']) });

export const ZExportQuery = z.object({
  territoryId: ZIdText.optional(),
  year: ZYearText.optional(),
  method: ZGapMethod.optional(),
  /** Language of the headers; default: the user's. */
  lang: z.enum(['bg', 'uk', 'pl', 'en']).optional(),
});
