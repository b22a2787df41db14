import { ROLES, ZLanguage, ZNewPassword as ZNewPasswordLength, ZRole } from '@potreby/domain';
import { checkPassword } from '@potreby/domain/accounts/check-password';
import { z } from 'zod';
import { ZTerritoryRef } from '../http/schema';

// The account schemas the browser's forms share live in the domain (accounts/account.ts).
export { ROLES, ZLanguage, ZRole };

/** A password a person chooses: long enough and not a common one (OWASP ASVS 4.0 V2.1). */
export const ZNewPassword = ZNewPasswordLength.superRefine((password, ctx) => {
  const problem = checkPassword(password);
  // The length is the domain schema's own message; the rest is the list of common passwords.
  if (problem && problem !== 'password_too_short') ctx.addIssue({ code: 'custom', message: problem });
});
export { ZUserCreate, ZUserUpdate, type TUserCreate } from '@potreby/domain';
export type TRole = z.infer<typeof ZRole>;

export const ZSignIn = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(200),
});

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
  /** Change the classification of service types: national administrators only. */
  editCatalogue: z.boolean(),
  /** Import a country's unit-cost standards and ceilings (planning): administrators and the national agency. */
  setPlanStandards: z.boolean(),
});

export const ZSessionResponse = z.object({
  user: ZUser,
  permissions: ZPermissions,
  /** Send back as the X-CSRF-Token header on every change. */
  csrfToken: z.string(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZUserCreated = z.object({ user: ZUser, oneTimePassword: z.string() });
export const ZUserList = z.object({ items: z.array(ZUser) });
