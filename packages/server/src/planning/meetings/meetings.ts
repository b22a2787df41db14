import { AppError, type Actor } from '@potreby/domain';
import { asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../../audit/record-change';
import type { Db } from '../../db/database';
import { assertOpen, loadRound, type LoadedRound } from '../rounds';
import type { TDecisionInput, TMeetingInput, TMeetingView } from './schema';
import { meetingAttachment, meetingDecision, meetingParticipant, roundMeeting, roundTask } from './tables';
import { checkOwner, insertTask } from './tasks';

type MeetingRow = typeof roundMeeting.$inferSelect;
type DecisionRow = typeof meetingDecision.$inferSelect;

/**
 * Working meetings of a round (issue 8, item 4). Everyone who reads the round reads its meetings;
 * the region's officers (who run the round) record and change them. A meeting outside the
 * reader's reach does not exist (404), as its round does not.
 */
export async function loadMeeting(db: Db, actor: Actor, id: number, need: 'read' | 'run' = 'read'): Promise<{ meeting: MeetingRow; loaded: LoadedRound }> {
  const [meeting] = await db.select().from(roundMeeting).where(eq(roundMeeting.id, id));
  if (!meeting) throw new AppError('not_found');
  const loaded = await loadRound(db, actor, meeting.roundId, need);
  return { meeting, loaded };
}

const audited = (m: MeetingRow) => ({ ...m, createdAt: m.createdAt.toISOString() });
const where = (loaded: LoadedRound) => ({ country: loaded.territory.country, territoryId: loaded.territory.id });

export async function listMeetings(db: Db, roundId: number) {
  const meetings = await db.select().from(roundMeeting).where(eq(roundMeeting.roundId, roundId)).orderBy(desc(roundMeeting.date), desc(roundMeeting.id));
  if (meetings.length === 0) return [];
  const ids = meetings.map((m) => m.id);
  const people = await db
    .select({ meetingId: meetingParticipant.meetingId, n: count(), present: sql<number>`count(*) filter (where ${meetingParticipant.present})`.mapWith(Number) })
    .from(meetingParticipant)
    .where(inArray(meetingParticipant.meetingId, ids))
    .groupBy(meetingParticipant.meetingId);
  const decisions = await db.select({ meetingId: meetingDecision.meetingId, n: count() }).from(meetingDecision).where(inArray(meetingDecision.meetingId, ids)).groupBy(meetingDecision.meetingId);
  const peopleOf = new Map(people.map((p) => [p.meetingId, p]));
  const decisionsOf = new Map(decisions.map((d) => [d.meetingId, d.n]));
  return meetings.map((m) => ({
    id: m.id,
    roundId: m.roundId,
    date: m.date,
    time: m.time,
    place: m.place,
    chair: m.chair,
    followUpOf: m.followUpOf,
    participants: peopleOf.get(m.id)?.n ?? 0,
    present: peopleOf.get(m.id)?.present ?? 0,
    decisions: decisionsOf.get(m.id) ?? 0,
  }));
}

export async function meetingView(db: Db, meeting: MeetingRow): Promise<TMeetingView> {
  const participants = await db.select().from(meetingParticipant).where(eq(meetingParticipant.meetingId, meeting.id)).orderBy(asc(meetingParticipant.id));
  const decisions = await db.select().from(meetingDecision).where(eq(meetingDecision.meetingId, meeting.id)).orderBy(asc(meetingDecision.number), asc(meetingDecision.id));
  const tasks = decisions.length ? await db.select({ id: roundTask.id, decisionId: roundTask.decisionId }).from(roundTask).where(inArray(roundTask.decisionId, decisions.map((d) => d.id))).orderBy(asc(roundTask.id)) : [];
  const attachments = await db
    .select({ id: meetingAttachment.id, fileName: meetingAttachment.fileName, mediaType: meetingAttachment.mediaType, size: meetingAttachment.size, uploadedAt: meetingAttachment.uploadedAt })
    .from(meetingAttachment)
    .where(eq(meetingAttachment.meetingId, meeting.id))
    .orderBy(asc(meetingAttachment.id));
  return {
    id: meeting.id,
    roundId: meeting.roundId,
    date: meeting.date,
    time: meeting.time,
    place: meeting.place,
    chair: meeting.chair,
    followUpOf: meeting.followUpOf,
    agenda: meeting.agenda,
    minutes: meeting.minutes,
    participants: participants.map((p) => ({ id: p.id, personName: p.personName, organisation: p.organisation, role: p.role, present: p.present, userId: p.userId })),
    decisions: decisions.map((d) => ({ id: d.id, number: d.number, text: d.text, ownerTerritoryId: d.ownerTerritoryId, dueDate: d.dueDate, taskIds: tasks.filter((t) => t.decisionId === d.id).map((t) => t.id) })),
    attachments: attachments.map((a) => ({ ...a, uploadedAt: a.uploadedAt.toISOString() })),
  };
}

const meetingValues = (input: TMeetingInput) => ({ date: input.date, time: input.time, place: input.place, chair: input.chair, agenda: input.agenda, minutes: input.minutes });

export async function createMeeting(db: Db, actor: Actor, author: ChangeAuthor, roundId: number, input: TMeetingInput, followUpOf: number | null = null): Promise<MeetingRow> {
  const loaded = await loadRound(db, actor, roundId, 'run');
  assertOpen(loaded);
  return db.transaction(async (tx) => {
    const [meeting] = await tx
      .insert(roundMeeting)
      .values({ roundId, ...meetingValues(input), followUpOf, createdBy: author.userId })
      .returning();
    if (input.participants.length) await tx.insert(meetingParticipant).values(input.participants.map((p) => ({ ...p, meetingId: meeting!.id })));
    await recordChange(tx, author, { action: 'create', entity: 'round_meeting', entityId: meeting!.id, ...where(loaded), after: { ...audited(meeting!), participants: input.participants } });
    return meeting!;
  });
}

/** Change a meeting; its participants' list is replaced by the one given. */
export async function updateMeeting(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TMeetingInput): Promise<MeetingRow> {
  const { meeting, loaded } = await loadMeeting(db, actor, id, 'run');
  assertOpen(loaded);
  return db.transaction(async (tx) => {
    const before = await tx.select().from(meetingParticipant).where(eq(meetingParticipant.meetingId, id)).orderBy(asc(meetingParticipant.id));
    const [after] = await tx.update(roundMeeting).set(meetingValues(input)).where(eq(roundMeeting.id, id)).returning();
    await tx.delete(meetingParticipant).where(eq(meetingParticipant.meetingId, id));
    if (input.participants.length) await tx.insert(meetingParticipant).values(input.participants.map((p) => ({ ...p, meetingId: id })));
    const people = (rows: { personName: string; organisation: string; role: string; present: boolean; userId: number | null }[]) => rows.map(({ personName, organisation, role, present, userId }) => ({ personName, organisation, role, present, userId }));
    await recordChange(tx, author, { action: 'update', entity: 'round_meeting', entityId: id, ...where(loaded), before: { ...audited(meeting), participants: people(before) }, after: { ...audited(after!), participants: people(input.participants) } });
    return after!;
  });
}

/** The open decisions of a meeting: those without a task, or with a task still open. */
async function openDecisions(db: Db, meetingId: number): Promise<DecisionRow[]> {
  const decisions = await db.select().from(meetingDecision).where(eq(meetingDecision.meetingId, meetingId)).orderBy(asc(meetingDecision.number), asc(meetingDecision.id));
  if (!decisions.length) return [];
  const tasks = await db.select({ decisionId: roundTask.decisionId, status: roundTask.status }).from(roundTask).where(inArray(roundTask.decisionId, decisions.map((d) => d.id)));
  return decisions.filter((d) => {
    const own = tasks.filter((t) => t.decisionId === d.id);
    return own.length === 0 || own.some((t) => t.status === 'open');
  });
}

/**
 * Schedule the follow-up meeting: a new meeting of the round linked to this one, with the same
 * chair and participants (not yet marked present) and the open decisions copied into its agenda.
 * `heading` is the agenda's first line in the round country's language.
 */
export async function scheduleFollowUp(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: { date: string; time: string; place: string }, heading: string): Promise<MeetingRow> {
  const { meeting } = await loadMeeting(db, actor, id, 'run');
  const open = await openDecisions(db, id);
  const people = await db.select().from(meetingParticipant).where(eq(meetingParticipant.meetingId, id)).orderBy(asc(meetingParticipant.id));
  const agenda = open.length ? [heading, ...open.map((d) => `${d.number}. ${d.text}${d.dueDate ? ` (${d.dueDate})` : ''}`)].join('\n') : '';
  return createMeeting(
    db,
    actor,
    author,
    meeting.roundId,
    { ...input, chair: meeting.chair, agenda, minutes: '', participants: people.map((p) => ({ personName: p.personName, organisation: p.organisation, role: p.role, present: false, userId: p.userId })) },
    id,
  );
}

const auditedDecision = (d: DecisionRow) => ({ ...d });

/** Record a decision of a meeting; it takes the next number. */
export async function addDecision(db: Db, actor: Actor, author: ChangeAuthor, meetingId: number, input: TDecisionInput): Promise<DecisionRow> {
  const { loaded } = await loadMeeting(db, actor, meetingId, 'run');
  assertOpen(loaded);
  const owner = await checkOwner(db, loaded, input.ownerTerritoryId);
  return db.transaction(async (tx) => {
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${meetingDecision.number}), 0)`.mapWith(Number) }).from(meetingDecision).where(eq(meetingDecision.meetingId, meetingId));
    const [row] = await tx
      .insert(meetingDecision)
      .values({ meetingId, number: (last?.n ?? 0) + 1, text: input.text, ownerTerritoryId: owner.id === loaded.territory.id ? null : owner.id, dueDate: input.dueDate })
      .returning();
    await recordChange(tx, author, { action: 'create', entity: 'meeting_decision', entityId: row!.id, country: loaded.territory.country, territoryId: owner.id, after: auditedDecision(row!) });
    return row!;
  });
}

async function loadDecision(db: Db, actor: Actor, id: number) {
  const [decision] = await db.select().from(meetingDecision).where(eq(meetingDecision.id, id));
  if (!decision) throw new AppError('not_found');
  const { meeting, loaded } = await loadMeeting(db, actor, decision.meetingId, 'run');
  assertOpen(loaded);
  return { decision, meeting, loaded };
}

export async function updateDecision(db: Db, actor: Actor, author: ChangeAuthor, id: number, input: TDecisionInput): Promise<DecisionRow> {
  const { decision, loaded } = await loadDecision(db, actor, id);
  const owner = await checkOwner(db, loaded, input.ownerTerritoryId);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(meetingDecision)
      .set({ text: input.text, ownerTerritoryId: owner.id === loaded.territory.id ? null : owner.id, dueDate: input.dueDate })
      .where(eq(meetingDecision.id, id))
      .returning();
    await recordChange(tx, author, { action: 'update', entity: 'meeting_decision', entityId: id, country: loaded.territory.country, territoryId: owner.id, before: auditedDecision(decision), after: auditedDecision(after!) });
    return after!;
  });
}

/** "Make a task": the decision becomes a task of the round for its owner, due when the decision is. */
export async function taskOfDecision(db: Db, actor: Actor, author: ChangeAuthor, id: number) {
  const { decision, loaded } = await loadDecision(db, actor, id);
  const owner = await checkOwner(db, loaded, decision.ownerTerritoryId);
  return db.transaction((tx) =>
    insertTask(tx, author, loaded, { title: decision.text.slice(0, 500), dueDate: decision.dueDate, ownerTerritoryId: decision.ownerTerritoryId, stageId: null, decisionId: decision.id }, owner),
  );
}
