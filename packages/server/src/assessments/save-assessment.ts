import {
  AppError,
  may,
  ZFindingInput,
  ZMeasureInput,
  ZMemberInput,
  ZMethodInput,
  ZRespondentGroupInput,
  type TAssessmentInput,
} from '@potreby/domain';
import { and, count, eq, ne } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import type { Actor } from '@potreby/domain';
import type { TAuditEntity } from '@potreby/domain/audit/audit-entries';
import { removeResponses } from '../surveys/questionnaires';
import { questionnaire, response } from '../surveys/tables';
import { findTerritory } from '../territories/queries';
import { assessmentFor } from './queries';
import { assessment, assessmentMethod, finding, planMeasure, respondentGroup, workingGroupMember } from './tables';

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

/** Assessments are made for municipalities (the planning unit) or larger units, within one's reach. */
async function checkTerritory(db: Db, actor: Actor, territoryId: number) {
  const place = await findTerritory(db, territoryId).catch(() => {
    throw invalid('territoryId', 'unknown_territory');
  });
  if (place.level === 'settlement') throw invalid('territoryId', 'below_planning_level');
  if (!may(actor, 'edit_assessment', place)) throw new AppError('auth.forbidden');
  return place;
}

export async function createAssessment(db: Db, actor: Actor, author: ChangeAuthor, input: TAssessmentInput): Promise<number> {
  const place = await checkTerritory(db, actor, input.territoryId);
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(assessment).values(input).returning();
    await recordChange(tx, author, { action: 'create', entity: 'assessment', entityId: created!.id, territoryId: place.id, after: created });
    return created!.id;
  });
}

export async function updateAssessment(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TAssessmentInput): Promise<void> {
  const { row: before } = await assessmentFor(db, actor, id, 'edit_assessment');
  const place = await checkTerritory(db, actor, input.territoryId);
  await db.transaction(async (tx) => {
    const [after] = await tx.update(assessment).set({ ...input, updatedAt: new Date() }).where(eq(assessment.id, id)).returning();
    // Access to a questionnaire is decided by its territory: moved with the assessment, it stays
    // reachable by the assessment's people and no longer by the old territory's.
    if (before.territoryId !== place.id) await tx.update(questionnaire).set({ territoryId: place.id }).where(eq(questionnaire.assessmentId, id));
    await recordChange(tx, author, { action: 'update', entity: 'assessment', entityId: id, territoryId: place.id, before, after });
  });
}

export async function deleteAssessment(db: Db, actor: Actor, author: ChangeAuthor, id: number): Promise<void> {
  const { row, place } = await assessmentFor(db, actor, id, 'edit_assessment');
  await db.transaction(async (tx) => {
    // Questionnaires go by cascade; their answers have no foreign key and are removed here.
    const questionnaires = await tx.select({ id: questionnaire.id }).from(questionnaire).where(eq(questionnaire.assessmentId, id));
    await removeResponses(tx, questionnaires.map((q) => q.id));
    await tx.delete(assessment).where(eq(assessment.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'assessment', entityId: id, territoryId: place.id, before: row });
  });
}

/**
 * The parts of an assessment, edited one at a time. Each is a table row belonging to the
 * assessment; the same create/update/delete serves them all.
 */
type PartSpec<S extends z.ZodType> = {
  table: PgTable & { id: AnyPgColumn; assessmentId: AnyPgColumn };
  entity: TAuditEntity;
  input: S;
  /**
   * Checks against the rest of the assessment. May change other rows of the same table (a new
   * chair demotes the old one) and returns them, before and after, to be audited like the part.
   */
  check?: (tx: Db, assessmentId: number, input: z.infer<S>, partId: number | null) => Promise<void | SideChange[]>;
  /** Checks before the part is removed. */
  checkDelete?: (tx: Db, partId: number) => Promise<void>;
};
type PartRow = Record<string, unknown> & { id: number };
type SideChange = { before: PartRow; after: PartRow };

export const PARTS = {
  members: {
    table: workingGroupMember,
    entity: 'working_group_member',
    input: ZMemberInput,
    // One chair: naming a new one makes the previous an ordinary member.
    check: async (tx, assessmentId, input, partId) => {
      if (!input.chair) return;
      const others = and(eq(workingGroupMember.assessmentId, assessmentId), eq(workingGroupMember.chair, true), partId === null ? undefined : ne(workingGroupMember.id, partId));
      const before = await tx.select().from(workingGroupMember).where(others);
      const after = await tx.update(workingGroupMember).set({ chair: false }).where(others).returning();
      return before.map((b) => ({ before: b, after: after.find((a) => a.id === b.id)! }));
    },
  } satisfies PartSpec<typeof ZMemberInput>,
  measures: { table: planMeasure, entity: 'plan_measure', input: ZMeasureInput } satisfies PartSpec<typeof ZMeasureInput>,
  methods: { table: assessmentMethod, entity: 'assessment_method', input: ZMethodInput } satisfies PartSpec<typeof ZMethodInput>,
  groups: {
    table: respondentGroup,
    entity: 'respondent_group',
    input: ZRespondentGroupInput,
    check: async (tx, assessmentId, input, partId) => {
      const [clash] = await tx
        .select({ id: respondentGroup.id })
        .from(respondentGroup)
        .where(and(eq(respondentGroup.assessmentId, assessmentId), eq(respondentGroup.key, input.key)));
      if (clash && clash.id !== partId) throw new AppError('conflict.duplicate', { field: 'key', value: input.key });
    },
    // Answers keep the group they were given for: removing it would leave them counted nowhere
    // (progress, estimates and cross-tables go by group).
    checkDelete: async (tx, partId) => {
      const [{ n }] = (await tx.select({ n: count() }).from(response).where(eq(response.respondentGroupId, partId))) as [{ n: number }];
      if (n > 0) throw new AppError('conflict.in_use');
    },
  } satisfies PartSpec<typeof ZRespondentGroupInput>,
  findings: {
    table: finding,
    entity: 'finding',
    input: ZFindingInput,
    check: async (tx, assessmentId, input) => {
      if (input.respondentGroupId === null) return;
      const [group] = await tx.select({ id: respondentGroup.id }).from(respondentGroup).where(and(eq(respondentGroup.id, input.respondentGroupId), eq(respondentGroup.assessmentId, assessmentId)));
      if (!group) throw invalid('respondentGroupId', 'not_in_assessment');
    },
  } satisfies PartSpec<typeof ZFindingInput>,
} as const;
export type PartName = keyof typeof PARTS;
export const PART_NAMES = Object.keys(PARTS) as PartName[];

export async function savePart(db: Db, actor: Actor, author: ChangeAuthor, assessmentId: number, part: PartName, partId: number | null, input: unknown): Promise<Record<string, unknown>> {
  const spec = PARTS[part] as unknown as PartSpec<z.ZodType<Record<string, unknown>>>;
  const { place } = await assessmentFor(db, actor, assessmentId, 'edit_assessment');
  const values = input as Record<string, unknown>;
  return db.transaction(async (tx) => {
    // One code path serves the five part tables; drizzle types the rows of each table apart.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    const t = spec.table as any;
    // The part must be this assessment's before anything else of the assessment changes.
    const [before] = partId === null ? [null] : await tx.select().from(t).where(and(eq(t.id, partId), eq(t.assessmentId, assessmentId)));
    if (before === undefined) throw new AppError('not_found');
    const side = (await spec.check?.(tx, assessmentId, values, partId)) ?? [];
    for (const c of side) await recordChange(tx, author, { action: 'update', entity: spec.entity, entityId: c.before.id, territoryId: place.id, before: c.before, after: c.after });
    await tx.update(assessment).set({ updatedAt: new Date() }).where(eq(assessment.id, assessmentId));
    if (partId === null) {
      const [created] = (await tx.insert(t).values({ ...values, assessmentId }).returning()) as PartRow[];
      await recordChange(tx, author, { action: 'create', entity: spec.entity, entityId: created!.id, territoryId: place.id, after: created });
      return created!;
    }
    const [after] = (await tx.update(t).set(values).where(eq(t.id, partId)).returning()) as PartRow[];
    await recordChange(tx, author, { action: 'update', entity: spec.entity, entityId: partId, territoryId: place.id, before, after });
    return after!;
  });
}

export async function deletePart(db: Db, actor: Actor, author: ChangeAuthor, assessmentId: number, part: PartName, partId: number): Promise<void> {
  const spec = PARTS[part] as unknown as PartSpec<z.ZodType<Record<string, unknown>>>;
  const { place } = await assessmentFor(db, actor, assessmentId, 'edit_assessment');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one code path serves the five part tables, as in savePart
  const t = spec.table as any;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(t).where(and(eq(t.id, partId), eq(t.assessmentId, assessmentId)));
    if (!before) throw new AppError('not_found');
    await spec.checkDelete?.(tx, partId);
    await tx.delete(t).where(eq(t.id, partId));
    await tx.update(assessment).set({ updatedAt: new Date() }).where(eq(assessment.id, assessmentId));
    await recordChange(tx, author, { action: 'delete', entity: spec.entity, entityId: partId, territoryId: place.id, before });
  });
}
