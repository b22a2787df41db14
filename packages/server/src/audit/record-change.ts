import type { Db } from '../db/database';
import { auditLog } from './tables';

export type ChangeAuthor = { userId: number | null; actor: string };

export type Change = {
  action: 'create' | 'update' | 'delete' | 'import' | 'sign_in' | 'sign_in_failed' | 'sign_out' | 'password_change' | 'password_reset' | 'seed';
  entity: string;
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

export const SYSTEM_AUTHOR: ChangeAuthor = { userId: null, actor: 'system' };
