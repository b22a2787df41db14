import { AppError, type TErrorCode } from '@potreby/domain';
import { translator, type TLanguage } from '@potreby/i18n';
import type { TProblem } from './schema';

const STATUS: Record<TErrorCode, number> = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.rate_limited': 429,
  'auth.password_change_required': 403,
  'auth.weak_password': 400,
  'validation.invalid': 400,
  not_found: 404,
  'conflict.duplicate': 409,
  'conflict.in_use': 409,
  'import.rejected': 422,
  'import.unreadable': 400,
  'import.empty': 400,
  'import.too_large': 413,
  'export.limit_reached': 429,
  // The version was signed or replaced meanwhile: the request was right when it was made.
  'agreement.signed': 409,
  'agreement.superseded': 409,
  'agreement.not_a_party': 422,
  'attachment.too_large': 413,
  'attachment.empty': 400,
  'attachment.type_not_allowed': 400,
  // Comments are taken only while the period runs; what residents read stays as they read it.
  'consultation.not_open': 409,
  'document.missing_data': 409,
  'consultation.text_published': 409,
  'consultation.proof_failed': 400,
  'database.busy': 503,
  internal: 500,
};

export const statusOf = (code: TErrorCode): number => STATUS[code];

/**
 * An AppError as RFC 9457 problem details, its title in the user's language. `type` is a
 * stable URI per code, so clients can tell errors apart without parsing text.
 */
export function toProblem(error: AppError, language: TLanguage, instance?: string): TProblem {
  const t = translator(language);
  const status = STATUS[error.code];
  const problem: TProblem = {
    type: `https://potreby.org/problems/${error.code.replace('.', '/')}`,
    title: t(`errors.${error.code}`, error.params),
    status,
    code: error.code,
  };
  if (instance) problem.instance = instance;
  const details = error.details as Partial<Pick<TProblem, 'issues' | 'errors' | 'totalErrors' | 'detail'>> | undefined;
  if (details?.issues) problem.issues = details.issues;
  if (details?.errors) problem.errors = details.errors;
  if (details?.totalErrors !== undefined) problem.totalErrors = details.totalErrors;
  if (details?.detail) problem.detail = details.detail;
  return problem;
}
