import { AppError, ZAnswerInput, ZConsultationInput, ZModeration } from '@potreby/domain';
import { COUNTRY_LANGUAGE, pickLanguage, translator, type TLanguage } from '@potreby/i18n';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../http/app';
import { actorLabel, actorOf, type SessionActor } from '../http/context';
import type { RouteContext } from '../http/routes';
import { today } from '../planning/rounds';
import { ZIdParam } from '../planning/meetings/schema';
import { answerComment, createConsultation, eraseCommenter, listComments, listConsultations, loadConsultation, moderateComment, presentComment, presentConsultation, updateConsultation } from './consultations';
import { CONSULTATION_SCRIPT } from './page-script';
import { SpentChallenges } from './proof';
import { findPublicConsultation, publicConsultation, submitComment, type CommentSubmission } from './public';
import { esc, parseTargetKey, renderConsultationPage, type PageState } from './public-page';
import { renderConsultationReport } from './report-document';
import { ZCommentList, ZCommentParam, ZCommentReceipt, ZCommentView, ZConsultationList, ZConsultationParam, ZConsultationView, ZOpenDataQuery, ZPublicCommentInput, ZPublicConsultation, ZPublicListing, ZPublicQuery, ZReportParams, ZTerritoryParams } from './schema';
import { findPublicTerritory, OPEN_DATA_LICENCE, openComments, openCommentsCsv, publicListing } from './open-data';
import { renderTerritoryPage } from './public-site';
import { publicMemo } from './public-cache';
import { renderPublished } from '../public-site/page';
import { publishedPlace } from '../public-site/published';

const TAGS = ['consultation'];

/** A page that says, in the reader's language, that there is nothing here (for people, not a problem+json). */
const notFoundPage = (language: TLanguage, message: string) =>
  `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(message)}</title></head><body><main><h1>${esc(message)}</h1></main></body></html>`;

/**
 * Public consultation (issue 9, item 1): the authority's routes under /api/v1 (signed in), the
 * residents' JSON API under /api/v1/public, and the public page itself under /consultations,
 * plain HTML outside the app's session handling (no cookie is read there, so no resident's
 * request is ever tied to an account).
 */
export function consultationRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;
  const authorOf = (actor: SessionActor) => ({ userId: actor.userId, actor: actorLabel(actor) });
  const spent = new SpentChallenges();
  // Per address and consultation, in this process's memory only, as the public forms' limit.
  const rateLimit = {
    max: ctx.publicSubmissionLimit ?? 30,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => `${req.ip}|consultation|${(req.params as { id?: string }).id}`,
    errorResponseBuilder: (_req: FastifyRequest, limit: { ttl: number }) => new AppError('auth.rate_limited', { seconds: Math.ceil(limit.ttl / 1000) }),
  };

  // ---- the authority ----
  app.get('/api/v1/planning/rounds/:id/consultations', { schema: { tags: TAGS, summary: "A round's public consultations the reader runs, with counts of comments waiting", params: ZIdParam, response: { 200: ZConsultationList } } }, async (request) => ({
    items: await listConsultations(db, actorOf(request), request.params.id, today()),
  }));

  app.post('/api/v1/planning/rounds/:id/consultations', { schema: { tags: TAGS, summary: "Publish a round's document (the draft agreement, a municipality's proposal …) for public consultation over a period", params: ZIdParam, body: ZConsultationInput, response: { 201: ZConsultationView } } }, async (request, reply) => {
    const actor = actorOf(request);
    const loaded = await createConsultation(db, actor, authorOf(actor), request.params.id, request.body);
    return reply.status(201).send(presentConsultation(loaded, [], today()));
  });

  app.get('/api/v1/consultations/:id', { schema: { tags: TAGS, summary: 'A consultation, for whoever runs it', params: ZConsultationParam, response: { 200: ZConsultationView } } }, async (request) => {
    const loaded = await loadConsultation(db, actorOf(request), request.params.id);
    return presentConsultation(loaded, await listComments(db, loaded.consultation.id), today());
  });

  app.put('/api/v1/consultations/:id', { schema: { tags: TAGS, summary: 'Change a consultation: anything before it opens, only the closing date after', params: ZConsultationParam, body: ZConsultationInput, response: { 200: ZConsultationView } } }, async (request) => {
    const actor = actorOf(request);
    const loaded = await updateConsultation(db, actor, authorOf(actor), request.params.id, request.body, today());
    return presentConsultation(loaded, await listComments(db, loaded.consultation.id), today());
  });

  app.get('/api/v1/consultations/:id/comments', { schema: { tags: TAGS, summary: 'Every comment received, with the names given (for moderation and answers)', params: ZConsultationParam, response: { 200: ZCommentList } } }, async (request) => {
    const loaded = await loadConsultation(db, actorOf(request), request.params.id);
    return { items: (await listComments(db, loaded.consultation.id)).map(presentComment) };
  });

  app.put('/api/v1/consultation-comments/:id/moderation', { schema: { tags: TAGS, summary: 'Publish a comment, or hide it with a reason', params: ZCommentParam, body: ZModeration, response: { 200: ZCommentView } } }, async (request) => {
    const actor = actorOf(request);
    return presentComment(await moderateComment(db, actor, authorOf(actor), request.params.id, request.body));
  });

  app.put('/api/v1/consultation-comments/:id/answer', { schema: { tags: TAGS, summary: "The authority's answer: accepted, partly or rejected, why, and what changed", params: ZCommentParam, body: ZAnswerInput, response: { 200: ZCommentView } } }, async (request) => {
    const actor = actorOf(request);
    return presentComment(await answerComment(db, actor, authorOf(actor), request.params.id, request.body));
  });

  app.delete('/api/v1/consultation-comments/:id/commenter', { schema: { tags: TAGS, summary: "Erase the commenter's name and organisation on request; the comment stays, unsigned", params: ZCommentParam, response: { 200: ZCommentView } } }, async (request) => {
    const actor = actorOf(request);
    return presentComment(await eraseCommenter(db, actor, authorOf(actor), request.params.id));
  });

  app.get('/api/v1/consultations/:id/report/:format', { schema: { tags: TAGS, summary: 'The consultation report (every comment, its answer and the change made) as DOCX or PDF, in the country language', params: ZReportParams } }, async (request, reply) => {
    const loaded = await loadConsultation(db, actorOf(request), request.params.id);
    const file = await renderConsultationReport(db, ctx.models, loaded, request.params.format, today());
    return reply.type(file.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`).header('cache-control', 'no-store').send(file.body);
  });

  // ---- residents: the JSON API ----
  const languageOf = (asked: string | undefined, country: string, accept: string | undefined): TLanguage => (asked ? pickLanguage(asked) : pickLanguage((COUNTRY_LANGUAGE as Record<string, string>)[country], accept));

  app.get('/api/v1/public/consultations/:id', { config: { public: true }, schema: { tags: TAGS, summary: 'A consultation as residents read it, with its published comments and answers, and a challenge to comment with', params: ZConsultationParam, querystring: ZPublicQuery, response: { 200: ZPublicConsultation } } }, async (request, reply) => {
    const loaded = await findPublicConsultation(db, request.params.id, today());
    void reply.header('cache-control', 'no-store');
    return publicConsultation(db, ctx.models, loaded, languageOf(request.query.lang, loaded.territory.country, undefined), today(), Date.now());
  });

  app.post('/api/v1/public/consultations/:id/comments', { config: { public: true, rateLimit }, schema: { tags: TAGS, summary: "A resident's comment (no account): with the page's challenge and its proof of work; it waits for moderation", params: ZConsultationParam, body: ZPublicCommentInput, response: { 201: ZCommentReceipt } } }, async (request, reply) => {
    const receipt = await submitComment(db, ctx.models, spent, request.params.id, request.body, today(), Date.now());
    return reply.status(201).send({ id: receipt.id, status: 'pending' as const });
  });

  // ---- residents: a territory's published consultations and their open data ----
  const placeLanguage = (lang: string | undefined, country: string, accept: string | undefined) => languageOf(lang, country.toUpperCase(), accept);

  app.get('/api/v1/public/territories/:country/:code/consultations', { config: { public: true }, schema: { tags: TAGS, summary: "A territory's consultations that have opened (its own and those within it), open first", params: ZTerritoryParams, querystring: ZPublicQuery, response: { 200: ZPublicListing } } }, async (request) => {
    const place = await findPublicTerritory(db, request.params.country, request.params.code);
    return publicListing(db, place, placeLanguage(request.query.lang, place.country, undefined), today());
  });

  app.get(
    '/api/v1/public/territories/:country/:code/open-data/consultation-comments',
    { config: { public: true }, schema: { tags: TAGS, summary: `Open data (${OPEN_DATA_LICENCE.name}): every moderated comment of the territory's consultations with its answer, as JSON (with licence and date) or CSV; names only with the commenter's consent`, params: ZTerritoryParams, querystring: ZOpenDataQuery } },
    async (request, reply) => {
      const place = await findPublicTerritory(db, request.params.country, request.params.code);
      const language = placeLanguage(request.query.lang, place.country, undefined);
      const rows = await openComments(db, ctx.models, place, language, today());
      const generatedOn = today();
      const name = `consultation-comments-${place.country}-${place.code}-${generatedOn}`;
      void reply.header('cache-control', 'no-store');
      if (request.query.format === 'csv') {
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"`).send(openCommentsCsv(rows, language));
      }
      return reply.header('content-disposition', `inline; filename="${name}.json"`).send({ licence: OPEN_DATA_LICENCE, generatedOn, territory: { country: place.country, code: place.code }, rows });
    },
  );

  app.get('/public/:country/:code', { schema: { hide: true } }, async (request, reply) => {
    const { country, code } = request.params as { country: string; code: string };
    const lang = (request.query as { lang?: string }).lang;
    try {
      const place = await findPublicTerritory(db, country, code);
      const language = placeLanguage(lang, place.country, request.headers['accept-language']);
      const published = async () => renderPublished(await publishedPlace(db, ctx.models, place, language), language, (code) => `/api/v1/public/territories/${place.country}/${encodeURIComponent(code)}`, place.id);
      // Kept as UTF-8 bytes: encoding the page again for every reader was a third of its time under load.
      const html = await publicMemo(`territory-page:${place.id}:${language}:${today()}`, async () => Buffer.from(renderTerritoryPage(await publicListing(db, place, language, today()), language, today(), await published())));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      // In the language of the country the address names, as the territory's page itself would be.
      const language = placeLanguage(lang, country, request.headers['accept-language']);
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(language, translator(language)('consultation.site.notFound')));
    }
  });

  // ---- residents: the page, without the app ----
  app.get('/consultations/consultation.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CONSULTATION_SCRIPT),
  );

  /** The page as a first visit shows it: no comment sent, no draft, aimed at the whole. */
  const plainVisit = (state: PageState) => !state.sent && !state.error && (!state.draft || (state.draft.target === 'whole' && state.draft.body === '' && state.draft.name === '' && state.draft.organisation === '' && !state.draft.consent));
  // Letters no challenge has (they are digits, dots and base64url), so the stand-in cannot clash.
  const CHALLENGE_STANDIN = '~challenge~';
  const aroundStandin = (html: string): Buffer[] => {
    const at = html.indexOf(CHALLENGE_STANDIN);
    return at < 0 ? [Buffer.from(html)] : [Buffer.from(html.slice(0, at)), Buffer.from(html.slice(at + CHALLENGE_STANDIN.length))];
  };
  const withChallenge = (parts: Buffer[], challenge: string | null) => (parts.length === 1 ? parts[0]! : Buffer.concat([parts[0]!, Buffer.from(challenge ?? ''), parts[1]!]));

  const sendPage = async (reply: FastifyReply, id: number, lang: string | undefined, accept: string | undefined, state: PageState, status = 200) => {
    let loaded;
    try {
      loaded = await findPublicConsultation(db, id, today());
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      const language = pickLanguage(lang, accept);
      return reply.status(404).type('text/html; charset=utf-8').send(notFoundPage(language, translator(language)('consultation.public.notFound')));
    }
    const view = await publicConsultation(db, ctx.models, loaded, languageOf(lang, loaded.territory.country, accept), today(), Date.now());
    const html = plainVisit(state)
      ? // A reader's first visit: the page is remembered, as UTF-8 bytes, around a stand-in for the
        // challenge, which is each reader's own (encoding the whole page for each reader was a
        // third of its time under load).
        withChallenge(await publicMemo(`consultation-page:${view.id}:${view.language}:${view.phase}:${today()}`, async () => aroundStandin(renderConsultationPage({ ...view, challenge: view.challenge && CHALLENGE_STANDIN }, state))), view.challenge)
      : renderConsultationPage(view, state);
    return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  };

  app.get('/consultations/:id', { schema: { hide: true } }, async (request, reply) => {
    const id = Number((request.params as { id: string }).id);
    const query = request.query as { lang?: string; sent?: string; target?: string };
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return sendPage(reply, 0, query.lang, request.headers['accept-language'], {});
    const target = query.target && parseTargetKey(query.target) ? query.target : 'whole';
    return sendPage(reply, id, query.lang, request.headers['accept-language'], { sent: query.sent === '1', draft: { target, body: '', name: '', organisation: '', consent: false } });
  });

  // An HTML form posts url-encoded fields; only these routes read them (no plugin for the rest of the app).
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
    scope.post('/consultations/:id/comments', { schema: { hide: true }, config: { rateLimit } }, async (request, reply) => {
      const id = Number((request.params as { id: string }).id);
      const lang = (request.query as { lang?: string }).lang;
      if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) return sendPage(reply, 0, lang, request.headers['accept-language'], {});
      const fields = (request.body ?? {}) as Record<string, string | undefined>;
      const draft = { target: fields.target ?? 'whole', body: fields.body ?? '', name: fields.name ?? '', organisation: fields.organisation ?? '', consent: fields.consent === 'yes' };
      const target = parseTargetKey(draft.target);
      const language = pickLanguage(lang, request.headers['accept-language']);
      try {
        if (!target) throw new AppError('validation.invalid');
        const submission: CommentSubmission = { target, body: draft.body, name: draft.name, organisation: draft.organisation, consent: draft.consent, challenge: fields.challenge ?? '', nonce: fields.nonce ?? '', website: fields.website ?? '' };
        const parsed = ZPublicCommentInput.safeParse(submission);
        if (!parsed.success) throw new AppError('validation.invalid');
        await submitComment(db, ctx.models, spent, id, parsed.data, today(), Date.now());
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'not_found') throw error;
        const t = translator(language);
        const message = error.code === 'validation.invalid' ? t('consultation.public.invalid') : t(`errors.${error.code}`, error.params);
        return sendPage(reply, id, lang, request.headers['accept-language'], { error: message, draft }, error.code === 'consultation.not_open' ? 409 : 400);
      }
      // Post/redirect/get: a reload does not send the comment twice.
      return reply.redirect(`/consultations/${id}?lang=${language}&sent=1#top`, 303);
    });
  });
}
