// Every screen but the public questionnaire (main.tsx tells why they are apart): Mantine with all
// its styles, in their own cascade layer so the app's unlayered styles win whatever order they
// arrive in; the router; the server's data through react-query; forms checked with zod.
import '@mantine/core/styles.layer.css';
import './app/zod-config';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App } from './App';
import { queryClient } from './app/queryClient';
import { cssVariablesResolver, makeTheme } from './app/theme';

/**
 * The officers' screens tell of saved changes in notifications; they arrive just after the first
 * screen (a notification shown before that waits in Mantine's store and appears then).
 */
const Notifications = lazy(async () => {
  const [{ Notifications: Component }] = await Promise.all([import('@mantine/notifications'), import('@mantine/notifications/styles.css')]);
  return { default: Component };
});

function Themed({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => makeTheme(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      {children}
    </MantineProvider>
  );
}

export function OfficersApp() {
  return (
    <Themed>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </Themed>
  );
}
