import { AppError, may, type TAction } from '@potreby/domain';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { findTerritory, type TerritoryRow } from '../territories/queries';
import { actorOf, type SessionActor } from './context';

/** The territory a request is about, if the actor may do `action` there; 404 or 403 otherwise. */
export async function territoryFor(db: Db, request: FastifyRequest, id: number, action: TAction = 'read'): Promise<{ actor: SessionActor; territory: TerritoryRow }> {
  const actor = actorOf(request);
  const territory = await findTerritory(db, id);
  if (!may(actor, action, territory)) throw new AppError('auth.forbidden');
  return { actor, territory };
}

/** The actor, if the role has the action at all; 403 otherwise. */
export function actorWith(request: FastifyRequest, action: TAction, place: { path: string } | null = null): SessionActor {
  const actor = actorOf(request);
  if (place ? !may(actor, action, place) : !may(actor, action, actor.scopePath === null ? null : { path: actor.scopePath })) {
    throw new AppError('auth.forbidden');
  }
  return actor;
}
