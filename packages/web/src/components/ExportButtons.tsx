import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api/client';

export type TExportTable = 'territories' | 'population' | 'indicators' | 'services' | 'norms' | 'service-types' | 'gaps' | 'audit';
type Query = Record<string, string | number | boolean | null | undefined>;

/**
 * CSV and Excel downloads of a table as the server exports it, headers in the current language.
 * `label` names what is downloaded, for screen readers when a page has several tables.
 */
export function ExportButtons({ table, query, label }: { table: TExportTable; query?: Query; label?: string }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => withQuery(`/api/v1/exports/${table}/${format}`, { ...query, lang: i18n.language });
  const what = label ?? t(`common.exportTables.${table}`);
  return (
    <Group gap="xs" data-testid={`export-${table}`}>
      <Button
        component="a"
        href={href('csv')}
        download
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} aria-hidden />}
        aria-label={t('common.downloadAs', { what, format: 'CSV' })}
      >
        CSV
      </Button>
      <Button
        component="a"
        href={href('xlsx')}
        download
        variant="default"
        size="xs"
        leftSection={<IconDownload size={14} aria-hidden />}
        aria-label={t('common.downloadAs', { what, format: 'Excel (XLSX)' })}
      >
        XLSX
      </Button>
    </Group>
  );
}
