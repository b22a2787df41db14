import type { TSessionResponse } from '@potreby/server/accounts/schema';

type User = TSessionResponse['user'] | null | undefined;

/**
 * What the screens offer; the server decides (planning/access.ts). Only a region's officers and
 * administrators open and close rounds; municipal officers add their municipality's items.
 */
export const mayOpenRounds = (user: User): boolean => user?.role === 'admin' || user?.role === 'regional_officer';
export const mayPropose = (user: User): boolean => mayOpenRounds(user) || user?.role === 'municipal_officer';
