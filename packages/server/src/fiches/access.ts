import { reaches, type Actor, type Place } from '@potreby/domain';

/**
 * Who records a municipality's working meetings and project fiches: its officers, the region's
 * officers and administrators — as for its plan items (planning/access.ts). Everyone whose reach
 * holds the municipality reads them.
 */
const WRITERS: ReadonlySet<Actor['role']> = new Set(['admin', 'regional_officer', 'municipal_officer']);

export const mayWriteFiches = (actor: Actor, municipality: Place): boolean => WRITERS.has(actor.role) && reaches(actor, municipality);
