import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The new account's (or reset) password, shown once; the user must change it at first sign-in. */
export function OneTimePassword({ login, password, onClose }: { login: string; password: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={password !== null} onClose={onClose} title={t('users.oneTimePasswordTitle')}>
      <Stack>
        <Text>{t('users.oneTimePasswordText', { login })}</Text>
        <Group gap="sm" wrap="nowrap">
          <Code fz="lg" p="xs" data-testid="one-time-password" style={{ userSelect: 'all', wordBreak: 'break-all' }}>
            {password}
          </Code>
          <CopyButton value={password ?? ''}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal.9' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
                data-testid="copy-password"
              >
                {copied ? t('users.copied') : t('users.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Alert color="yellow" variant="light">
          <Text size="sm" c="gray.9">
            {t('users.oneTimePasswordWarning')}
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="one-time-password-done">
            {t('common.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
