import { and, eq, like, sql } from 'drizzle-orm';
import { recordChange, type ChangeAuthor } from '../audit/record-change';
import type { Db } from '../db/database';
import { territory } from '../territories/tables';
import { questionTag, response } from './tables';

export type NewResponse = {
  questionnaireId: number;
  version: number;
  respondentGroupId: number | null;
  answers: Record<string, unknown>;
  channel: 'web' | 'paper';
  submissionKey: string;
  enteredBy: number | null;
  /** Path of the questionnaire's territory: an answered settlement must lie within it. */
  territoryPath: string;
  demo?: boolean;
};

/**
 * Store one answered questionnaire, once: a second arrival of the same submission key (a
 * respondent's phone resending after a lost connection) changes nothing and says so. The audit
 * entry records that an answer came, never what it says.
 */
export async function storeResponse(db: Db, author: ChangeAuthor, r: NewResponse): Promise<{ duplicate: boolean }> {
  const settlementId = await answeredSettlement(db, r.questionnaireId, r.answers, r.territoryPath);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(response)
      .values({
        questionnaireId: r.questionnaireId,
        version: r.version,
        respondentGroupId: r.respondentGroupId,
        settlementId,
        answers: r.answers,
        channel: r.channel,
        submissionKey: r.submissionKey,
        enteredBy: r.enteredBy,
        demo: r.demo ?? false,
      })
      .onConflictDoNothing()
      .returning({ id: response.id });
    if (!created) return { duplicate: true };
    // No country: answers do not change the planning data the gap tables are cached on.
    await recordChange(tx, author, { action: 'create', entity: 'response', entityId: created.id, after: { questionnaireId: r.questionnaireId, version: r.version, channel: r.channel, respondentGroupId: r.respondentGroupId } });
    return { duplicate: false };
  });
}

/** The settlement a respondent named in the question tagged "settlement", if it is a unit of the territory. */
async function answeredSettlement(db: Db, questionnaireId: number, answers: Record<string, unknown>, territoryPath: string): Promise<number | null> {
  const [tag] = await db.select({ name: questionTag.questionName }).from(questionTag).where(and(eq(questionTag.questionnaireId, questionnaireId), eq(questionTag.purpose, 'settlement')));
  const code = tag ? answers[tag.name] : undefined;
  if (typeof code !== 'string' || code === '') return null;
  const [place] = await db
    .select({ id: territory.id })
    .from(territory)
    .where(and(eq(territory.code, code), like(territory.path, `${territoryPath}%`)))
    .orderBy(sql`length(${territory.path}) desc`)
    .limit(1);
  return place?.id ?? null;
}
