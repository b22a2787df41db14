import { useState } from 'react';
import { Badge, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconKey, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TUser } from '@potreby/server/accounts/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { RowAction } from '../components/RowAction';
import { PageTitle } from '../components/PageTitle';
import { OneTimePassword } from './OneTimePassword';
import { UserForm } from './UserForm';

/** Accounts (admin): who may sign in, with which role, for which territory. */
export function UsersPage() {
  const { t } = useTranslation();
  const names = useNames();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api.get<{ items: TUser[] }>('/users') });
  const [editing, setEditing] = useState<{ user: TUser | null } | null>(null);
  const [resetting, setResetting] = useState<TUser | null>(null);
  const [issued, setIssued] = useState<{ login: string; password: string } | null>(null);

  const reset = useMutation({
    mutationFn: (id: number) => api.post<{ user: TUser; oneTimePassword: string }>(`/users/${id}/password`),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      setResetting(null);
      setIssued({ login: result.user.login, password: result.oneTimePassword });
    },
  });

  return (
    <>
      <PageTitle title={t('users.title')}>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ user: null })} data-testid="add-user">
          {t('users.add')}
        </Button>
      </PageTitle>
      <ErrorAlert error={users.error} />
      {users.isPending ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {users.data ? (
        <Paper withBorder p="sm">
          <Table.ScrollContainer minWidth={900}>
            <Table striped verticalSpacing={6} fz="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('users.name')}</Table.Th>
                  <Table.Th scope="col">{t('users.role')}</Table.Th>
                  <Table.Th scope="col">{t('users.territory')}</Table.Th>
                  <Table.Th scope="col">{t('users.organisation')}</Table.Th>
                  <Table.Th scope="col">{t('users.language')}</Table.Th>
                  <Table.Th scope="col">{t('users.status')}</Table.Th>
                  <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
                  <Table.Th scope="col">
                    <span className="sr-only">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((u) => (
                  <Table.Tr key={u.id} data-testid={`user-row-${u.login}`}>
                    <Table.Td>
                      <Text size="sm" fw={600} translate="no">
                        {u.name}
                      </Text>
                      <Text size="xs" c="gray.7" translate="no">
                        {u.login}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                    <Table.Td>{u.territory ? `${names.territory(u.territory)} (${u.territory.code})` : '—'}</Table.Td>
                    <Table.Td>{u.organisation ?? '—'}</Table.Td>
                    <Table.Td>{names.languageName(u.language)}</Table.Td>
                    <Table.Td>
                      {u.disabled ? (
                        <Badge color="gray.8" variant="outline">
                          {t('users.statusDisabled')}
                        </Badge>
                      ) : u.mustChangePassword ? (
                        <Badge color="indigo" variant="light">
                          {t('users.statusMustChange')}
                        </Badge>
                      ) : (
                        <Badge color="blue" variant="light">
                          {t('users.statusActive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{u.lastSignInAt ? fmt.dateTime(u.lastSignInAt) : t('users.never')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <RowAction tooltip={t('common.edit')} label={t('users.editNamed', { name: u.name })} icon={IconPencil} onClick={() => setEditing({ user: u })} testId="edit-user" />
                        <RowAction tooltip={t('users.resetPassword')} label={t('users.resetNamed', { name: u.name })} icon={IconKey} onClick={() => setResetting(u)} testId="reset-password" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}

      <UserForm
        opened={editing !== null}
        user={editing?.user ?? null}
        onClose={() => setEditing(null)}
        onCreated={(user, password) => setIssued({ login: user.login, password })}
      />
      <OneTimePassword login={issued?.login ?? ''} password={issued?.password ?? null} onClose={() => setIssued(null)} />
      <ConfirmDialog
        opened={resetting !== null}
        onClose={() => {
          reset.reset();
          setResetting(null);
        }}
        title={t('users.resetPassword')}
        question={t('users.resetConfirm', { name: resetting?.name ?? '' })}
        error={reset.error}
        onConfirm={() => resetting && reset.mutate(resetting.id)}
        confirmLabel={t('users.resetPassword')}
        confirmTestId="confirm-reset"
        loading={reset.isPending}
      />
    </>
  );
}
