import { useState } from 'react';
import { Anchor, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAssessmentSummary } from '@potreby/server/assessments/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { DemoBadge } from '../components/DemoBadge';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageTitle } from '../components/PageTitle';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentStatus } from './AssessmentStatus';

/** The needs assessments within the user's reach, newest first; start a new one. */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useNames();
  const { permissions, user } = useSession();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['assessments'], queryFn: () => api.get<{ items: TAssessmentSummary[] }>('/assessments') });
  const items = list.data?.items ?? [];
  // The roles that run assessments (the server has the last word; a permission flag wins once the session carries one).
  const flag = (permissions as Record<string, boolean> | null)?.editAssessments;
  const canCreate = flag ?? ['admin', 'agency', 'regional_officer', 'municipal_officer'].includes(user?.role ?? '');

  return (
    <>
      <PageTitle title={t('assessments.title')}>
        {canCreate ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="add-assessment">
            {t('assessments.add')}
          </Button>
        ) : null}
      </PageTitle>
      <Text mb="md" maw={820}>
        {t('assessments.intro')}
      </Text>
      <ErrorAlert error={list.error} />
      {list.isLoading ? <Loader role="status" aria-label={t('common.loading')} /> : null}
      {list.data ? (
        <Paper withBorder p="sm">
          {items.length === 0 ? (
            <Text c="gray.7" ta="center" py="lg" data-testid="assessments-empty">
              {t('assessments.empty')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped verticalSpacing={6} fz="sm" data-testid="assessments-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assessments.territory')}</Table.Th>
                    <Table.Th scope="col">{t('assessments.titleField')}</Table.Th>
                    <Table.Th scope="col">{t('assessments.period')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('assessments.year')}
                    </Table.Th>
                    <Table.Th scope="col">{t('assessments.status')}</Table.Th>
                    <Table.Th scope="col" className="num">
                      {t('assessments.responses')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((a) => (
                    <Table.Tr key={a.id} data-testid="assessment-row">
                      <Table.Td>{names.territory(a.territory)}</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Anchor component={Link} to={`/assessments/${a.id}`} fw={600} size="sm" data-testid="open-assessment" lang={a.language}>
                            {a.title}
                          </Anchor>
                          {a.demo ? <DemoBadge /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('assessments.periodRange', { from: fmt.date(a.periodFrom), to: fmt.date(a.periodTo) })}</Table.Td>
                      <Table.Td className="num">{a.year}</Table.Td>
                      <Table.Td>
                        <AssessmentStatus status={a.status} />
                      </Table.Td>
                      <Table.Td className="num">{fmt.number(a.responses)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ) : null}
      <AssessmentForm opened={creating} assessment={null} onClose={() => setCreating(false)} />
    </>
  );
}
