import { AppError, may, type TAction, type TTerritory } from '@potreby/domain';
import type { FastifyRequest } from 'fastify';
import type { CountryModels } from '../model/country-model';
import { findTerritory, toTerritory } from '../territories/queries';
import type { Db } from '../db/database';
import { actorOf, type SessionActor } from './context';

export type PlacedTerritory = TTerritory & { path: string };

/**
 * The territory a request is about, if the actor may do `action` there; 404 or 403 otherwise.
 * Read from the cached country model when there is one: a dashboard request needs no query.
 */
export async function territoryFor(
  ctx: { database: { db: Db }; models: CountryModels },
  request: FastifyRequest,
  id: number,
  action: TAction = 'read',
): Promise<{ actor: SessionActor; territory: PlacedTerritory }> {
  const actor = actorOf(request);
  const territory: PlacedTerritory = ctx.models.cachedTerritory(id) ?? (await placed(ctx.database.db, id));
  if (!may(actor, action, territory)) throw new AppError('auth.forbidden');
  return { actor, territory };
}

async function placed(db: Db, id: number): Promise<PlacedTerritory> {
  const row = await findTerritory(db, id);
  return { ...toTerritory(row), path: row.path };
}

/** The actor, if the role has the action at all; 403 otherwise. */
export function actorWith(request: FastifyRequest, action: TAction, place: { path: string } | null = null): SessionActor {
  const actor = actorOf(request);
  if (place ? !may(actor, action, place) : !may(actor, action, actor.scopePath === null ? null : { path: actor.scopePath })) {
    throw new AppError('auth.forbidden');
  }
  return actor;
}
