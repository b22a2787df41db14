import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

type Issue = { code?: string; path: PropertyKey[] | string; message: string; minimum?: unknown; maximum?: unknown; origin?: string; expected?: string; format?: string };

/** The form field an issue belongs to: by default the first segment of its path (`servesIds.0` → `servesIds`). */
export type FieldFor = (path: string) => string;
const firstSegment: FieldFor = (path) => path.split('.')[0]!;
const pathText = (path: Issue['path']): string => (typeof path === 'string' ? path : path.map(String).join('.'));

/**
 * One zod issue (from our own parse, or as the server reported it) as a sentence in the user's
 * language. Our own rule codes (`vacancies_exceed_positions`) have keys in `common.fieldErrors`;
 * the server's zod messages are recognised by their shape.
 */
export function issueMessage(t: TFunction, issue: Issue, input?: { value: unknown }): string {
  const own = `common.fieldErrors.${issue.message}`;
  if (/^[a-z_]+$/.test(issue.message)) return t(own, { defaultValue: t('common.fieldErrors.invalid') });
  const m = issue.message;
  const value = input?.value;
  const empty = (input !== undefined && (value === undefined || value === null || value === '')) || /received (undefined|null)/.test(m);
  switch (issue.code) {
    case 'invalid_type':
      if (empty) return t('common.fieldErrors.required');
      if (issue.expected === 'int') return t('common.fieldErrors.integer');
      return t('common.fieldErrors.number');
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return t('common.fieldErrors.required');
      if (issue.origin === 'string') return t('common.fieldErrors.minLength', { count: Number(issue.minimum) });
      if (issue.origin === 'array') return t('common.fieldErrors.required');
      return t('common.fieldErrors.min', { min: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return t('common.fieldErrors.maxLength', { count: Number(issue.maximum) });
      return t('common.fieldErrors.max', { max: issue.maximum });
    case 'invalid_format':
      return t(issue.format === 'date' ? 'common.fieldErrors.date' : 'common.fieldErrors.invalid');
    case 'invalid_value':
      return t(empty ? 'common.fieldErrors.required' : 'common.fieldErrors.invalid');
  }
  // As the server words them (zod's English messages).
  if (empty) return t('common.fieldErrors.required');
  if (/expected int/.test(m)) return t('common.fieldErrors.integer');
  let g = /expected number to be >=?(-?[\d.]+)/.exec(m);
  if (g) return t('common.fieldErrors.min', { min: g[1] });
  g = /expected number to be <=?(-?[\d.]+)/.exec(m);
  if (g) return t('common.fieldErrors.max', { max: g[1] });
  if (/have >=1 /.test(m)) return t('common.fieldErrors.required');
  g = /have <=(\d+) characters/.exec(m);
  if (g) return t('common.fieldErrors.maxLength', { count: Number(g[1]) });
  if (/ISO date/.test(m)) return t('common.fieldErrors.date');
  return t('common.fieldErrors.invalid');
}

/** Validate form input with a domain schema; the first error of each field, translated. */
export function validateWith<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  t: TFunction,
  fieldFor: FieldFor = firstSegment,
): { data: z.infer<S>; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { data: result.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = fieldFor(pathText(issue.path as PropertyKey[]));
    if (!(field in errors)) errors[field] = issueMessage(t, issue as unknown as Issue, { value: valueAt(input, issue.path as PropertyKey[]) });
  }
  return { data: null, errors };
}

/** Field errors the server reported on a rejected body (400 validation.invalid), translated. */
export function serverFieldErrors(error: unknown, t: TFunction, fieldFor: FieldFor = firstSegment): FieldErrors | null {
  if (!(error instanceof ApiError) || !error.problem.issues?.length) return null;
  const errors: FieldErrors = {};
  for (const issue of error.problem.issues) {
    const field = fieldFor(issue.path);
    if (field && !(field in errors)) errors[field] = issueMessage(t, { path: issue.path, message: issue.message });
  }
  return Object.keys(errors).length ? errors : null;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/** '' and undefined become null (an empty optional field). */
export const orNull = <T,>(v: T | '' | undefined | null): T | null => (v === '' || v === undefined ? null : v);
/** '' becomes undefined, so a required number left empty reads "required". */
export const numberOrUndefined = (v: number | string | null | undefined): number | undefined =>
  v === '' || v === null || v === undefined ? undefined : typeof v === 'number' ? v : Number(v.replace(',', '.'));
export const numberOrNull = (v: number | string | null | undefined): number | null => numberOrUndefined(v) ?? null;
