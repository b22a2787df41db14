import { useState } from 'react';
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TAssessmentSummary } from '@potreby/server/assessments/schema';
import { api } from '../api/client';
import { useFormat } from '../app/format';
import { useNames } from '../app/names';
import { useSession } from '../app/session';
import { mayEditAssessments } from './assessment-access';
import { DemoBadge } from '../components/DemoBadge';
import { ListTable } from '../components/ListTable';
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
  const canCreate = mayEditAssessments(user, permissions);

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
      <ListTable
        query={list}
        count={items.length}
        empty={t('assessments.empty')}
        emptyTestId="assessments-empty"
        minWidth={760}
        testId="assessments-table"
        columns={[
          { key: 'territory', label: t('assessments.territory') },
          { key: 'title', label: t('assessments.titleField') },
          { key: 'period', label: t('assessments.period') },
          { key: 'year', label: t('assessments.year'), numeric: true },
          { key: 'status', label: t('assessments.status') },
          { key: 'responses', label: t('assessments.responses'), numeric: true },
        ]}
      >
        {items.map((a) => (
          <Table.Tr key={a.id} data-testid="assessment-row">
            <Table.Td lang={names.territoryLang(a.territory)}>{names.territory(a.territory)}</Table.Td>
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
      </ListTable>
      <AssessmentForm opened={creating} assessment={null} onClose={() => setCreating(false)} />
    </>
  );
}
