import { z } from 'zod';
import { ZCountry } from '@potreby/domain';
import { ZTemplateEdit } from '@potreby/domain/planning/templates/edit-template';
import { ZTemplateStage } from '@potreby/domain/planning/templates/template';

export const ZTemplateKeyParam = z.object({ key: z.string().min(1).max(100) });
export { ZTemplateEdit };
export const ZStoredTemplate = z.object({
  key: z.string(),
  country: ZCountry,
  legalBasis: z.string(),
  name: z.string().nullable(),
  stages: z.array(ZTemplateStage),
  /** Whether an administrator has edited the law's template. */
  edited: z.boolean(),
  updatedAt: z.string().nullable(),
});
