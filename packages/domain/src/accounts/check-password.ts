import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalisePassword, passwordLength } from './password-length';

/**
 * Why a new password is refused; each is a field message the UI translates
 * (`common.fieldErrors.<reason>`). There are no composition rules (no "one digit, one capital"):
 * OWASP ASVS 4.0 V2.1.9 and NIST SP 800-63B advise against them.
 */
export type TPasswordProblem = 'password_too_short' | 'password_too_long' | 'password_too_common';

/**
 * zxcvbn's score 3 means about 10^8 guesses or more, "safely unguessable" against a guesser
 * held back by the sign-in limit and argon2 (zxcvbn's own description of the score). Below it are
 * the breached and common passwords of the shipped list (about 30,000, with their l33t and
 * reversed forms), keyboard walks, repeats ("aaaaaaaaaaaa") and sequences.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use: the dictionaries take a moment to index, and most processes never need them. */
const strength = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary },
    graphs: adjacencyGraphs,
    // The whole password is checked: the length rule already caps it.
    maxLength: MAX_PASSWORD_LENGTH,
  }));

/**
 * The rule for a password a person chooses (OWASP ASVS 4.0 V2.1): at least 12 characters once
 * normalised (see normalisePassword), at most 200, and not a common or breached password nor
 * an easy variation of one. `personal` are words the password must not lean on (the login, the
 * name): "maria.ivanova2025" is weak for Maria. Returns null for a good password.
 */
export function checkPassword(password: string, personal: readonly string[] = []): TPasswordProblem | null {
  const length = passwordLength(password);
  if (length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'password_too_long';
  const inputs = personal.flatMap((p) => [p, ...p.split(/[^\p{L}\p{N}]+/u)]).filter((p) => p.length >= 3);
  return strength().check(normalisePassword(password), inputs).score < MIN_SCORE ? 'password_too_common' : null;
}
