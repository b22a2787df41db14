import { z } from 'zod';
import { LANGUAGES } from '@potreby/i18n';
import { ZTerritoryRef } from '../http/schema';

/**
 * Roles, from the widest reach to the narrowest. Every role but admin is scoped to the subtree of
 * one territory (a country for the agency, a region for a regional officer, a municipality …).
 */
import { ROLES } from '@potreby/domain';
export { ROLES };
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const ZLanguage = z.enum(LANGUAGES);

export const ZSignIn = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const ZNewPassword = z.string().min(12).max(200);

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZNewPassword,
});

export const ZUser = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string(),
  role: ZRole,
  territory: ZTerritoryRef.nullable(),
  organisation: z.string().nullable(),
  language: ZLanguage,
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type TUser = z.infer<typeof ZUser>;

/** What the signed-in user may do, so the UI shows only what will work. */
export const ZPermissions = z.object({
  editServiceSites: z.boolean(),
  importData: z.boolean(),
  editNorms: z.boolean(),
  manageUsers: z.boolean(),
  viewAudit: z.boolean(),
});

export const ZSessionResponse = z.object({
  user: ZUser,
  permissions: ZPermissions,
  /** Send back as the X-CSRF-Token header on every change. */
  csrfToken: z.string(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZUserCreate = z.object({
  login: z.string().trim().toLowerCase().min(3).max(200),
  name: z.string().trim().min(1).max(200),
  role: ZRole,
  territoryId: z.number().int().nullable(),
  organisation: z.string().trim().max(300).nullable().default(null),
  language: ZLanguage.default('en'),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = ZUserCreate.omit({ login: true }).extend({ disabled: z.boolean() });

export const ZUserCreated = z.object({ user: ZUser, oneTimePassword: z.string() });
export const ZUserList = z.object({ items: z.array(ZUser) });
