import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageTitle title={t('common.notFoundTitle')} />
      <Text>{t('common.notFoundText')}</Text>
      <Button component={Link} to="/gaps">
        {t('nav.gaps')}
      </Button>
    </Stack>
  );
}
