/**
 * A questionnaire's text in the reader's language when the questionnaire has it, else its default
 * text (the language it was written in), else any translation it has.
 */
export function textIn(text: Record<string, string> | null | undefined, language: string, fallback = ''): string {
  if (!text) return fallback;
  return text[language] || text.default || Object.values(text).find((v) => v) || fallback;
}

/** The language of the text `textIn` picks: the reader's, else the questionnaire's own (`default`), else the translation's. */
export function textLanguage(text: Record<string, string> | null | undefined, language: string, defaultLanguage: string | undefined): string | undefined {
  if (!text) return undefined;
  if (text[language]) return language;
  if (text.default) return defaultLanguage;
  return Object.entries(text).find(([, v]) => v)?.[0];
}

/** The kinds of question the analysis treats alike. */
export const isChoice = (type: string) => ['single', 'multiple', 'boolean', 'radiogroup', 'checkbox', 'dropdown', 'tagbox', 'rating'].includes(type);
export const isFreeText = (type: string) => ['text', 'comment'].includes(type);
