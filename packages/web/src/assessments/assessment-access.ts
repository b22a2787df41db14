import type { TSessionResponse } from '@potreby/server/accounts/schema';

/**
 * Does the account enter needs-assessment data (assessments, the OZPS's figures)? What the screens
 * offer; the server has the last word (the policy's edit_assessment, within the account's reach).
 * A permission flag wins once the session carries one.
 */
export function mayEditAssessments(user: TSessionResponse['user'] | null | undefined, permissions: TSessionResponse['permissions'] | null | undefined): boolean {
  const flag = (permissions as Record<string, boolean> | null | undefined)?.editAssessments;
  return flag ?? ['admin', 'agency', 'regional_officer', 'municipal_officer'].includes(user?.role ?? '');
}
