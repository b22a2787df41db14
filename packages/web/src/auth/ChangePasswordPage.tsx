import { useEffect, useState } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { MIN_PASSWORD_LENGTH as MIN_LENGTH, passwordLength } from '@potreby/domain/accounts/password-length';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from '../app/session';
import { serverFieldErrors } from '../app/validation';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuthFrame } from './AuthFrame';

/**
 * The server's rule, checked here first so the reason shows at once: the list of common
 * passwords is loaded only on this page (its own chunk of the build), not with the whole app.
 */
const checkPassword = async (password: string, personal: string[]) => (await import('@potreby/domain/accounts/check-password')).checkPassword(password, personal);

/** Choose a new password; forced after an administrator created the account or reset its password. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, changePassword } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ current?: string; next?: string; repeat?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const forced = user?.mustChangePassword ?? false;

  useEffect(() => {
    document.title = `${t('signIn.changePasswordTitle')} · potreby`;
  }, [t]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!current) found.current = t('common.fieldErrors.required');
    // Counted as the server counts: invisible characters and runs of spaces do not make it longer.
    if (passwordLength(next) < MIN_LENGTH) found.next = t('signIn.passwordTooShort', { count: MIN_LENGTH });
    else if (next === current) found.next = t('signIn.passwordSameAsOld');
    else {
      const problem = await checkPassword(next, user ? [user.login, user.name] : []).catch(() => null);
      if (problem) found.next = t(`common.fieldErrors.${problem}`);
    }
    if (repeat !== next) found.repeat = t('signIn.passwordsDiffer');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      navigate('/gaps', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth.invalid_credentials') setErrors({ current: t('signIn.currentPasswordWrong') });
      else if (err instanceof ApiError && (err.code === 'auth.weak_password' || err.code === 'validation.invalid') && serverFieldErrors(err, t)?.newPassword) {
        // The server's reason (a common password, the current one again), under the field.
        setErrors({ next: serverFieldErrors(err, t)!.newPassword });
      } else setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('signIn.changePasswordTitle')}
          </Title>
          {forced ? (
            <Alert color="blue" variant="light" data-testid="password-change-required">
              {t('signIn.mustChangePassword')}
            </Alert>
          ) : null}
          <ErrorAlert error={error} />
          <PasswordInput
            label={t(forced ? 'signIn.oneTimePassword' : 'signIn.currentPassword')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
            autoComplete="current-password"
            required
            data-testid="current-password"
          />
          <PasswordInput
            label={t('signIn.newPassword')}
            description={t('signIn.passwordRule', { count: MIN_LENGTH })}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.next}
            autoComplete="new-password"
            required
            data-testid="new-password"
          />
          <PasswordInput
            label={t('signIn.repeatPassword')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={errors.repeat}
            autoComplete="new-password"
            required
            data-testid="repeat-password"
          />
          <Button type="submit" loading={busy} data-testid="change-password-submit">
            {t('signIn.changePasswordSubmit')}
          </Button>
          {!forced ? (
            <Text size="sm">
              <Anchor component={Link} to="/gaps">
                {t('common.back')}
              </Anchor>
            </Text>
          ) : null}
        </Stack>
      </form>
    </AuthFrame>
  );
}
