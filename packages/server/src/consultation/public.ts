import { AppError, commentTargetKey, consultationPhase, PROOF_DIFFICULTY_BITS, publicAuthor, publiclyVisible, serviceTypeNameIn, ZCommentInput, type TCommentInput, type TCountry } from '@potreby/domain';
import { COUNTRY_LANGUAGE, translator, type TLanguage } from '@potreby/i18n';
import { recordChange } from '../audit/record-change';
import type { Db } from '../db/database';
import type { CountryModels } from '../model/country-model';
import { roundMunicipalities } from '../planning/rounds';
import { territoryName } from '../reports/document-text';
import { formSecret } from '../surveys/form-token';
import { consultedServices } from './consulted-services';
import { consultedItems, findConsultation, listComments, type LoadedConsultation } from './consultations';
import { checkChallenge, issueChallenge, type SpentChallenges } from './proof';
import type { TPublicConsultation, TPublicItem } from './schema';
import { publicMemo } from './public-cache';
import { consultationComment } from './tables';

/** Residents read a consultation once it has opened, and after it closes; before, it does not exist for them. */
export function findPublicConsultation(db: Db, id: number, today: string): Promise<LoadedConsultation> {
  return publicMemo(`consultation:${id}:${today}`, async () => {
    const found = await findConsultation(db, id);
    if (!found || consultationPhase(found.consultation, today) === 'scheduled') throw new AppError('not_found');
    return found;
  });
}

/** The plan items of the document in words of the reader's language: names, never keys. */
export async function publicItems(db: Db, models: CountryModels, loaded: LoadedConsultation, language: TLanguage): Promise<TPublicItem[]> {
  const t = translator(language);
  const country = loaded.territory.country as TCountry;
  const model = await models.get(country);
  const types = new Map(model.serviceTypes.map((s) => [s.key, s]));
  const municipalities = new Map((await roundMunicipalities(db, loaded.round.territory)).map((m) => [m.id, m]));
  return (await consultedItems(db, loaded)).map((item) => {
    const type = types.get(item.serviceType);
    const municipality = municipalities.get(item.municipalityId);
    return {
      id: item.id,
      municipality: municipality ? territoryName({ ...municipality, country }, language) : '',
      action: t(`agreement.actions.${item.action}`),
      serviceType: type ? serviceTypeNameIn(type, language, (k) => t(`serviceTypes.${k}`, { defaultValue: '' }) || undefined) : item.serviceType,
      capacityChange: item.capacityChange,
      unit: t(`agreement.unit.${item.unit}`),
      startYear: item.startYear,
      explanation: item.explanation,
    };
  });
}

/**
 * The consultation as any resident reads it: the text, the items, the moderated comments with
 * their answers — a hidden comment by its reason only, an author only with consent — and,
 * while it is open, a fresh challenge to comment with.
 */
export async function publicConsultation(db: Db, models: CountryModels, loaded: LoadedConsultation, language: TLanguage, today: string, now: number): Promise<TPublicConsultation> {
  const id = loaded.consultation.id;
  const view = await publicMemo(`consultation-view:${id}:${language}:${today}`, () => consultationView(db, models, loaded, language, today));
  // The challenge is each reader's own (single-use), so it is never part of what is remembered.
  return { ...view, challenge: view.phase === 'open' ? issueChallenge(await formSecret(db), id, now) : null };
}

async function consultationView(db: Db, models: CountryModels, loaded: LoadedConsultation, language: TLanguage, today: string): Promise<TPublicConsultation> {
  const c = loaded.consultation;
  const phase = consultationPhase(c, today);
  const comments = (await listComments(db, c.id)).filter((r) => publiclyVisible({ status: r.status as never }));
  return {
    id: c.id,
    language,
    documentLanguage: (COUNTRY_LANGUAGE as Record<string, TLanguage>)[loaded.territory.country] ?? language,
    authority: territoryName({ ...loaded.territory, country: loaded.territory.country as TCountry }, language),
    kind: translator(language)(`consultation.kind.${c.kind}`),
    title: c.title,
    intro: c.intro,
    sections: c.sections,
    items: await publicItems(db, models, loaded, language),
    ...(await consultedServices(db, models, loaded, language)),
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    phase,
    comments: comments.map((r) => {
      const hidden = r.status === 'hidden';
      const author = publicAuthor({ status: r.status as never, name: r.name, organisation: r.organisation, consent: r.consent, erasedAt: r.erasedAt?.toISOString() ?? null });
      return {
        id: r.id,
        target: r.target,
        body: hidden ? null : r.body,
        name: hidden ? null : author.name,
        organisation: hidden ? null : author.organisation,
        hiddenReason: hidden ? r.hiddenReason : null,
        verdict: r.verdict as TPublicConsultation['comments'][number]['verdict'],
        reason: r.reason,
        change: r.change,
        changedItemId: r.changedItemId,
        receivedOn: r.receivedAt.toISOString().slice(0, 10),
      };
    }),
    challenge: null,
    difficulty: PROOF_DIFFICULTY_BITS,
  };
}

export type CommentSubmission = TCommentInput & { challenge: string; nonce: string; website?: string };

/**
 * Take a resident's comment: while the consultation is open, with a solved fresh challenge, aimed
 * at a section or item the document has. It waits for a moderator. A filled honeypot is taken
 * as if it went through (a bot learns nothing) and stored nowhere.
 */
export async function submitComment(db: Db, models: CountryModels, spent: SpentChallenges, id: number, submission: CommentSubmission, today: string, now: number): Promise<{ id: number }> {
  const loaded = await findPublicConsultation(db, id, today);
  const c = loaded.consultation;
  if (consultationPhase(c, today) !== 'open') throw new AppError('consultation.not_open', { opensOn: c.opensOn, closesOn: c.closesOn });
  if (submission.website) return { id: 0 };
  const check = checkChallenge(await formSecret(db), c.id, submission.challenge, submission.nonce, now);
  if (check !== 'ok' || !spent.spend(submission.challenge, now)) throw new AppError('consultation.proof_failed', { check });
  const input = ZCommentInput.parse(submission);
  const target = input.target;
  if (target.kind === 'section' && target.section >= c.sections.length) throw new AppError('validation.invalid', {}, { issues: [{ path: 'target', message: 'not_in_document' }] });
  if (target.kind === 'item' && !(await consultedItems(db, loaded)).some((i) => i.id === target.itemId)) throw new AppError('validation.invalid', {}, { issues: [{ path: 'target', message: 'not_in_document' }] });
  if (target.kind === 'site' || target.kind === 'figure') {
    // The services and figures the page shows (in any language: only their keys are compared).
    const shown = await publicMemo(`consulted-services:${c.id}:${today}`, () => consultedServices(db, models, loaded, 'en'));
    const key = commentTargetKey(target);
    if (![...shown.sites, ...shown.figures].some((x) => x.key === key)) throw new AppError('validation.invalid', {}, { issues: [{ path: 'target', message: 'not_in_document' }] });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultationComment)
      .values({ consultationId: c.id, target, body: input.body, name: input.name || null, organisation: input.organisation || null, consent: input.consent })
      .returning({ id: consultationComment.id });
    // The entry says a comment came in and where it is aimed; its text and signature are the comment's own row (erasable).
    await recordChange(tx, { userId: null, actor: 'public' }, { action: 'create', entity: 'consultation_comment', entityId: row!.id, country: loaded.territory.country, territoryId: loaded.territory.id, after: { consultationId: c.id, target, status: 'pending' } });
    return row!;
  });
}
