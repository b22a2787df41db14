import i18next from 'i18next';
import { isLanguage } from '@potreby/i18n';
import { languageName as inReadersLanguage } from '../app/names';

/** Languages a questionnaire can be written in from the editor (those of the app). */
export const FORM_LANGUAGES = ['uk', 'en', 'bg', 'pl'] as const;

/** A questionnaire's language named in the reader's language ("Ukrainian" on an English page). */
export function languageName(code: string): string {
  return inReadersLanguage(code, isLanguage(i18next.language) ? i18next.language : 'en');
}

/** A language named in itself ("Українська"), for respondents choosing the language they answer in. */
export function ownLanguageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/** The browser's preferred language among `available`, else the first of them. */
export function preferredLanguage(available: string[]): string | null {
  for (const l of navigator.languages ?? [navigator.language]) {
    const code = l.slice(0, 2).toLowerCase();
    if (available.includes(code)) return code;
  }
  return available[0] ?? null;
}
