import { randomBytes } from 'node:crypto';
import { AppError, listQuestions, may, type Actor, type SurveyDefinition, type TQuestionTagInput } from '@potreby/domain';
import { DEFAULT_LANGUAGE, localeFiles, translator, type TLanguage } from '@potreby/i18n';
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { assessment, respondentGroup } from '../assessments/tables';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import { serviceType } from '../catalogue/tables';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import { sanitiseDefinition, sanitiseStoredDefinition } from './sanitise-html';
import type { TQuestionnaireDetail } from './schema';
import { collectionLink, exportFile, freeTextTag, questionnaire, questionnaireVersion, questionTag, response } from './tables';

type QuestionnaireRow = typeof questionnaire.$inferSelect;
type TerritoryRow = typeof territory.$inferSelect;

/** The questionnaire and the territory it belongs to, if the actor reaches it; 404 otherwise (403 to change). */
export async function questionnaireFor(db: Db, actor: Actor, id: number, action: 'read' | 'edit_assessment' = 'read'): Promise<{ row: QuestionnaireRow; place: TerritoryRow }> {
  const [found] = await db.select({ row: questionnaire, place: territory }).from(questionnaire).innerJoin(territory, eq(territory.id, questionnaire.territoryId)).where(eq(questionnaire.id, id));
  if (!found || !may(actor, 'read', found.place)) throw new AppError('not_found');
  if (action === 'edit_assessment' && !may(actor, 'edit_assessment', found.place)) throw new AppError('auth.forbidden');
  return found;
}

/** Languages a SurveyJS definition is written in: the keys of its localizable texts, default first. */
export function languagesOf(definition: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, key: string | null) => {
    if (Array.isArray(node)) return node.forEach((n) => visit(n, null));
    if (!node || typeof node !== 'object') return;
    const entries = Object.entries(node as Record<string, unknown>);
    // A localizable text is an object of strings keyed by language ("default", "uk", "en" …).
    if ((key === 'title' || key === 'text' || key === 'description' || key === 'html' || key === 'text') && entries.every(([, v]) => typeof v === 'string')) {
      for (const [language] of entries) found.add(language);
      return;
    }
    for (const [k, v] of entries) visit(v, k);
  };
  visit(definition, null);
  const locale = (definition as { locale?: string })?.locale;
  const list = [...found].filter((l) => l !== 'default' && /^[a-z]{2}$/.test(l));
  const first = locale && /^[a-z]{2}$/.test(locale) ? locale : null;
  return [...(first ? [first] : []), ...list.filter((l) => l !== first).sort()];
}

export async function createQuestionnaire(
  db: Db,
  actor: Actor,
  author: ChangeAuthor,
  input: { title: string; assessmentId: number | null; territoryId: number | null; definition: Record<string, unknown>; source?: string; demo?: boolean },
): Promise<number> {
  let territoryId = input.territoryId;
  if (input.assessmentId !== null) {
    const [a] = await db.select({ territoryId: assessment.territoryId, path: territory.path }).from(assessment).innerJoin(territory, eq(territory.id, assessment.territoryId)).where(eq(assessment.id, input.assessmentId));
    // An assessment outside one's reach does not exist for the asker (as GET /assessments/:id says).
    if (!a || !may(actor, 'read', a)) throw new AppError('validation.invalid', {}, { issues: [{ path: 'assessmentId', message: 'unknown_assessment' }] });
    territoryId = a.territoryId;
  }
  const [place] = territoryId === null ? [] : await db.select().from(territory).where(eq(territory.id, territoryId));
  if (!place) throw new AppError('validation.invalid', {}, { issues: [{ path: 'territoryId', message: 'unknown_territory' }] });
  if (!may(actor, 'edit_assessment', place)) throw new AppError('auth.forbidden');
  // Every way a definition is stored comes here or to addVersion (editor, API, XLSForm, seed).
  const definition = sanitiseDefinition(input.definition);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(questionnaire)
      .values({ title: input.title, assessmentId: input.assessmentId, territoryId: place.id, currentVersion: 1, demo: input.demo ?? false })
      .returning();
    await tx.insert(questionnaireVersion).values({ questionnaireId: created!.id, version: 1, definition, languages: languagesOf(definition), source: input.source ?? 'editor' });
    await recordChange(tx, author, { action: 'create', entity: 'questionnaire', entityId: created!.id, territoryId: place.id, after: { ...created, source: input.source ?? 'editor' } });
    return created!.id;
  });
}

/** A new version of the content. Answers keep the version they answered; new ones get this one. */
export async function addVersion(db: Db, actor: Actor, author: ChangeAuthor, id: number, content: Record<string, unknown>, source = 'editor'): Promise<number> {
  const { row, place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  const definition = sanitiseDefinition(content);
  return db.transaction(async (tx) => {
    const version = row.currentVersion + 1;
    await tx.insert(questionnaireVersion).values({ questionnaireId: id, version, definition, languages: languagesOf(definition), source });
    await tx.update(questionnaire).set({ currentVersion: version }).where(eq(questionnaire.id, id));
    await recordChange(tx, author, { action: 'update', entity: 'questionnaire', entityId: id, territoryId: place.id, before: { version: row.currentVersion }, after: { version, source } });
    return version;
  });
}

export async function renameQuestionnaire(db: Db, actor: Actor, author: ChangeAuthor, id: number, title: string): Promise<void> {
  const { row, place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  await db.transaction(async (tx) => {
    await tx.update(questionnaire).set({ title }).where(eq(questionnaire.id, id));
    await recordChange(tx, author, { action: 'update', entity: 'questionnaire', entityId: id, territoryId: place.id, before: { title: row.title }, after: { title } });
  });
}

/**
 * The answers to these questionnaires and the tags on their written answers. Neither table has a
 * foreign key (they are bulk tables), so whoever removes a questionnaire — or the assessment it
 * belongs to — removes them too: nothing anyone said stays behind without its questionnaire.
 */
export async function removeResponses(tx: Db, questionnaireIds: number[]): Promise<void> {
  if (questionnaireIds.length === 0) return;
  await tx.delete(freeTextTag).where(inArray(freeTextTag.responseId, tx.select({ id: response.id }).from(response).where(inArray(response.questionnaireId, questionnaireIds))));
  await tx.delete(response).where(inArray(response.questionnaireId, questionnaireIds));
  // Finished exports hold copies of the answers (their chunks go by cascade).
  await tx.delete(exportFile).where(inArray(exportFile.questionnaireId, questionnaireIds));
}

export async function deleteQuestionnaire(db: Db, actor: Actor, author: ChangeAuthor, id: number): Promise<void> {
  const { row, place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  await db.transaction(async (tx) => {
    await removeResponses(tx, [id]);
    await tx.delete(questionnaire).where(eq(questionnaire.id, id));
    await recordChange(tx, author, { action: 'delete', entity: 'questionnaire', entityId: id, territoryId: place.id, before: row });
  });
}

/** The target groups the tag screen offers: those the catalogue names (in every language). */
const TARGET_GROUPS = new Set(Object.keys(localeFiles.en.catalogue.targetGroups));

/** A value quoted back in a message, cut so that a long one does not make a long answer. */
const quoted = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

/**
 * Replace every tag of the questionnaire at once (the tag screen saves the whole set). A service
 * type must be one of the catalogue of the questionnaire's country, and a target group one the
 * catalogue names: the needs tab, the gap and the documents show them (issue 6, finding 3: any
 * text was stored, and HTML in it ran in the needs chart's tooltip).
 */
export async function setTags(db: Db, actor: Actor, author: ChangeAuthor, id: number, tags: TQuestionTagInput[], language: TLanguage = DEFAULT_LANGUAGE): Promise<void> {
  const { place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  // Any version's questions: answers to a question an earlier version asked are still counted.
  const versions = await db.select({ definition: questionnaireVersion.definition }).from(questionnaireVersion).where(eq(questionnaireVersion.questionnaireId, id));
  const asked = new Set(versions.flatMap((v) => listQuestions(v.definition as SurveyDefinition).map((q) => q.name)));
  const types = await db.select({ key: serviceType.key, retiredAt: serviceType.retiredAt }).from(serviceType).where(eq(serviceType.country, place.country));
  // A retired type may stay on the questions already tagged with it, and is not given to others.
  const tagged = new Set((await db.select({ serviceType: questionTag.serviceType }).from(questionTag).where(eq(questionTag.questionnaireId, id))).map((t) => t.serviceType));
  const catalogue = new Set(types.filter((s) => !s.retiredAt || tagged.has(s.key)).map((s) => s.key));
  const seen = new Set<string>();
  tags.forEach((t, i) => {
    if (!asked.has(t.questionName)) throw new AppError('validation.invalid', {}, { issues: [{ path: `tags.${i}.questionName`, message: 'unknown_question' }] });
    const key = `${t.questionName}|${t.purpose}`;
    if (seen.has(key)) throw new AppError('validation.invalid', {}, { issues: [{ path: `tags.${i}.questionName`, message: 'duplicate_tag' }] });
    seen.add(key);
    if ((t.purpose === 'need' || t.purpose === 'current_use' || t.purpose === 'satisfaction') && t.serviceType === null) {
      throw new AppError('validation.invalid', {}, { issues: [{ path: `tags.${i}.serviceType`, message: 'required' }] });
    }
    if (t.serviceType !== null && !catalogue.has(t.serviceType)) {
      throw new AppError(
        'validation.invalid',
        {},
        { issues: [{ path: `tags.${i}.serviceType`, message: 'unknown_service_type' }], detail: translator(language)('importErrors.unknown_service_type', { value: quoted(t.serviceType) }) },
      );
    }
    if (t.targetGroup !== null && !TARGET_GROUPS.has(t.targetGroup)) {
      throw new AppError('validation.invalid', {}, { issues: [{ path: `tags.${i}.targetGroup`, message: 'unknown_target_group' }] });
    }
  });
  await db.transaction(async (tx) => {
    const before = await tx.select().from(questionTag).where(eq(questionTag.questionnaireId, id));
    await tx.delete(questionTag).where(eq(questionTag.questionnaireId, id));
    if (tags.length) await tx.insert(questionTag).values(tags.map((t) => ({ ...t, questionnaireId: id })));
    await recordChange(tx, author, { action: 'update', entity: 'question_tags', entityId: id, territoryId: place.id, before, after: tags });
  });
}

export async function createLink(db: Db, actor: Actor, author: ChangeAuthor, id: number, respondentGroupId: number | null): Promise<number> {
  const { row, place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  if (respondentGroupId !== null) {
    const [group] = await db.select().from(respondentGroup).where(eq(respondentGroup.id, respondentGroupId));
    if (!group || group.assessmentId !== row.assessmentId) throw new AppError('validation.invalid', {}, { issues: [{ path: 'respondentGroupId', message: 'not_in_assessment' }] });
  }
  // 16 random bytes: a link cannot be guessed, so only those given it can answer.
  const token = randomBytes(16).toString('base64url');
  return db.transaction(async (tx) => {
    const [created] = await tx.insert(collectionLink).values({ token, questionnaireId: id, respondentGroupId }).returning();
    await recordChange(tx, author, { action: 'create', entity: 'collection_link', entityId: created!.id, territoryId: place.id, after: created });
    return created!.id;
  });
}

export async function setLinkActive(db: Db, actor: Actor, author: ChangeAuthor, id: number, linkId: number, active: boolean): Promise<void> {
  const { place } = await questionnaireFor(db, actor, id, 'edit_assessment');
  await db.transaction(async (tx) => {
    const [updated] = await tx.update(collectionLink).set({ active }).where(and(eq(collectionLink.id, linkId), eq(collectionLink.questionnaireId, id))).returning();
    if (!updated) throw new AppError('not_found');
    await recordChange(tx, author, { action: 'update', entity: 'collection_link', entityId: linkId, territoryId: place.id, after: updated });
  });
}

export async function linkOf(db: Db, questionnaireId: number, linkId: number) {
  const [link] = await db.select().from(collectionLink).where(and(eq(collectionLink.id, linkId), eq(collectionLink.questionnaireId, questionnaireId)));
  if (!link) throw new AppError('not_found');
  return link;
}

export async function questionnaireDetail(db: Db, actor: Actor, id: number): Promise<TQuestionnaireDetail> {
  const { row, place } = await questionnaireFor(db, actor, id);
  const [versions, tags, links, counts, linkCounts, groups] = await Promise.all([
    db.select().from(questionnaireVersion).where(eq(questionnaireVersion.questionnaireId, id)).orderBy(desc(questionnaireVersion.version)),
    db.select().from(questionTag).where(eq(questionTag.questionnaireId, id)).orderBy(asc(questionTag.id)),
    db.select().from(collectionLink).where(eq(collectionLink.questionnaireId, id)).orderBy(asc(collectionLink.id)),
    db.select({ version: response.version, n: count() }).from(response).where(eq(response.questionnaireId, id)).groupBy(response.version),
    db.select({ group: response.respondentGroupId, n: count() }).from(response).where(and(eq(response.questionnaireId, id), eq(response.channel, 'web'))).groupBy(response.respondentGroupId),
    row.assessmentId === null ? Promise.resolve([]) : db.select().from(respondentGroup).where(eq(respondentGroup.assessmentId, row.assessmentId)),
  ]);
  const current = versions.find((v) => v.version === row.currentVersion) ?? versions[0]!;
  const byVersion = new Map(counts.map((c) => [c.version, c.n]));
  const byGroup = new Map(linkCounts.map((c) => [c.group, c.n]));
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  return {
    id: row.id,
    title: row.title,
    assessmentId: row.assessmentId,
    territoryId: row.territoryId,
    currentVersion: row.currentVersion,
    definition: sanitiseStoredDefinition(current.definition),
    languages: current.languages,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString(), source: v.source, languages: v.languages, responses: byVersion.get(v.version) ?? 0 })),
    tags: tags.map((t) => ({ id: t.id, questionName: t.questionName, purpose: t.purpose as never, serviceType: t.serviceType, targetGroup: t.targetGroup, positiveValues: t.positiveValues })),
    links: links.map((l) => {
      const group = l.respondentGroupId === null ? null : groupsById.get(l.respondentGroupId);
      // Web answers of the link's group: links are per group, so this is the link's count.
      return { id: l.id, token: l.token, path: `/f/${l.token}`, respondentGroup: group ? { id: group.id, name: group.name, key: group.key } : null, active: l.active, responses: byGroup.get(l.respondentGroupId) ?? 0 };
    }),
    responses: counts.reduce((s, c) => s + c.n, 0),
    demo: row.demo,
    editable: may(actor, 'edit_assessment', place),
  };
}
