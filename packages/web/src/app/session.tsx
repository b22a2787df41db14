import type { ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { TSessionResponse } from '@potreby/server/accounts/schema';
import { isLanguage, type TLanguage } from '@potreby/i18n';
import { ApiError, api, setCsrfToken } from '../api/client';
import { rememberLanguage } from './i18n';
import { SESSION_KEY } from './queryClient';

export { setCsrfToken };
export type TPermissions = TSessionResponse['permissions'];

/** Set when the user picks a language on the sign-in screen: that choice then wins over the stored one. */
let languageChosenWhileSignedOut = false;

async function loadSession(): Promise<TSessionResponse | null> {
  try {
    const session = await api.get<TSessionResponse>('/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in user, what they may do, and the actions that change the session. */
export function useSession() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity, retry: false });
  const session = query.data ?? null;

  const applyLanguage = async (language: TLanguage) => {
    await i18n.changeLanguage(language);
    rememberLanguage(language);
  };

  return {
    status: query.isPending ? ('loading' as const) : session ? ('signedIn' as const) : ('signedOut' as const),
    error: query.error,
    session,
    user: session?.user ?? null,
    permissions: session?.permissions ?? null,
    isAdmin: session?.user.role === 'admin',

    async signIn(login: string, password: string): Promise<TSessionResponse> {
      const next = await api.post<TSessionResponse>('/session', { login, password });
      setCsrfToken(next.csrfToken);
      const current = isLanguage(i18n.language) ? i18n.language : 'en';
      if (languageChosenWhileSignedOut) {
        if (next.user.language !== current && !next.user.mustChangePassword) {
          await api.put('/session/language', { language: current }).catch(() => undefined);
        }
        next.user = { ...next.user, language: current };
      } else if (next.user.language !== current) {
        await applyLanguage(next.user.language);
      }
      languageChosenWhileSignedOut = false;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, next);
      return next;
    },

    async signOut(): Promise<void> {
      try {
        await api.delete('/session');
      } finally {
        setCsrfToken(null);
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
        queryClient.setQueryData(SESSION_KEY, null);
      }
    },

    async changePassword(currentPassword: string, newPassword: string): Promise<void> {
      await api.post('/session/password', { currentPassword, newPassword });
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },

    /** Switch the UI language; remembered in this browser and, when signed in, on the account. */
    async setLanguage(language: TLanguage): Promise<void> {
      await applyLanguage(language);
      if (!session) {
        languageChosenWhileSignedOut = true;
        return;
      }
      queryClient.setQueryData<TSessionResponse | null>(SESSION_KEY, (s) => (s ? { ...s, user: { ...s.user, language } } : s));
      if (!session.user.mustChangePassword) await api.put('/session/language', { language }).catch(() => undefined);
    },
  };
}

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh">
      <Loader role="status" aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * Routes behind it need a session: without one the user goes to the sign-in screen (and comes
 * back afterwards); a user who must change the password goes to that screen first.
 */
export function RequireSession({ children, allowPasswordChange = false }: { children: ReactNode; allowPasswordChange?: boolean }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'} replace />;
  }
  if (user.mustChangePassword && !allowPasswordChange) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

/** Only for users with the given permission; others see the dashboard. */
export function RequirePermission({ permission, children }: { permission: keyof TPermissions; children: ReactNode }) {
  const { permissions } = useSession();
  if (!permissions?.[permission]) return <Navigate to="/gaps" replace />;
  return <>{children}</>;
}
