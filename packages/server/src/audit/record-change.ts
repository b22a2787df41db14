import type { TAuditAction, TAuditEntity } from '@potreby/domain/audit/audit-entries';
import type { Db } from '../db/database';
import { auditLog } from './tables';

export type ChangeAuthor = { userId: number | null; actor: string };

export type Change = {
  action: TAuditAction;
  /** A kind of record the web names in every language (AUDIT_ENTITIES); add new kinds there. */
  entity: TAuditEntity;
  entityId?: string | number | null;
  country?: string | null;
  territoryId?: number | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Write one audit entry in the same transaction as the change it describes, so a change
 * without its entry (or the reverse) cannot happen. The entries of a country also serve as its
 * data revision: the gap cache is valid while no newer entry exists.
 */
export async function recordChange(tx: Db, author: ChangeAuthor, change: Change): Promise<void> {
  lastChangeAt = Date.now();
  await tx.insert(auditLog).values({
    userId: author.userId,
    actor: author.actor,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId === undefined || change.entityId === null ? null : String(change.entityId),
    country: change.country ?? null,
    territoryId: change.territoryId ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** When this process last recorded a change (ms): the public pages' short memo is not trusted around it (consultation/public-cache.ts). */
let lastChangeAt = 0;
export const lastRecordedChange = (): number => lastChangeAt;

export const SYSTEM_AUTHOR: ChangeAuthor = { userId: null, actor: 'system' };
