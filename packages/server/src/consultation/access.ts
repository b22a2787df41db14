import { reaches, type Actor, type Place } from '@potreby/domain';

/**
 * Who runs a consultation: publishes it, moderates and answers its comments, reads its
 * commenters' names. Whoever holds the document: the region's officers for the round's draft
 * agreement (its territory is the region), a municipality's officers for its planning proposal,
 * administrators anywhere. Residents need no account; they read what is open or closed.
 */
const RUNNERS: ReadonlySet<Actor['role']> = new Set(['admin', 'regional_officer', 'municipal_officer']);

export const mayRunConsultation = (actor: Actor, territory: Place): boolean => RUNNERS.has(actor.role) && reaches(actor, territory);
