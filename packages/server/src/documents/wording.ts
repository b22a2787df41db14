import type { TCountry } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import { and, eq } from 'drizzle-orm';
import type { TFunction } from 'i18next';
import type { Db } from '../db/database';
import type { TOfficialKind } from './kinds';
import { documentWording } from './tables';

/** The texts an administrator reworded for one document of a country, in one language, by key. */
export async function loadWording(db: Db, country: TCountry, kind: TOfficialKind, language: TLanguage): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: documentWording.key, text: documentWording.text })
    .from(documentWording)
    .where(and(eq(documentWording.country, country), eq(documentWording.kind, kind), eq(documentWording.language, language)));
  return new Map(rows.map((r) => [r.key, r.text]));
}

/** `{{name}}` of a reworded text filled from the call's values, as the files' texts are; an unknown name stays as written. */
export const fillIn = (text: string, values: Record<string, unknown> = {}): string =>
  text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (values[name] === undefined || values[name] === null ? whole : String(values[name])));

const MISSING = '\u0000missing';

/**
 * A `t` that gives the reworded text of a key where there is one, and the files' text otherwise.
 * With several keys (a document's own text, then the shared one), the first key that either has
 * is taken, as i18next takes the first it knows. Documents are DOCX and PDF, so nothing is
 * escaped here: the writers set every text as text.
 */
export function worded(t: TFunction, reworded: ReadonlyMap<string, string>): TFunction {
  if (reworded.size === 0) return t;
  const wrapped = (key: string | string[], options?: Record<string, unknown>) => {
    const keys = Array.isArray(key) ? key : [key];
    for (const k of keys) {
      const own = reworded.get(k);
      if (own !== undefined) return fillIn(own, options);
      if ((t as (k: string, o: object) => string)(k, { ...options, defaultValue: MISSING }) !== MISSING) return (t as (k: string, o?: object) => string)(k, options);
    }
    return (t as (k: string | string[], o?: object) => string)(key, options);
  };
  return wrapped as unknown as TFunction;
}

/** The words of a document in a language, with the fixed text an administrator reworded for the country. */
export async function textsFor(db: Db, country: TCountry, kind: TOfficialKind, language: TLanguage): Promise<TFunction> {
  return worded(translator(language), await loadWording(db, country, kind, language));
}
