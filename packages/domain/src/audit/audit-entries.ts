import { IMPORT_KINDS } from '../imports/formats';

/**
 * What the audit log records changes of: the `entity` of every entry. `recordChange` accepts
 * only these, and the web translates each one in every language (a test checks both), so a new
 * kind of record cannot reach the audit log under a raw name like `plan_measure`.
 */
export const AUDIT_ENTITIES = [
  'service_site',
  'norm',
  'user',
  'session',
  // Imports: one entry per imported file, named after what it brought in.
  ...IMPORT_KINDS,
  'boundaries',
  'responses',
  'response',
  'assessment',
  'working_group_member',
  'plan_measure',
  'assessment_method',
  'respondent_group',
  'finding',
  'questionnaire',
  'question_tags',
  'collection_link',
  'free_text_tag',
  'export',
  /** The service catalogue: types added when a database is brought up to date. */
  'service_type',
  /** A planning round (issue 8): the round, its stages, proposal items, envelopes, unit costs and ceilings. */
  'planning_round',
  'round_stage',
  'proposal_item',
  'envelope',
  'unit_cost',
  'ceiling',
  /** The municipal services review (issue 8, story 2): a forum's notes on one service. */
  'service_review',
  /** Planning templates and a country's working-day calendar, as administrators edit them (issue 8, items 1, 2). */
  'planning_template',
  'calendar_day',
  /** A scenario of a planning round (issue 8, item 9). */
  'plan_scenario',
  /** Working meetings of a round and the tasks they give (issue 8, items 3, 4). */
  'round_task',
  'round_meeting',
  'meeting_participant',
  'meeting_decision',
  'meeting_attachment',
  /** The mayors' agreement of a round: its versions and each municipality's position (issue 8, item 11). */
  'agreement_version',
  'mayor_position',
  /** A public consultation of a round's document, and each comment with its moderation and answer (issue 9, item 1). */
  'consultation',
  'consultation_comment',
  /** A municipality's working meetings (problems and ideas) and project fiches (issue 9, item 2). */
  'fiche_workshop',
  'project_fiche',
  /** A fixed text of an official document as an administrator reworded it for a country (issue 9, item 3). */
  'document_wording',
  'ozps_figure',
  /** A section a territory's authority published on its public page (issue 9, item 5). */
  'publication',
] as const;
export type TAuditEntity = (typeof AUDIT_ENTITIES)[number];

/** What was done (the `action` of an entry). */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'import', 'seed', 'sign_in', 'sign_in_failed', 'sign_out', 'password_change', 'password_reset'] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditEntity = (value: string): value is TAuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(value);

/**
 * Who made a change, as the `actor` column writes it: a signed-in user (`user:12`), a failed
 * sign-in under a login (`login:maria`), the command line under the computer's user
 * (`cli:ivan`), the demonstration's seed (`seed`), the app itself (`system`) or a resident
 * without an account (`public`: a consultation's comment).
 */
export type TAuditActor =
  | { kind: 'user'; id: string }
  | { kind: 'login'; login: string }
  | { kind: 'cli'; user: string }
  | { kind: 'seed' }
  | { kind: 'system' }
  | { kind: 'public' }
  | { kind: 'other'; text: string };

export function parseAuditActor(actor: string): TAuditActor {
  if (actor === 'seed' || actor === 'system' || actor === 'public') return { kind: actor };
  const colon = actor.indexOf(':');
  const prefix = colon < 0 ? '' : actor.slice(0, colon);
  const rest = actor.slice(colon + 1);
  if (prefix === 'user' && /^\d+$/.test(rest)) return { kind: 'user', id: rest };
  if (prefix === 'login') return { kind: 'login', login: rest };
  if (prefix === 'cli') return { kind: 'cli', user: rest };
  return { kind: 'other', text: actor };
}
