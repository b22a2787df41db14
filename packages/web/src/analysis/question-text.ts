/**
 * A questionnaire's text in the reader's language when the questionnaire has it, else its default
 * text (the language it was written in), else any translation it has.
 */
export function textIn(text: Record<string, string> | null | undefined, language: string, fallback = ''): string {
  if (!text) return fallback;
  return text[language] || text.default || Object.values(text).find((v) => v) || fallback;
}

/** The kinds of question the analysis treats alike. */
export const isChoice = (type: string) => ['single', 'multiple', 'boolean', 'radiogroup', 'checkbox', 'dropdown', 'tagbox', 'rating'].includes(type);
export const isFreeText = (type: string) => ['text', 'comment'].includes(type);
