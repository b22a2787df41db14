import { AppError } from '@potreby/domain';
import { setImmediate } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { ChangeAuthor } from '../audit/record-change';
import { rows, type Db } from '../db/database';

export type NewResponse = {
  questionnaireId: number;
  version: number;
  respondentGroupId: number | null;
  answers: Record<string, unknown>;
  channel: 'web' | 'paper';
  submissionKey: string;
  enteredBy: number | null;
  /** The public link it came through: stored only while the link is open and `version` is current. */
  linkId?: number | null;
  demo?: boolean;
};

/**
 * Store one answered questionnaire, once: a second arrival of the same submission key (a
 * respondent's phone resending after a lost connection, or sending twice at once) changes
 * nothing and says so. The unique index on (questionnaire, submission key) decides, so two app
 * servers racing on one key store it once. The audit entry records that an answer came, never
 * what it says. An answered settlement (a question tagged "settlement") is kept if it is a unit
 * of the questionnaire's territory.
 *
 * Throws not_found when the questionnaire is gone or — for an answer through a link — the link
 * was closed or a newer version published since the caller looked: checked in the same statement
 * that stores, so nothing slips in after the change.
 */
export function storeResponse(db: Db, author: ChangeAuthor, r: NewResponse): Promise<{ duplicate: boolean }> {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new ResponseWriter(db)));
  return writer.store(author, r);
}

type Pending = { author: ChangeAuthor; r: NewResponse; resolve: (v: { duplicate: boolean }) => void; reject: (e: unknown) => void };

const writers = new WeakMap<Db, ResponseWriter>();
const MAX_BATCH = 500;

/**
 * Group commit. Answers arrive in bursts (a link shared in a town's chat, a day of paper forms
 * typed in), and every statement costs a round trip, a plan and a commit — on PGlite, whose one
 * connection runs one statement at a time, that fixed cost was most of an answer's. So a
 * statement is written at once when none is running; answers arriving meanwhile wait for it and
 * then go together in the next one. An idle server adds no delay; a busy one writes hundreds of
 * answers per statement. Each caller still hears only after the statement that stored its
 * answer has committed.
 */
class ResponseWriter {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  store(author: ChangeAuthor, r: NewResponse): Promise<{ duplicate: boolean }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ author, r, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain() {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // Let the requests that arrived meanwhile reach the queue first. PGlite runs a statement
        // without giving the event loop a turn, so without this hop the next statement would
        // start before any of them was read, and every statement would hold one answer.
        await setImmediate();
        const batch = this.takeBatch();
        try {
          settle(batch, await writeBatch(this.db, batch));
        } catch (error) {
          // One bad answer must not fail the others that happened to share its statement.
          if (batch.length === 1) batch[0]!.reject(error);
          else for (const p of batch) await writeBatch(this.db, [p]).then((result) => settle([p], result), p.reject);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * The next answers in order, at most one per submission key: a second send of a key (the
   * double send of a phone) waits for the next statement, where the first is already stored
   * and it is answered "duplicate" as it should be.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const keys = new Set<string>();
    const later: Pending[] = [];
    for (const p of this.queue) {
      const key = `${p.r.questionnaireId}\u0000${p.r.submissionKey}`;
      if (batch.length >= MAX_BATCH || keys.has(key)) later.push(p);
      else {
        keys.add(key);
        batch.push(p);
      }
    }
    this.queue = later;
    return batch;
  }
}

type Outcome = { n: number; open: boolean; created: boolean };

function settle(batch: Pending[], outcomes: Outcome[]) {
  const byN = new Map(outcomes.map((o) => [o.n, o]));
  batch.forEach((p, n) => {
    const o = byN.get(n);
    if (!o || !o.open) p.reject(new AppError('not_found'));
    else p.resolve({ duplicate: !o.created });
  });
}

/**
 * One statement for a batch: keep the answers whose questionnaire (and link) still take them,
 * insert those whose key is new, write an audit entry for each inserted, and say which was which.
 * A single statement is atomic, so an answer and its audit entry exist together or not at all.
 */
async function writeBatch(db: Db, batch: Pending[]): Promise<Outcome[]> {
  const given = batch.map((p, n) => ({
    n,
    questionnaire_id: p.r.questionnaireId,
    version: p.r.version,
    respondent_group_id: p.r.respondentGroupId,
    link_id: p.r.linkId ?? null,
    answers: p.r.answers,
    channel: p.r.channel,
    submission_key: p.r.submissionKey,
    entered_by: p.r.enteredBy,
    demo: p.r.demo ?? false,
    user_id: p.author.userId,
    actor: p.author.actor,
  }));
  return rows<Outcome>(
    db,
    sql`with given as (
          select * from jsonb_to_recordset(${JSON.stringify(given)}::jsonb) as g(
            n int, questionnaire_id int, version int, respondent_group_id int, link_id int, answers jsonb, channel text,
            submission_key text, entered_by int, demo boolean, user_id int, actor text)
        ),
        open as (
          select g.*, t.country as territory_country, t.path as territory_path
            from given g
            join questionnaire q on q.id = g.questionnaire_id
            left join territory t on t.id = q.territory_id
           where g.link_id is null
              or exists (select 1 from collection_link l where l.id = g.link_id and l.active and l.questionnaire_id = q.id and q.current_version = g.version)
        ),
        created as (
          insert into response (questionnaire_id, version, respondent_group_id, settlement_id, answers, channel, submission_key, entered_by, demo)
          select o.questionnaire_id, o.version, o.respondent_group_id,
                 (select t.id
                    from question_tag qt
                    join territory t on t.country = o.territory_country and t.code = o.answers ->> qt.question_name
                   where qt.questionnaire_id = o.questionnaire_id and qt.purpose = 'settlement'
                     and jsonb_typeof(o.answers -> qt.question_name) = 'string'
                     and t.path like o.territory_path || '%'
                   limit 1),
                 o.answers, o.channel, o.submission_key, o.entered_by, o.demo
            from open o
           -- In key order: two app servers writing overlapping batches then wait on each other
           -- in one order and cannot deadlock.
           order by o.questionnaire_id, o.submission_key
          on conflict do nothing
          returning id, questionnaire_id, submission_key, version, channel, respondent_group_id
        ),
        audited as (
          insert into audit_log (user_id, actor, action, entity, entity_id, after)
          select o.user_id, o.actor, 'create', 'response', c.id::text,
                 jsonb_build_object('questionnaireId', c.questionnaire_id, 'version', c.version, 'channel', c.channel, 'respondentGroupId', c.respondent_group_id)
            from created c
            join open o on o.questionnaire_id = c.questionnaire_id and o.submission_key = c.submission_key
        )
        select g.n, o.n is not null as open, c.id is not null as created
          from given g
          left join open o on o.n = g.n
          left join created c on c.questionnaire_id = g.questionnaire_id and c.submission_key = g.submission_key`,
  );
}
