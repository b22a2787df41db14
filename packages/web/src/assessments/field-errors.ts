import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { serverFieldErrors, validateWith, type FieldErrors } from '../app/validation';

/** Rule codes of the assessment schemas that the shared field messages do not know. */
const OWN_CODES = ['period_order', 'decision_incomplete', 'not_in_assessment'] as const;
const isOwn = (message: string): message is (typeof OWN_CODES)[number] => (OWN_CODES as readonly string[]).includes(message);

const firstSegment = (path: string) => path.split('.')[0]!;

/** `validateWith`, with the assessment's own rules ("the period ends before it starts") worded here. */
export function validateAssessmentPart<S extends z.ZodType>(schema: S, input: Record<string, unknown>, t: TFunction): FieldErrors {
  const errors = validateWith(schema, input, t).errors ?? {};
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (isOwn(issue.message)) errors[firstSegment(issue.path.map(String).join('.'))] = t(`assessments.fieldErrors.${issue.message}`);
    }
  }
  return errors;
}

/** The server's field errors on a rejected body, with our own rules and duplicates named on their field. */
export function assessmentServerErrors(error: unknown, t: TFunction, duplicateField?: string): FieldErrors | null {
  if (error instanceof ApiError && error.code === 'conflict.duplicate' && duplicateField) {
    return { [duplicateField]: t('assessments.fieldErrors.duplicate') };
  }
  const errors = serverFieldErrors(error, t);
  if (!errors || !(error instanceof ApiError)) return errors;
  for (const issue of error.problem.issues ?? []) if (isOwn(issue.message)) errors[firstSegment(issue.path)] = t(`assessments.fieldErrors.${issue.message}`);
  return errors;
}
