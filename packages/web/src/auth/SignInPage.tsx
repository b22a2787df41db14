import { useEffect, useState } from 'react';
import { Button, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../app/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { AuthFrame } from './AuthFrame';

/** Only paths inside the app, so a crafted link cannot send the user elsewhere after signing in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/gaps');

export function SignInPage() {
  const { t } = useTranslation();
  const { status, user, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('signIn.title')} · potreby`;
  }, [t]);

  if (status === 'signedIn' && user && !busy) {
    return <Navigate to={user.mustChangePassword ? '/change-password' : safeNext(params.get('next'))} replace />;
  }

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await signIn(login.trim(), password);
      navigate(session.user.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    } catch (err) {
      setError(err);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          <ErrorAlert error={error} />
          <TextInput
            label={t('signIn.login')}
            value={login}
            onChange={(e) => setLogin(e.currentTarget.value)}
            autoComplete="username"
            required
            autoFocus
            data-testid="sign-in-login"
          />
          <PasswordInput
            label={t('signIn.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
            data-testid="sign-in-password"
          />
          <Button type="submit" loading={busy} disabled={!login.trim() || !password} data-testid="sign-in-submit">
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
