import { reaches, type Actor, type Place } from '@potreby/domain';

/**
 * Who may do what in a planning round (issue 8, "Access"). Written with the policy's own terms
 * (accounts/policy.ts reaches): only the region's officers (or administrators) open, close and
 * reopen a round and set its envelopes; each municipal officer changes only their municipality's
 * items; everyone whose reach meets the round's territory reads it.
 */
const OPENERS: ReadonlySet<Actor['role']> = new Set(['admin', 'regional_officer']);
const PROPOSERS: ReadonlySet<Actor['role']> = new Set(['admin', 'regional_officer', 'municipal_officer']);
/** The national standards (unit costs, the National Map's ceilings) are the country's, set nationally. */
const STANDARD_SETTERS: ReadonlySet<Actor['role']> = new Set(['admin', 'agency']);

/** Open, close or reopen a round of this territory, and set its envelopes. */
export const mayRunRound = (actor: Actor, territory: Place): boolean => OPENERS.has(actor.role) && reaches(actor, territory);

/**
 * Read a round: the territory is within the actor's reach, or the actor's territory is within the
 * round's (a municipality's officer reads its province's round, where its items are).
 */
export const mayReadRound = (actor: Actor, territory: Place): boolean =>
  reaches(actor, territory) || (actor.scopePath !== null && actor.scopePath.startsWith(territory.path));

/** Add, change or remove an item of this municipality (in a round the actor may read). */
export const mayEditItem = (actor: Actor, municipality: Place): boolean => PROPOSERS.has(actor.role) && reaches(actor, municipality);

/** Does the role propose anywhere at all? Others are refused a proposals file before it is read. */
export const mayProposeAnywhere = (actor: Actor): boolean => PROPOSERS.has(actor.role);

/** Does the role set national standards anywhere at all? The screens offer the standards page to those. */
export const maySetStandardsSomewhere = (actor: Pick<Actor, 'role'>): boolean => STANDARD_SETTERS.has(actor.role);

/** Import a country's unit costs or ceilings: the country is within the actor's reach. */
export const maySetStandards = (actor: Actor, country: Place): boolean => STANDARD_SETTERS.has(actor.role) && reaches(actor, country);
