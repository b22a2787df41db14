import { ZIdText } from '@potreby/domain';
import { z } from 'zod';
import { ZPage } from '../http/schema';

export const ZAuditQuery = ZPage.extend({
  entity: z.string().max(50).optional(),
  userId: ZIdText.optional(),
});

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  territory: z.object({ id: z.number().int(), code: z.string(), name: z.string(), nameEn: z.string().nullable(), country: z.string(), level: z.string() }).nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditList = z.object({ items: z.array(ZAuditEntry), total: z.number().int() });
export type TAuditList = z.infer<typeof ZAuditList>;
