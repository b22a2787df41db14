/**
 * Errors are values with stable codes; the edge (HTTP, CLI, UI) translates them with
 * `errors.<code>` from the translation files and picks the HTTP status. Clients match on the
 * code, never on the text.
 */
export const ERROR_CODES = [
  'auth.required',
  'auth.invalid_credentials',
  'auth.forbidden',
  'auth.csrf',
  'auth.rate_limited',
  'auth.password_change_required',
  'auth.weak_password',
  'validation.invalid',
  'not_found',
  'conflict.duplicate',
  'conflict.in_use',
  'import.rejected',
  'import.unreadable',
  'import.empty',
  'import.too_large',
  'export.limit_reached',
  'agreement.signed',
  'agreement.superseded',
  'agreement.not_a_party',
  'attachment.too_large',
  'attachment.empty',
  'attachment.type_not_allowed',
  'consultation.not_open',
  'consultation.text_published',
  'consultation.proof_failed',
  'document.missing_data',
  'database.busy',
  'internal',
] as const;
export type TErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Extra machine-readable detail (validation issues, import row errors). */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
  }
}
