import { Center, Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDatasetList } from '@potreby/server/imports/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';

export const DATASETS_KEY = ['datasets'] as const;

/** The server names imports nobody signed in for (the demonstration, the command line) "system". */
const isSystem = (importedBy: string | null) => importedBy === null || importedBy === 'system';

/**
 * Where a file's figures come from: the register itself when the file is one (the server
 * stores the register's id, `bg_municipalities`, as the source), a translated text when the
 * demonstration wrote it, otherwise the citation as given, which is not translated.
 */
function DatasetSource({ source }: { source: string | null }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  if (!source) return <>—</>;
  if (i18n.exists(`imports.formats.${source}`)) return <>{t(`imports.formats.${source}`)}</>;
  const known = names.dataText(source);
  return known !== source ? <>{known}</> : <span translate="no">{source}</span>;
}

/** Past imports, newest first: when, who, which file, what was recognised, how many rows. */
export function DatasetList() {
  const { t } = useTranslation();
  const format = useFormat();
  const names = useNames();
  const query = useQuery({ queryKey: DATASETS_KEY, queryFn: () => api.get<TDatasetList>('/datasets') });
  if (query.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('imports.history.loading')} />
      </Center>
    );
  if (query.error) return <ErrorAlert error={query.error} />;
  const items = [...query.data.items].sort((a, b) => b.importedAt.localeCompare(a.importedAt));
  if (items.length === 0) return <Text size="sm">{t('imports.history.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped tabularNums highlightOnHover aria-labelledby="imports-history-heading" data-testid="dataset-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('imports.history.when')}</Table.Th>
            <Table.Th scope="col">{t('imports.history.who')}</Table.Th>
            <Table.Th scope="col">{t('imports.history.file')}</Table.Th>
            <Table.Th scope="col">{t('imports.history.kind')}</Table.Th>
            <Table.Th scope="col">{t('imports.history.format')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('imports.history.rows')}
            </Table.Th>
            <Table.Th scope="col">{t('imports.history.source')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="dataset-row">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(d.importedAt)}</Table.Td>
              <Table.Td translate={isSystem(d.importedBy) ? undefined : 'no'}>{isSystem(d.importedBy) ? t('imports.history.system') : d.importedBy}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }} translate="no">
                {d.fileName ?? '—'}
              </Table.Td>
              <Table.Td>
                {t(`imports.kinds.${d.kind}`, { defaultValue: d.kind })}
                {d.country && (
                  <Text span size="xs" c="gray.7">
                    {' '}
                    · {names.country(d.country)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{t(`imports.formats.${d.format}`, { defaultValue: d.format })}</Table.Td>
              <Table.Td ta="right">{format.number(d.rows)}</Table.Td>
              <Table.Td>
                <DatasetSource source={d.source} /> {d.illustrative && <DemoBadge kind="illustrative" />}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
