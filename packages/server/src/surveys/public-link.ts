import { AppError, type SurveyDefinition, type TPublicSubmission } from '@potreby/domain';
import { echoAnswer } from '@potreby/domain/surveys/answer-values';
import { compileAnswerCheck, type AnswerCheck, type InvisibleAnswers } from '@potreby/domain/surveys/check-answers';
import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/database';
import { checkFormToken, formSecret } from './form-token';
import { storeResponse } from './store-response';

/**
 * Answers sent through a public link — the busiest write of the app (a campaign's link shared in
 * a town's chat). What a link leads to is kept in memory, so an answer costs one statement: the
 * one that stores it (store-response.ts), which also re-checks that the link is still open and
 * the version still current — closing a link or publishing a version applies to the very next
 * answer, on every app server, cache or not.
 */

/** A refusal names at most this many answers: enough to correct a form, little to send back to a flood. */
const MAX_ISSUES = 100;

const given = (answers: Record<string, unknown>) => Object.values(answers).some((v) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0));
const noAnswers = () => new AppError('validation.invalid', {}, { issues: [{ path: 'answers', message: 'no_answers' }] });

/**
 * Answers checked against the version they answer (domain `compileAnswerCheck`: kind, bounds,
 * choices, lengths, required, relevance, the form's own rules); refused with every question
 * named, or returned as they are to be stored. `invisible`: what to do with an answer to a
 * question the other answers do not show — refused for a paper form (the person typing can
 * correct it), dropped for a public link, as SurveyJS itself drops it on completing the form.
 */
export function assertAnswers(check: AnswerCheck, answers: Record<string, unknown>, invisible: InvisibleAnswers = 'refuse'): Record<string, unknown> {
  // A form sent without a single answer (clicked straight through) would count as a respondent.
  if (!given(answers)) throw noAnswers();
  const result = check.check(answers, invisible);
  if (result.issues.length) {
    // The name of a question that does not exist is the sender's text: cut short in the reply.
    const issues = result.issues.slice(0, MAX_ISSUES).map((i) => ({ path: `answers.${echoAnswer(i.path, 60)}`, message: i.message }));
    throw new AppError('validation.invalid', {}, { issues });
  }
  if (!given(result.answers)) throw noAnswers();
  return result.answers;
}

export async function answerThroughLink(db: Db, token: string, submission: TPublicSubmission, now = Date.now()): Promise<{ duplicate: boolean }> {
  for (let attempt = 0; ; attempt++) {
    // The first attempt may use what was read before; after a refusal, read again.
    const link = await linkToAnswer(db, token, attempt > 0);
    const check = checkFormToken(await formSecret(db), link.token, submission.formToken, now);
    if (check !== 'ok') throw new AppError('validation.invalid', {}, { issues: [{ path: 'formToken', message: `form_token_${check}` }] });
    const answers = assertAnswers(link.check, submission.answers, 'drop');
    try {
      return await storeResponse(
        db,
        { userId: null, actor: `link:${link.linkId}` },
        {
          questionnaireId: link.questionnaireId,
          version: link.version,
          respondentGroupId: link.respondentGroupId,
          answers,
          channel: 'web',
          submissionKey: submission.submissionKey,
          enteredBy: null,
          linkId: link.linkId,
          demo: link.demo,
        },
      );
    } catch (error) {
      // Refused: the link closed, or a new version came out since it was read. Read it again:
      // a closed link answers 404 then; a new version checks the answers against itself.
      links.get(db)?.delete(token);
      if (!(error instanceof AppError && error.code === 'not_found') || attempt > 0) throw error;
    }
  }
}

/** What answering through a link needs to know of it. */
export type LinkToAnswer = {
  linkId: number;
  token: string;
  respondentGroupId: number | null;
  questionnaireId: number;
  /** The version answered: the questionnaire's current one when read. */
  version: number;
  demo: boolean;
  /** What answers to the version must fit. */
  check: AnswerCheck;
};

/** Links by token, per database; a promise, so a burst of first answers reads the link once. */
const links = new WeakMap<Db, Map<string, Promise<LinkToAnswer>>>();
/** Compiled answer checks per database, by "questionnaire:version". */
const versions = new WeakMap<Db, Map<string, AnswerCheck>>();
const MAX_KEPT = 500;

function cacheOf<V>(store: WeakMap<Db, Map<string, V>>, db: Db): Map<string, V> {
  let cache = store.get(db);
  if (!cache) store.set(db, (cache = new Map()));
  return cache;
}

function remember<V>(cache: Map<string, V>, key: string, value: V) {
  // A long-running server sees many links: the one read longest ago goes first.
  if (cache.size >= MAX_KEPT && !cache.has(key)) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

export function linkToAnswer(db: Db, token: string, fresh = false): Promise<LinkToAnswer> {
  const cache = cacheOf(links, db);
  const known = fresh ? undefined : cache.get(token);
  if (known) return known;
  const reading = readLink(db, token);
  remember(cache, token, reading);
  // A link that is not there (or failed to load) is asked again next time.
  reading.catch(() => cache.get(token) === reading && cache.delete(token));
  return reading;
}

async function readLink(db: Db, token: string): Promise<LinkToAnswer> {
  const [found] = await rows<Omit<LinkToAnswer, 'check'> & { active: boolean }>(
    db,
    sql`select l.id as "linkId", l.token, l.active, l.respondent_group_id as "respondentGroupId", q.id as "questionnaireId",
               q.current_version as "version", q.demo
          from collection_link l
          join questionnaire q on q.id = l.questionnaire_id
          join territory t on t.id = q.territory_id
         where l.token = ${token}`,
  );
  if (!found || !found.active) throw new AppError('not_found');
  const { active: _active, ...link } = found;
  return { ...link, check: await answerCheckOf(db, link.questionnaireId, link.version) };
}

/**
 * The check of answers to one version of a questionnaire, compiled once and kept in memory: a
 * version is never changed once saved (an edit saves the next one), so what was read once stays
 * true. Without this every answer re-read and re-parsed the whole definition (with its
 * translations and the choices of every settlement) and compiled its expressions again.
 */
export async function answerCheckOf(db: Db, questionnaireId: number, version: number): Promise<AnswerCheck> {
  const cache = cacheOf(versions, db);
  const key = `${questionnaireId}:${version}`;
  const known = cache.get(key);
  if (known) return known;
  const [row] = await rows<{ definition: unknown }>(db, sql`select definition from questionnaire_version where questionnaire_id = ${questionnaireId} and version = ${version}`);
  if (!row) throw new AppError('not_found');
  const check = compileAnswerCheck(row.definition as SurveyDefinition);
  remember(cache, key, check);
  return check;
}

/** The name the paper-entry route (routes.ts) calls it by. */
export const questionsOfVersion = answerCheckOf;
