import { useState } from 'react';
import { Alert, Button, Group, Pagination, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TProblem } from '@potreby/server/http/schema';
import { csvText } from '@potreby/domain';
import { useFormat } from '../app/format';
import { downloadBlob } from '../components/download-blob';

type RowError = NonNullable<TProblem['errors']>[number];

const PAGE_SIZE = 20;

/** A rejected file: nothing was changed, how many errors, and each row's problem. */
export function ImportReport({ problem, fileName }: { problem: TProblem; fileName: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errors = problem.errors ?? [];
  const total = problem.totalErrors ?? errors.length;
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(errors.length / PAGE_SIZE));
  const shown = errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const download = () => {
    const header = [t('imports.report.row'), t('imports.report.column'), t('imports.report.value'), t('imports.report.reason')];
    const lines = [header, ...errors.map((e) => [e.row === 0 ? t('imports.report.wholeFile') : String(e.row), e.column ?? '', e.value ?? '', e.message])].map((cells) => cells.map(csvText).join(','));
    // The byte-order mark makes spreadsheet programs read the file as UTF-8 (Cyrillic, Polish letters).
    const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, `${t('imports.report.fileName')}${fileName ? '-' + fileName.replace(/\.[^.]+$/, '') : ''}.csv`);
  };

  return (
    <Stack gap="sm" data-testid="import-report">
      <Alert color="red" variant="light" icon={<IconFileAlert aria-hidden />} title={t('imports.report.title')} role="alert" data-testid="import-rejected">
        <Text size="sm" fw={600} data-testid="import-nothing-changed">
          {t('imports.report.nothingChanged')}
        </Text>
        <Text size="sm" data-testid="import-error-count">
          {t('imports.report.errorCount', { count: total, formatted: format.number(total) })}
          {errors.length < total && ` ${t('imports.report.firstShown', { count: errors.length, formatted: format.number(errors.length) })}`}
        </Text>
        <Text size="sm">{t('imports.report.fixAndRetry')}</Text>
      </Alert>
      {errors.length > 0 && (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="gray.7">
              {t('imports.report.pageInfo', { from: format.number((page - 1) * PAGE_SIZE + 1), to: format.number(Math.min(page * PAGE_SIZE, errors.length)), total: format.number(errors.length) })}
            </Text>
            <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={download} data-testid="import-report-download">
              {t('imports.report.download')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table striped tabularNums withTableBorder data-testid="import-errors">
              <caption>
                <VisuallyHidden>{t('imports.report.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" ta="right" w={80}>
                    {t('imports.report.row')}
                  </Table.Th>
                  <Table.Th scope="col">{t('imports.report.column')}</Table.Th>
                  <Table.Th scope="col">{t('imports.report.value')}</Table.Th>
                  <Table.Th scope="col">{t('imports.report.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((e: RowError, i) => (
                  <Table.Tr key={`${e.row}-${e.column}-${i}`} data-testid="import-error-row">
                    <Table.Td ta="right">{e.row === 0 ? t('imports.report.wholeFile') : format.number(e.row)}</Table.Td>
                    <Table.Td>
                      <code>{e.column ?? '—'}</code>
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{e.value === null || e.value === '' ? '—' : e.value}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': t(`imports.report.pager.${control}`) })}
              getItemProps={(p) => ({ 'aria-label': t('imports.report.pager.page', { page: p }) })}
              data-testid="import-errors-pages"
            />
          )}
        </>
      )}
    </Stack>
  );
}

