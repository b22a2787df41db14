import { AppError, may, consultationPhase, kindIsMunicipal, mayModerate, summariseComments, ZConsultationInput, type Actor, type TAnswerInput, type TCommentStatus, type TConsultationInput, type TConsultationSection, type TModeration, ZAnswerInput } from '@potreby/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { listItems, type ItemRow } from '../planning/items';
import { findRound, loadRound, presentUnit, roundMunicipalities, type LoadedRound } from '../planning/rounds';
import { territory as territoryTable } from '../territories/tables';
import type { TerritoryRow } from '../territories/queries';
import { mayRunConsultation } from './access';
import type { TCommentView, TConsultationView } from './schema';
import { consultation, consultationComment, type CommentRow, type ConsultationRow } from './tables';

export type LoadedConsultation = { consultation: ConsultationRow; round: LoadedRound; territory: TerritoryRow };

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

export const publicPathOf = (id: number) => `/consultations/${id}`;

/** A consultation with its round and the territory whose document it is, whoever asks; null if there is none. */
export async function findConsultation(db: Db, id: number): Promise<LoadedConsultation | null> {
  const [row] = await db.select({ consultation, territory: territoryTable }).from(consultation).innerJoin(territoryTable, eq(territoryTable.id, consultation.territoryId)).where(eq(consultation.id, id));
  if (!row) return null;
  const round = await findRound(db, row.consultation.roundId);
  return round && { consultation: row.consultation, round, territory: row.territory };
}

/** A consultation its runner may manage: 403 for others who may read its territory, 404 for the rest, as elsewhere. */
export async function loadConsultation(db: Db, actor: Actor, id: number): Promise<LoadedConsultation> {
  const found = await findConsultation(db, id);
  if (!found || !may(actor, 'read', found.territory)) throw new AppError('not_found');
  if (!mayRunConsultation(actor, found.territory)) throw new AppError('auth.forbidden');
  return found;
}

/** The items the document puts to residents: the whole round's for the agreement, one municipality's for its proposal. */
export async function consultedItems(db: Db, loaded: LoadedConsultation): Promise<ItemRow[]> {
  const municipalities = kindIsMunicipal(loaded.consultation.kind as never) ? [loaded.territory] : await roundMunicipalities(db, loaded.round.territory);
  return listItems(db, loaded.round.round.id, municipalities.map((m) => m.id));
}

export async function listComments(db: Db, consultationId: number): Promise<CommentRow[]> {
  return db.select().from(consultationComment).where(eq(consultationComment.consultationId, consultationId)).orderBy(asc(consultationComment.receivedAt), asc(consultationComment.id));
}

export function presentConsultation(loaded: LoadedConsultation, comments: readonly CommentRow[], today: string): TConsultationView {
  const c = loaded.consultation;
  const summary = summariseComments(comments.map((r) => ({ id: r.id, target: r.target, status: r.status as TCommentStatus, receivedAt: r.receivedAt.toISOString(), verdict: r.verdict as never })));
  return {
    id: c.id,
    roundId: c.roundId,
    territory: presentUnit(loaded.territory),
    kind: c.kind as TConsultationView['kind'],
    title: c.title,
    intro: c.intro,
    sections: c.sections,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    phase: consultationPhase(c, today),
    publicPath: publicPathOf(c.id),
    counts: { received: summary.received, pending: summary.pending, unanswered: summary.unanswered },
  };
}

export const presentComment = (r: CommentRow): TCommentView => ({
  id: r.id,
  target: r.target,
  body: r.body,
  name: r.name,
  organisation: r.organisation,
  consent: r.consent,
  erased: r.erasedAt !== null,
  status: r.status as TCommentView['status'],
  hiddenReason: r.hiddenReason,
  verdict: r.verdict as TCommentView['verdict'],
  reason: r.reason,
  change: r.change,
  changedItemId: r.changedItemId,
  answeredAt: r.answeredAt?.toISOString() ?? null,
  receivedAt: r.receivedAt.toISOString(),
});

/** The round's consultations the actor runs (a municipality's officer: its own proposal's). */
export async function listConsultations(db: Db, actor: Actor, roundId: number, today: string): Promise<TConsultationView[]> {
  const round = await loadRound(db, actor, roundId);
  const rows = await db.select({ consultation, territory: territoryTable }).from(consultation).innerJoin(territoryTable, eq(territoryTable.id, consultation.territoryId)).where(eq(consultation.roundId, roundId)).orderBy(asc(consultation.opensOn), asc(consultation.id));
  const mine = rows.filter((r) => mayRunConsultation(actor, r.territory));
  const comments = mine.length === 0 ? [] : await db.select().from(consultationComment).where(inArray(consultationComment.consultationId, mine.map((r) => r.consultation.id)));
  return mine.map((r) => presentConsultation({ ...r, round }, comments.filter((c) => c.consultationId === r.consultation.id), today));
}

/** Whose document: the round's territory for the agreement (and a region's programme or report), the municipality for its proposal. */
async function documentTerritory(db: Db, round: LoadedRound, input: { kind: TConsultationInput['kind']; municipalityId?: number | null }): Promise<TerritoryRow> {
  if (!kindIsMunicipal(input.kind)) {
    if (input.municipalityId != null && input.municipalityId !== round.territory.id) {
      const municipality = (await roundMunicipalities(db, round.territory)).find((m) => m.id === input.municipalityId);
      if (!municipality) throw invalid('municipalityId', 'not_in_round');
      return municipality;
    }
    return round.territory;
  }
  if (input.municipalityId == null) throw invalid('municipalityId', 'required');
  const municipality = (await roundMunicipalities(db, round.territory)).find((m) => m.id === input.municipalityId);
  if (!municipality) throw invalid('municipalityId', 'not_in_round');
  return municipality;
}

/** Field by field: jsonb keeps an object's keys in its own order, so the stored text never stringifies as it was sent. */
const sameSections = (a: readonly TConsultationSection[], b: readonly TConsultationSection[]) => a.length === b.length && a.every((s, i) => s.heading === b[i]!.heading && s.body === b[i]!.body);

const auditView = (c: ConsultationRow) => ({ roundId: c.roundId, territoryId: c.territoryId, kind: c.kind, title: c.title, opensOn: c.opensOn, closesOn: c.closesOn, sections: c.sections.length });

export async function createConsultation(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, body: TConsultationInput): Promise<LoadedConsultation> {
  const input = ZConsultationInput.parse(body);
  const round = await loadRound(db, actor, roundId);
  const territory = await documentTerritory(db, round, input);
  if (!mayRunConsultation(actor, territory)) throw new AppError('auth.forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultation)
      .values({ roundId, territoryId: territory.id, kind: input.kind, title: input.title, intro: input.intro, sections: input.sections, opensOn: input.opensOn, closesOn: input.closesOn, createdBy: author.userId })
      .returning();
    await recordChange(tx, author, { action: 'create', entity: 'consultation', entityId: row!.id, country: territory.country, territoryId: territory.id, after: auditView(row!) });
    return { consultation: row!, round, territory };
  });
}

/**
 * Change a consultation. Before it opens, everything but whose document it is; once residents can
 * read it, only the closing date (an extension, or a correction): the text they commented on
 * stays as they read it, and a new text is a new consultation.
 */
export async function updateConsultation(db: Db, actor: Actor, author: ChangeAuthor, id: number, body: TConsultationInput, today: string): Promise<LoadedConsultation> {
  const input = ZConsultationInput.parse(body);
  const loaded = await loadConsultation(db, actor, id);
  const before = loaded.consultation;
  if (input.kind !== before.kind || (input.municipalityId != null && input.municipalityId !== before.territoryId && kindIsMunicipal(input.kind))) throw invalid('kind', 'fixed');
  const started = consultationPhase(before, today) !== 'scheduled';
  if (started) {
    const same = input.title === before.title && input.intro === before.intro && input.opensOn === before.opensOn && sameSections(input.sections, before.sections);
    if (!same) throw new AppError('consultation.text_published');
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(consultation)
      .set(started ? { closesOn: input.closesOn } : { title: input.title, intro: input.intro, sections: input.sections, opensOn: input.opensOn, closesOn: input.closesOn })
      .where(eq(consultation.id, id))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'consultation', entityId: id, country: loaded.territory.country, territoryId: loaded.territory.id, before: auditView(before), after: auditView(row!) });
    return { ...loaded, consultation: row! };
  });
}

/** A comment its consultation's runner may act on; 404 for anyone else. */
async function loadComment(db: Db, actor: Actor, id: number): Promise<{ comment: CommentRow; loaded: LoadedConsultation }> {
  const [comment] = await db.select().from(consultationComment).where(eq(consultationComment.id, id));
  if (!comment) throw new AppError('not_found');
  return { comment, loaded: await loadConsultation(db, actor, comment.consultationId) };
}

/** What the audit log keeps of a comment: its state, never the commenter's name or organisation. */
const commentAudit = (c: CommentRow) => ({ consultationId: c.consultationId, target: c.target, status: c.status, hiddenReason: c.hiddenReason, verdict: c.verdict, reason: c.reason, change: c.change, changedItemId: c.changedItemId, erased: c.erasedAt !== null });

async function changeComment(db: Db, author: ChangeAuthor, found: { comment: CommentRow; loaded: LoadedConsultation }, set: Partial<typeof consultationComment.$inferInsert>): Promise<CommentRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(consultationComment).set(set).where(eq(consultationComment.id, found.comment.id)).returning();
    await recordChange(tx, author, { action: 'update', entity: 'consultation_comment', entityId: found.comment.id, country: found.loaded.territory.country, territoryId: found.loaded.territory.id, before: commentAudit(found.comment), after: commentAudit(row!) });
    return row!;
  });
}

export async function moderateComment(db: Db, actor: Actor, author: ChangeAuthor, id: number, moderation: TModeration): Promise<CommentRow> {
  const found = await loadComment(db, actor, id);
  if (!mayModerate(found.comment.status as TCommentStatus, moderation.status)) throw invalid('status', 'to_pending');
  return changeComment(db, author, found, moderation.status === 'hidden' ? { status: 'hidden', hiddenReason: moderation.reason } : { status: 'published', hiddenReason: null });
}

/** Answer a comment (or change the answer). A changed item must be one of the document's. */
export async function answerComment(db: Db, actor: Actor, author: ChangeAuthor, id: number, body: TAnswerInput): Promise<CommentRow> {
  const answer = ZAnswerInput.parse(body);
  const found = await loadComment(db, actor, id);
  if (answer.changedItemId !== null) {
    const items = await consultedItems(db, found.loaded);
    if (!items.some((i) => i.id === answer.changedItemId)) throw invalid('changedItemId', 'not_in_document');
  }
  return changeComment(db, author, found, { verdict: answer.verdict, reason: answer.reason, change: answer.change, changedItemId: answer.changedItemId, answeredBy: author.userId, answeredAt: new Date() });
}

/** Erase a commenter's name and organisation on request; the comment and its answer stay, unsigned. */
export async function eraseCommenter(db: Db, actor: Actor, author: ChangeAuthor, id: number): Promise<CommentRow> {
  const found = await loadComment(db, actor, id);
  return changeComment(db, author, found, { name: null, organisation: null, erasedAt: found.comment.erasedAt ?? new Date() });
}
