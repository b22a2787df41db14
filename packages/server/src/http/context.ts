import type { Actor } from '@potreby/domain';
import type { TLanguage } from '@potreby/i18n';
import { AppError } from '@potreby/domain';
import type { FastifyRequest } from 'fastify';

/** The signed-in user behind a request, with what the policy needs. */
export type SessionActor = Actor & {
  userId: number;
  login: string;
  name: string;
  territoryId: number | null;
  country: string | null;
  language: TLanguage;
  mustChangePassword: boolean;
  csrfToken: string;
  sessionId: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
    language: TLanguage;
  }
}

/** The signed-in actor, or 401. */
export function actorOf(request: FastifyRequest): SessionActor {
  if (!request.actor) throw new AppError('auth.required');
  return request.actor;
}

/** "user:12" for the audit log. */
export const actorLabel = (actor: SessionActor) => `user:${actor.userId}`;
