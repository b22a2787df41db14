import { useEffect, useState } from 'react';
import { Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ZUserCreate, type TLevel } from '@potreby/domain';
import { LANGUAGES, isLanguage, type TLanguage } from '@potreby/i18n';
import type { TRole, TUser, TUserCreate } from '@potreby/server/accounts/schema';
import { api } from '../api/client';
import { useNames } from '../app/names';
import { serverFieldErrors, validateWith } from '../app/validation';
import { DialogActions } from '../components/DialogActions';
import { ErrorAlert } from '../components/ErrorAlert';
import { TerritoryPicker } from '../components/TerritoryPicker';
import { ROLE_SCOPE, ROLES } from './roles';

type FormValues = {
  login: string;
  name: string;
  role: TRole;
  territoryId: number | null;
  organisation: string;
  language: TLanguage;
  disabled: boolean;
};

const blank: FormValues = { login: '', name: '', role: 'municipal_officer', territoryId: null, organisation: '', language: 'en', disabled: false };

const toInput = (v: FormValues) => ({
  login: v.login,
  name: v.name,
  role: v.role,
  territoryId: v.role === 'admin' ? null : v.territoryId,
  organisation: v.organisation.trim() || null,
  language: v.language,
});

export type UserFormProps = {
  opened: boolean;
  /** The account to edit; null creates one. */
  user: TUser | null;
  onClose: () => void;
  onCreated: (user: TUser, oneTimePassword: string) => void;
};

export function UserForm({ opened, user, onClose, onCreated }: UserFormProps) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  // The level of the chosen territory, to drop it when a new role is scoped to another level.
  const [territoryLevel, setTerritoryLevel] = useState<TLevel | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: blank,
    // Editing keeps the login; validate the rest with a placeholder login.
    validate: (values) => validateWith(ZUserCreate, { ...toInput(values), login: user ? 'existing' : values.login }, t).errors ?? {},
  });

  useEffect(() => {
    if (!opened) return;
    form.setValues(
      user
        ? {
            login: user.login,
            name: user.name,
            role: user.role,
            territoryId: user.territory?.id ?? null,
            organisation: user.organisation ?? '',
            language: user.language,
            disabled: user.disabled,
          }
        : { ...blank, language: isLanguage(i18n.language) ? i18n.language : 'en' },
    );
    form.clearErrors();
    setTerritoryLevel((user?.territory?.level as TLevel | undefined) ?? null);
    save.reset();
  }, [opened, user?.id]);

  const save = useMutation({
    mutationFn: async (values: FormValues) => {
      const input = toInput(values);
      if (user) {
        const { login: _login, ...rest } = input;
        return { user: await api.put<TUser>(`/users/${user.id}`, { ...rest, disabled: values.disabled }), oneTimePassword: null };
      }
      return api.post<{ user: TUser; oneTimePassword: string }>('/users', input satisfies Partial<TUserCreate>);
    },
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      await queryClient.invalidateQueries({ queryKey: ['audit'] });
      onClose();
      if (result.oneTimePassword) onCreated(result.user, result.oneTimePassword);
    },
    onError: (error) => {
      const fields = serverFieldErrors(error, t);
      if (fields) form.setErrors(fields);
    },
  });

  const scope = ROLE_SCOPE[form.values.role];
  const serverError = save.error && !serverFieldErrors(save.error, t) ? save.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(user ? 'users.editTitle' : 'users.addTitle')} size="lg">
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate data-testid="user-form">
        <Stack gap="sm">
          <ErrorAlert error={serverError} />
          <TextInput
            label={t('users.login')}
            description={user ? undefined : t('users.loginHint')}
            required
            disabled={user !== null}
            autoComplete="off"
            {...form.getInputProps('login')}
            data-testid="user-login"
          />
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} data-testid="user-name" />
          <Select
            label={t('users.role')}
            required
            allowDeselect={false}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            {...form.getInputProps('role')}
            onChange={(value) => {
              const role = (value ?? 'viewer') as TRole;
              const scope: readonly TLevel[] | null = ROLE_SCOPE[role];
              form.setFieldValue('role', role);
              if (!scope || (territoryLevel && !scope.includes(territoryLevel))) {
                form.setFieldValue('territoryId', null);
                setTerritoryLevel(null);
              }
            }}
            data-testid="user-role"
          />
          {scope ? (
            <TerritoryPicker
              label={t('users.territory')}
              description={t('users.territoryHint')}
              levels={[...scope]}
              required
              value={form.values.territoryId}
              onChange={(id, territory) => {
                form.setFieldValue('territoryId', id);
                setTerritoryLevel(territory?.level ?? null);
              }}
              error={form.errors.territoryId}
              data-testid="user-territory"
            />
          ) : null}
          <TextInput label={t('users.organisation')} {...form.getInputProps('organisation')} data-testid="user-organisation" />
          <Select
            label={t('users.language')}
            allowDeselect={false}
            data={LANGUAGES.map((l) => ({ value: l, label: names.languageName(l) }))}
            {...form.getInputProps('language')}
            data-testid="user-language"
          />
          {user ? (
            <Switch label={t('users.disabled')} description={t('users.disabledHint')} {...form.getInputProps('disabled', { type: 'checkbox' })} data-testid="user-disabled" />
          ) : null}
          <DialogActions onCancel={onClose} submit confirmLabel={t(user ? 'common.save' : 'users.create')} confirmTestId="user-save" loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
