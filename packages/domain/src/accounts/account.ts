import { z } from 'zod';
import { ZId } from '../validation/bounded';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordLength } from './password-length';
import { ROLES } from './policy';

/** The four languages of the UI, documents and messages; `uk` is Ukrainian (ISO 639-1). */
export const LANGUAGES = ['bg', 'uk', 'pl', 'en'] as const;
export const ZLanguage = z.enum(LANGUAGES);

export const ZRole = z.enum(ROLES);

/**
 * Long enough to resist guessing, counted after normalising (twelve spaces are not twelve
 * characters); no composition rules (NIST SP 800-63B). The check against common passwords is
 * added where a password is chosen (accounts/check-password.ts): it carries a dictionary the
 * browser loads only on the change-password form.
 */
export const ZNewPassword = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .refine((p) => passwordLength(p) >= MIN_PASSWORD_LENGTH, { message: 'password_too_short' });

/**
 * An account as an administrator creates it. Every role but admin is scoped to a territory;
 * the same schema checks the form in the browser and the request on the server.
 */
export const ZUserCreate = z
  .object({
    login: z.string().trim().toLowerCase().min(3).max(200),
    name: z.string().trim().min(1).max(200),
    role: ZRole,
    territoryId: ZId.nullable(),
    organisation: z.string().trim().max(300).nullable().default(null),
    language: ZLanguage.default('en'),
  })
  .refine((u) => u.role === 'admin' || u.territoryId !== null, { path: ['territoryId'], message: 'territory_required' });
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: ZRole,
    territoryId: ZId.nullable(),
    organisation: z.string().trim().max(300).nullable().default(null),
    language: ZLanguage.default('en'),
    disabled: z.boolean(),
  })
  .refine((u) => u.role === 'admin' || u.territoryId !== null, { path: ['territoryId'], message: 'territory_required' });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
