import type { ReactNode } from 'react';
import { Box, Container, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';

/** The frame of the screens shown before the app: product name, language, one card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <Text fw={800} fz="xl" c="blue.9">
            potreby
          </Text>
          <LanguageSwitch compact />
        </Group>
      </Box>
      <Container component="main" size={460} py="xl" id="main">
        <Text c="gray.7" mb="md">
          {t('signIn.tagline')}
        </Text>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
