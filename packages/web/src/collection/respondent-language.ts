/**
 * The respondent's language among a form's languages, and each named in itself. Here rather than
 * in questionnaires/languages.ts (which re-exports them): that module brings the app's catalogue
 * (react-query, the API client, the domain's names) onto the phone's path to the first question.
 */

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
