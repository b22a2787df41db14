import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, customType, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { assessment, respondentGroup } from '../assessments/tables';
import { territory } from '../territories/tables';

/** A questionnaire; its content lives in versions, so answers always know what was asked. */
export const questionnaire = pgTable(
  'questionnaire',
  {
    id: serial('id').primaryKey(),
    assessmentId: integer('assessment_id').references(() => assessment.id, { onDelete: 'cascade' }),
    /** The territory it asks about (the assessment's, or set directly for a stand-alone questionnaire). */
    territoryId: integer('territory_id').references(() => territory.id),
    title: text('title').notNull(),
    /** The version answered from now on. */
    currentVersion: integer('current_version').notNull().default(1),
    demo: boolean('demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('questionnaire_assessment').on(t.assessmentId)],
);

/** One version of a questionnaire: a SurveyJS definition, with every language it is written in. */
export const questionnaireVersion = pgTable(
  'questionnaire_version',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaire.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    languages: text('languages').array().notNull(),
    /** Where it came from: the editor, or an XLSForm file (name kept). */
    source: text('source').notNull().default('editor'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('questionnaire_version_number').on(t.questionnaireId, t.version)],
);

/**
 * What a question tells about a service: a need for it, current use of it, or satisfaction with
 * it — and which answers count as "yes".
 */
export const questionTag = pgTable(
  'question_tag',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaire.id, { onDelete: 'cascade' }),
    questionName: text('question_name').notNull(),
    purpose: text('purpose').notNull(),
    serviceType: text('service_type'),
    targetGroup: text('target_group'),
    positiveValues: text('positive_values').array().notNull().default(sql`'{}'`),
  },
  (t) => [
    uniqueIndex('question_tag_once').on(t.questionnaireId, t.questionName, t.purpose),
    check('question_tag_purpose', sql`${t.purpose} in ('need','current_use','satisfaction','settlement','information')`),
  ],
);

/** A public link (and QR code) by which one respondent group answers one questionnaire. */
export const collectionLink = pgTable(
  'collection_link',
  {
    id: serial('id').primaryKey(),
    token: text('token').notNull(),
    questionnaireId: integer('questionnaire_id')
      .notNull()
      .references(() => questionnaire.id, { onDelete: 'cascade' }),
    respondentGroupId: integer('respondent_group_id').references(() => respondentGroup.id, { onDelete: 'cascade' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('collection_link_token').on(t.token)],
);

/**
 * One completed questionnaire. Anonymous: nothing here says who answered or from where. The
 * submission key (made by the respondent's browser, or taken from a Kobo export's _uuid) makes a
 * resent answer a no-op.
 */
export const response = pgTable(
  'response',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    questionnaireId: integer('questionnaire_id').notNull(),
    version: integer('version').notNull(),
    respondentGroupId: integer('respondent_group_id'),
    settlementId: integer('settlement_id'),
    answers: jsonb('answers').notNull(),
    channel: text('channel').notNull(),
    submissionKey: text('submission_key').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    enteredBy: integer('entered_by'),
    datasetId: integer('dataset_id'),
    demo: boolean('demo').notNull().default(false),
  },
  (t) => [
    // Unique per questionnaire: the same key from two questionnaires is two answers.
    uniqueIndex('response_submission').on(t.questionnaireId, t.submissionKey),
    check('response_channel', sql`${t.channel} in ('web','paper','import')`),
  ],
);

/** A staff member's tag on a free-text answer ("transport", "loneliness" …). */
export const freeTextTag = pgTable(
  'free_text_tag',
  {
    id: serial('id').primaryKey(),
    responseId: bigint('response_id', { mode: 'number' }).notNull(),
    questionName: text('question_name').notNull(),
    tag: text('tag').notNull(),
  },
  (t) => [uniqueIndex('free_text_tag_once').on(t.responseId, t.questionName, t.tag)],
);

/** Settings shared by every app server, such as the key that signs public form tokens. */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * An export made in the background: what was asked, how far it is, and — once done — its file,
 * kept in chunks so any app server can stream it and none holds it whole. pg-boss runs the work;
 * this row is what the user polls.
 */
export const exportFile = pgTable(
  'export_file',
  {
    id: serial('id').primaryKey(),
    questionnaireId: integer('questionnaire_id').notNull(),
    what: text('what').notNull(),
    format: text('format').notNull(),
    language: text('language').notNull(),
    state: text('state').notNull().default('waiting'),
    progress: doublePrecision('progress').notNull().default(0),
    error: text('error'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    userId: integer('user_id'),
    size: integer('size').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('export_file_state', sql`${t.state} in ('waiting','running','done','failed')`)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const exportChunk = pgTable(
  'export_chunk',
  {
    exportId: integer('export_id')
      .notNull()
      .references(() => exportFile.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.seq] })],
);
