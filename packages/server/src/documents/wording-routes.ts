import { AppError, LANGUAGES, mayEditCatalogue, ZCountry } from '@potreby/domain';
import { resources, type TLanguage } from '@potreby/i18n';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordChange } from '../audit/record-change';
import type { App } from '../http/app';
import { actorLabel, actorOf } from '../http/context';
import type { RouteContext } from '../http/routes';
import { FIXED_TEXT_KEYS, kindCountry, OFFICIAL_KINDS, type TOfficialKind } from './kinds';
import { documentWording } from './tables';

const TAGS = ['documents'];
const ZWordingParams = z.object({ country: ZCountry, kind: z.enum(OFFICIAL_KINDS) });
const ZWordingQuery = z.object({ lang: z.enum(LANGUAGES) });
const ZWordingInput = z.object({ lang: z.enum(LANGUAGES), key: z.string().min(1).max(200), text: z.string().trim().max(4000).nullable() });
const ZWordingItem = z.object({ key: z.string(), default: z.string(), text: z.string().nullable(), updatedAt: z.string().nullable() });
const ZWordingList = z.object({ items: z.array(ZWordingItem) });

const invalid = (path: string, message: string) => new AppError('validation.invalid', {}, { issues: [{ path, message }] });

/** The files' text of a key as written, its `{{placeholders}}` left in (what the administrator rewords). */
function fileText(language: TLanguage, key: string): string {
  let node: unknown = resources[language].translation;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : '';
}

/** A document of the country (or of every country) and one of its rewordable texts; 400 otherwise. */
function checkText(country: string, kind: TOfficialKind, key?: string) {
  const own = kindCountry(kind);
  if (own !== null && own !== country) throw invalid('kind', 'other_country');
  if (key !== undefined && !FIXED_TEXT_KEYS[kind].includes(key)) throw invalid('key', 'not_rewordable');
}

/**
 * The fixed text of official documents as administrators reword it per country (issue 9, item 3):
 * headings, paragraphs, the legal basis, signature lines — without a change of code. Only those
 * who edit the catalogue (administrators) read and write them here; every document reads them.
 */
export function wordingRoutes(app: App, ctx: RouteContext) {
  const { db } = ctx.database;

  app.get(
    '/api/v1/document-wording/:country/:kind',
    { schema: { tags: TAGS, summary: "A document's rewordable texts in a language: the files' text and the administrator's, if any (administrators)", params: ZWordingParams, querystring: ZWordingQuery, response: { 200: ZWordingList } } },
    async (request) => {
      if (!mayEditCatalogue(actorOf(request))) throw new AppError('auth.forbidden');
      const { country, kind } = request.params;
      checkText(country, kind);
      const language = request.query.lang;
      const rows = await db.select().from(documentWording).where(and(eq(documentWording.country, country), eq(documentWording.kind, kind), eq(documentWording.language, language)));
      const reworded = new Map(rows.map((r) => [r.key, r]));
      return {
        items: FIXED_TEXT_KEYS[kind].map((key) => {
          const row = reworded.get(key);
          return { key, default: fileText(language, key), text: row?.text ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
        }),
      };
    },
  );

  app.put(
    '/api/v1/document-wording/:country/:kind',
    { schema: { tags: TAGS, summary: "Reword one fixed text of a document for the country in a language; an empty text restores the files' (administrators)", params: ZWordingParams, body: ZWordingInput, response: { 200: ZWordingItem } } },
    async (request) => {
      const actor = actorOf(request);
      if (!mayEditCatalogue(actor)) throw new AppError('auth.forbidden');
      const { country, kind } = request.params;
      const { lang, key } = request.body;
      checkText(country, kind, key);
      const text = request.body.text === null || request.body.text === '' ? null : request.body.text;
      const author = { userId: actor.userId, actor: actorLabel(actor) };
      const where = and(eq(documentWording.country, country), eq(documentWording.kind, kind), eq(documentWording.key, key), eq(documentWording.language, lang));
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(documentWording).where(where);
        const view = (t: string | null) => ({ country, kind, key, language: lang, text: t });
        if (text === null) {
          if (before) {
            await tx.delete(documentWording).where(where);
            await recordChange(tx, author, { action: 'delete', entity: 'document_wording', entityId: before.id, country, before: view(before.text), after: null });
          }
          return { key, default: fileText(lang, key), text: null, updatedAt: null };
        }
        const [row] = before
          ? await tx.update(documentWording).set({ text, updatedBy: actor.userId, updatedAt: new Date() }).where(where).returning()
          : await tx.insert(documentWording).values({ country, kind, key, language: lang, text, updatedBy: actor.userId }).returning();
        await recordChange(tx, author, { action: before ? 'update' : 'create', entity: 'document_wording', entityId: row!.id, country, before: before ? view(before.text) : null, after: view(text) });
        return { key, default: fileText(lang, key), text: row!.text, updatedAt: row!.updatedAt.toISOString() };
      });
    },
  );
}
