import { useState } from 'react';
import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorAlert } from '../components/ErrorAlert';

type CalendarAddress = { token: string; url: string; roundUrlTemplate: string };

/** One address with its copy button; the field is read-only and selects all on focus. */
function AddressField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput label={label} value={value} readOnly onFocus={(e) => e.currentTarget.select()} style={{ flex: 1, minWidth: 0 }} data-testid={testId} />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant={copied ? 'light' : 'default'} color={copied ? 'teal.9' : undefined} onClick={copy} aria-label={`${copied ? t('users.copied') : t('users.copy')}: ${label}`} px="xs">
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * "Subscribe to the calendar" (issue 8, item 3): makes the person's secret calendar address (a
 * new one stops the old) and shows it once, for all their rounds and for this round, to paste
 * into a calendar app. Only a hash of the secret is kept on the server, so it cannot be shown again.
 */
export function CalendarSubscribe({ roundId }: { roundId: number }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const create = useMutation({ mutationFn: () => api.post<CalendarAddress>('/calendar/token', {}) });
  const address = create.data;
  const close = () => {
    setOpened(false);
    create.reset();
  };
  return (
    <>
      <Button variant="default" size="sm" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setOpened(true)} data-testid="calendar-subscribe">
        {t('roundCalendar.subscribe')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('roundCalendar.subscribe')}>
        <Stack>
          <Text size="sm">{t('roundCalendar.hint')}</Text>
          {create.error ? <ErrorAlert error={create.error} title={t('roundCalendar.failed')} /> : null}
          {address ? (
            <>
              <AddressField label={t('roundCalendar.allRounds')} value={address.url} testId="calendar-url" />
              <AddressField label={t('roundCalendar.thisRound')} value={address.roundUrlTemplate.replace('{roundId}', String(roundId))} testId="calendar-round-url" />
              <Alert color="yellow" variant="light">
                <Text size="sm" c="gray.9">
                  {t('roundCalendar.shownOnce')}
                </Text>
              </Alert>
            </>
          ) : null}
          <Group justify="flex-end">
            <Button onClick={() => create.mutate()} loading={create.isPending} variant={address ? 'default' : 'filled'} data-testid="calendar-create">
              {address ? t('roundCalendar.rotate') : t('roundCalendar.create')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
