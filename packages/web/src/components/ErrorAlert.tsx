import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/**
 * The user's-language message for any error: `errors.<code>` for API errors, else a generic one.
 * Messages with figures in them ("try again in 30 seconds") come already filled in from the
 * server as the problem's title, in the user's language; we use that title for those.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  const generic = t('common.unexpectedError');
  if (error instanceof ApiError) {
    const message = t(`errors.${error.code}`, { defaultValue: generic });
    return message.includes('{{') ? error.problem.title || generic : message;
  }
  if (error instanceof TypeError) return t('common.networkError');
  return generic;
}

/** A failed request, explained in the user's language (never a raw code). */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />} title={title} data-testid="error-alert">
      {errorMessage(t, error)}
    </Alert>
  );
}
