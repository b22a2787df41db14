import type { Actor } from '@potreby/domain';
import type { TEnvelope } from '@potreby/domain/planning/proposal';
import { AppError } from '@potreby/domain';
import { asc, eq } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { assertOpen, loadRound, roundMunicipalities } from './rounds';
import { envelope } from './tables';

export async function listEnvelopes(db: Db, roundId: number): Promise<TEnvelope[]> {
  const found = await db.select().from(envelope).where(eq(envelope.roundId, roundId)).orderBy(asc(envelope.id));
  return found.map((e) => ({ municipalityId: e.municipalityId, fundingSource: e.fundingSource as TEnvelope['fundingSource'], annualLimit: e.annualLimit }));
}

/** Set a round's envelopes (the whole list, replaced): the round's openers only. */
export async function setEnvelopes(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, items: readonly TEnvelope[]): Promise<TEnvelope[]> {
  const loaded = await loadRound(db, actor, roundId, 'run');
  assertOpen(loaded);
  const ids = new Set((await roundMunicipalities(db, loaded.territory)).map((m) => m.id));
  items.forEach((e, i) => {
    if (e.municipalityId !== null && !ids.has(e.municipalityId)) throw new AppError('validation.invalid', {}, { issues: [{ path: `items.${i}.municipalityId`, message: 'not_in_round' }] });
  });
  const keys = new Set(items.map((e) => `${e.municipalityId}|${e.fundingSource}`));
  if (keys.size !== items.length) throw new AppError('validation.invalid', {}, { issues: [{ path: 'items', message: 'duplicate' }] });
  return db.transaction(async (tx) => {
    const before = await listEnvelopes(tx, roundId);
    await tx.delete(envelope).where(eq(envelope.roundId, roundId));
    if (items.length > 0) await tx.insert(envelope).values(items.map((e) => ({ roundId, ...e })));
    await recordChange(tx, author, { action: 'update', entity: 'envelope', entityId: roundId, country: loaded.territory.country, territoryId: loaded.territory.id, before, after: items });
    return [...items];
  });
}
