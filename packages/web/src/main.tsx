/// <reference types="vite/client" />
import '@mantine/core/styles.css';
import './app/app.css';
import './app/zod-config';
import './app/i18n';
import { lazy, StrictMode, Suspense, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App } from './App';
import { queryClient } from './app/queryClient';
import { cssVariablesResolver, makeTheme } from './app/theme';

/**
 * The officers' screens tell of saved changes in notifications; the public questionnaire never
 * does, so a respondent's phone does not download them (nor their styles) before the first
 * question. They arrive just after the first screen for everyone else; a notification shown
 * before that waits in Mantine's store and appears then.
 */
const Notifications = lazy(async () => {
  const [{ Notifications: Component }] = await Promise.all([import('@mantine/notifications'), import('@mantine/notifications/styles.css')]);
  return { default: Component };
});
const PUBLIC_FORM = /^\/f\//;

function Themed({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => makeTheme(t), [t, i18n.language]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {!PUBLIC_FORM.test(window.location.pathname) && (
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
      )}
      {children}
    </MantineProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Themed>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </Themed>
  </StrictMode>,
);
