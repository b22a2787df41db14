import { INT4_MAX, ZIdText } from '@potreby/domain';
import { z } from 'zod';

/** RFC 9457 problem details, with a stable `code` clients can rely on. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  instance: z.string().optional(),
  /** Field errors of a rejected request body or query. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Row-by-row report of a rejected import. */
  errors: z
    .array(z.object({ row: z.number(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), message: z.string() }))
    .optional(),
  totalErrors: z.number().int().optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZIdParam = z.object({ id: ZIdText });

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(INT4_MAX).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const ZTerritoryRef = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.string(),
  country: z.string(),
});
export type TTerritoryRef = z.infer<typeof ZTerritoryRef>;
