/// <reference types="vite/client" />
// Mantine's styles in its own cascade layer, so the app's (unlayered) styles win over them
// whatever order they arrive in. First only the base and the parts the public questionnaire
// draws: a respondent's phone does not download the styles of a hundred components it never
// shows (issue 7). Every other screen waits for all of them (below) before it is drawn.
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/CloseButton.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/Button.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/Alert.layer.css';
import '@mantine/core/styles/Center.layer.css';
import '@mantine/core/styles/Container.layer.css';
import '@mantine/core/styles/Group.layer.css';
import '@mantine/core/styles/Stack.layer.css';
import '@mantine/core/styles/Text.layer.css';
import '@mantine/core/styles/Title.layer.css';
import './app/app.css';
import './app/zod-config';
import { translationsReady } from './app/i18n';
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

// The public questionnaire's code is fetched alongside its words, not after them (the router
// asks for it only once the app is drawn): on a slow phone connection that is a second saved.
const onPublicForm = PUBLIC_FORM.test(window.location.pathname);
if (onPublicForm) void import('./collection/PublicFormPage');
/** All of Mantine's styles, for every screen but the public questionnaire (above). */
const stylesReady = onPublicForm ? Promise.resolve() : import('@mantine/core/styles.layer.css').then(() => undefined);

// Drawn once the language's words (no raw keys) and the screen's styles are there.
void Promise.all([translationsReady, stylesReady.catch(() => undefined)]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </Themed>
    </StrictMode>,
  ),
);
