import i18next from 'i18next';
import { isLanguage } from '@potreby/i18n';
import { languageName as inReadersLanguage } from '../app/names';

/** Languages a questionnaire can be written in from the editor (those of the app). */
export const FORM_LANGUAGES = ['uk', 'en', 'bg', 'pl'] as const;

/** A questionnaire's language named in the reader's language ("Ukrainian" on an English page). */
export function languageName(code: string): string {
  return inReadersLanguage(code, isLanguage(i18next.language) ? i18next.language : 'en');
}

// The respondent's language and each language named in itself: one definition, kept where the
// public form can import it without this module's dependencies.
export { ownLanguageName, preferredLanguage } from '../collection/respondent-language';
