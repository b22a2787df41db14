import { Badge, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TQuestionnaireDetail } from '@potreby/server/surveys/schema';
import { useFormat } from '../app/format';
import { SUCCESS_COLOUR } from './colours';
import { languageName } from './languages';

/** Where a version came from: the editor, or an XLSForm file (the server keeps its name). */
export function versionSource(source: string): { kind: 'editor' | 'xlsform' | 'other'; file: string | null } {
  if (source === 'editor') return { kind: 'editor', file: null };
  const xls = /^xlsform(?::\s*(.+))?$/i.exec(source);
  if (xls) return { kind: 'xlsform', file: xls[1] ?? null };
  if (/\.(xlsx|xls|xml)$/i.test(source)) return { kind: 'xlsform', file: source };
  return { kind: 'other', file: source };
}

/** Every version with its date, origin, languages and how many answered it. */
export function VersionsPanel({ questionnaire }: { questionnaire: TQuestionnaireDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="sm" data-testid="versions">
      <Text size="sm" c="gray.7" mb="sm">
        {t('designer.versions.intro')}
      </Text>
      <Table.ScrollContainer minWidth={620}>
        <Table striped verticalSpacing={6} fz="sm" data-testid="versions-table">
          <caption className="sr-only">{t('designer.versions.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" className="num">
                {t('designer.versions.version')}
              </Table.Th>
              <Table.Th scope="col">{t('designer.versions.date')}</Table.Th>
              <Table.Th scope="col">{t('designer.versions.source')}</Table.Th>
              <Table.Th scope="col">{t('designer.versions.languages')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('designer.versions.responses')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {questionnaire.versions.map((v) => {
              const source = versionSource(v.source);
              return (
                <Table.Tr key={v.version} data-testid="version-row">
                  <Table.Td className="num">
                    {fmt.number(v.version)}
                    {v.version === questionnaire.currentVersion ? (
                      <Badge size="xs" ml={6} variant="light" color={SUCCESS_COLOUR}>
                        {t('designer.versions.current')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td data-testid="version-source">
                    {t(`designer.versions.sources.${source.kind}`)}
                    {source.file ? (
                      <Text span size="xs" c="gray.7" ml={6}>
                        {source.file}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {v.languages.map((l, i) => (
                      <span key={l} lang={l}>
                        {i > 0 ? ', ' : ''}
                        {languageName(l)}
                      </span>
                    ))}
                  </Table.Td>
                  <Table.Td className="num" data-testid="version-responses">
                    {fmt.number(v.responses)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
