/**
 * How long a password is, counted the way a person sees it (OWASP ASVS 4.0 V2.1.1: at least 12
 * characters; V2.1.4: any printable Unicode character is allowed). Light enough for every form of
 * the UI; the check against common passwords is in check-password.ts, loaded only where needed.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** argon2 takes any length; a cap keeps one request's hashing and checking cheap. */
export const MAX_PASSWORD_LENGTH = 200;

/** Invisible characters (zero-width spaces and joiners, the BOM, bidi marks): Unicode's "format" class. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const WHITESPACE_RUN = /\s+/gu;

/**
 * The password as it is measured and checked (never as it is stored: the hash is of what was
 * typed). NFKC folds look-alike forms (full-width letters, ligatures) into one; invisible
 * characters do not count; a run of spaces counts as one and spaces at either end not at all,
 * so twelve spaces or twelve zero-width characters are not a twelve-character password.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC').replace(FORMAT_CHARACTERS, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Characters (Unicode code points, so an emoji or a Cyrillic letter is one) after normalising. */
export const passwordLength = (password: string): number => [...normalisePassword(password)].length;
