import { LANGUAGE_NAMES } from '../app/LanguageSwitch';

/** Languages a questionnaire can be written in from the editor (those of the app). */
export const FORM_LANGUAGES = ['uk', 'en', 'bg', 'pl'] as const;

/** A language named in itself ("Українська"), as in the language switch; others by Intl. */
export function languageName(code: string): string {
  if (code in LANGUAGE_NAMES) return LANGUAGE_NAMES[code as keyof typeof LANGUAGE_NAMES];
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
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
