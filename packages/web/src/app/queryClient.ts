import { MutationCache, QueryCache, QueryClient, type InvalidateOptions, type InvalidateQueryFilters } from '@tanstack/react-query';
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

/**
 * Invalidating after a change must show what the change made. TanStack Query cancels a refetch
 * under way for data already shown, but lets a FIRST fetch under way finish and takes its answer
 * as the fresh one — an answer the server may have made before the change: the budget tab's
 * checks, still loading when an envelope was saved, stayed without the envelope's finding for
 * the page. Cancelled first, every query invalidated is fetched again after the change.
 */
export class ChangeAwareQueryClient extends QueryClient {
  override async invalidateQueries(filters?: InvalidateQueryFilters, options?: InvalidateOptions): Promise<void> {
    await this.cancelQueries(filters);
    return super.invalidateQueries(filters, options);
  }
}

export const queryClient: QueryClient = new ChangeAwareQueryClient({
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
