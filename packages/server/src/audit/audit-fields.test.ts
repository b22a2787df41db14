import { getTableColumns, type Table } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type TAuditEntity } from '@potreby/domain/audit/audit-entries';
import { LANGUAGES, resources } from '@potreby/i18n';
import { appUser } from '../accounts/tables';
import { assessment, assessmentMethod, finding, planMeasure, respondentGroup, workingGroupMember } from '../assessments/tables';
import { norm } from '../norms/tables';
import { serviceSite } from '../service-sites/tables';
import { planningRound, proposalItem, roundStage } from '../planning/tables';
import { collectionLink, questionnaire } from '../surveys/tables';
import { serviceReview } from '../services-review/tables';
import { agreementVersion } from '../planning/agreement/tables';
import { meetingDecision, roundMeeting, roundTask } from '../planning/meetings/tables';

const columns = (table: Table, ...left: string[]) => Object.keys(getTableColumns(table)).filter((c) => !left.includes(c));
/** What an import's entry holds (import-file.ts, import-responses.ts, import-boundaries.ts). */
const IMPORT = ['dataset', 'fileName', 'format', 'rows', 'inserted', 'updated'];

/**
 * The fields each kind of entry shows before and after a change: the audited table's columns
 * (as recordChange receives its rows) or the summary a use case writes. Typed by kind, so a new
 * kind of record must say what it shows here too.
 */
const FIELDS: Record<TAuditEntity, string[]> = {
  service_site: [...columns(serviceSite, 'updatedAt'), 'copiedFrom'],
  norm: columns(norm),
  // The calendar feed's address is never logged, only when it was made (planning/calendar).
  user: [...columns(appUser, 'passwordHash'), 'calendarFeedCreatedAt'],
  session: [],
  territories: IMPORT,
  population: IMPORT,
  indicators: IMPORT,
  services: IMPORT,
  boundaries: IMPORT,
  responses: [...IMPORT, 'questionnaireId', 'version', 'duplicates'],
  response: ['questionnaireId', 'version', 'channel', 'respondentGroupId', 'responses', 'illustrative'],
  assessment: columns(assessment),
  working_group_member: columns(workingGroupMember),
  plan_measure: columns(planMeasure),
  assessment_method: columns(assessmentMethod),
  respondent_group: columns(respondentGroup),
  finding: columns(finding),
  questionnaire: [...columns(questionnaire), 'version', 'source'],
  // A list of tags before and after: shown as one value.
  question_tags: ['value'],
  collection_link: columns(collectionLink),
  free_text_tag: ['question', 'tags'],
  export: ['questionnaireId', 'what', 'format', 'language'],
  service_type: ['added'],
  planning_round: [...columns(planningRound), 'stages'],
  round_stage: columns(roundStage, 'sortOrder'),
  // An item, or a proposals file imported into a round.
  proposal_item: [...columns(proposalItem, 'updatedAt'), ...IMPORT, 'round', 'items'],
  // The round's list of envelopes before and after: shown as one value.
  envelope: ['value'],
  unit_cost: [...IMPORT, 'year'],
  ceiling: [...IMPORT, 'year'],
  service_review: columns(serviceReview, 'updatedAt'),
  // A template as a whole (planning/templates/store.ts), and one amendment of a country's calendar (planning/working-days).
  planning_template: ['key', 'country', 'legalBasis', 'name', 'stages'],
  calendar_day: ['id', 'date', 'working', 'note'],
  // A version as generated or signed, and a municipality's position on it (planning/agreement/agreement.ts).
  agreement_version: [...columns(agreementVersion, 'content', 'createdBy', 'createdAt', 'id')],
  // A scenario's changes (planning/scenarios), a meeting with its participants, its decisions and
  // attachments, and a task (planning/meetings).
  plan_scenario: ['id', 'roundId', 'name', 'itemChanges', 'populationChanges', 'createdBy'],
  round_meeting: [...columns(roundMeeting), 'participants'],
  meeting_participant: [],
  meeting_decision: columns(meetingDecision),
  meeting_attachment: ['meetingId', 'fileName', 'mediaType', 'size'],
  round_task: columns(roundTask),
  // A consultation (its text counted, not copied) and a comment's state: never the commenter's name (consultation/consultations.ts).
  consultation: ['roundId', 'territoryId', 'kind', 'title', 'opensOn', 'closesOn', 'sections'],
  consultation_comment: ['consultationId', 'target', 'status', 'hiddenReason', 'verdict', 'reason', 'change', 'changedItemId', 'erased'],
  // A working meeting and a fiche as their routes present them (fiches/fiches.ts).
  fiche_workshop: ['id', 'municipalityId', 'date', 'place', 'topic', 'participants', 'entries'],
  project_fiche: ['id', 'municipalityId', 'title', 'problemIds', 'serviceTypes', 'objectives', 'activities', 'targetGroup', 'peopleReached', 'settlementIds', 'partners', 'startMonth', 'months', 'budget', 'indicators', 'owner', 'status', 'totalCost', 'updatedAt'],
  // A reworded text of a document (documents/wording-routes.ts).
  document_wording: ['country', 'kind', 'key', 'language', 'text'],
  ozps_figure: ['indicator', 'year', 'value'],
  // A published section of a territory's public page (public-site/publications.ts).
  publication: ['territoryId', 'section', 'published', 'publishedAt'],
  mayor_position: ['municipalityId', 'position', 'reason', 'decisionNumber', 'decisionDate', 'signatoryName', 'recordedAt', 'versionId', 'number'],
};

type Audit = { entities: Record<string, string>; actions: Record<string, string>; fields: Record<string, string>; actors: Record<string, string> };
const auditTexts = (language: (typeof LANGUAGES)[number]) => (resources[language].translation as { audit: Audit }).audit;

/** The audit log speaks the reader's language: no `plan_measure`, `seed` or `ratePer1000` on screen. */
describe('the audit log in every language', () => {
  it('lists the fields of the audited tables', () => {
    expect(FIELDS.service_site).toContain('capacity');
    expect(FIELDS.plan_measure).toContain('dueDate');
    expect(FIELDS.user).not.toContain('passwordHash');
  });

  for (const language of LANGUAGES) {
    it(`names every kind of record, action, author and field in ${language}`, () => {
      const audit = auditTexts(language);
      expect(AUDIT_ENTITIES.filter((e) => !audit.entities[e]?.trim())).toEqual([]);
      expect(AUDIT_ACTIONS.filter((a) => !audit.actions[a]?.trim())).toEqual([]);
      expect(['seed', 'system', 'public', 'cli', 'login', 'user'].filter((a) => !audit.actors?.[a]?.trim())).toEqual([]);
      const fields = [...new Set(Object.values(FIELDS).flat())];
      expect(fields.filter((f) => !audit.fields[f]?.trim())).toEqual([]);
    });
  }
});
