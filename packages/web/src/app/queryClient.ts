import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { TSessionResponse } from '@potreby/server/accounts/schema';
import { ApiError } from '../api/client';

export const SESSION_KEY = ['session'] as const;

/**
 * A call answered "not signed in" or "change your password first" means the session we hold is
 * stale: forget it (the route guards then send the user to the sign-in or password screen).
 */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'auth.required') {
    queryClient.setQueryData(SESSION_KEY, null);
  } else if (error.code === 'auth.password_change_required') {
    queryClient.setQueryData<TSessionResponse | null>(SESSION_KEY, (s) => (s ? { ...s, user: { ...s.user, mustChangePassword: true } } : s));
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a 4xx never helps; a network hiccup may.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
