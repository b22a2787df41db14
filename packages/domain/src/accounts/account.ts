import { z } from 'zod';
import { ROLES } from './policy';

/** The four languages of the UI, documents and messages; `uk` is Ukrainian (ISO 639-1). */
export const LANGUAGES = ['bg', 'uk', 'pl', 'en'] as const;
export const ZLanguage = z.enum(LANGUAGES);

export const ZRole = z.enum(ROLES);

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const ZNewPassword = z.string().min(12).max(200);

/**
 * An account as an administrator creates it. Every role but admin is scoped to a territory;
 * the same schema checks the form in the browser and the request on the server.
 */
export const ZUserCreate = z
  .object({
    login: z.string().trim().toLowerCase().min(3).max(200),
    name: z.string().trim().min(1).max(200),
    role: ZRole,
    territoryId: z.number().int().nullable(),
    organisation: z.string().trim().max(300).nullable().default(null),
    language: ZLanguage.default('en'),
  })
  .refine((u) => u.role === 'admin' || u.territoryId !== null, { path: ['territoryId'], message: 'territory_required' });
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: ZRole,
    territoryId: z.number().int().nullable(),
    organisation: z.string().trim().max(300).nullable().default(null),
    language: ZLanguage.default('en'),
    disabled: z.boolean(),
  })
  .refine((u) => u.role === 'admin' || u.territoryId !== null, { path: ['territoryId'], message: 'territory_required' });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;
