/// <reference types="vite/client" />
import './app/app.css';
import { translationsReady } from './app/i18n';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { askEarly } from './collection/early-form';

/**
 * Two ways in (issue 7: phones on slow connections). The public questionnaire is drawn on its own,
 * in plain HTML: no Mantine, no router, no react-query, no zod — on a village network (50 KB/s)
 * each of them is a second or more before the first question. Its code, its words and its form's
 * definition are asked for at once, not one after another. Every other screen loads all of them
 * (officers-app.tsx) beside this file's own.
 */
const onPublicForm = /^\/f\//.test(window.location.pathname);
if (onPublicForm) askEarly(window.location.pathname);

async function publicForm(): Promise<ReactNode> {
  const { PublicFormPage } = await import('./collection/PublicFormPage');
  return <PublicFormPage />;
}
async function officersApp(): Promise<ReactNode> {
  const { OfficersApp } = await import('./officers-app');
  return <OfficersApp />;
}
const screen = onPublicForm ? publicForm() : officersApp();

// Drawn once the language's words (no raw keys) and the screen's code and styles are there.
void Promise.all([translationsReady, screen]).then(([, root]) => createRoot(document.getElementById('root')!).render(<StrictMode>{root}</StrictMode>));
